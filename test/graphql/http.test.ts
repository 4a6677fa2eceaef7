/*
 * GraphQL over HTTP: the transports, HTTP caching of GET, automatic persisted
 * queries, coded errors and the GraphiQL setting.
 */
import { createHash } from 'node:crypto'
import { GraphQLError } from 'graphql'
import type { MercuriusContext } from 'mercurius'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { formatGraphQLErrors } from '../../src/graphql/error-formatter.js'
import { IMMUTABLE_CACHE_CONTROL, LATEST_CACHE_CONTROL } from '../../src/plugins/http-caching.js'
import { buildGraphQLApp, codesOf, get, post } from './helpers.js'

let app: App
beforeAll(async () => { app = await buildGraphQLApp() })
afterAll(async () => { await app.close() })

const CONCRETE = '{ roadmap(slug: "demo") { version(id: "2024-01-01") { versionId steps { slug } } } }'
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const persisted = (query: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } })

describe('transports', () => {
  const expected = { data: { roadmap: { version: { versionId: '2024-01-01', steps: [{ slug: 'basics' }] } } } }

  it('answers POST with a JSON body', async () => {
    const { status, body, response } = await post(app, CONCRETE)
    expect(status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(body).toEqual(expected)
  })

  it('answers POST with an application/graphql body', async () => {
    const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/graphql' }, payload: CONCRETE })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual(expected)
  })

  it('answers GET with the query, variables and operation name in the URL', async () => {
    expect((await get(app, { query: CONCRETE })).body).toEqual(expected)
    const withVariables = await get(app, {
      query: 'query Other { __typename } query Edition($id: String!) { roadmap(slug: "demo") { version(id: $id) { versionId steps { slug } } } }',
      variables: JSON.stringify({ id: '2024-01-01' }),
      operationName: 'Edition'
    })
    expect(withVariables.body).toEqual(expected)
  })

  it('runs batched operations (POST, bounded by GRAPHQL_MAX_OPERATIONS) and answers each', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: [{ query: CONCRETE }, { query: '{ roadmap(slug: "demo") { version { nope } } }' }]
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual([
      expected,
      { errors: [{ message: 'Cannot query field "nope" on type "RoadmapVersion". Did you mean "notes"?', locations: [{ line: 1, column: 37 }], extensions: { code: 'ROADMAP_ERR_INVALID_QUERY' } }] }
    ])
  })

  it('gives the same answer once the query runs compiled (graphql-jit) as the first time', async () => {
    const query = '{ roadmap(slug: "demo") { version { tools { edges { node { slug category steps { slug } } } } } } }'
    const answers = []
    for (let run = 0; run < 4; run++) answers.push((await post(app, query)).body)
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
    expect(answers[0]).toEqual({
      data: { roadmap: { version: { tools: { edges: [{ node: { slug: 'shell', category: 'SHELL', steps: [{ slug: 'basics' }, { slug: 'shell-use' }] } }, { node: { slug: 'docker', category: 'CONTAINERIZATION', steps: [{ slug: 'docker' }] } }] } } } }
    })
  })
})

