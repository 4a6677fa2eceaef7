import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { FIELD_GUIDE_CONTENT, FIRST, LATEST, SECOND, buildFieldGuideApp, getJson } from './field-guide.js'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const SHORT = 'public, max-age=60, stale-while-revalidate=600'

/** Every version-derived route, as a path (with query) after the version. */
const versionRoutes = [
  '',
  '/steps',
  '/steps?view=flat&depth=2',
  '/steps/shell',
  '/tools',
  '/tools?category=shell',
  '/tools/bash',
  '/resources',
  '/resources?hasUrl=false',
  '/resources/pro-git',
  '/search?q=docker'
]
const catalogRoutes = ['/v1/roadmaps', '/v1/roadmaps/field-guide', '/v1/roadmaps/field-guide/versions']

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

describe('caching of a concrete version', () => {
  it.each(versionRoutes)('%s is immutable, with a strong ETag and no Content-Location', async (route) => {
    const { response } = await getJson(app, `${SECOND}${route}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['etag']).toMatch(/^"[\w-]{20,}"$/)
    expect(response.headers['cache-control']).toBe(IMMUTABLE)
    // The snapshot itself (route '') also negotiates JSON-LD by Accept.
    expect(response.headers['vary']).toBe(route === '' ? 'Accept, accept-encoding' : 'accept-encoding')
    expect(response.headers['content-location']).toBeUndefined()
  })
})

describe('caching of latest', () => {
  it.each(versionRoutes)('%s is cached briefly and names its concrete URL in Content-Location', async (route) => {
    const { response, body } = await getJson(app, `${LATEST}${route}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['etag']).toMatch(/^"[\w-]{20,}"$/)
    expect(response.headers['cache-control']).toBe(SHORT)
    expect(response.headers['content-location']).toBe(`${SECOND}${route}`)
    expect(body).toEqual((await getJson(app, `${SECOND}${route}`)).body)
  })
})

