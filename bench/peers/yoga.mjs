/*
 * Peer: GraphQL Yoga 5, createYoga on node:http's createServer, as its docs show. Its defaults
 * stay on: the parser and validation cache (LRU), CORS, masked errors; GraphiQL and the landing
 * page are off as in production. No JIT (@envelop/graphql-jit is not installed), no response
 * cache, and no automatic persisted queries (@graphql-yoga/plugin-apq is not installed), so the
 * APQ case is n/a for Yoga.
 *
 *   NODE_ENV=production node bench/peers/yoga.mjs <port>
 */
import { createServer } from 'node:http'
import { createSchema, createYoga } from 'graphql-yoga'
import { loadGraphQLService, portFromArgv } from './graphql-service.mjs'

const port = portFromArgv()
const { typeDefs, resolvers, createContext } = await loadGraphQLService()
const yoga = createYoga({
  schema: createSchema({ typeDefs, resolvers }),
  context: createContext,
  graphiql: false,
  landingPage: false
})
createServer(yoga).listen(port, '127.0.0.1')