describe('HTTP caching of GET', () => {
  it('marks a response naming only concrete versions immutable, with a strong ETag, and answers 304 to it', async () => {
    const first = await get(app, { query: CONCRETE })
    expect(first.status).toBe(200)
    expect(first.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    const etag = first.response.headers.etag as string
    expect(etag).toMatch(/^"[\w-]+"$/)

    const again = await get(app, { query: CONCRETE }, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.response.body).toBe('')
    expect(again.response.headers.etag).toBe(etag)
    expect(again.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    expect(again.response.headers['content-type']).toBeUndefined()
  })

  it('gives different ETags to different versions and different queries', async () => {
    const etagOf = async (query: string) => (await get(app, { query })).response.headers.etag
    const etags = new Set([
      await etagOf(CONCRETE),
      await etagOf(CONCRETE.replace('2024-01-01', '2024-02-01')),
      await etagOf('{ roadmap(slug: "demo") { version(id: "2024-01-01") { versionId } } }')
    ])
    expect(etags.size).toBe(3)
  })

  it('caches briefly what can change: `latest`, roadmap metadata, lists and lookups that found nothing', async () => {
    for (const query of [
      '{ roadmap(slug: "demo") { version { versionId } } }',
      '{ roadmap(slug: "demo") { title latestVersion } }',
      '{ roadmaps { slug } }',
      '{ roadmap(slug: "demo") { version(id: "2030-01-01") { versionId } } }'
    ]) {
      const { status, response } = await get(app, { query })
      expect(status, query).toBe(200)
      expect(response.headers['cache-control'], query).toBe(LATEST_CACHE_CONTROL)
      expect(response.headers.etag, query).toMatch(/^"[\w-]+"$/)
    }
  })

  it('keeps a concrete version immutable even through its roadmap, as long as no roadmap field is read', async () => {
    const { response } = await get(app, { query: '{ roadmap(slug: "demo") { slug version(id: "2024-02-01") { title } } }' })
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    const node = await get(app, { query: `{ node(id: "${Buffer.from('Step:demo/2024-02-01/docker').toString('base64url')}") { ... on Step { title } } }` })
    expect(node.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
  })

  it('sends no caching headers with errors, and none on POST', async () => {
    const failed = await get(app, { query: '{ roadmap(slug: "demo") { version(id: "2024-01-01") { step(id: "Not Valid") { slug } } } }' })
    expect(codesOf(failed.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
    expect(failed.response.headers.etag).toBeUndefined()
    expect(failed.response.headers['cache-control']).toBeUndefined()
    const posted = await post(app, CONCRETE)
    expect(posted.response.headers.etag).toBeUndefined()
    expect(posted.response.headers['cache-control']).toBeUndefined()
  })
})

describe('automatic persisted queries (Apollo protocol)', () => {
  const query = '{ roadmap(slug: "demo") { version(id: "2024-02-01") { tools { totalCount } } } }'

  it('asks for the query it does not know, stores it when sent with its hash, then serves the hash alone over cacheable GET', async () => {
    const unknown = await get(app, { extensions: persisted(query) })
    expect(unknown.status).toBe(400)
    expect(unknown.body).toEqual({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND' } }] })

    const registered = await app.inject({ method: 'POST', url: '/graphql', payload: { query, extensions: JSON.parse(persisted(query)) } })
    expect(registered.json()).toEqual({ data: { roadmap: { version: { tools: { totalCount: 2 } } } } })

    const byHash = await get(app, { extensions: persisted(query) })
    expect(byHash.status).toBe(200)
    expect(byHash.body).toEqual({ data: { roadmap: { version: { tools: { totalCount: 2 } } } } })
    expect(byHash.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    const revalidated = await get(app, { extensions: persisted(query) }, { 'if-none-match': byHash.response.headers.etag as string })
    expect(revalidated.status).toBe(304)
  })

  it('refuses a query whose hash does not match, and a protocol version it does not know', async () => {
    const mismatch = await get(app, { query, extensions: persisted('{ __typename }') })
    expect(mismatch.status).toBe(400)
    expect(mismatch.body).toEqual({ errors: [{ message: 'provided sha does not match query', extensions: { code: 'ROADMAP_ERR_BAD_REQUEST' } }] })
    const version2 = await get(app, { extensions: JSON.stringify({ persistedQuery: { version: 2, sha256Hash: sha256(query) } }) })
    expect(version2.body).toEqual({ errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'ROADMAP_ERR_BAD_REQUEST' } }] })
  })
})

describe('errors', () => {
  it('answers a syntax error and an unknown field with ROADMAP_ERR_INVALID_QUERY and where it is', async () => {
    const syntax = await post(app, '{ roadmaps { slug }')
    expect(syntax.status).toBe(400)
    expect(syntax.body).toEqual({ errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.', locations: [{ line: 1, column: 20 }], extensions: { code: 'ROADMAP_ERR_INVALID_QUERY' } }] })
    const unknown = await post(app, '{ roadmaps { slug colour } }')
    expect(unknown.status).toBe(400)
    expect(unknown.body).toEqual({ errors: [{ message: 'Cannot query field "colour" on type "Roadmap".', locations: [{ line: 1, column: 19 }], extensions: { code: 'ROADMAP_ERR_INVALID_QUERY' } }] })
  })

  it('answers a missing or mistyped variable with ROADMAP_ERR_INVALID_PARAMETER', async () => {
    const query = 'query ($slug: ID!) { roadmap(slug: $slug) { slug } }'
    expect(codesOf((await post(app, query)).body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
    const mistyped = await post(app, 'query ($first: Int) { roadmap(slug: "demo") { version { tools(first: $first) { totalCount } } } }', { first: 'ten' })
    expect(mistyped.status).toBe(400)
    expect(codesOf(mistyped.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
  })

  it('answers a body it cannot read with ROADMAP_ERR_BAD_REQUEST, and an unknown enum value as an invalid query', async () => {
    const broken = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' })
    expect(broken.statusCode).toBe(400)
    expect(codesOf(broken.json())).toEqual(['ROADMAP_ERR_BAD_REQUEST'])
    const badVariables = await get(app, { query: '{ __typename }', variables: '{not json' })
    expect(badVariables.status).toBe(400)
    expect(codesOf(badVariables.body)).toEqual(['ROADMAP_ERR_BAD_REQUEST'])
    expect(codesOf((await post(app, '{ roadmap(slug: "demo") { version { resources(kind: PODCAST) { totalCount } } } }')).body)).toEqual(['ROADMAP_ERR_INVALID_QUERY'])
  })

  it('turns an unexpected failure into ROADMAP_ERR_INTERNAL without its message, and logs it', () => {
    const logged: unknown[] = []
    const log = { info: () => {}, error: (entry: unknown) => { logged.push(entry) } }
    const cause = new Error('ENOENT: /srv/secret/path')
    const { statusCode, response } = formatGraphQLErrors(
      { data: { roadmaps: null }, errors: [new GraphQLError(cause.message, { path: ['roadmaps'], originalError: cause })] },
      { reply: { log } } as unknown as MercuriusContext
    )
    expect(statusCode).toBe(200)
    expect(JSON.parse(JSON.stringify(response))).toEqual({
      data: { roadmaps: null },
      errors: [{ message: 'The server could not answer this request. It has been logged.', path: ['roadmaps'], extensions: { code: 'ROADMAP_ERR_INTERNAL' } }]
    })
    expect(logged).toEqual([{ err: cause }])
  })

  it('lists every GraphQL code among the problem types, like the REST ones', async () => {
    const codes = (await app.inject({ url: '/problems' })).json<{ items: Array<{ code: string }> }>().items.map((item) => item.code)
    expect(codes).toEqual(expect.arrayContaining([
      'ROADMAP_ERR_INVALID_QUERY',
      'ROADMAP_ERR_QUERY_TOO_LARGE',
      'ROADMAP_ERR_QUERY_TOO_DEEP',
      'ROADMAP_ERR_QUERY_TOO_COMPLEX',
      'ROADMAP_ERR_TOO_MANY_ALIASES',
      'ROADMAP_ERR_TOO_MANY_OPERATIONS',
      'ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND'
    ]))
  })
})

describe('GraphiQL', () => {
  it('is off unless its setting is on', async () => {
    const response = await app.inject({ url: '/graphiql' })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  })

  it('is served at /graphiql when GRAPHIQL is on, with a CSP that lets it load', async () => {
    const withGraphiql = await buildGraphQLApp({ graphiql: true })
    try {
      const page = await withGraphiql.inject({ url: '/graphiql' })
      expect(page.statusCode).toBe(200)
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(page.body).toContain('<title>GraphiQL</title>')
      expect(page.headers['content-security-policy']).toContain("script-src 'self' https://unpkg.com")
      const config = await withGraphiql.inject({ url: '/graphiql/config.js' })
      expect(config.body).toContain("window.GRAPHQL_ENDPOINT = '/graphql'")
    } finally {
      await withGraphiql.close()
    }
  })

  it('keeps /graphql and /graphiql out of the OpenAPI document', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/graphql') || path.startsWith('/graphiql'))).toEqual([])
  })
})
