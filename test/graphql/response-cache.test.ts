/*
 * The cache of serialised GraphQL answers: the same bytes as executing the operation,
 * keyed by everything that decides an answer, dropped on content reload, bounded, and
 * never holding an error.
 */
import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify from 'fastify'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/app.js'
import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config.js'
import contentPlugin from '../../src/content/plugin.js'
import { ContentReads, type GraphQLContext } from '../../src/graphql/context.js'
import graphql from '../../src/graphql/plugin.js'
import { createResponseCache, operationKey, persistedQueryHash, type CachedResponse } from '../../src/graphql/response-cache.js'
import { SCHEMA_DIR } from '../../src/graphql/schema.js'
import httpCaching, { IMMUTABLE_CACHE_CONTROL, LATEST_CACHE_CONTROL } from '../../src/plugins/http-caching.js'
import { buildTestApp } from '../helpers/app.js'
import { DEMO_CONTENT, buildGraphQLApp, codesOf, get, post, EXAMPLE_VARIABLES } from './helpers.js'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const persisted = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: sha256(query) } })
const answer = (body: string): CachedResponse => ({ body: Buffer.from(body), reads: { contentHashes: ['sha256-x'], immutable: true } })

describe('createResponseCache', () => {
  it('keeps at most maxEntries answers, dropping the least recently used', () => {
    const cache = createResponseCache({ maxEntries: 2, maxBytes: 1_000_000 })
    cache.set('a', answer('{"a":1}'))
    cache.set('b', answer('{"b":1}'))
    expect(cache.get('a')?.body.toString()).toBe('{"a":1}')
    cache.set('c', answer('{"c":1}'))
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBeDefined()
    expect(cache.get('c')).toBeDefined()
    expect(cache.stats).toMatchObject({ entries: 2, hits: 3, misses: 1 })
  })

  it('keeps its bytes, keys included, within maxBytes however many distinct answers arrive, and refuses an answer too big to share', () => {
    const maxBytes = 20_000
    const cache = createResponseCache({ maxEntries: 10_000, maxBytes })
    for (let index = 0; index < 1000; index++) {
      cache.set(`query-${index}`, answer(JSON.stringify({ data: { index, padding: 'x'.repeat(index % 300) } })))
      expect(cache.stats.bytes).toBeLessThanOrEqual(maxBytes)
    }
    expect(cache.stats.entries).toBeGreaterThan(10)
    expect(cache.stats.entries).toBeLessThan(1000)
    expect(cache.get('query-999')).toBeDefined()

    cache.set('huge', answer('x'.repeat(maxBytes / 2)))
    expect(cache.get('huge')).toBeUndefined()
  })

  it('replaces an answer under the same key without counting it twice, and empties on clear()', () => {
    const cache = createResponseCache({ maxEntries: 10, maxBytes: 1_000_000 })
    cache.set('a', answer('{"a":1}'))
    const bytes = cache.stats.bytes
    cache.set('a', answer('{"a":2}'))
    expect(cache.stats).toMatchObject({ entries: 1, bytes })
    expect(cache.get('a')?.body.toString()).toBe('{"a":2}')
    cache.clear()
    expect(cache.stats).toMatchObject({ entries: 0, bytes: 0 })
    expect(cache.get('a')).toBeUndefined()
  })

  it('counts compressed bodies in its bytes, only for the answer still kept under their key', () => {
    const cache = createResponseCache({ maxEntries: 10, maxBytes: 1_000_000 })
    const kept = answer('{"a":1}')
    cache.set('a', kept)
    const bytes = cache.stats.bytes
    cache.addEncodings('a', answer('{"a":0}'), { br: Buffer.alloc(10), gzip: Buffer.alloc(20) })
    expect(cache.stats.bytes).toBe(bytes)
    cache.addEncodings('a', kept, { br: Buffer.alloc(10), gzip: Buffer.alloc(20) })
    expect(cache.stats.bytes).toBe(bytes + 30)
    expect(cache.get('a')?.encoded?.gzip.length).toBe(20)
    cache.set('a', answer('{"a":2}'))
    expect(cache.stats.bytes).toBe(bytes)
  })
})

