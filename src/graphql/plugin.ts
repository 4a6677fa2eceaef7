import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import fp from 'fastify-plugin'
import mercurius, { type IResolvers } from 'mercurius'
import type { GraphQLLimits } from '../config.js'
import { encodeBody, negotiateEncoding, varyOnAcceptEncoding } from '../plugins/compression.js'
import { cacheGraphQLGet } from './caching.js'
import { ContentReads, type GraphQLContext } from './context.js'
import { formatGraphQLErrors } from './error-formatter.js'
import { evenOutJit } from './jit.js'
import { checkRequestSize, limitRules } from './limits.js'
import { createResponseCache, DEFAULT_RESPONSE_CACHE_OPTIONS, operationKey, persistedQueryHash, type CachedResponse, type OperationRequest, type ReadSummary, type ResponseCacheOptions, type ResponseCacheStats } from './response-cache.js'
import { resolvers } from './resolvers.js'
import { loadSchemaSource } from './schema.js'

/* @see https://mercurius.dev — GraphQL over GET and POST at /graphql, on the same content store as REST. */

export interface GraphQLPluginOptions {
  graphiql: boolean
  limits: GraphQLLimits
  /** Bounds of the cache of serialised answers; false turns it off. */
  responseCache?: ResponseCacheOptions | false
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Size and hit counts of the GraphQL response cache, for metrics. */
    readonly graphqlResponseCache: Readonly<ResponseCacheStats>
  }
}

// graphql-jit compiles a query on its second run, so a one-off query never pays for compiling.
const JIT_AFTER_EXECUTIONS = 1
const PARSED_QUERY_CACHE_SIZE = 1024
const PERSISTED_QUERY_CACHE_SIZE = 1024

const GRAPHIQL_CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", 'https://unpkg.com'],
    styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
    fontSrc: ["'self'", 'data:', 'https://unpkg.com'],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    frameAncestors: ["'none'"]
  }
}
/* Turned into headers once, when the route is added (see src/plugins/security-headers.ts). */
const GRAPHIQL_ROUTE_CONFIG = { securityHeaders: { contentSecurityPolicy: GRAPHIQL_CONTENT_SECURITY_POLICY } }

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'
/* The `threshold` src/plugins/compression.ts gives @fastify/compress: smaller bodies are sent as they are. */
const COMPRESSION_THRESHOLD_BYTES = 1024

