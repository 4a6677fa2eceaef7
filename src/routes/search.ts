import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SearchHitSchema } from '../domain/api.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { sendPage } from './paging.js'
import { PageQuery, VersionParams, commonProblems, notModified, pageResponse } from './params.js'

const SearchQuery = Type.Object({
  q: Type.String({ maxLength: 200, pattern: '\\S', description: 'Words to look for (at least one non-blank character); every word must match, the last may be a prefix, and small typos are forgiven.', examples: ['feature store'] }),
  ...PageQuery
}, { additionalProperties: false })

const searchRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/v1/roadmaps/:slug/versions/:version/search', {
    schema: {
      operationId: 'search',
      tags: ['search'],
      summary: 'Search a version',
      description: 'Ranked full-text search over step titles and summaries, tool names and descriptions, and resource titles and authors. Each hit names its kind and id, links to its API path and carries an HTML-escaped snippet with the matched words in `<mark>`.',
      params: VersionParams,
      querystring: SearchQuery,
      response: { 200: pageResponse(Type.Ref(SearchHitSchema), 'A page of hits, best first.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const { q, ...page } = request.query
    const body = sendPage(reply, version.search(q), page, (hit) => `${hit.kind}:${hit.id}`)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return body
  })
}

export default searchRoutes