describe('operationKey', () => {
  const query = 'query Q($id: String!) { roadmap(slug: "demo") { version(id: $id) { versionId } } }'
  const key = (operation: Record<string, unknown>) => operationKey(operation)

  it('tells apart variables and operation names, and gives GET (JSON text) and POST (JSON) the same key', () => {
    const keys = new Set([
      key({ query, variables: { id: '2024-01-01' } }),
      key({ query, variables: { id: '2024-02-01' } }),
      key({ query, variables: { id: '2024-01-01' }, operationName: 'Q' }),
      key({ query })
    ])
    expect(keys.size).toBe(4)
    expect(key({ query, variables: '{"id":"2024-01-01"}', operationName: 'Q' })).toBe(key({ query, variables: { id: '2024-01-01' }, operationName: 'Q' }))
    // Length prefixes: an operation name cannot be made to look like variables.
    expect(key({ query: '{ a }', operationName: '2:{}' })).not.toBe(key({ query: '{ a }', variables: {} }))
  })

  it('has no key for what mercurius must answer itself: malformed parts, a persisted query being registered, other extensions', () => {
    for (const operation of [
      { query: '' },
      { query: 42 },
      { query, variables: '{not json' },
      { query, variables: '[1]' },
      { query, operationName: 7 },
      { query, extensions: persisted(query) },
      { query, extensions: { tracing: true } },
      { extensions: '{not json' },
      { extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } },
      { extensions: persisted(query) }
    ]) {
      expect(key(operation), JSON.stringify(operation)).toBeUndefined()
    }
  })

  it('keys a persisted query sent by hash alone as the query it stands for, once looked up', () => {
    const byHash = { extensions: JSON.stringify(persisted(query)), variables: '{"id":"2024-01-01"}' }
    expect(persistedQueryHash(byHash)).toBe(sha256(query))
    expect(operationKey(byHash, query)).toBe(operationKey({ query, variables: { id: '2024-01-01' } }))
    expect(persistedQueryHash({ query, extensions: persisted(query) })).toBeUndefined()
    expect(persistedQueryHash({ query })).toBeUndefined()
  })
})

describe('on the shipped content', () => {
  let app: App
  // Without metrics, whose mercurius hooks count operations of HTTP requests only: the test runs one without a request.
  beforeAll(async () => { app = await buildTestApp({ metrics: false }) })
  afterAll(async () => { await app.close() })

  const variables = EXAMPLE_VARIABLES

  it('answers every example from the cache with the bytes an uncached execution gives, over POST and GET', async () => {
    const files = (await readdir(join(SCHEMA_DIR, 'examples'))).filter((file) => file.endsWith('.graphql')).sort()
    expect(files).toEqual(Object.keys(variables))
    for (const file of files) {
      const query = await readFile(join(SCHEMA_DIR, 'examples', file), 'utf8')
      const context = { store: app.contentStore, reads: new ContentReads() } as GraphQLContext
      const uncached = JSON.stringify(await app.graphql(query, context, variables[file]))
      const hitsBefore = app.graphqlResponseCache.hits

      const bodies = []
      for (let run = 0; run < 3; run++) {
        const { status, response } = await post(app, query, variables[file])
        expect(status, file).toBe(200)
        expect(response.headers['content-type'], file).toBe('application/json; charset=utf-8')
        bodies.push(response.body)
      }
      const { status, response } = await get(app, { query, variables: JSON.stringify(variables[file]) })
      expect(status, file).toBe(200)
      expect(response.headers['content-type'], file).toBe('application/json; charset=utf-8')
      bodies.push(response.body)

      expect(bodies, file).toEqual([uncached, uncached, uncached, uncached])
      expect(app.graphqlResponseCache.hits - hitsBefore, file).toBe(3)
    }
  })
})

describe('compressed answers', () => {
  let app: App
  beforeAll(async () => { app = await buildTestApp() })
  afterAll(async () => { await app.close() })

  it('compresses an answer asked for compressed again once, then sends those bytes, with the ETag of its encoding', async () => {
    const query = '{ roadmap(slug: "mlops") { version(id: "2024-01-12") { steps { slug title summary tools { name } } } } }'
    const url = `/graphql?${new URLSearchParams({ query })}`
    const plain = await app.inject({ url })
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    const onTheFly = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
    expect(onTheFly.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(onTheFly.rawPayload).toString()).toBe(plain.body)

    const bytes = app.graphqlResponseCache.bytes
    await vi.waitFor(() => { expect(app.graphqlResponseCache.bytes).toBeGreaterThan(bytes) })
    const br = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('accept-encoding')
    expect(br.headers.etag).toBe(onTheFly.headers.etag)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    const gzip = await app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body)

    const revalidated = await app.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string } })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.headers['content-encoding']).toBeUndefined()
    expect(revalidated.body).toBe('')

    const small = '{ roadmap(slug: "mlops") { version(id: "2024-01-12") { versionId } } }'
    for (let time = 0; time < 3; time++) {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query: small }, headers: { 'accept-encoding': 'br' } })
      expect(response.headers['content-encoding']).toBeUndefined()
      expect(response.json()).toEqual({ data: { roadmap: { version: { versionId: '2024-01-12' } } } })
    }
  })
})

