/*
 * The built `roadmap-api` CLI, run as a child process the way `npx roadmap-api` runs it:
 * stdout, stderr and exit codes (0 done, 1 invalid content or failed command, 2 bad usage).
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp, fixtureDir } from '../helpers/app.js'
import { firstToSecond } from '../versions/toolbox.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const CLI = join(ROOT, 'dist/cli/index.js')
const TOOLBOX_CONTENT = fixtureDir('diff-editions')

interface Run { code: number | null, stdout: string, stderr: string }

/** Each test starts one or more Node processes that load the content; generous for a busy two-core runner. */
const CHILD_PROCESS_TIMEOUT = 90_000

function run (args: string[], env: NodeJS.ProcessEnv = {}, script = CLI): Promise<Run> {
  return new Promise((resolve) => {
    const { CONTENT_DIR: _ignored, ...inherited } = process.env
    execFile(process.execPath, [script, ...args], { cwd: ROOT, env: { ...inherited, ...env }, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : (error as { code?: number }).code ?? null, stdout, stderr })
    })
  })
}

beforeAll(async () => {
  // Build once for this file: the CLI under test is dist/, exactly what the package's bin runs.
  const build = await new Promise<Run>((resolve) => {
    execFile('npm', ['run', 'build'], { cwd: ROOT }, (error, stdout, stderr) => resolve({ code: error === null ? 0 : 1, stdout, stderr }))
  })
  if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`)
}, 180_000)

describe.concurrent('roadmap-api usage', () => {
  it('is the package bin, an executable node script', async ({ expect }) => {
    const packageJson = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>, version: string }
    expect(packageJson.bin['roadmap-api']).toBe('dist/cli/index.js')
    expect((await readFile(CLI, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true)
    // npm links the bin as a symlink in node_modules/.bin; the CLI must run through one.
    const directory = await mkdtemp(join(tmpdir(), 'roadmap-api-bin-'))
    try {
      await symlink(CLI, join(directory, 'roadmap-api'))
      expect(await run(['--version'], {}, join(directory, 'roadmap-api'))).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' })
    } finally {
      await rm(directory, { recursive: true })
    }
  }, CHILD_PROCESS_TIMEOUT)

  it('prints help for the program and for every command', async ({ expect }) => {
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: roadmap-api \[options\] \[command\]/)
    for (const command of ['check [dir]', 'snapshot [options] <slug> <version>', 'diff [options] <slug> <from> <to>', 'openapi [options]', 'serve [options]']) {
      expect(help.stdout).toContain(command)
    }
    const usages = { check: 'check [options] [dir]', snapshot: 'snapshot [options] <slug> <version>', diff: 'diff [options] <slug> <from> <to>', openapi: 'openapi [options]', serve: 'serve [options]' }
    const helps = await Promise.all(Object.keys(usages).map((command) => run([command, '--help'])))
    for (const [index, [command, usage]] of Object.entries(usages).entries()) {
      expect(helps[index], command).toMatchObject({ code: 0, stderr: '' })
      expect(helps[index]!.stdout, command).toContain(`Usage: roadmap-api ${usage}`)
    }
    expect(helps[1]!.stdout).toMatch(/-f, --format <format>\s+output format \(choices: "json", "md", "csv", default:\s+"json"\)/)
  }, CHILD_PROCESS_TIMEOUT)

  it('exits 2 with a clear message on bad usage', async ({ expect }) => {
    const cases: Array<[string[], string]> = [
      [[], 'Usage: roadmap-api'],
      [['bogus'], "roadmap-api: unknown command 'bogus'"],
      [['diff', 'mlops', '2023-12-21'], "roadmap-api: missing required argument 'to'"],
      [['diff', 'mlops', '2023-12-21', '2024-01-12', '--colour'], "roadmap-api: unknown option '--colour'"],
      [['snapshot', 'mlops', 'yesterday'], "roadmap-api: command-argument value 'yesterday' is invalid for argument 'version'. a version is an edition date (YYYY-MM-DD) or latest."],
      [['snapshot', 'MLOps', 'latest'], "command-argument value 'MLOps' is invalid for argument 'slug'"],
      [['snapshot', 'mlops', 'latest', '--format', 'pdf'], "roadmap-api: option '-f, --format <format>' argument 'pdf' is invalid. Allowed choices are json, md, csv."],
      [['serve', '--port', 'eighty'], "option '--port <port>' argument 'eighty' is invalid. a port is a whole number from 0 to 65535."]
    ]
    const results = await Promise.all(cases.map(([args]) => run(args)))
    for (const [index, [args, message]] of cases.entries()) {
      const result = results[index]!
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stdout, args.join(' ')).toBe('')
      expect(result.stderr, args.join(' ')).toContain(message)
    }
  }, CHILD_PROCESS_TIMEOUT)
})

describe.concurrent('roadmap-api check', () => {
  it('validates the shipped content and exits 0', async ({ expect }) => {
    const result = await run(['check'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Content OK \(3 versions\):\n {2}mlops@2023-12-21: 16 steps, 30 tools, \d+ resources, sha256-[\w-]+\n {2}mlops@2023-12-27: 16 steps, 21 tools, \d+ resources, sha256-[\w-]+\n {2}mlops@2024-01-12: 16 steps, 21 tools, \d+ resources, sha256-[\w-]+\n$/)
  }, CHILD_PROCESS_TIMEOUT)

  it('checks the folder given as argument, --content-dir or CONTENT_DIR', async ({ expect }) => {
    const results = await Promise.all([run(['check', TOOLBOX_CONTENT]), run(['--content-dir', TOOLBOX_CONTENT, 'check']), run(['check'], { CONTENT_DIR: TOOLBOX_CONTENT })])
    for (const result of results) {
      expect(result.code).toBe(0)
      expect(result.stdout).toMatch(/^Content OK \(3 versions\):\n {2}toolbox@2024-01-01: 6 steps, 4 tools, 4 resources/)
    }
  }, CHILD_PROCESS_TIMEOUT)

  it('exits 1 and lists every problem as file:line:column for invalid content', async ({ expect }) => {
    const result = await run(['check', fixtureDir('dangling-reference')])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/^Content has \d+ problems?:\n {2}\S+\.yaml:\d+:\d+ /)
    expect(result.stderr).toContain('which does not exist in version')
  }, CHILD_PROCESS_TIMEOUT)
})

describe.concurrent('roadmap-api snapshot and diff give what the API serves', () => {
  let shipped: App
  beforeAll(async () => { shipped = await buildTestApp() })
  afterAll(() => shipped.close())

  it('prints each export format byte for byte as the download route sends it', async ({ expect }) => {
    const formats = ['json', 'md', 'csv']
    const results = await Promise.all(formats.map((format) => run(['snapshot', 'mlops', '2024-01-12', '--format', format])))
    for (const [index, format] of formats.entries()) {
      const result = results[index]!
      expect(result.code, format).toBe(0)
      expect(result.stderr).toBe('')
      expect(result.stdout, format).toBe((await shipped.inject(`/v1/roadmaps/mlops/versions/2024-01-12/export.${format}`)).body)
    }
    const latest = await run(['snapshot', 'mlops', 'latest', '-f', 'md'])
    expect(latest.stdout.split('\n').slice(0, 3)).toEqual(['# MLOps roadmap 2024', '', 'Version **2024-01-12**, published 2024-01-12: MLOps Roadmap 2024: README with links.'])
  }, CHILD_PROCESS_TIMEOUT)

  it('prints the diff as text for people', async ({ expect }) => {
    const result = await run(['--content-dir', TOOLBOX_CONTENT, 'diff', 'toolbox', '2024-02-01', 'latest'])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe([
      'toolbox: 2024-02-01 -> 2024-03-01',
      'steps: 3 changed; tools: 1 changed; resources: 1 added, 2 changed',
      '',
      'Steps changed (3)',
      '  ~ shell-use  Shell Use',
      '      resources: +shell-cheat-sheet',
      '  ~ kubernetes  Kubernetes',
      '      number: "2.2" -> "2.1"',
      '      order: 2 -> 1',
      '  ~ docker  Docker',
      '      number: "2.1" -> "2.2"',
      '      order: 1 -> 2',
      '',
      'Tools changed (1)',
      '  ~ kubernetes  Kubernetes',
      '      category: "container-orchestration" -> "cluster-management"',
      '',
      'Resources added (1)',
      '  + shell-cheat-sheet  Shell cheat sheet: [bash] & *zsh*',
      '',
      'Resources changed (2)',
      '  ~ kubernetes-course  Kubernetes course',
      '      authors: +Techworld with Nana',
      '  ~ docker-course  Docker for beginners',
      '      url: "https://example.org/courses/docker" -> (none)',
      ''
    ].join('\n'))
  }, CHILD_PROCESS_TIMEOUT)

  it('prints the diff as the API\'s JSON with --format json', async ({ expect }) => {
    const result = await run(['--content-dir', TOOLBOX_CONTENT, 'diff', 'toolbox', '2024-01-01', '2024-02-01', '--format', 'json'])
    expect(result.code).toBe(0)
    const diff = JSON.parse(result.stdout) as { from: { id: string }, to: { id: string } }
    expect(diff).toMatchObject(firstToSecond)
    expect([diff.from.id, diff.to.id]).toEqual(['2024-01-01', '2024-02-01'])
  }, CHILD_PROCESS_TIMEOUT)

  it('shows the tools the shipped READMEs dropped and the courses they added', async ({ expect }) => {
    const result = await run(['diff', 'mlops', '2023-12-21', '2024-01-12'])
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 2)).toEqual(['mlops: 2023-12-21 -> 2024-01-12', expect.stringMatching(/^steps: \d+ changed; tools: 9 removed, 1 changed; resources: /)])
    expect(result.stdout).toContain('\n  - gitlab  GitLab\n')
    expect(result.stdout).toContain('\n  - metaflow  Metaflow\n')
    expect(result.stdout).toMatch(/\n {2}\+ [a-z0-9-]+ {2}Fast\.ai\n/)
    expect(result.stdout).toMatch(/\n {2}\+ [a-z0-9-]+ {2}Made with ML MLOps Course\n/)
  }, CHILD_PROCESS_TIMEOUT)

  it('exits 1 with one line for an unknown roadmap or version, and with the problems for invalid content', async ({ expect }) => {
    const [unknownVersion, unknownRoadmap, invalid] = await Promise.all([
      run(['diff', 'mlops', '2020-01-01', 'latest']),
      run(['snapshot', 'cooking', 'latest']),
      run(['--content-dir', fixtureDir('dangling-reference'), 'snapshot', 'demo', 'latest'])
    ])
    expect(unknownVersion).toEqual({ code: 1, stdout: '', stderr: 'roadmap-api: Roadmap "mlops" has no version "2020-01-01"\n' })
    expect(unknownRoadmap).toEqual({ code: 1, stdout: '', stderr: 'roadmap-api: No roadmap "cooking"\n' })
    expect(invalid.code).toBe(1)
    expect(invalid.stdout).toBe('')
    expect(invalid.stderr).toMatch(/^Content has \d+ problems?:\n/)
  }, CHILD_PROCESS_TIMEOUT)
})

describe('roadmap-api in a pipe', () => {
  it('exits 0 without a trace when the reader is gone, as after `| head`', async ({ expect }) => {
    const child = spawn(process.execPath, [CLI, 'openapi'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    // Close our end before the CLI writes a byte: every write it makes then fails with EPIPE.
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  }, CHILD_PROCESS_TIMEOUT)
})

describe.concurrent('roadmap-api openapi and serve', () => {
  // The committed documents are the ones the server serves (the OpenAPI contract test checks that).
  it('prints the contract the server publishes, as JSON or YAML', async ({ expect }) => {
    const [json, yaml] = await Promise.all([run(['openapi']), run(['openapi', '--yaml'])])
    expect(json.code).toBe(0)
    expect(json.stdout).toBe(await readFile(join(ROOT, 'openapi/openapi.json'), 'utf8'))
    const document = JSON.parse(json.stdout) as { paths: Record<string, unknown> }
    for (const path of ['/v1/roadmaps/{slug}/diff', '/v1/roadmaps/{slug}/changelog', '/v1/roadmaps/{slug}/changelog.atom', '/v1/roadmaps/{slug}/changelog.json', '/v1/roadmaps/{slug}/versions/{version}/export', '/v1/roadmaps/{slug}/versions/{version}/export.{format}']) {
      expect(Object.keys(document.paths)).toContain(path)
    }
    expect(yaml.code).toBe(0)
    expect(yaml.stdout).toBe(await readFile(join(ROOT, 'openapi/openapi.yaml'), 'utf8'))
  }, CHILD_PROCESS_TIMEOUT)

  it('serves the API on the port given and stops cleanly on SIGTERM', async ({ expect }) => {
    const child = spawn(process.execPath, [CLI, '--content-dir', TOOLBOX_CONTENT, 'serve', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info' } })
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
          if (listening !== null) resolve(listening[1]!)
        })
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)))
      })
      const response = await fetch(`${address}/v1/roadmaps/toolbox/diff?from=2024-01-01&to=2024-02-01`)
      expect(response.status).toBe(200)
      expect(((await response.json()) as { summary: unknown }).summary).toEqual({
        steps: { added: 2, removed: 1, changed: 2, unchanged: 3 },
        tools: { added: 1, removed: 1, changed: 1, unchanged: 2 },
        resources: { added: 1, removed: 1, changed: 3, unchanged: 0 }
      })
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }, CHILD_PROCESS_TIMEOUT)

  it('exits 1 with the reason when the server cannot start', async ({ expect }) => {
    const result = await run(['serve'], { LOG_LEVEL: 'loud' })
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Invalid configuration:\n  LOG_LEVEL="loud"')
  }, CHILD_PROCESS_TIMEOUT)
})
