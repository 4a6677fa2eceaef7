import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify'
import fp from 'fastify-plugin'

/*
 * One id per request, in every log line about it (pino's `reqId`) and in the `x-request-id` response
 * header, so a client or a proxy can quote it. A caller's id is kept when it is a plain token, so a
 * request can be followed across services; anything else could forge or break log lines, and is replaced.
 */

export const REQUEST_ID_HEADER = 'x-request-id'

const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

export function genReqId (request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER]
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

/**
 * For Fastify's constructor; logs name the id `reqId` (Fastify's default label).
 * `requestIdHeader: false`: with a header name, Fastify would take any value of that header as it is.
 */
export const requestIdServerOptions = {
  requestIdHeader: false,
  genReqId
} satisfies Pick<FastifyServerOptions, 'requestIdHeader' | 'genReqId'>

/**
 * Replaces Fastify's `req` log serializer: the path without the query string, which may carry
 * tokens or personal data that should not end up in logs.
 */
export const requestLogSerializers = {
  req (request: FastifyRequest) {
    const url = request.url
    const query = url.indexOf('?')
    return {
      method: request.method,
      url: query === -1 ? url : url.slice(0, query),
      host: request.host,
      remoteAddress: request.ip,
      remotePort: request.socket?.remotePort
    }
  }
}

function echoRequestId (request: FastifyRequest, reply: FastifyReply, done: () => void) {
  reply.header(REQUEST_ID_HEADER, request.id)
  done()
}

export default fp(async function requestId (fastify) {
  // In onRequest, before anything can fail, so errors, 404s and 405s carry it too.
  fastify.addHook('onRequest', echoRequestId)
}, { name: 'request-id', fastify: '5.x' })
