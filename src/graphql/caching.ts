import type { FastifyReply, FastifyRequest } from 'fastify'
import { varyOnAcceptEncoding } from '../plugins/compression.js'
import { IMMUTABLE_CACHE_CONTROL, LATEST_CACHE_CONTROL, etagFor, ifNoneMatchMatches } from '../plugins/http-caching.js'
import type { ReadSummary } from './response-cache.js'

/*
 * ETag and Cache-Control for GET /graphql, the path CDNs can cache. What a response
 * depends on is only known once it has run (or from the reused answer), so this is an
 * onSend hook rather than reply.cacheAs() in a handler; it runs before compression,
 * so a 304 is never compressed.
 */
export function cacheGraphQLGet (readsOf: (request: FastifyRequest) => ReadSummary | undefined) {
  return function (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
    const reads = (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode === 200 ? readsOf(request) : undefined
    if (reads === undefined || reads.contentHashes.length === 0) {
      done(null, payload)
      return
    }
    const etag = etagFor(request, { contentHashes: reads.contentHashes, immutable: reads.immutable })
    reply.header('etag', etag)
    reply.header('cache-control', reads.immutable ? IMMUTABLE_CACHE_CONTROL : LATEST_CACHE_CONTROL)
    varyOnAcceptEncoding(reply)
    if (!ifNoneMatchMatches(request.headers['if-none-match'], etag)) {
      done(null, payload)
      return
    }
    // 304 carries the validators and caching headers (RFC 9110 §15.4.5) but no body or content headers.
    reply.code(304).removeHeader('content-type').removeHeader('content-length').removeHeader('content-encoding')
    done(null, null)
  }
}