export default fp<GraphQLPluginOptions>(async function graphql (fastify, options) {
  const contexts = new WeakMap<FastifyRequest, GraphQLContext>()
  const persistedQueries = mercurius.persistedQueryDefaults.automatic(PERSISTED_QUERY_CACHE_SIZE)
  const reuseAnswers = options.responseCache !== false
  const responses = createResponseCache(options.responseCache || DEFAULT_RESPONSE_CACHE_OPTIONS)
  /* Requests that missed the cache, by key; requests answered from it, with what the answer read. */
  const missed = new WeakMap<FastifyRequest, string>()
  const reused = new WeakMap<FastifyRequest, ReadSummary>()
  const compressing = new WeakSet<CachedResponse>()
  fastify.decorate('graphqlResponseCache', { getter: () => responses.stats })
  fastify.onContentReload(() => responses.clear())

  /*
   * preHandler, once the body is parsed: an operation answered before is answered again with the same bytes,
   * without checking, parsing, validating, executing or serialising it again. Only answers without errors are
   * kept, so the same text, variables and operation name passed every check the last time. Hooks on the hot
   * path take callbacks rather than promises: a hit is a few map lookups, and a promise per hook is a good part of that.
   */
  function answerFromCache (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
    const payload = request.method === 'POST' ? request.body : request.query
    if (request.validationError !== undefined || typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      done()
      return
    }
    const operation = payload as OperationRequest
    const hash = persistedQueryHash(operation)
    if (hash === undefined) {
      answer(operationKey(operation))
      return
    }
    persistedQueries.getQueryFromHash(hash).then((query) => { answer(query === undefined ? undefined : operationKey(operation, query)) }, done)

    function answer (key: string | undefined) {
      const cached = key === undefined ? undefined : responses.get(key)
      if (key === undefined || cached === undefined) {
        if (key !== undefined) missed.set(request, key)
        done()
        return
      }
      reused.set(request, cached.reads)
      reply.code(200).header('content-type', JSON_CONTENT_TYPE)
      // Answered: done() is not called, so the handler and the rest of the preHandler hooks are skipped.
      void reply.send(encodedBody(key, cached, request, reply))
    }
  }

  /*
   * An answer asked for again compressed is compressed once, off the event loop, and then sent as it is;
   * until then, and below the size @fastify/compress starts at, the compression plugin compresses it as it goes.
   */
  function encodedBody (key: string, cached: CachedResponse, request: FastifyRequest, reply: FastifyReply): Buffer {
    const encoding = cached.body.length < COMPRESSION_THRESHOLD_BYTES ? 'identity' : negotiateEncoding(request)
    if (encoding === 'identity') return cached.body
    if (cached.encoded !== undefined) {
      varyOnAcceptEncoding(reply)
      // A Content-Encoding already set makes @fastify/compress leave the payload alone.
      reply.header('content-encoding', encoding)
      return cached.encoded[encoding]
    }
    if (!compressing.has(cached)) {
      compressing.add(cached)
      encodeBody(cached.body.toString('utf8')).then(
        ({ br, gzip }) => { responses.addEncodings(key, cached, { br, gzip }) },
        (err: unknown) => { request.log.error({ err }, 'graphql answer compression failed') }
      )
    }
    return cached.body
  }

  /* onSend, with the serialised answer: kept when it has no errors and the store it was built from still serves. */
  function rememberAnswer (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
    const key = missed.get(request)
    const context = contexts.get(request)
    if (key !== undefined && context !== undefined && reply.statusCode === 200 && typeof payload === 'string' && context.store === fastify.contentStore) {
      const reads = context.reads.summary()
      if (reads !== undefined) responses.set(key, { body: Buffer.from(payload), reads })
    }
    done(null, payload)
  }

  // Mercurius names the type resolver of an abstract type `resolveType`; graphql-codegen types it `__resolveType`.
  const { Node, SearchResult, ...objectResolvers } = resolvers

  fastify.addHook('onRoute', (route) => {
    // GraphQL documents itself (schema/*.graphql, introspection); its routes stay out of the OpenAPI document.
    if (route.url === '/graphql' || route.url.startsWith('/graphiql')) route.schema = { ...route.schema, hide: true }
    // Mercurius' GraphiQL page loads React and GraphiQL from unpkg and registers a service worker.
    if (route.url.startsWith('/graphiql')) route.config = { ...route.config, ...GRAPHIQL_ROUTE_CONFIG }
  })

  await fastify.register(mercurius, {
    schema: await loadSchemaSource(),
    resolvers: { ...objectResolvers, Node: { resolveType: Node!.__resolveType }, SearchResult: { resolveType: SearchResult!.__resolveType } } as unknown as IResolvers,
    graphiql: options.graphiql,
    jit: JIT_AFTER_EXECUTIONS,
    cache: PARSED_QUERY_CACHE_SIZE,
    // Apollo-compatible automatic persisted queries: GET with only a hash is the cacheable path.
    persistedQueryProvider: persistedQueries,
    allowBatchedQueries: true,
    graphql: { parseOptions: { maxTokens: options.limits.maxTokens } },
    validationRules: limitRules(options.limits),
    errorFormatter: formatGraphQLErrors,
    context: (request) => {
      const context = { store: fastify.contentStore, reads: new ContentReads() } as GraphQLContext
      contexts.set(request, context)
      return context
    },
    additionalRouteOptions: {
      bodyLimit: options.limits.maxBodyBytes,
      preHandler: [...(reuseAnswers ? [answerFromCache] : []), checkRequestSize(options.limits, persistedQueries.getQueryFromHash)],
      onSend: [...(reuseAnswers ? [rememberAnswer] : []), cacheGraphQLGet((request) => reused.get(request) ?? contexts.get(request)?.reads.summary())]
    }
  })

  // graphql-jit answers some documents differently from graphql-js (see jit.ts).
  fastify.graphql.addHook('preExecution', evenOutJit)
}, { name: 'graphql', fastify: '5.x', dependencies: ['content', 'http-caching'] })
