import fastifyAccepts from '@fastify/accepts'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { DEFAULT_GRAPHQL_LIMITS, SHIPPED_CONTENT_DIR, type Config } from './config.js'
import contentPlugin from './content/plugin.js'
import { sharedSchemas } from './domain/api.js'
import { changelogSchemas } from './domain/changelog.js'
import { diffSchemas } from './domain/diff.js'
import { ProblemSchema } from './domain/problem.js'
import graphql from './graphql/plugin.js'
import compression from './plugins/compression.js'
import cors from './plugins/cors.js'
import httpCaching from './plugins/http-caching.js'
import openapi from './plugins/openapi.js'
import problemDetails, { frameworkErrorHandler } from './plugins/problem-details.js'
import securityHeaders from './plugins/security-headers.js'
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

export async function buildApp (options: AppOptions = {}) {
  const app = Fastify({
    logger: options.logger ?? { level: options.logLevel ?? 'info' },
    // Router failures (malformed % escapes, over-long params) answer in problem+json like everything else.
    frameworkErrors: frameworkErrorHandler,
    routerOptions: { maxParamLength: 200, ignoreTrailingSlash: true },
    bodyLimit: 256 * 1024,
    // Unknown query parameters are errors, not silently dropped: a typo in a filter should not return everything.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  for (const schema of [ProblemSchema, ...sharedSchemas, ...diffSchemas, ...changelogSchemas]) app.addSchema(schema)

  // Errors first, so that every plugin after it, content loading included, answers failures the same way.
  await app.register(problemDetails)
  // Security and CORS headers go on in onRequest, so every response, 404s and errors included, carries them.
  await app.register(securityHeaders)
  await app.register(cors)
  await app.register(contentPlugin, { contentDir: options.contentDir ?? SHIPPED_CONTENT_DIR, watch: options.contentWatch ?? false })
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
  await app.register(graphql, { graphiql: options.graphiql ?? false, limits: options.graphqlLimits ?? DEFAULT_GRAPHQL_LIMITS })

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
