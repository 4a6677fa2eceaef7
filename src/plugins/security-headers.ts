import helmet from '@fastify/helmet'
import fp from 'fastify-plugin'

/* @see https://github.com/fastify/fastify-helmet — security headers on every response, errors and 404s included. */

/**
 * The API serves data, never documents: nothing may load from it, run in it or frame it.
 *
 * A route that must differ (an HTML embed meant to be framed anywhere, the API reference) says so itself:
 * - route option `helmet: { contentSecurityPolicy: { directives: { ... } }, frameguard: false }` replaces
 *   these options for that route only (merged over them, so the other headers stay);
 * - route option `helmet: false` drops every helmet header on that route;
 * - `reply.header('content-security-policy', ...)` in a handler or an onSend hook overwrites the header
 *   for one response, because helmet sets its headers earlier, in onRequest.
 */
export const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] }
}

/**
 * What helmet and CORS would have set, for the few responses that never reach onRequest hooks:
 * Fastify's router errors (a malformed % escape), answered by frameworkErrors.
 */
export const ROUTER_ERROR_HEADERS = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'cross-origin',
  'access-control-allow-origin': '*'
} as const

export default fp(async function securityHeaders (fastify) {
  await fastify.register(helmet, {
    global: true,
    contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
    frameguard: { action: 'deny' },
    // Other sites are meant to fetch and embed what this API serves.
    crossOriginResourcePolicy: { policy: 'cross-origin' }
  })
}, { name: 'security-headers', fastify: '5.x' })
