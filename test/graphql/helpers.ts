import { fileURLToPath } from 'node:url'
import type { LightMyRequestResponse } from 'fastify'
import { buildApp, type App, type AppOptions } from '../../src/app.js'
import { DEFAULT_GRAPHQL_LIMITS, type GraphQLLimits } from '../../src/config.js'
import { TEST_APP_DEFAULTS } from '../helpers/app.js'

/** Two small editions of a `demo` roadmap, small enough to write whole payloads by hand. */
export const DEMO_CONTENT = fileURLToPath(new URL('./fixtures/content', import.meta.url))

export async function buildGraphQLApp (options: AppOptions & { limits?: Partial<GraphQLLimits> } = {}): Promise<App> {
  const { limits, ...rest } = options
  const app = await buildApp({ ...TEST_APP_DEFAULTS, contentDir: DEMO_CONTENT, graphqlLimits: { ...DEFAULT_GRAPHQL_LIMITS, ...limits }, ...rest })
  await app.ready()
  return app
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null
  errors?: Array<{ message: string, locations?: unknown, path?: unknown, extensions?: { code?: string } }>
}

export interface GraphQLReply { status: number, body: GraphQLBody, response: LightMyRequestResponse }

export async function post (app: App, query: string, variables?: Record<string, unknown>, operationName?: string): Promise<GraphQLReply> {
  const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables, operationName } })
  return { status: response.statusCode, body: response.json<GraphQLBody>(), response }
}

export async function get (app: App, params: Record<string, string>, headers: Record<string, string> = {}): Promise<GraphQLReply> {
  const response = await app.inject({ method: 'GET', url: `/graphql?${new URLSearchParams(params)}`, headers })
  return { status: response.statusCode, body: response.body === '' ? {} : response.json<GraphQLBody>(), response }
}

/** Posts a query that must succeed and returns its data. */
export async function data (app: App, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { status, body } = await post(app, query, variables)
  if (status !== 200 || body.errors !== undefined) throw new Error(`GraphQL failed (${status}): ${JSON.stringify(body.errors)}`)
  return body.data!
}

export const codesOf = (body: GraphQLBody) => (body.errors ?? []).map((error) => error.extensions?.code)

/** The documented id format, encoded independently of the server's code. */
export const globalId = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

/** Variables for each operation in schema/examples/, against the shipped content. */
export const EXAMPLE_VARIABLES: Record<string, Record<string, unknown>> = {
  'books.graphql': { slug: 'mlops' },
  'compare-editions.graphql': { slug: 'mlops', from: '2023-12-21' },
  'diff.graphql': { slug: 'mlops', from: '2023-12-21', to: '2024-01-12' },
  'node.graphql': { id: globalId('Step:mlops/2024-01-12/docker') },
  'roadmaps.graphql': {},
  'search.graphql': { slug: 'mlops', query: 'kubernetes' },
  'step-page.graphql': { slug: 'mlops', version: '2024-01-12', step: 'docker' },
  'step-tree.graphql': { slug: 'mlops' },
  'tools-page.graphql': { slug: 'mlops', category: 'CONTAINERIZATION' }
}

/** GraphQL enum value for a content value: `skill-track` -> `SKILL_TRACK`. */
export const enumValue = (value: string) => value.toUpperCase().replaceAll('-', '_')
