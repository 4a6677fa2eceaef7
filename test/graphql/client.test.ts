/*
 * A real GraphQL client (graphql-request) against a listening server on 127.0.0.1,
 * including an automatic persisted query round trip over GET: the Apollo protocol,
 * done by a fetch wrapper the way Apollo's persisted-queries link does it.
 */
import { createHash } from 'node:crypto'
import { ClientError, GraphQLClient } from 'graphql-request'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { IMMUTABLE_CACHE_CONTROL } from '../../src/plugins/http-caching.js'
import { buildGraphQLApp } from './helpers.js'

let app: App
let endpoint: string

beforeAll(async () => {
  app = await buildGraphQLApp()
  const address = await app.listen({ host: '127.0.0.1', port: 0 })
  endpoint = `${address}/graphql`
})

afterAll(async () => { await app.close() })

interface Exchange { status: number, sentQuery: boolean, cacheControl: string | null }

/** GET with only the query's hash first; on PersistedQueryNotFound, GET again with the query to register it. */
function persistedQueryFetch (exchanges: Exchange[]): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const query = url.searchParams.get('query') ?? ''
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } })
    url.searchParams.delete('query')
    url.searchParams.set('extensions', extensions)
    const hashOnly = await fetch(url, init)
    exchanges.push({ status: hashOnly.status, sentQuery: false, cacheControl: hashOnly.headers.get('cache-control') })
    if (hashOnly.status !== 400) return hashOnly
    const body = await hashOnly.clone().json() as { errors?: Array<{ message: string }> }
    if (body.errors?.[0]?.message !== 'PersistedQueryNotFound') return hashOnly
    url.searchParams.set('query', query)
    const withQuery = await fetch(url, init)
    exchanges.push({ status: withQuery.status, sentQuery: true, cacheControl: withQuery.headers.get('cache-control') })
    return withQuery
  }
}

const STEP_QUERY = `query Step($slug: ID!, $version: String!, $step: ID!) {
  roadmap(slug: $slug) { version(id: $version) { step(id: $step) { title next { slug } tools { name } } } }
}`

describe('graphql-request against a listening server', () => {
  it('runs a query over POST with variables', async () => {
    const client = new GraphQLClient(endpoint)
    expect(await client.request(STEP_QUERY, { slug: 'demo', version: '2024-02-01', step: 'containers' })).toEqual({
      roadmap: { version: { step: { title: 'Containers', next: { slug: 'docker' }, tools: [] } } }
    })
  })

  it('surfaces coded errors as a ClientError', async () => {
    const client = new GraphQLClient(endpoint)
    const error = await client.request(STEP_QUERY, { slug: 'demo', version: 'someday', step: 'docker' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ClientError)
    expect((error as ClientError).response.errors?.map((item) => item.extensions?.['code'])).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
  })

  it('does an automatic persisted query round trip over GET, then reads the cacheable hash-only GET', async () => {
    const exchanges: Exchange[] = []
    const client = new GraphQLClient(endpoint, { method: 'GET', fetch: persistedQueryFetch(exchanges) })
    const variables = { slug: 'demo', version: '2024-02-01', step: 'docker' }
    const expected = { roadmap: { version: { step: { title: 'Docker', next: null, tools: [{ name: 'Docker' }] } } } }

    expect(await client.request(STEP_QUERY, variables)).toEqual(expected)
    expect(exchanges).toEqual([
      { status: 400, sentQuery: false, cacheControl: null },
      { status: 200, sentQuery: true, cacheControl: IMMUTABLE_CACHE_CONTROL }
    ])

    const { data, headers } = await client.rawRequest(STEP_QUERY, variables)
    expect(data).toEqual(expected)
    expect(exchanges.slice(2)).toEqual([{ status: 200, sentQuery: false, cacheControl: IMMUTABLE_CACHE_CONTROL }])
    expect(headers.get('etag')).toMatch(/^"[\w-]+"$/)
  })
})
