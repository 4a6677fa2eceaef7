import { spawn } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/app.js'
import { InvalidContentError } from '../../src/content/pipeline.js'
import { buildTestApp, fixtureDir } from '../helpers/app.js'

const tsx = join(process.cwd(), 'node_modules/.bin/tsx')

function runServer (env: Record<string, string>): Promise<{ code: number | null, stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ['src/server.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stderr }) })
  })
}

describe('boot', () => {
  it('refuses to build the app on invalid content, with file and line', async () => {
    const error = await buildApp({ contentDir: fixtureDir('dangling-reference'), logLevel: 'silent' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidContentError)
    expect((error as Error).message).toBe([
      'Content has 1 problem:',
      '  test/fixtures/content/dangling-reference/demo/versions/2024-01-01/steps/shell-use.yaml:6:16 tools[1]: refers to tool "bash", which does not exist in version 2024-01-01'
    ].join('\n'))
  })

  it('the server process exits 1 and prints the same report', async () => {
    const { code, stderr } = await runServer({ CONTENT_DIR: fixtureDir('many-problems'), PORT: '0', LOG_LEVEL: 'silent' })
    expect(code).toBe(1)
    expect(stderr).toContain('Content has 3 problems:')
    expect(stderr).toContain('many-problems/demo/roadmap.yaml:8:9 latest: points to version "2025-01-01"')
    expect(stderr).not.toMatch(/\n\s+at /)
  })

  it('the server process names each bad setting and exits 1', async () => {
    const { code, stderr } = await runServer({ PORT: 'eighty', LOG_LEVEL: 'loud' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/^Invalid configuration:\n/)
    expect(stderr).toContain('PORT="eighty"')
    expect(stderr).toContain('LOG_LEVEL="loud"')
  })
})

describe('content reload', () => {
  let dir: string | undefined
  afterEach(async () => { if (dir !== undefined) await rm(dir, { recursive: true, force: true }) })

  it('keeps serving the last good content when a reload finds problems, and swaps on a good one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadmap-content-'))
    await cp(fixtureDir('valid'), dir, { recursive: true })
    const app = await buildApp({ contentDir: dir, logLevel: 'silent' })
    const step = join(dir, 'demo/versions/2024-01-01/steps/basics.yaml')
    const before = await app.inject('/v1/roadmaps/demo/versions/2024-01-01')

    await writeFile(step, 'number: "1"\ntitle: Basics\norder: 1\nsummary: Learn the basics.\ntools: [ghost]\nresources: [shell-book]\n')
    const rejected = await app.reloadContent()
    expect(rejected.ok).toBe(false)
    expect(rejected.ok ? [] : rejected.issues.map((issue) => issue.message)).toContain('refers to tool "ghost", which does not exist in version 2024-01-01')
    const during = await app.inject('/v1/roadmaps/demo/versions/2024-01-01')
    expect(during.statusCode).toBe(200)
    expect(during.body).toBe(before.body)

    await writeFile(step, 'number: "1"\ntitle: Basics, revised\norder: 1\nsummary: Learn the basics.\ntools: [shell]\nresources: [shell-book]\n')
    expect((await app.reloadContent()).ok).toBe(true)
    const after = await app.inject('/v1/roadmaps/demo/versions/2024-01-01')
    expect(after.json().steps[0].title).toBe('Basics, revised')
    expect(after.headers.etag).not.toBe(before.headers.etag)
    await app.close()
  })
})

describe('health', () => {
  it('answers live and ready once content is loaded', async () => {
    const app = await buildTestApp({ fixture: 'valid' })
    const live = await app.inject('/health/live')
    expect(live.statusCode).toBe(200)
    expect(live.json()).toEqual({ status: 'ok' })
    const ready = await app.inject('/health/ready')
    expect(ready.json()).toEqual({ status: 'ok', versions: 1, content: { loadedAt: expect.any(String), reloads: 0, failedReloads: 0 } })
    await app.close()
  })
})
