/*
 * From its second run a query is compiled by graphql-jit; its answers must stay those of
 * graphql-js. The response cache is off here, so every request runs its query.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config.js'
import contentPlugin from '../../src/content/plugin.js'
import graphql from '../../src/graphql/plugin.js'
import httpCaching from '../../src/plugins/http-caching.js'
import { DEMO_CONTENT, type GraphQLBody } from './helpers.js'

let app: FastifyInstance
beforeAll(async () => {
  app = Fastify({ logger: false })
  await app.register(contentPlugin, { contentDir: DEMO_CONTENT, watch: false })
  await app.register(httpCaching)
  await app.register(graphql, { graphiql: false, limits: DEFAULT_GRAPHQL_LIMITS, responseCache: false })
  await app.ready()
})
afterAll(async () => { await app.close() })

async function run (query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLBody> {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables, operationName } })
  return response.json<GraphQLBody>()
}

describe('compiled queries (graphql-jit)', () => {
  it('answer each operation of a document with several by its name, however often it runs', async () => {
    const document = `
      query Title { roadmap(slug: "demo") { version(id: "2024-01-01") { title } } }
      query Id { roadmap(slug: "demo") { version(id: "2024-01-01") { versionId } } }`
    for (let time = 0; time < 3; time++) {
      expect(await run(document, undefined, 'Title')).toEqual({ data: { roadmap: { version: { title: 'Demo, first edition' } } } })
      expect(await run(document, undefined, 'Id')).toEqual({ data: { roadmap: { version: { versionId: '2024-01-01' } } } })
    }
  })

  it('use the default of a non-null variable left out, as graphql-js does (schema/examples/books.graphql declares one)', async () => {
    const query = 'query ($slug: ID!, $version: String! = "latest", $first: Int! = 1) { roadmap(slug: $slug) { version(id: $version) { versionId tools(first: $first) { edges { node { slug } } } } } }'
    for (let time = 0; time < 3; time++) {
      expect(await run(query, { slug: 'demo' })).toEqual({ data: { roadmap: { version: { versionId: '2024-02-01', tools: { edges: [{ node: { slug: 'shell' } }] } } } } })
      expect(await run(query, { slug: 'demo', version: '2024-01-01', first: 2 })).toEqual({ data: { roadmap: { version: { versionId: '2024-01-01', tools: { edges: [{ node: { slug: 'shell' } }] } } } } })
    }
  })
})
