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
    publicUrl: config.PUBLIC_URL?.replace(/\/$/, '')
  }
}
