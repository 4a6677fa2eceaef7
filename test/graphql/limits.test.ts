/*
 * Every protection limit just under and just over its setting, then hostile queries
 * against the default settings. A refused query must come back coded, without `data`
 * (it never ran), and the server must go on answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { ConfigError, DEFAULT_GRAPHQL_LIMITS, loadConfig, type GraphQLLimits } from '../../src/config.js'
import { buildTestApp } from '../helpers/app.js'
import { buildGraphQLApp, codesOf, post, type GraphQLReply } from './helpers.js'

function expectRefused (reply: GraphQLReply, code: string, status = 400) {
  expect(reply.status).toBe(status)
  expect(reply.response.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(reply.body.data).toBeUndefined()
  expect(codesOf(reply.body)[0]).toBe(code)
}

function expectAnswered (reply: GraphQLReply) {
  expect(reply.body.errors).toBeUndefined()
  expect(reply.status).toBe(200)
}

describe('settings', () => {
  it('come from GRAPHQL_MAX_* variables, with documented defaults', () => {
    expect(DEFAULT_GRAPHQL_LIMITS).toEqual({ maxDepth: 10, maxCost: 20000, maxAliases: 20, maxOperations: 10, maxQueryBytes: 16384, maxTokens: 1000, maxBodyBytes: 131072 })
    expect(loadConfig({
      GRAPHQL_MAX_DEPTH: '4',
      GRAPHQL_MAX_COST: '50',
      GRAPHQL_MAX_ALIASES: '0',
      GRAPHQL_MAX_OPERATIONS: '1',
      GRAPHQL_MAX_QUERY_BYTES: '100',
      GRAPHQL_MAX_TOKENS: '30',
      GRAPHQL_MAX_BODY_BYTES: '2048'
    }).graphqlLimits).toEqual({ maxDepth: 4, maxCost: 50, maxAliases: 0, maxOperations: 1, maxQueryBytes: 100, maxTokens: 30, maxBodyBytes: 2048 })
  })

  it('refuse a bad value at start, naming the variable', () => {
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0', GRAPHQL_MAX_COST: 'lots' })).toThrow(ConfigError)
    expect(() => loadConfig({ GRAPHQL_MAX_DEPTH: '0' })).toThrow(/GRAPHQL_MAX_DEPTH="0"/)
  })
})

describe('each limit, just under and just over', () => {
  // Tight limits that each query below stays within, but for the one it tests; the cost limit gets its own app.
  const TIGHT = { maxDepth: 4, maxAliases: 3, maxOperations: 2, maxQueryBytes: 200, maxTokens: 40, maxBodyBytes: 2048 }
  let tight: App
  beforeAll(async () => { tight = await buildGraphQLApp({ limits: TIGHT }) })
  afterAll(async () => { await tight.close() })

  async function withLimits (limits: Partial<GraphQLLimits>, check: (app: App) => Promise<void>) {
    if (Object.entries(limits).every(([name, value]) => TIGHT[name as keyof typeof TIGHT] === value)) return check(tight)
    const app = await buildGraphQLApp({ limits })
    try {
      await check(app)
    } finally {
      await app.close()
    }
  }

  it('query depth (GRAPHQL_MAX_DEPTH)', () => withLimits({ maxDepth: 4 }, async (app) => {
    expectAnswered(await post(app, '{ roadmaps { versions { steps { slug } } } }'))
    const refused = await post(app, '{ roadmaps { versions { steps { children { slug } } } } }')
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_DEEP')
    expect(refused.body.errors![0]!.message).toBe('Query depth limit of 4 exceeded, found 5.')
  }))

  it('query cost (GRAPHQL_MAX_COST): one per field, times the page size of each list around it', () => withLimits({ maxCost: 50 }, async (app) => {
    // roadmap 1 + version 1 + tools 1 + first × totalCount… = 3 + first
    const tools = (first: number) => `{ roadmap(slug: "demo") { version { tools(first: ${first}) { totalCount } } } }`
    expectAnswered(await post(app, tools(47)))
    const refused = await post(app, tools(48))
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_COMPLEX')
    expect(refused.body.errors![0]!.message).toBe('The query may cost 51; the limit is 50')
    // A plain list counts as its declared size: roadmaps is @listSize(assumedSize: 10).
    expectAnswered(await post(app, '{ roadmaps { slug title description latestVersion } }'))
    expectRefused(await post(app, '{ roadmaps { slug title description latestVersion versionCount } }'), 'ROADMAP_ERR_QUERY_TOO_COMPLEX')
    // A page size given as a variable counts as the largest page (100), whatever the variable says.
    expectRefused(await post(app, 'query ($n: Int) { roadmap(slug: "demo") { version { tools(first: $n) { totalCount } } } }', { n: 1 }), 'ROADMAP_ERR_QUERY_TOO_COMPLEX')
  }))

  it('aliases (GRAPHQL_MAX_ALIASES)', () => withLimits({ maxAliases: 3 }, async (app) => {
    expectAnswered(await post(app, '{ a: roadmaps { slug } b: roadmaps { slug } c: roadmaps { slug } }'))
    const refused = await post(app, '{ a: roadmaps { slug } b: roadmaps { slug } c: roadmaps { slug } d: roadmaps { slug } }')
    expectRefused(refused, 'ROADMAP_ERR_TOO_MANY_ALIASES')
    expect(refused.body.errors![0]!.message).toBe('Aliases limit of 3 exceeded, found 4.')
  }))

  it('operations per request (GRAPHQL_MAX_OPERATIONS): batch entries', () => withLimits({ maxOperations: 2 }, async (app) => {
    const batch = (size: number) => app.inject({ method: 'POST', url: '/graphql', payload: Array.from({ length: size }, (_, index) => ({ query: `query Q${index} { roadmaps { slug } }` })) })
    const answered = await batch(2)
    expect(answered.statusCode).toBe(200)
    expect(answered.json()).toEqual([{ data: { roadmaps: [{ slug: 'demo' }] } }, { data: { roadmaps: [{ slug: 'demo' }] } }])
    const refused = await batch(3)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toEqual({ errors: [{ message: 'The request carries 3 operations; the limit is 2', extensions: { code: 'ROADMAP_ERR_TOO_MANY_OPERATIONS' } }] })
  }))

  it('operations per request (GRAPHQL_MAX_OPERATIONS): operations in one document', () => withLimits({ maxOperations: 2 }, async (app) => {
    expectAnswered(await post(app, 'query A { roadmaps { slug } } query B { roadmaps { title } }', undefined, 'B'))
    const refused = await post(app, 'query A { roadmaps { slug } } query B { roadmaps { title } } query C { __typename }', undefined, 'B')
    expectRefused(refused, 'ROADMAP_ERR_TOO_MANY_OPERATIONS')
    expect(refused.body.errors![0]!.message).toBe('The request carries 3 operations; the limit is 2')
  }))

  it('query text size (GRAPHQL_MAX_QUERY_BYTES), in UTF-8 bytes', () => withLimits({ maxQueryBytes: 200 }, async (app) => {
    const query = '{ roadmaps { slug } }'
    // "é" is two bytes: a query of 200 bytes but fewer characters.
    const padded = (bytes: number) => `${query} #${'é'.repeat((bytes - query.length - 2) / 2)}${(bytes - query.length) % 2 === 1 ? 'x' : ''}`
    expect(Buffer.byteLength(padded(200))).toBe(200)
    expectAnswered(await post(app, padded(200)))
    const refused = await post(app, padded(201))
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_LARGE')
    expect(refused.body.errors![0]!.message).toBe('The query is 201 bytes long; the limit is 200 bytes')
  }))

  it('query tokens (GRAPHQL_MAX_TOKENS)', () => withLimits({ maxTokens: 40 }, async (app) => {
    // `{ roadmaps { slug } }` is 6 tokens; each more field is one more.
    const tokens = (count: number) => `{ roadmaps { slug ${'id '.repeat(count - 6)}} }`
    expectAnswered(await post(app, tokens(40)))
    const refused = await post(app, tokens(41))
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_LARGE')
    expect(refused.body.errors![0]!.message).toBe('The query has more than 40 tokens; the limit is 40')
  }))

  it('request body size (GRAPHQL_MAX_BODY_BYTES): 413 beyond it, as a GraphQL error', () => withLimits({ maxBodyBytes: 2048 }, async (app) => {
    const body = (bytes: number) => {
      const base = JSON.stringify({ query: '{ roadmaps { slug } }', variables: { padding: '' } })
      return JSON.stringify({ query: '{ roadmaps { slug } }', variables: { padding: 'x'.repeat(bytes - base.length) } })
    }
    expect(Buffer.byteLength(body(2048))).toBe(2048)
    const answered = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: body(2048) })
    expect(answered.statusCode).toBe(200)
    const refused = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: body(2049) })
    expect(refused.statusCode).toBe(413)
    expect(refused.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(refused.json()).toEqual({ errors: [{ message: 'Request body is too large', extensions: { code: 'ROADMAP_ERR_PAYLOAD_TOO_LARGE' } }] })
  }))
})

describe('hostile queries against the default limits', () => {
  let app: App
  beforeAll(async () => { app = await buildTestApp() })
  afterAll(async () => { await app.close() })

  const nested = (depth: number) => `{ roadmap(slug: "mlops") { version { steps ${'{ children '.repeat(depth)}{ slug }${' }'.repeat(depth)} } } }`

  it('refuses a query 50 levels deep', async () => {
    const refused = await post(app, nested(50))
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_DEEP')
    expect(refused.body.errors![0]!.message).toBe('Query depth limit of 10 exceeded, found 54.')
    // Its cost explodes too; both are reported.
    expect(codesOf(refused.body)).toEqual(['ROADMAP_ERR_QUERY_TOO_DEEP', 'ROADMAP_ERR_QUERY_TOO_COMPLEX'])
  })

  it('refuses 1,000 aliases: too large at the default sizes, too many aliases when sizes allow', async () => {
    const aliases = `{ ${Array.from({ length: 1000 }, (_, index) => `a${index}: roadmaps { slug }`).join(' ')} }`
    expectRefused(await post(app, aliases), 'ROADMAP_ERR_QUERY_TOO_LARGE')

    const roomy = await buildGraphQLApp({ limits: { maxQueryBytes: 100_000, maxTokens: 20_000, maxCost: 1_000_000 } })
    try {
      const refused = await post(roomy, aliases.replaceAll('roadmaps', 'roadmap(slug: "demo")'))
      expectRefused(refused, 'ROADMAP_ERR_TOO_MANY_ALIASES')
      expect(refused.body.errors![0]!.message).toBe('Aliases limit of 20 exceeded, found 1000.')
    } finally {
      await roomy.close()
    }
  })

  it('refuses fragment cycles without following them', async () => {
    const refused = await post(app, `
      { roadmaps { ...A } }
      fragment A on Roadmap { versions { roadmap { ...B } } }
      fragment B on Roadmap { ...A }
    `)
    expectRefused(refused, 'ROADMAP_ERR_INVALID_QUERY')
    expect(refused.body.errors![0]!.message).toBe('Cannot spread fragment "A" within itself via "B".')
  })

  it('prices fragments that spread other fragments many times over in linear time', async () => {
    // 2^30 paths if each spread were followed anew.
    const fragments = Array.from({ length: 30 }, (_, index) => index === 29
      ? `fragment F${index} on Roadmap { slug }`
      : `fragment F${index} on Roadmap { versions { roadmap { ...F${index + 1} } } other: versions { roadmap { ...F${index + 1} } } }`).join('\n')
    const refused = await post(app, `{ roadmaps { ...F0 } }\n${fragments}`)
    expectRefused(refused, 'ROADMAP_ERR_QUERY_TOO_DEEP')
    expect(codesOf(refused.body)).toEqual(['ROADMAP_ERR_QUERY_TOO_DEEP', 'ROADMAP_ERR_TOO_MANY_ALIASES', 'ROADMAP_ERR_QUERY_TOO_COMPLEX'])
  })

  it('refuses 100 batched operations before running any', async () => {
    const refused = await app.inject({ method: 'POST', url: '/graphql', payload: Array.from({ length: 100 }, () => ({ query: '{ roadmaps { slug } }' })) })
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toEqual({ errors: [{ message: 'The request carries 100 operations; the limit is 10', extensions: { code: 'ROADMAP_ERR_TOO_MANY_OPERATIONS' } }] })
  })

  it('refuses a 1 MB query: 413 in a POST body, too large in a GET URL', async () => {
    const query = `{ roadmaps { slug } } #${'x'.repeat(1024 * 1024)}`
    const posted = await app.inject({ method: 'POST', url: '/graphql', payload: { query } })
    expect(posted.statusCode).toBe(413)
    expect(posted.json()).toEqual({ errors: [{ message: 'Request body is too large', extensions: { code: 'ROADMAP_ERR_PAYLOAD_TOO_LARGE' } }] })
    const got = await app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent(query)}` })
    expect(got.statusCode).toBe(400)
    expect(got.json()).toEqual({ errors: [{ message: `The query is ${Buffer.byteLength(query)} bytes long; the limit is 16384 bytes`, extensions: { code: 'ROADMAP_ERR_QUERY_TOO_LARGE' } }] })
  })

  it('refuses a field repeated hundreds of times (quadratic validation) by its token count', async () => {
    expectRefused(await post(app, `{ ${'roadmaps { slug } '.repeat(900)}}`), 'ROADMAP_ERR_QUERY_TOO_LARGE')
  })

  it('refuses the same hostile query again from its cache, and keeps serving', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expectRefused(await post(app, nested(50)), 'ROADMAP_ERR_QUERY_TOO_DEEP')
    const health = await app.inject({ url: '/health/ready' })
    expect(health.statusCode).toBeLessThan(500)
    const { status, body } = await post(app, '{ roadmap(slug: "mlops") { version(id: "2024-01-12") { versionId steps { slug } } } }')
    expect(status).toBe(200)
    const snapshot = (await app.inject({ url: '/v1/roadmaps/mlops/versions/2024-01-12' })).json<{ steps: Array<{ id: string }> }>()
    expect(body.data).toEqual({ roadmap: { version: { versionId: '2024-01-12', steps: snapshot.steps.map((step) => ({ slug: step.id })) } } })
  })
})
