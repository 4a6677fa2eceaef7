import fastifyAccepts from '@fastify/accepts'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { DEFAULT_CONFIG, SHIPPED_CONTENT_DIR, type Config } from './config.js'
import contentPlugin from './content/plugin.js'
import { sharedSchemas } from './domain/api.js'
import { changelogSchemas } from './domain/changelog.js'
import { diffSchemas } from './domain/diff.js'
import { ProblemSchema } from './domain/problem.js'
import graphql from './graphql/plugin.js'
import compression from './plugins/compression.js'
import cors from './plugins/cors.js'
import httpCaching from './plugins/http-caching.js'
import methodNotAllowed from './plugins/method-not-allowed.js'
import metrics, { METRICS_PATH } from './plugins/metrics.js'
import openapi from './plugins/openapi.js'
import problemDetails, { frameworkErrorHandler } from './plugins/problem-details.js'
import rateLimit from './plugins/rate-limit.js'
import requestId, { requestIdServerOptions, requestLogSerializers } from './plugins/request-id.js'
import securityHeaders from './plugins/security-headers.js'
import underPressure from './plugins/under-pressure.js'
import changelogRoutes from './routes/changelog.js'
import diagramRoutes from './routes/diagram.js'
import diffRoutes from './routes/diff.js'
import embedRoutes from './routes/embed.js'
import exportsRoutes from './routes/exports.js'
import healthRoutes from './routes/health.js'
import oembedRoutes from './routes/oembed.js'
import problemsRoutes from './routes/problems.js'
import resourcesRoutes from './routes/resources.js'
import roadmapsRoutes from './routes/roadmaps.js'
import searchRoutes from './routes/search.js'
import stepsRoutes from './routes/steps.js'
import toolsRoutes from './routes/tools.js'

export interface AppOptions extends Partial<Omit<Config, 'port' | 'host'>> {
  /** Overrides the pino options built from logLevel, e.g. a stream in tests. */
  logger?: FastifyServerOptions['logger']
}

const ROUTER_OPTIONS = { maxParamLength: 200, ignoreTrailingSlash: true }

// Probes and scrapes are never rate limited or shed: a kubelet would restart a busy pod, and Prometheus would
// lose the very samples that show the overload.
const PROBE_ROUTES = ['/health/live', '/health/ready', METRICS_PATH]

/**
 * Fastify's trustProxy for TRUST_PROXY. Fastify 5.12 ignores a bare hop count (it cannot tell a proxy from
 * a client that sends X-Forwarded-For itself); TRUST_PROXY=<n> states that n proxies stand in front of every
 * request, so the n nearest addresses are trusted. Use it only when clients cannot reach the app directly.
 */
function trustProxyOption (setting: Config['trustProxy']): FastifyServerOptions['trustProxy'] {
  return typeof setting === 'number' ? (_address: string, hop: number) => hop < setting : setting
}

