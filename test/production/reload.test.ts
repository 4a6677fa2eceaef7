import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { SHIPPED_CONTENT, buildTestApp } from '../helpers/app.js'
import { buildDist, killIfRunning, startServerProcess, type ServerProcess } from './server-process.js'

const LATEST = '/v1/roadmaps/mlops/versions/2024-01-12'
const OLDER = '/v1/roadmaps/mlops/versions/2023-12-21'
const DOCKER_STEP = 'mlops/versions/2024-01-12/steps/docker.yaml'
const STEP_QUERY = '{ roadmap(slug: "mlops") { version(id: "2024-01-12") { contentHash step(id: "docker") { title } } } }'

interface Answers {
  latestEtag: string | undefined
  aliasEtag: string | undefined
  olderEtag: string | undefined
  graphqlGetEtag: string | undefined
  stepTitle: string
  graphql: unknown
}

/** What a client sees of the edited step and of the versions around it. */
async function answers (app: App): Promise<Answers> {
  const [latest, alias, older, step, graphql, graphqlGet] = await Promise.all([
    app.inject(LATEST),
    app.inject('/v1/roadmaps/mlops/versions/latest'),
    app.inject(OLDER),
    app.inject(`${LATEST}/steps/docker`),
    app.inject({ method: 'POST', url: '/graphql', payload: { query: STEP_QUERY } }),
    app.inject(`/graphql?query=${encodeURIComponent(STEP_QUERY)}`)
  ])
  for (const response of [latest, alias, older, step, graphql, graphqlGet]) expect(response.statusCode).toBe(200)
  return {
    latestEtag: latest.headers.etag as string | undefined,
    aliasEtag: alias.headers.etag as string | undefined,
    olderEtag: older.headers.etag as string | undefined,
    graphqlGetEtag: graphqlGet.headers.etag as string | undefined,
    stepTitle: step.json<{ step: { title: string } }>().step.title,
    graphql: graphql.json()
  }
}

async function copyContent (): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'roadmap-reload-'))
  await cp(SHIPPED_CONTENT, dir, { recursive: true })
  return dir
}

async function editStep (dir: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir, DOCKER_STEP)
  const text = await readFile(path, 'utf8')
  const edited = text.replace(from, to)
  expect(edited).not.toBe(text)
  await writeFile(path, edited)
}

async function readiness (app: App) {
  const response = await app.inject('/health/ready')
  expect(response.statusCode).toBe(200)
  return response.json<{ status: string, versions: number, content: { loadedAt: string, reloads: number, failedReloads: number, lastFailure?: { at: string, problems: number, summary: string[] } } }>()
}