describe('on the demo content', () => {
  let app: App
  beforeAll(async () => { app = await buildGraphQLApp() })
  afterAll(async () => { await app.close() })

  it('keeps the HTTP caching of GET: the same ETag and Cache-Control from the cache, 304 to a match, none on POST', async () => {
    const concrete = '{ roadmap(slug: "demo") { version(id: "2024-01-01") { title } } }'
    const latest = '{ roadmap(slug: "demo") { version { title } } }'
    for (const [query, cacheControl] of [[concrete, IMMUTABLE_CACHE_CONTROL], [latest, LATEST_CACHE_CONTROL]] as const) {
      const first = await get(app, { query })
      const hitsBefore = app.graphqlResponseCache.hits
      const again = await get(app, { query })
      expect(app.graphqlResponseCache.hits).toBe(hitsBefore + 1)
      expect(again.response.body).toBe(first.response.body)
      expect(again.response.headers['cache-control']).toBe(cacheControl)
      expect(again.response.headers.etag).toBe(first.response.headers.etag)
      expect(again.response.headers.vary).toBe(first.response.headers.vary)

      const revalidated = await get(app, { query }, { 'if-none-match': first.response.headers.etag as string })
      expect(revalidated.status).toBe(304)
      expect(revalidated.response.body).toBe('')

      const posted = await post(app, query)
      expect(posted.response.body).toBe(first.response.body)
      expect(posted.response.headers.etag).toBeUndefined()
      expect(posted.response.headers['cache-control']).toBeUndefined()
    }
  })

  it('answers each set of variables and each operation name with its own answer', async () => {
    const document = `
      query Title($id: String!) { roadmap(slug: "demo") { version(id: $id) { title } } }
      query Id($id: String!) { roadmap(slug: "demo") { version(id: $id) { versionId } } }`
    for (let run = 0; run < 2; run++) {
      expect((await post(app, document, { id: '2024-01-01' }, 'Title')).body).toEqual({ data: { roadmap: { version: { title: 'Demo, first edition' } } } })
      expect((await post(app, document, { id: '2024-02-01' }, 'Title')).body).toEqual({ data: { roadmap: { version: { title: 'Demo, second edition' } } } })
      expect((await post(app, document, { id: '2024-01-01' }, 'Id')).body).toEqual({ data: { roadmap: { version: { versionId: '2024-01-01' } } } })
    }
  })

  it('keeps no error, so a refusal stays coded and never stands in for another query', async () => {
    const good = '{ roadmap(slug: "demo") { version(id: "2024-01-01") { steps { slug } } } }'
    const entriesBefore = app.graphqlResponseCache.entries
    for (let run = 0; run < 2; run++) {
      // Validation, a field error, a missing variable, and a limit.
      const unknownField = await post(app, good.replace('{ slug }', '{ colour }'))
      expect(unknownField.status).toBe(400)
      expect(codesOf(unknownField.body)).toEqual(['ROADMAP_ERR_INVALID_QUERY'])
      const fieldError = await post(app, '{ roadmap(slug: "demo") { version(id: "2024-01-01") { step(id: "Not Valid") { slug } } } }')
      expect(fieldError.status).toBe(200)
      expect(codesOf(fieldError.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
      const missingVariable = await post(app, 'query ($id: String!) { roadmap(slug: "demo") { version(id: $id) { title } } }')
      expect(codesOf(missingVariable.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
      const tooDeep = await post(app, '{ roadmap(slug: "demo") { version { steps { children { children { children { children { children { children { children { slug } } } } } } } } } } }')
      expect(tooDeep.status).toBe(400)
      expect(codesOf(tooDeep.body)).toContain('ROADMAP_ERR_QUERY_TOO_DEEP')
    }
    expect(app.graphqlResponseCache.entries).toBe(entriesBefore)
    expect((await post(app, good)).body).toEqual({ data: { roadmap: { version: { steps: [{ slug: 'basics' }] } } } })
    expect((await post(app, good)).body).toEqual({ data: { roadmap: { version: { steps: [{ slug: 'basics' }] } } } })
    expect(app.graphqlResponseCache.entries).toBe(entriesBefore + 1)
  })

  it('checks the limits of a query it has answered when the limits differ: each app has its own cache', async () => {
    const query = '{ roadmap(slug: "demo") { version { steps { children { slug } } } } }'
    expect((await post(app, query)).status).toBe(200)
    const shallow = await buildGraphQLApp({ limits: { maxDepth: 4 } })
    try {
      expect(codesOf((await post(shallow, query)).body)).toEqual(['ROADMAP_ERR_QUERY_TOO_DEEP'])
    } finally {
      await shallow.close()
    }
  })

  it('serves an automatic persisted query from the cache by its hash, and still asks for a hash it does not know', async () => {
    const query = '{ roadmap(slug: "demo") { version(id: "2024-01-01") { resources { totalCount } } } }'
    const expected = { data: { roadmap: { version: { resources: { totalCount: 1 } } } } }
    const unknown = await get(app, { extensions: JSON.stringify(persisted(query)) })
    expect(unknown.status).toBe(400)
    expect(codesOf(unknown.body)).toEqual(['ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND'])

    // Registered while the query's answer is already cached: the hash must still be stored.
    expect((await post(app, query)).body).toEqual(expected)
    const registered = await app.inject({ method: 'POST', url: '/graphql', payload: { query, extensions: persisted(query) } })
    expect(registered.json()).toEqual(expected)

    const hitsBefore = app.graphqlResponseCache.hits
    const byHash = await get(app, { extensions: JSON.stringify(persisted(query)) })
    expect(byHash.status).toBe(200)
    expect(byHash.body).toEqual(expected)
    expect(byHash.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    expect(app.graphqlResponseCache.hits).toBe(hitsBefore + 1)
    const revalidated = await get(app, { extensions: JSON.stringify(persisted(query)) }, { 'if-none-match': byHash.response.headers.etag as string })
    expect(revalidated.status).toBe(304)

    const other = await get(app, { extensions: JSON.stringify(persisted(`${query} `)) })
    expect(codesOf(other.body)).toEqual(['ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND'])
  })

  it('answers batches by running them, and leaves their answers out of the cache', async () => {
    const entriesBefore = app.graphqlResponseCache.entries
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: [{ query: '{ roadmaps { title } }' }, { query: '{ roadmaps { slug } }' }] })
    expect(response.json()).toEqual([{ data: { roadmaps: [{ title: 'Demo roadmap' }] } }, { data: { roadmaps: [{ slug: 'demo' }] } }])
    expect(app.graphqlResponseCache.entries).toBe(entriesBefore)
  })
})

describe('content reload', () => {
  let dir: string
  let app: App
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'graphql-response-cache-'))
    await cp(DEMO_CONTENT, dir, { recursive: true })
    app = await buildGraphQLApp({ contentDir: dir })
  })
  afterAll(async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('drops every answer, so a changed step and `latest` answer from the new content', async () => {
    const concrete = '{ roadmap(slug: "demo") { version(id: "2024-02-01") { step(id: "docker") { title } } } }'
    const latest = '{ roadmap(slug: "demo") { version { versionId step(id: "docker") { title } } } }'
    const titleOf = async (query: string) => ((await post(app, query)).body.data as { roadmap: { version: { step: { title: string } } } }).roadmap.version.step.title
    for (let run = 0; run < 2; run++) {
      expect(await titleOf(concrete)).toBe('Docker')
      expect(await titleOf(latest)).toBe('Docker')
    }
    const etagBefore = (await get(app, { query: concrete })).response.headers.etag
    expect(app.graphqlResponseCache.entries).toBeGreaterThan(0)

    const file = join(dir, 'demo/versions/2024-02-01/steps/docker.yaml')
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: Docker, revised'))
    expect((await app.reloadContent()).ok).toBe(true)
    expect(app.graphqlResponseCache.entries).toBe(0)

    expect(await titleOf(concrete)).toBe('Docker, revised')
    expect(await titleOf(latest)).toBe('Docker, revised')
    const after = await get(app, { query: concrete })
    expect(after.response.headers.etag).not.toBe(etagBefore)
  })
})