export async function buildApp (options: AppOptions = {}) {
  const logger = options.logger ?? { level: options.logLevel ?? 'info' }
  const timeouts = options.timeouts ?? DEFAULT_CONFIG.timeouts
  const rateLimitSettings = options.rateLimit ?? DEFAULT_CONFIG.rateLimit
  const maxEventLoopDelayMs = options.maxEventLoopDelayMs ?? DEFAULT_CONFIG.maxEventLoopDelayMs
  const app = Fastify({
    // Log lines carry the request's path without its query string, which may hold tokens.
    logger: typeof logger === 'object' && logger !== null ? { serializers: requestLogSerializers, ...logger } : logger,
    ...requestIdServerOptions,
    // Router failures (malformed % escapes, over-long params) answer in problem+json like everything else.
    frameworkErrors: frameworkErrorHandler,
    routerOptions: ROUTER_OPTIONS,
    bodyLimit: 256 * 1024,
    // The client IP (rate limits, logs) comes from X-Forwarded-For only behind proxies TRUST_PROXY names.
    trustProxy: trustProxyOption(options.trustProxy ?? DEFAULT_CONFIG.trustProxy),
    // Slow clients are cut off: the whole request within requestTimeout, an idle socket after connectionTimeout.
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.connectionMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // While closing, a request that still arrives on an open keep-alive connection is served (and its connection
    // closed) rather than answered with Fastify's own non-problem 503; new connections are already refused.
    return503OnClosing: false,
    // Node checks request deadlines on a timer set when the server is created (every 30 s by default), so a
    // slow client would outlive a short REQUEST_TIMEOUT_MS by up to 30 s; check four times per timeout instead.
    http: { connectionsCheckingInterval: timeouts.requestMs > 0 ? Math.min(1000, Math.max(100, Math.floor(timeouts.requestMs / 4))) : 30_000 },
    // Unknown query parameters are errors, not silently dropped: a typo in a filter should not return everything.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()
  // Node requires headersTimeout <= requestTimeout but checks it only when the server is constructed; Fastify sets
  // requestTimeout afterwards, so the headers timeout (60 s by default) is capped here. 0 leaves both off.
  if (timeouts.requestMs > 0) app.server.headersTimeout = Math.min(app.server.headersTimeout, timeouts.requestMs)

  for (const schema of [ProblemSchema, ...sharedSchemas, ...diffSchemas, ...changelogSchemas]) app.addSchema(schema)

  // Errors first, so that every plugin after it, content loading included, answers failures the same way.
  await app.register(problemDetails)
  // Before any route: it notes every route as it is added, to answer 405 with Allow for the methods a path lacks.
  await app.register(methodNotAllowed, { routerOptions: ROUTER_OPTIONS })
  // x-request-id, security and CORS headers go on in onRequest, so every response, 404s and errors included, carries them.
  await app.register(requestId)
  await app.register(securityHeaders)
  await app.register(cors)
  await app.register(contentPlugin, { contentDir: options.contentDir ?? SHIPPED_CONTENT_DIR, watch: options.contentWatch ?? false })
  // Sheds load with 503 before any other work is done for a request; MAX_EVENT_LOOP_DELAY_MS=0 turns it off.
  // After content: it ignores the event loop stalls that loading and reloading content cause.
  if (maxEventLoopDelayMs > 0) await app.register(underPressure, { maxEventLoopDelayMs, exempt: PROBE_ROUTES })
  // Before any route: request metrics come from an onResponse hook and the routes' patterns. METRICS=false turns it off.
  if (options.metrics ?? DEFAULT_CONFIG.metrics) await app.register(metrics)
  // Before any route: @fastify/rate-limit adds its hook to the routes registered after it. RATE_LIMIT_MAX=0 turns it off.
  if (rateLimitSettings.max > 0) await app.register(rateLimit, { ...rateLimitSettings, exempt: PROBE_ROUTES })
  await app.register(httpCaching)
  // Before any route: it negotiates br/gzip in onSend for every route and precompresses the snapshots.
  await app.register(compression)
  // Before any route: @fastify/swagger collects routes as they are added.
  await app.register(openapi)
  // request.accepts() for routes that negotiate a media type from Accept (exports).
  await app.register(fastifyAccepts)

  await app.register(healthRoutes)
  await app.register(problemsRoutes)
  await app.register(roadmapsRoutes)
  await app.register(stepsRoutes)
  await app.register(toolsRoutes)
  await app.register(resourcesRoutes)
  await app.register(searchRoutes)
  await app.register(diffRoutes)
  await app.register(changelogRoutes, { publicUrl: options.publicUrl })
  await app.register(exportsRoutes)
  // Embeds: an HTML page any site may frame (it sets its own CSP over the API's), oEmbed for it, and the diagram.
  await app.register(embedRoutes, { publicUrl: options.publicUrl })
  await app.register(oembedRoutes, { publicUrl: options.publicUrl })
  await app.register(diagramRoutes)
  // GraphQL reads the same store: GET and POST /graphql, and GraphiQL when its setting is on.
  await app.register(graphql, { graphiql: options.graphiql ?? false, limits: options.graphqlLimits ?? DEFAULT_CONFIG.graphqlLimits })

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
