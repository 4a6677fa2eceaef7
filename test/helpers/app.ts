import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildApp, type App, type AppOptions } from '../../src/app.js'

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/content', import.meta.url))
export const SHIPPED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url))

export function fixtureDir (name: string): string {
  return join(FIXTURES_DIR, name)
}

/** Builds the app on the shipped content (default) or a fixture tree, quiet, ready for inject. */
export async function buildTestApp (options: AppOptions & { fixture?: string } = {}): Promise<App> {
  const { fixture, ...rest } = options
  const app = await buildApp({ logLevel: 'silent', contentDir: fixture === undefined ? SHIPPED_CONTENT : fixtureDir(fixture), ...rest })
  await app.ready()
  return app
}
