import { startServer, startupFailureMessage } from './cli/serve.js'
import { loadConfig } from './config.js'

// The container entry point (`node dist/server.js`): settings from the environment, then the same start as `roadmap-api serve`.
async function main () {
  await startServer(loadConfig(process.env))
}

main().catch((error: unknown) => {
  process.stderr.write(`${startupFailureMessage(error)}\n`)
  process.exit(1)
})
