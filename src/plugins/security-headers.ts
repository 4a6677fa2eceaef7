import type { IncomingMessage, ServerResponse } from 'node:http'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'

/* @see https://helmetjs.github.io — security headers on every response, errors and 404s included. */

/**
 * The API serves data, never documents: nothing may load from it, run in it or frame it.
 *
 * A route that must differ (an HTML embed meant to be framed anywhere, GraphiQL) says so itself:
 * - route option `securityHeaders: { contentSecurityPolicy: { directives: { ... } }, frameguard: false }`
 *   replaces these options for that route only (merged over them, so the other headers stay);
 * - route option `securityHeaders: false` drops every one of these headers on that route;
 * - `reply.header('content-security-policy', ...)` in a handler or an onSend hook overwrites the header
 *   for one response, because these headers are set earlier, in onRequest.
 */
export const API_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] }
}

const API_HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
  frameguard: { action: 'deny' },
  // Other sites are meant to fetch and embed what this API serves.
  crossOriginResourcePolicy: { policy: 'cross-origin' }
}

export type SecurityHeaders = Readonly<Record<string, string>>

/**
 * Runs helmet once against a recording response and keeps the headers it set. The options are
 * static (no per-request directive functions, no nonces), so every response would get these very
 * headers; computing them per request (as @fastify/helmet does) cost about 8 % of a small response.
 */
export function securityHeadersFor (options: HelmetOptions): SecurityHeaders {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader (name: string, value: unknown) { headers[name.toLowerCase()] = String(value) },
    removeHeader (name: string) { delete headers[name.toLowerCase()] }
  }
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => { if (error !== undefined) throw error })
  return Object.freeze(headers)
}

export const API_SECURITY_HEADERS = securityHeadersFor(API_HELMET_OPTIONS)

/**
 * What the security headers and CORS would have set, for the few responses that never reach onRequest
 * hooks: Fastify's router errors (a malformed % escape), answered by frameworkErrors.
 */
export const ROUTER_ERROR_HEADERS: SecurityHeaders = { ...API_SECURITY_HEADERS, 'access-control-allow-origin': '*' }

declare module 'fastify' {
  interface RouteShorthandOptions {
    /** Helmet options merged over the API's for this route, or false for none of its headers. */
    securityHeaders?: HelmetOptions | false
  }
  interface FastifyContextConfig {
    /** The route's `securityHeaders` option; a plugin's onRoute hook may also set it here. */
    securityHeaders?: HelmetOptions | false
  }
}

const NO_HEADERS: SecurityHeaders = Object.freeze({})

export default fp(async function securityHeaders (fastify) {
  fastify.addHook('onRoute', (route) => {
    const own = (route as { securityHeaders?: HelmetOptions | false }).securityHeaders
    if (own !== undefined) route.config = { ...route.config, securityHeaders: own }
  })

  // Per route options object, computed on its first request: other plugins' onRoute hooks may set them after ours ran.
  const computed = new WeakMap<object, SecurityHeaders>()
  const headersFor = (own: HelmetOptions | false | undefined): SecurityHeaders => {
    if (own === undefined) return API_SECURITY_HEADERS
    if (own === false) return NO_HEADERS
    let headers = computed.get(own)
    if (headers === undefined) {
      headers = securityHeadersFor({ ...API_HELMET_OPTIONS, ...own } as HelmetOptions)
      computed.set(own, headers)
    }
    return headers
  }

  fastify.addHook('onRequest', function applySecurityHeaders (request, reply, done) {
    reply.headers(headersFor(request.routeOptions.config.securityHeaders))
    done()
  })
}, { name: 'security-headers', fastify: '5.x' })
