import type { Server, ServerResponse } from 'node:http'
import closeWithGrace from 'close-with-grace'
import { buildApp, type App } from '../app.js'
import { ConfigError, type Config } from '../config.js'
import { InvalidContentError } from '../content/pipeline.js'

/** Builds the app, listens and handles signals: shared by `node dist/server.js` and `roadmap-api serve`. */
export async function startServer (config: Config): Promise<App> {
  const app = await buildApp(config)

  // SIGHUP reloads content in place; a bad edit is logged and the last good content keeps serving.
  process.on('SIGHUP', () => {
    app.log.info('SIGHUP received, reloading content')
    void app.reloadContent()
  })

  /*
   * SIGTERM/SIGINT: app.close() stops listening at once (new connections, readiness probes included, are
   * refused; a request arriving on a connection already open gets Fastify's 503 with `Connection: close`),
   * closes idle keep-alive connections and waits for in-flight requests; their responses close their
   * connections too (see closeAfterInFlightResponses), so the process exits 0 as soon as the last one is
   * answered. Past SHUTDOWN_GRACE_MS it exits 1 with whatever is still open. SIGHUP is not a shutdown here.
   */
  const closeAfterInFlight = closeAfterInFlightResponses(app.server)
  closeWithGrace({
    delay: config.shutdownGraceMs,
    skip: ['SIGHUP'],
    // For a second signal while closing ("second SIGTERM, exiting") and for errors thrown by the close below.
    logger: app.log,
    onTimeout: (delay) => app.log.error({ graceMs: delay }, 'requests still open after the shutdown grace period, exiting anyway')
  }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    const started = performance.now()
    const closed = app.close()
    closeAfterInFlight()
    await closed
    app.log.info({ durationMs: Math.round(performance.now() - started) }, 'server closed')
  })

  await app.listen({ port: config.port, host: config.host })
  return app
}

/**
 * Node's server.close() (which app.close() calls) closes keep-alive connections that are idle at that moment,
 * but one that is still answering a request is kept alive after it, and holds the close open until its
 * keep-alive timeout (fastify/fastify#7044). So the responses in flight when shutdown starts say
 * `Connection: close`, and Node ends their sockets once they are sent; a response already streaming its
 * body cannot change its headers, so its connection is closed as soon as it is idle.
 */
function closeAfterInFlightResponses (server: Server): () => void {
  const inFlight = new Set<ServerResponse>()
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response)
    response.once('close', () => inFlight.delete(response))
  })
  return () => {
    for (const response of inFlight) {
      if (!response.headersSent) response.setHeader('connection', 'close')
      else response.once('finish', () => setImmediate(() => server.closeIdleConnections()))
    }
  }
}

/** The message a failed start prints: configuration and content problems in full, anything else in one line. */
export function startupFailureMessage (error: unknown): string {
  if (error instanceof ConfigError || error instanceof InvalidContentError) return error.message
  return `Server failed to start: ${error instanceof Error ? error.message : String(error)}`
}
