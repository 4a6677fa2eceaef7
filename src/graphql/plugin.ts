import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import mercurius, { type IResolvers } from 'mercurius'
import type { GraphQLLimits } from '../config.js'
import { cacheGraphQLGet } from './caching.js'
import { ContentReads, type GraphQLContext } from './context.js'
import { formatGraphQLErrors } from './error-formatter.js'
import { checkRequestSize, limitRules } from './limits.js'
import { resolvers } from './resolvers.js'
import { loadSchemaSource } from './schema.js'

/* @see https://mercurius.dev — GraphQL over GET and POST at /graphql, on the same content store as REST. */

export interface GraphQLPluginOptions {
  graphiql: boolean
  limits: GraphQLLimits
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

export default fp<GraphQLPluginOptions>(async function graphql (fastify, options) {
  const contexts = new WeakMap<FastifyRequest, GraphQLContext>()
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
    persistedQueryProvider: mercurius.persistedQueryDefaults.automatic(PERSISTED_QUERY_CACHE_SIZE),
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
      preHandler: checkRequestSize(options.limits),
      onSend: cacheGraphQLGet(contexts)
    }
  })
}, { name: 'graphql', fastify: '5.x', dependencies: ['content', 'http-caching'] })
