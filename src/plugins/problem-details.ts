import type { FastifyError, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { isProblemCode, problemCatalog, problemTypeUri, type ProblemCode } from '../errors.js'
import type { Problem } from '../domain/problem.js'
import { ROUTER_ERROR_HEADERS } from './security-headers.js'

/* @see https://www.rfc-editor.org/rfc/rfc9457 — every error leaves as application/problem+json. */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8'

const STATUS_CODES: Partial<Record<number, ProblemCode>> = {
  400: 'ROADMAP_ERR_BAD_REQUEST',
  404: 'ROADMAP_ERR_ROUTE_NOT_FOUND',
  405: 'ROADMAP_ERR_METHOD_NOT_ALLOWED',
  406: 'ROADMAP_ERR_NOT_ACCEPTABLE',
  413: 'ROADMAP_ERR_PAYLOAD_TOO_LARGE',
  414: 'ROADMAP_ERR_URI_TOO_LONG',
  415: 'ROADMAP_ERR_UNSUPPORTED_MEDIA_TYPE',
  429: 'ROADMAP_ERR_RATE_LIMITED',
  503: 'ROADMAP_ERR_NOT_READY'
}

const VALIDATION_LOCATION: Record<string, string> = { querystring: 'query', params: 'path', headers: 'header', body: 'body' }

export function buildProblem (code: ProblemCode, detail: string, instance: string, extra: Partial<Problem> = {}): Problem {
  const entry = problemCatalog[code]
  return { type: problemTypeUri(code), title: entry.title, status: entry.status, detail, instance, code, ...extra }
}

/** Turns any error into the problem a client may see: 4xx keep their detail, everything else becomes a generic 500. */
export function problemFromError (error: FastifyError, instance: string): Problem {
  if (error.validation !== undefined) {
    const location = VALIDATION_LOCATION[error.validationContext ?? ''] ?? error.validationContext ?? 'request'
    const invalidParams = error.validation.map((issue) => {
      const missing = (issue.params as { missingProperty?: string } | undefined)?.missingProperty
      const additional = (issue.params as { additionalProperty?: string } | undefined)?.additionalProperty
      const name = missing ?? additional ?? (issue.instancePath.replace(/^\//, '').split('/')[0] || location)
      const reason = additional !== undefined ? 'is not a parameter this route accepts' : missing !== undefined ? 'is required' : issue.message ?? 'is invalid'
      return { in: location, name, reason }
    })
    // One entry per distinct problem: a value can fail the same keyword twice (integerParameter's allOf re-check).
    const seen = new Set<string>()
    const distinct = invalidParams.filter((param) => {
      const key = `${param.in}\u0000${param.name}\u0000${param.reason}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    const detail = distinct.map((param) => `${param.in} parameter "${param.name}" ${param.reason}`).join('; ')
    return buildProblem('ROADMAP_ERR_INVALID_PARAMETER', detail, instance, { invalidParams: distinct })
  }
  const status = error.statusCode ?? 500
  if (isProblemCode(error.code) && status < 500) return buildProblem(error.code, error.message, instance)
  if (status >= 400 && status < 500) {
    const code = STATUS_CODES[status] ?? 'ROADMAP_ERR_BAD_REQUEST'
    return { ...buildProblem(code, error.message, instance), status }
  }
  if (status === 503 && isProblemCode(error.code)) return buildProblem(error.code, error.message, instance)
  return buildProblem('ROADMAP_ERR_INTERNAL', 'The server could not answer this request. It has been logged.', instance)
}

export function sendProblem (reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem)
}

/** For Fastify's `frameworkErrors`: router-level failures (bad % escapes, bad constraints) get the same shape. */
export function frameworkErrorHandler (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem = problemFromError(error, safeInstance(request.raw.url))
  void sendProblem(reply.headers(ROUTER_ERROR_HEADERS).header('x-request-id', request.id), problem)
}

/* A URL that failed to decode is echoed back as sent, cut short so it cannot flood logs or responses. */
function safeInstance (url: string | undefined): string {
  return (url ?? '/').slice(0, 512)
}

export default fp(async function problemDetails (fastify) {
  fastify.setErrorHandler(function (error: FastifyError, request, reply) {
    const problem = problemFromError(error, safeInstance(request.url))
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: problem.code, status: problem.status }, 'request rejected')
    return sendProblem(reply, problem)
  })

  // Unknown paths count against the rate limit like any other request. The limiter is registered after this
  // plugin, and only when RATE_LIMIT_MAX > 0, so it is looked up on the first unknown path.
  let limitUnknownPaths: preHandlerAsyncHookHandler | null | undefined
  const rateLimitUnknownPaths: preHandlerAsyncHookHandler = async function (request, reply) {
    limitUnknownPaths ??= fastify.rateLimit === undefined ? null : fastify.rateLimit()
    if (limitUnknownPaths !== null) await limitUnknownPaths.call(this, request, reply)
  }

  fastify.setNotFoundHandler({ preHandler: rateLimitUnknownPaths }, function (request, reply) {
    return sendProblem(reply, buildProblem('ROADMAP_ERR_ROUTE_NOT_FOUND', `No route ${request.method} ${safeInstance(request.url).split('?')[0]}`, safeInstance(request.url)))
  })
}, { name: 'problem-details', fastify: '5.x' })