describe('content reload in process', () => {
  let dir: string
  let app: App
  beforeEach(async () => {
    dir = await copyContent()
    app = await buildTestApp({ contentDir: dir })
  })
  afterEach(async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('swaps a valid edit in: REST and GraphQL answer the new title, and only the edited version changes its ETags', async () => {
    const before = await answers(app)
    expect(before.stepTitle).toBe('Docker')
    const startedReady = await readiness(app)
    expect(startedReady.content).toEqual({ loadedAt: expect.any(String), reloads: 0, failedReloads: 0 })

    await editStep(dir, /^title: Docker$/m, 'title: Docker, revised')
    const started = performance.now()
    const result = await app.reloadContent()
    const reloadMs = performance.now() - started
    expect(result.ok).toBe(true)
    console.info(`reload of the shipped content (3 versions): ${reloadMs.toFixed(0)} ms`)

    const after = await answers(app)
    expect(after.stepTitle).toBe('Docker, revised')
    const graphql = after.graphql as { data: { roadmap: { version: { contentHash: string, step: { title: string } } } } }
    expect(graphql.data.roadmap.version.step.title).toBe('Docker, revised')
    expect(result.ok && result.contentHashes).toContain(graphql.data.roadmap.version.contentHash)
    expect(graphql.data.roadmap.version.contentHash).not.toBe((before.graphql as typeof graphql).data.roadmap.version.contentHash)
    // ETags follow the version's contentHash: the edited version (by id and as `latest`) changes, the untouched one keeps its own.
    expect(after.latestEtag).not.toBe(before.latestEtag)
    expect(after.aliasEtag).not.toBe(before.aliasEtag)
    expect(after.graphqlGetEtag).not.toBe(before.graphqlGetEtag)
    expect(after.olderEtag).toBe(before.olderEtag)

    // A cache holding the old representation revalidates to the new one; the new ETag validates.
    expect((await app.inject({ url: LATEST, headers: { 'if-none-match': before.latestEtag! } })).statusCode).toBe(200)
    expect((await app.inject({ url: LATEST, headers: { 'if-none-match': after.latestEtag! } })).statusCode).toBe(304)
    expect((await app.inject({ url: OLDER, headers: { 'if-none-match': before.olderEtag! } })).statusCode).toBe(304)

    const ready = await readiness(app)
    expect(ready.content).toEqual({ loadedAt: expect.any(String), reloads: 1, failedReloads: 0 })
    expect(Date.parse(ready.content.loadedAt)).toBeGreaterThanOrEqual(Date.parse(startedReady.content.loadedAt))

    // ETags change exactly when content does: reloading the same files keeps every one of them.
    expect((await app.reloadContent()).ok).toBe(true)
    expect(await answers(app)).toEqual(after)
  })

  it('rejects broken YAML: answers and ETags stay, readiness stays 200 and names the file and line', async () => {
    const before = await answers(app)
    await editStep(dir, /^title: Docker$/m, 'title: [Docker')
    const result = await app.reloadContent()
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues).toContainEqual({
      file: join(dir, DOCKER_STEP),
      line: 4,
      column: 1,
      field: '',
      message: expect.stringMatching(/^YAML syntax error: /)
    })
    expect(await answers(app)).toEqual(before)

    const ready = await readiness(app)
    expect(ready.status).toBe('ok')
    expect(ready.versions).toBe(3)
    expect(ready.content).toMatchObject({ reloads: 0, failedReloads: 1, lastFailure: { at: expect.any(String), problems: result.ok ? 0 : result.issues.length } })
    expect(ready.content.lastFailure!.summary).toContain(`${DOCKER_STEP}:4:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`)
    // Paths relative to the content folder: nothing of the server's file system.
    expect(JSON.stringify(ready)).not.toContain(dir)
    expect(JSON.stringify(ready)).not.toContain(tmpdir())
  })

  it('rejects a wrong field, and clears the failure once a fixed file is accepted', async () => {
    const before = await answers(app)
    await editStep(dir, /^title: Docker$/m, 'titel: Docker')
    const rejected = await app.reloadContent()
    expect(rejected.ok ? [] : rejected.issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual(expect.arrayContaining([
      'title: is required (the title as the source prints it)',
      'titel: unknown field "titel": allowed fields are number, title, parent, order, summary, tools, resources'
    ]))
    expect(await answers(app)).toEqual(before)
    const failed = await readiness(app)
    expect(failed.content.failedReloads).toBe(1)
    expect(failed.content.lastFailure!.summary).toContain(`${DOCKER_STEP}:3:1 titel: unknown field "titel": allowed fields are number, title, parent, order, summary, tools, resources`)

    await editStep(dir, /^titel: Docker$/m, 'title: Docker')
    expect((await app.reloadContent()).ok).toBe(true)
    // The same files as at start: the same answers and ETags, and no failure reported any more.
    expect(await answers(app)).toEqual(before)
    expect((await readiness(app)).content).toEqual({ loadedAt: expect.any(String), reloads: 1, failedReloads: 1 })
  })

  it('rejects a file it cannot read as a problem, not a crash', async () => {
    const before = await answers(app)
    await mkdir(join(dir, 'mlops/versions/2024-01-12/steps/not-a-file.yaml'))
    const result = await app.reloadContent()
    expect(result.ok).toBe(false)
    expect(await answers(app)).toEqual(before)
    expect((await readiness(app)).content.lastFailure).toEqual({
      at: expect.any(String),
      problems: 1,
      // Node does not say which path a read of a directory failed on: the content folder (.) it is, and the log has the error.
      summary: ['.:1:1 could not be loaded (EISDIR)']
    })
  })

  it('runs reloads one at a time: a burst costs one reload plus one queued, which starts after the first ends', async () => {
    await editStep(dir, /^title: Docker$/m, 'title: Docker, in a burst')
    const finished: string[] = []
    const first = app.reloadContent().finally(() => finished.push('first'))
    const second = app.reloadContent()
    const third = app.reloadContent()
    expect(third).toBe(second)
    void second.finally(() => finished.push('second'))
    const results = await Promise.all([first, second, third])
    expect(results.every((result) => result.ok)).toBe(true)
    expect(finished).toEqual(['first', 'second'])
    expect((await readiness(app)).content.reloads).toBe(2)
    expect((await answers(app)).stepTitle).toBe('Docker, in a burst')
    // Once the queue has drained, the next call starts a reload of its own.
    expect((await app.reloadContent()).ok).toBe(true)
    expect((await readiness(app)).content.reloads).toBe(3)
  })

  it('leaves the store a request already holds untouched: it finishes on the content it started with', async () => {
    const held = app.contentStore
    const heldVersion = held.getVersion('mlops', '2024-01-12')
    await editStep(dir, /^title: Docker$/m, 'title: Docker, swapped')
    expect((await app.reloadContent()).ok).toBe(true)
    expect(app.contentStore).not.toBe(held)
    expect(held.getVersion('mlops', '2024-01-12')).toBe(heldVersion)
    expect(heldVersion.getStep('docker').title).toBe('Docker')
    expect(app.contentStore.getVersion('mlops', '2024-01-12').getStep('docker').title).toBe('Docker, swapped')
  })

  it('answers every request from one store while a reload swaps stores under it', async () => {
    const query = '{ roadmap(slug: "mlops") { version(id: "2024-01-12") { contentHash step(id: "docker") { title } steps(depth: 2) { slug title } } } }'
    type Answer = { data: { roadmap: { version: { contentHash: string, step: { title: string }, steps: Array<{ slug: string, title: string }> } } } }
    const post = async () => (await app.inject({ method: 'POST', url: '/graphql', payload: { query } })).json<Answer>().data.roadmap.version
    const before = await post()
    await editStep(dir, /^title: Docker$/m, 'title: Docker, concurrently')
    const early = Promise.all(Array.from({ length: 10 }, post))
    const state = { reloading: true }
    const reload = app.reloadContent().finally(() => { state.reloading = false })
    const seen = [...await early]
    while (state.reloading) {
      seen.push(...await Promise.all(Array.from({ length: 5 }, post)))
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect((await reload).ok).toBe(true)
    seen.push(...await Promise.all(Array.from({ length: 5 }, post)))
    const after = await post()
    // Each answer is wholly the old content or wholly the new one: its hash and both places its title appears agree.
    const titleOf = new Map([[before.contentHash, 'Docker'], [after.contentHash, 'Docker, concurrently']])
    for (const version of seen) {
      expect(titleOf.get(version.contentHash)).toBe(version.step.title)
      expect(version.steps.find((step) => step.slug === 'docker')!.title).toBe(version.step.title)
    }
  })
})

describe('content watching (CONTENT_WATCH)', () => {
  it('reloads an edited file by itself, and rejects a bad one the same way', async () => {
    const dir = await copyContent()
    const app = await buildTestApp({ contentDir: dir, contentWatch: true })
    try {
      await editStep(dir, /^title: Docker$/m, 'title: Docker, watched')
      await expect.poll(async () => (await answers(app)).stepTitle, { timeout: 15_000, interval: 50 }).toBe('Docker, watched')
      expect((await readiness(app)).content).toMatchObject({ reloads: 1, failedReloads: 0 })

      await editStep(dir, /^title: Docker, watched$/m, 'titel: Docker')
      await expect.poll(async () => (await readiness(app)).content.failedReloads, { timeout: 15_000, interval: 50 }).toBe(1)
      expect((await answers(app)).stepTitle).toBe('Docker, watched')
    } finally {
      await app.close()
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('content reload of a running server (node dist/server.js)', () => {
  let dir: string
  let server: ServerProcess | undefined
  beforeAll(async () => {
    await buildDist()
    dir = await copyContent()
  }, 180_000)
  afterAll(async () => {
    killIfRunning(server)
    await rm(dir, { recursive: true, force: true })
  })

  const stepTitle = async () => (await (await fetch(server!.url(`${LATEST}/steps/docker`))).json() as { step: { title: string } }).step.title

  async function pollUntil<T> (read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<{ value: T, ms: number }> {
    const started = performance.now()
    for (;;) {
      const value = await read()
      if (done(value)) return { value, ms: performance.now() - started }
      if (performance.now() - started > timeoutMs) throw new Error(`still ${JSON.stringify(value)} after ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  it('reloads on SIGHUP, keeps serving on a bad edit, and still stops cleanly on SIGTERM', async () => {
    server = await startServerProcess({ CONTENT_DIR: dir })
    expect(await stepTitle()).toBe('Docker')
    const etagBefore = (await fetch(server.url(LATEST))).headers.get('etag')

    await editStep(dir, /^title: Docker$/m, 'title: Docker, after SIGHUP')
    server.child.kill('SIGHUP')
    const changed = await pollUntil(stepTitle, (title) => title !== 'Docker')
    expect(changed.value).toBe('Docker, after SIGHUP')
    console.info(`SIGHUP to new answer: ${changed.ms.toFixed(0)} ms`)
    expect((await fetch(server.url(LATEST))).headers.get('etag')).not.toBe(etagBefore)
    const reloaded = await server.waitForLog((line) => line.msg === 'content reloaded')
    expect(reloaded).toMatchObject({ level: 30, versions: 3, durationMs: expect.any(Number) })

    // A bad edit: the server keeps running and serving, and says why in the log and in readiness.
    await editStep(dir, /^title: Docker, after SIGHUP$/m, 'title: [Docker')
    server.child.kill('SIGHUP')
    const rejected = await server.waitForLog((line) => line.msg === 'content reload rejected, keeping the last good content')
    expect(rejected).toMatchObject({ level: 50, problems: 5 })
    const ready = await fetch(server.url('/health/ready'))
    expect(ready.status).toBe(200)
    const body = await ready.json() as { content: { failedReloads: number, lastFailure: { summary: string[] } } }
    expect(body.content.failedReloads).toBe(1)
    expect(body.content.lastFailure.summary).toContain(`${DOCKER_STEP}:4:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`)
    expect(await stepTitle()).toBe('Docker, after SIGHUP')
    expect(server.child.exitCode).toBe(null)

    server.child.kill('SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
  }, 120_000)
})
