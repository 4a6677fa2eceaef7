/*
 * Peer: Apollo Server 5 with its standalone HTTP server (node:http, cors, body-parser), as its
 * docs start a production server. Its defaults stay on: the document store (an in-memory LRU of
 * parsed and validated queries), automatic persisted queries (in-memory LRU), CSRF prevention
 * (a GET must carry a header such as x-apollo-operation-name, which the bench sends to every
 * target), the cache-control plugin. It has no JIT and no response cache unless one is added.
 *
 *   NODE_ENV=production node bench/peers/apollo.mjs <port>
 */
import { ApolloServer } from '@apollo/server'
import { startStandaloneServer } from '@apollo/server/standalone'
import { loadGraphQLService, portFromArgv } from './graphql-service.mjs'

const port = portFromArgv()
const { typeDefs, resolvers, createContext } = await loadGraphQLService()
const server = new ApolloServer({ typeDefs, resolvers })
// Standalone answers every path; the bench uses /graphql like the others.
await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' }, context: async () => createContext() })