describe('bounds, through the graphqlResponseCache decorator', () => {
  it('holds no more answers than maxEntries and no more bytes than maxBytes however many distinct queries arrive; false turns it off', async () => {
    const build = async (responseCache: false | { maxEntries: number, maxBytes: number }) => {
      const app = Fastify({ logger: false })
      await app.register(contentPlugin, { contentDir: DEMO_CONTENT, watch: false })
      await app.register(httpCaching)
      await app.register(graphql, { graphiql: false, limits: DEFAULT_GRAPHQL_LIMITS, responseCache })
      await app.ready()
      return app
    }
    const bounded = await build({ maxEntries: 5, maxBytes: 4096 })
    const off = await build(false)
    try {
      for (let index = 0; index < 40; index++) {
        const query = `{ a${index}: roadmap(slug: "demo") { version(id: "2024-02-01") { steps { slug title summary } } } }`
        for (const app of [bounded, off]) {
          const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } })
          expect(response.statusCode).toBe(200)
        }
        expect(bounded.graphqlResponseCache.entries).toBeLessThanOrEqual(5)
        expect(bounded.graphqlResponseCache.bytes).toBeLessThanOrEqual(4096)
      }
      expect(bounded.graphqlResponseCache.entries).toBeGreaterThan(0)
      expect(off.graphqlResponseCache).toMatchObject({ entries: 0, hits: 0 })
    } finally {
      await bounded.close()
      await off.close()
    }
  })
})
