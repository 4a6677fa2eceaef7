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
  // Production: protection, timeouts, shutdown, observability. Defaults are generous enough for any honest client.
  RATE_LIMIT_MAX: Type.Integer({ minimum: 0, default: 1200, description: 'Requests one client IP may make per RATE_LIMIT_WINDOW; 0 turns rate limiting off.' }),
  RATE_LIMIT_WINDOW: Type.String({ pattern: '^[0-9]+(ms|s|m|h)?$', default: '1m', description: 'Length of the rate-limit window: milliseconds, or a number with ms, s, m or h.' }),
  RATE_LIMIT_ALLOW_LIST: Type.String({ default: '', description: 'Comma-separated client IPs that are never rate limited (e.g. a health checker or 127.0.0.1 in load tests).' }),
  TRUST_PROXY: Type.String({ default: 'false', description: 'Whether to trust X-Forwarded-For for the client IP: false, true, a hop count, or comma-separated proxy IPs/CIDRs.' }),
  REQUEST_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 30000, description: 'Longest time to receive a whole request (headers and body); slow clients are cut off after it. 0 disables.' }),
  CONNECTION_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 60000, description: 'Idle socket timeout. 0 disables.' }),
  KEEP_ALIVE_TIMEOUT_MS: Type.Integer({ minimum: 0, default: 72000, description: 'How long an idle keep-alive connection stays open; keep it above the load balancer idle timeout.' }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, default: 10000, description: 'On SIGTERM/SIGINT, how long in-flight requests may take before the process exits anyway.' }),
  MAX_EVENT_LOOP_DELAY_MS: Type.Integer({ minimum: 0, default: 1000, description: 'Event loop delay above which requests get 503 (under pressure) until it recovers. 0 disables.' }),
  METRICS: Type.Union([Flag], { default: 'true', description: 'Serve Prometheus metrics at /metrics.' }),
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
  rateLimit: RateLimitSettings
  /** Fastify's trustProxy: false, true, a hop count or a list of proxy addresses. */
  trustProxy: boolean | number | string[]
  timeouts: TimeoutSettings
  shutdownGraceMs: number
  maxEventLoopDelayMs: number
  metrics: boolean
}

/** Per client IP; `max: 0` turns rate limiting off. */
export interface RateLimitSettings {
  max: number
  windowMs: number
  allowList: string[]
}

export interface TimeoutSettings {
  requestMs: number
  connectionMs: number
  keepAliveMs: number
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

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** '1500', '30s', '1m', '2h' → milliseconds (the pattern in ConfigSchema has already checked the shape). */
export function parseDurationMs (text: string): number {
  const [, amount, unit] = /^([0-9]+)(ms|s|m|h)?$/.exec(text)!
  return Number(amount) * DURATION_UNITS_MS[unit ?? 'ms']!
}

const splitList = (text: string) => text.split(',').map((item) => item.trim()).filter((item) => item !== '')

function parseTrustProxy (text: string): boolean | number | string[] {
  if (text === 'true' || text === 'false') return text === 'true'
  if (/^[0-9]+$/.test(text)) return Number(text)
  return splitList(text)
}

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
    },
    rateLimit: { max: config.RATE_LIMIT_MAX, windowMs: parseDurationMs(config.RATE_LIMIT_WINDOW), allowList: splitList(config.RATE_LIMIT_ALLOW_LIST) },
    trustProxy: parseTrustProxy(config.TRUST_PROXY),
    timeouts: { requestMs: config.REQUEST_TIMEOUT_MS, connectionMs: config.CONNECTION_TIMEOUT_MS, keepAliveMs: config.KEEP_ALIVE_TIMEOUT_MS },
    shutdownGraceMs: config.SHUTDOWN_GRACE_MS,
    maxEventLoopDelayMs: config.MAX_EVENT_LOOP_DELAY_MS,
    metrics: isOn(config.METRICS)
  }
}

/** Every setting at its documented default: what buildApp uses for an option left out. */
export const DEFAULT_CONFIG: Config = loadConfig({})
export const DEFAULT_GRAPHQL_LIMITS: GraphQLLimits = DEFAULT_CONFIG.graphqlLimits
export const DEFAULT_RATE_LIMIT: RateLimitSettings = DEFAULT_CONFIG.rateLimit
