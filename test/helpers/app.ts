import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp, type App, type AppOptions } from '../../src/app.js'
import { DEFAULT_RATE_LIMIT } from '../../src/config.js'

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/content', import.meta.url))
export const SHIPPED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url))

export function fixtureDir (name: string): string {
  return join(FIXTURES_DIR, name)
}

/**
 * Options every test app starts from: quiet, and without the production protections that depend on
 * load: the suite sends thousands of requests from 127.0.0.1, and a busy CI machine lags. Tests of
 * rate limiting and load shedding turn them on by passing `rateLimit` or `maxEventLoopDelayMs`.
 */
export const TEST_APP_DEFAULTS: AppOptions = {
  logLevel: 'silent',
  rateLimit: { ...DEFAULT_RATE_LIMIT, max: 0 },
  maxEventLoopDelayMs: 0
}

/** Builds the app on the shipped content (default) or a fixture tree, quiet, ready for inject. */
export async function buildTestApp (options: AppOptions & { fixture?: string } = {}): Promise<App> {
  const { fixture, ...rest } = options
  const app = await buildApp({ ...TEST_APP_DEFAULTS, contentDir: fixture === undefined ? SHIPPED_CONTENT : fixtureDir(fixture), ...rest })
  await app.ready()
  return app
}
