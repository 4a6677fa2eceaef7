/*
 * What both peer servers serve: the same SDL (schema/*.graphql), our own resolvers and the same
 * content store, all from the build (dist/). Our resolvers need only { store, reads } in the
 * context; `reads` records what a response was built from for our HTTP caching of GET /graphql,
 * which the peers do not do, so they get a no-op recorder instead of paying for it.
 */
import { SHIPPED_CONTENT_DIR } from '../../dist/config.js'
import { loadContent } from '../../dist/content/pipeline.js'
import { ContentReads } from '../../dist/graphql/context.js'
import { resolvers } from '../../dist/graphql/resolvers.js'
import { loadSchemaSource } from '../../dist/graphql/schema.js'

export async function loadGraphQLService () {
  const loaded = await loadContent(process.env.CONTENT_DIR ?? SHIPPED_CONTENT_DIR)
  if (!loaded.ok) throw new Error(`content did not load: ${loaded.issues.length} issues`)
  const store = loaded.store
  const reads = noOpReads()
  return {
    typeDefs: await loadSchemaSource(),
    // graphql-tools (Apollo, Yoga) takes `__resolveType` as written in our resolver map.
    resolvers,
    createContext: () => ({ store, reads })
  }
}

/** Every method of ContentReads, doing nothing, so the peers keep working if the recorder grows. */
function noOpReads () {
  const noop = () => undefined
  const methods = Object.entries(Object.getOwnPropertyDescriptors(ContentReads.prototype))
    .filter(([name, descriptor]) => name !== 'constructor' && typeof descriptor.value === 'function')
  return Object.freeze(Object.fromEntries(methods.map(([name]) => [name, noop])))
}

/** Port from argv; servers listen on loopback only. */
export function portFromArgv () {
  const port = Number(process.argv[2])
  if (!Number.isInteger(port) || port <= 0) throw new Error('usage: node <peer>.mjs <port>')
  return port
}
