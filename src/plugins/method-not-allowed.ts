import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import FindMyWay from 'find-my-way'
import { MethodNotAllowedError } from '../errors.js'

/*
 * 405 with an `Allow` header when a path exists but not for this method (RFC 9110 §15.5.6); 404 stays for
 * paths no route matches. Every route is noted in a second router as it is registered; a catch-all route
 * takes the methods no route of this API serves, and looks the path up there before the body is read.
 */

export interface MethodNotAllowedOptions {
  /** The app's routerOptions, so a path matches here exactly when it would match in Fastify's router. */
  routerOptions: Pick<FindMyWay.Config<FindMyWay.HTTPVersion.V1>, 'ignoreTrailingSlash' | 'ignoreDuplicateSlashes' | 'maxParamLength' | 'caseSensitive'>
}

/* Answered by routes (GET and HEAD) or by CORS on every path (OPTIONS). */
const ROUTED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const CATCH_ALL = '*'
const MAX_ECHOED_PATH = 512

type Method = FindMyWay.HTTPMethod
const asList = (method: RouteOptions['method']) => (Array.isArray(method) ? method : [method]) as Method[]
const isCatchAll = (url: string) => url === '*' || url === '/*'

export default fp<MethodNotAllowedOptions>(async function methodNotAllowed (fastify, options) {
  const routes = FindMyWay(options.routerOptions)
  // Methods every path answers, from catch-all routes (CORS preflights): part of Allow, but they do not make a path exist.
  const everyPath = new Set<Method>()
  const methodsSeen = new Set<Method>()

  function allowedMethods (url: string): Method[] {
    const allowed = [...methodsSeen].filter((method) => routes.find(method, url) !== null)
    if (allowed.length === 0) return allowed
    for (const method of everyPath) if (!allowed.includes(method)) allowed.push(method)
    return allowed.sort()
  }

  // Before the body is parsed: a 405 does not depend on it, and a malformed one must not turn it into a 400.
  function answerUnroutedMethod (request: FastifyRequest, reply: FastifyReply, _payload: unknown, done: (error?: Error | null) => void) {
    const allowed = allowedMethods(request.url)
    if (allowed.length === 0) {
      // Not calling done() ends this request's hooks here; the not-found handler answers instead.
      reply.callNotFound()
      return
    }
    const allow = allowed.join(', ')
    reply.header('allow', allow)
    done(new MethodNotAllowedError(request.method, request.url.split('?')[0]!.slice(0, MAX_ECHOED_PATH), allow))
  }

  fastify.route({
    method: fastify.supportedMethods.filter((method) => !ROUTED_METHODS.has(method)),
    url: CATCH_ALL,
    schema: { hide: true },
    preParsing: answerUnroutedMethod,
    handler: async (_request, reply) => reply.callNotFound()
  })

  // Added after the catch-all above, so that it is not counted as a route of every path.
  fastify.addHook('onRoute', (route) => {
    for (const method of asList(route.method)) {
      if (isCatchAll(route.url)) {
        everyPath.add(method)
        continue
      }
      methodsSeen.add(method)
      if (!routes.hasRoute(method, route.url)) routes.on(method, route.url, () => {})
    }
  })
}, { name: 'method-not-allowed', fastify: '5.x', dependencies: ['problem-details'] })