describe('conditional requests', () => {
  it.each([...versionRoutes.map((route) => `${SECOND}${route}`), ...versionRoutes.map((route) => `${LATEST}${route}`), ...catalogRoutes])('%s answers 304 to its own ETag, with the caching headers and no body', async (url) => {
    const first = await app.inject({ url })
    const etag = first.headers['etag'] as string
    const again = await app.inject({ url, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(again.headers['etag']).toBe(etag)
    expect(again.headers['cache-control']).toBe(first.headers['cache-control'])
    expect(again.headers['content-location']).toBe(first.headers['content-location'])
    expect(again.headers['vary']).toBe(first.headers['vary'])
    expect(again.headers['date']).toEqual(expect.any(String))
    expect(again.headers['content-type']).toBeUndefined()
    expect(again.headers['content-encoding']).toBeUndefined()
  })

  it('matches one ETag of a list, a weak form of it, or *', async () => {
    const url = `${SECOND}/tools`
    const etag = (await app.inject({ url })).headers['etag'] as string
    for (const header of [`"other", ${etag}`, `W/${etag}`, '*']) {
      expect((await app.inject({ url, headers: { 'if-none-match': header } })).statusCode).toBe(304)
    }
    const stale = await app.inject({ url, headers: { 'if-none-match': '"something-else"' } })
    expect(stale.statusCode).toBe(200)
    expect(stale.headers['etag']).toBe(etag)
  })

  it('gives each version, query and content coding its own ETag', async () => {
    const etag = async (url: string, headers: Record<string, string> = {}) => (await app.inject({ url, headers })).headers['etag']
    const tools = await etag(`${SECOND}/tools`)
    expect(await etag(`${SECOND}/tools`)).toBe(tools)
    expect(await etag(`${FIRST}/tools`)).not.toBe(tools)
    expect(await etag(`${SECOND}/tools?limit=2`)).not.toBe(tools)
    expect(await etag(`${SECOND}/tools`, { 'accept-encoding': 'gzip' })).not.toBe(tools)
    expect(await etag(`${SECOND}/tools`, { 'accept-encoding': 'br' })).not.toBe(await etag(`${SECOND}/tools`, { 'accept-encoding': 'gzip' }))
    const gzipped = await etag(`${SECOND}`, { 'accept-encoding': 'gzip' })
    expect((await app.inject({ url: SECOND, headers: { 'accept-encoding': 'gzip', 'if-none-match': gzipped as string } })).statusCode).toBe(304)
    expect((await app.inject({ url: SECOND, headers: { 'accept-encoding': 'br', 'if-none-match': gzipped as string } })).statusCode).toBe(200)
  })

  it('never answers 304 or sends an ETag for an error', async () => {
    for (const url of [`${SECOND}/tools/nope`, `${SECOND}/tools?limit=0`, '/v1/roadmaps/nope']) {
      const response = await app.inject({ url, headers: { 'if-none-match': '*' } })
      expect(response.statusCode).toBeGreaterThanOrEqual(400)
      expect(response.headers['etag']).toBeUndefined()
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    }
  })
})

describe('caching of the roadmap and version lists', () => {
  it.each(catalogRoutes)('%s has an ETag and a short max-age', async (url) => {
    const { response } = await getJson(app, url)
    expect(response.statusCode).toBe(200)
    expect(response.headers['etag']).toMatch(/^"[\w-]{20,}"$/)
    expect(response.headers['cache-control']).toBe(SHORT)
    expect(response.headers['content-location']).toBeUndefined()
  })
})

describe('HEAD', () => {
  it.each([...versionRoutes.map((route) => `${SECOND}${route}`), ...versionRoutes.map((route) => `${LATEST}${route}`), ...catalogRoutes, '/openapi.json', '/openapi.yaml'])('%s answers like GET without a body', async (url) => {
    const get = await app.inject({ method: 'GET', url })
    const head = await app.inject({ method: 'HEAD', url })
    expect(head.statusCode).toBe(200)
    expect(head.body).toBe('')
    for (const name of ['etag', 'cache-control', 'content-location', 'content-type', 'content-length', 'vary', 'access-control-allow-origin', 'x-content-type-options']) {
      expect(head.headers[name], name).toBe(get.headers[name])
    }
    expect((await app.inject({ method: 'HEAD', url, headers: { 'if-none-match': get.headers['etag'] as string } })).statusCode).toBe(304)
  })

  it('answers 404 problems to HEAD as well, without a body', async () => {
    const head = await app.inject({ method: 'HEAD', url: `${SECOND}/steps/nope` })
    expect(head.statusCode).toBe(404)
    expect(head.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(head.body).toBe('')
  })
})

describe('after a content reload', () => {
  let dir: string
  let reloading: App
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadmap-caching-'))
    await cp(FIELD_GUIDE_CONTENT, dir, { recursive: true })
    reloading = await buildFieldGuideApp(dir)
  })
  afterAll(async () => {
    await reloading.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('changes the ETags of what changed, keeps the others, and serves the new snapshot precompressed', async () => {
    const urls = [SECOND, `${SECOND}/steps/shell`, `${LATEST}/steps/shell`, FIRST, '/v1/roadmaps/field-guide/versions', '/v1/roadmaps']
    const before = Object.fromEntries(await Promise.all(urls.map(async (url) => [url, (await reloading.inject({ url })).headers['etag']] as const)))

    const file = join(dir, 'field-guide/versions/2024-02-01/steps/shell.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace('edit files in place', 'edit files where they live'))
    expect(await reloading.reloadContent()).toMatchObject({ ok: true })

    const after = Object.fromEntries(await Promise.all(urls.map(async (url) => [url, (await reloading.inject({ url })).headers['etag']] as const)))
    for (const url of urls.filter((url) => url !== FIRST)) expect(after[url], url).not.toBe(before[url])
    expect(after[FIRST]).toBe(before[FIRST])
    expect((await reloading.inject({ url: SECOND, headers: { 'if-none-match': before[SECOND] as string } })).statusCode).toBe(200)

    const compressed = await reloading.inject({ url: SECOND, headers: { 'accept-encoding': 'br' } })
    expect(compressed.headers['content-encoding']).toBe('br')
    const snapshot = JSON.parse(brotliDecompressSync(compressed.rawPayload).toString('utf8')) as { steps: Array<{ children: Array<{ id: string, summary: string }> }> }
    expect(snapshot.steps[0]!.children[0]).toMatchObject({ id: 'shell', summary: 'Drive the machine from a terminal and edit files where they live.' })
  })
})
