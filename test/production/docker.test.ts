import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './server-process.js'

interface Run { code: number | null, stdout: string, stderr: string, ms: number }

/** The full rehearsal runs `npm ci` of every dependency: minutes on a busy two-core machine. */
const REHEARSAL_TIMEOUT_MS = 600_000

/**
 * scripts/dockerfile-check.mjs (`npm run docker:check`), on the repository's Dockerfile or another one.
 * Stopped with SIGTERM before the test times out: the script then stops the server it started and cleans up.
 */
function dockerfileCheck (dockerfile?: string): Promise<Run> {
  const started = performance.now()
  return new Promise((resolve) => {
    const options = { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: REHEARSAL_TIMEOUT_MS - 20_000, killSignal: 'SIGTERM' as const }
    execFile(process.execPath, ['scripts/dockerfile-check.mjs', ...(dockerfile === undefined ? [] : [dockerfile])], options, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : (error.code as number | undefined) ?? null, stdout, stderr, ms: performance.now() - started })
    })
  })
}

// The runtime stage of a Dockerfile, without the build: enough for the checks that come before or without `npm ci`.
const RUNTIME = [
  'FROM node:20-bookworm-slim AS runtime',
  'ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000',
  'WORKDIR /app',
  'COPY package.json ./package.json',
  'COPY content ./content',
  'USER node',
  'HEALTHCHECK CMD ["node", "-e", "fetch(\'http://127.0.0.1:\'+process.env.PORT+\'/health/ready\').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]',
  'CMD ["node", "dist/server.js"]'
]

describe('the Dockerfile, replayed without Docker', () => {
  let dir: string
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'dockerfile-check-test-')) })
  afterAll(async () => { await rm(dir, { recursive: true, force: true }) })

  async function check (lines: string[]): Promise<Run> {
    const path = join(dir, `Dockerfile.${Math.random().toString(36).slice(2)}`)
    await writeFile(path, `${lines.join('\n')}\n`)
    return dockerfileCheck(path)
  }

  it('builds the image, starts it, passes its HEALTHCHECK on /health/ready, serves, and stops cleanly on SIGTERM', async () => {
    const run = await dockerfileCheck()
    console.info(`Dockerfile rehearsal (npm ci, build, prune, start, requests, SIGTERM): ${(run.ms / 1000).toFixed(0)} s`)
    expect(run.stderr).not.toContain('FAILED')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('HEALTHCHECK passes')
    expect(run.stdout).toContain('serves: GET /health/ready, GET a snapshot, POST /graphql, GET /openapi.json, GET a PNG diagram')
    expect(run.stdout).toContain('stopped cleanly on SIGTERM: the Dockerfile builds and runs')
  }, REHEARSAL_TIMEOUT_MS)

  it('fails on a COPY of a file that is not in the build context', async () => {
    const run = await check(['FROM node:20-bookworm-slim AS build', 'WORKDIR /app', 'COPY package.json package-lock.json not-a-file.json ./'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('dockerfile-check: FAILED: COPY not-a-file.json: not found in the build context')
  })

  it('fails on a COPY of a path .dockerignore leaves out of the context', async () => {
    const run = await check(['FROM node:20-bookworm-slim AS build', 'WORKDIR /app', 'COPY .ci ./.ci'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('dockerfile-check: FAILED: COPY .ci: excluded by .dockerignore')
  })

  it('fails when a file the server needs is missing from the runtime stage (here dist/)', async () => {
    const run = await check(RUNTIME)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Cannot find module')
    expect(run.stderr).toContain('dockerfile-check: FAILED: the server exited (code 1) before its HEALTHCHECK passed: a file it needs may be missing from the image')
  })

  it('fails when the HEALTHCHECK probes anything but readiness', async () => {
    const run = await check(RUNTIME.map((line) => line.replace('/health/ready', '/health/live')))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('dockerfile-check: FAILED: the HEALTHCHECK must probe /health/ready')
  })

  it('fails when the runtime stage runs as root', async () => {
    const run = await check(RUNTIME.filter((line) => line !== 'USER node'))
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('dockerfile-check: FAILED: the runtime stage must run as USER node')
  })
})
