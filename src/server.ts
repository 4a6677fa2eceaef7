import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, loadConfig } from './config.js'
import { InvalidContentError } from './content/pipeline.js'

// The only module that reads process.env, listens and handles signals.
async function main () {
  const config = loadConfig(process.env)
  const app = await buildApp(config)

  // SIGHUP reloads content in place; a bad edit is logged and the last good content keeps serving.
  process.on('SIGHUP', () => { void app.reloadContent() })

  // Gives in-flight requests up to 10 s to finish on SIGTERM/SIGINT before the process exits.
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    await app.close()
  })

  await app.listen({ port: config.port, host: config.host })
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InvalidContentError) {
    process.stderr.write(`${error.message}\n`)
  } else {
    process.stderr.write(`Server failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  }
  process.exit(1)
})
