import closeWithGrace from 'close-with-grace'
import { buildApp, type App } from '../app.js'
import { ConfigError, type Config } from '../config.js'
import { InvalidContentError } from '../content/pipeline.js'

/** Builds the app, listens and handles signals: shared by `node dist/server.js` and `roadmap-api serve`. */
export async function startServer (config: Config): Promise<App> {
  const app = await buildApp(config)

  // SIGHUP reloads content in place; a bad edit is logged and the last good content keeps serving.
  process.on('SIGHUP', () => { void app.reloadContent() })

  // Gives in-flight requests up to 10 s to finish on SIGTERM/SIGINT before the process exits.
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    await app.close()
  })

  await app.listen({ port: config.port, host: config.host })
  return app
}

/** The message a failed start prints: configuration and content problems in full, anything else in one line. */
export function startupFailureMessage (error: unknown): string {
  if (error instanceof ConfigError || error instanceof InvalidContentError) return error.message
  return `Server failed to start: ${error instanceof Error ? error.message : String(error)}`
}
