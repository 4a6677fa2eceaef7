import { fileURLToPath } from 'node:url'
import { Type, type Static } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

/** The shipped content, found relative to this file so it works from src/ (tsx) and dist/ (node). */
export const SHIPPED_CONTENT_DIR = fileURLToPath(new URL('../content', import.meta.url))

const Flag = Type.Union([Type.Literal('true'), Type.Literal('false'), Type.Literal('1'), Type.Literal('0')])

export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on.' }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to bind; 0.0.0.0 in containers.' }),
  CONTENT_DIR: Type.String({ minLength: 1, default: SHIPPED_CONTENT_DIR, description: 'Folder holding content/<slug>/roadmap.yaml.' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)), { default: 'info' }),
  CONTENT_WATCH: Type.Union([Flag], { default: 'false', description: 'Reload content when files change; a bad change is rejected and the last good content stays.' }),
  GRAPHIQL: Type.Union([Flag], { default: 'false', description: 'Serve GraphiQL at /graphiql.' }),
  // GraphQL limits: a query over any of them is refused before it runs. Defaults fit every example in schema/examples/.
  GRAPHQL_MAX_DEPTH: Type.Integer({ minimum: 1, default: 10, description: 'Deepest field nesting a GraphQL operation may have.' }),
  GRAPHQL_MAX_COST: Type.Integer({ minimum: 1, default: 20000, description: 'Highest estimated cost of a GraphQL operation: one per field, times the page size or assumed size of each enclosing list.' }),
  GRAPHQL_MAX_ALIASES: Type.Integer({ minimum: 0, default: 20, description: 'Most aliases a GraphQL operation may use.' }),
  GRAPHQL_MAX_OPERATIONS: Type.Integer({ minimum: 1, default: 10, description: 'Most GraphQL operations per request: entries of a batched POST, and operation definitions in one document.' }),
  GRAPHQL_MAX_QUERY_BYTES: Type.Integer({ minimum: 64, default: 16384, description: 'Longest GraphQL query text, in UTF-8 bytes.' }),
  // Validation time grows with the square of repeated fields (graphql-js OverlappingFieldsCanBeMerged), so tokens are bounded too.
  GRAPHQL_MAX_TOKENS: Type.Integer({ minimum: 16, default: 1000, description: 'Most lexical tokens (names, punctuation, values) in a GraphQL query; parsing stops at the limit.' }),
  GRAPHQL_MAX_BODY_BYTES: Type.Integer({ minimum: 1024, default: 131072, description: 'Largest POST /graphql body, in bytes; larger bodies get 413.' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/]+(/.*)?$', description: 'Absolute base URL for links in embeds, feeds and oEmbed; defaults to the request host.' }))
})
export type RawConfig = Static<typeof ConfigSchema>

export interface Config {
  port: number
  host: string
  contentDir: string
  logLevel: RawConfig['LOG_LEVEL']
  contentWatch: boolean
  graphiql: boolean
  publicUrl: string | undefined
  graphqlLimits: GraphQLLimits
}

/** What a GraphQL request may ask for; see GRAPHQL_MAX_* above. */
export interface GraphQLLimits {
  maxDepth: number
  maxCost: number
  maxAliases: number
  maxOperations: number
  maxQueryBytes: number
  maxTokens: number
  maxBodyBytes: number
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

const isOn = (flag: string | undefined) => flag === 'true' || flag === '1'

/** Reads settings from an environment object; throws a ConfigError naming every bad variable. */
export function loadConfig (env: NodeJS.ProcessEnv): Config {
  const keys = Object.keys(ConfigSchema.properties)
  const raw = Object.fromEntries(keys.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]))
  const converted = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, { ...raw }))
  const errors = [...Value.Errors(ConfigSchema, converted)]
  if (errors.length > 0) {
    const lines = errors.map((error) => {
      const key = error.path.slice(1)
      const choices = (error.schema.anyOf as Array<{ const?: unknown }> | undefined)?.map((option) => option.const)
      const reason = choices !== undefined ? `must be one of ${choices.join(', ')}` : error.message.toLowerCase()
      return `  ${key}=${JSON.stringify(raw[key] ?? null)}: ${reason}`
    })
    throw new ConfigError(`Invalid configuration:\n${[...new Set(lines)].join('\n')}`)
  }
  const config = converted as RawConfig
  return {
    port: config.PORT,
    host: config.HOST,
    contentDir: config.CONTENT_DIR,
    logLevel: config.LOG_LEVEL,
    contentWatch: isOn(config.CONTENT_WATCH),
    graphiql: isOn(config.GRAPHIQL),
    publicUrl: config.PUBLIC_URL?.replace(/\/$/, ''),
    graphqlLimits: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxCost: config.GRAPHQL_MAX_COST,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxOperations: config.GRAPHQL_MAX_OPERATIONS,
      maxQueryBytes: config.GRAPHQL_MAX_QUERY_BYTES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxBodyBytes: config.GRAPHQL_MAX_BODY_BYTES
    }
  }
}

export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = loadConfig({}).graphqlLimits
