import Fastify, { type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { SHIPPED_CONTENT_DIR, type Config } from './config.js'
import contentPlugin from './content/plugin.js'
import { sharedSchemas } from './domain/api.js'
import { ProblemSchema } from './domain/problem.js'
import httpCaching from './plugins/http-caching.js'
import problemDetails, { frameworkErrorHandler } from './plugins/problem-details.js'
import healthRoutes from './routes/health.js'
import problemsRoutes from './routes/problems.js'
import roadmapsRoutes from './routes/roadmaps.js'

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

  for (const schema of [ProblemSchema, ...sharedSchemas]) app.addSchema(schema)

  // Errors first, so that every plugin after it, content loading included, answers failures the same way.
  await app.register(problemDetails)
  await app.register(contentPlugin, { contentDir: options.contentDir ?? SHIPPED_CONTENT_DIR, watch: options.contentWatch ?? false })
  await app.register(httpCaching)

  await app.register(healthRoutes)
  await app.register(problemsRoutes)
  await app.register(roadmapsRoutes)

  return app
}

export type App = Awaited<ReturnType<typeof buildApp>>
