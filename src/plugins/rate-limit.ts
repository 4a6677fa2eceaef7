import fastifyRateLimit from '@fastify/rate-limit'
import fp from 'fastify-plugin'
import type { RateLimitSettings } from '../config.js'
import { RateLimitedError } from '../errors.js'

/* @see https://github.com/fastify/fastify-rate-limit — a request budget per client IP and window, told in RateLimit-* headers. */

export interface RateLimitOptions extends RateLimitSettings {
  /** Route patterns never limited. */
  exempt: readonly string[]
}

export default fp<RateLimitOptions>(async function rateLimit (fastify, options) {
  // Before @fastify/rate-limit's own onRoute hook, which skips routes whose config says `rateLimit: false`.
  fastify.addHook('onRoute', (route) => {
    if (options.exempt.includes(route.url)) route.config = { ...route.config, rateLimit: false }
  })

  await fastify.register(fastifyRateLimit, {
    max: options.max,
    timeWindow: options.windowMs,
    allowList: options.allowList,
    // RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (IETF draft) on every counted response; Retry-After on a 429.
    enableDraftSpec: true,
    // The key is request.ip: the socket address, or X-Forwarded-For only when TRUST_PROXY says which proxies to believe.
    // Thrown, so the error handlers answer it: problem+json on REST, a GraphQL error on /graphql.
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.after)
  })
}, { name: 'rate-limit', fastify: '5.x', dependencies: ['problem-details'] })
