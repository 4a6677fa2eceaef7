import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { diffVersions } from '../content/diff.js'
import type { VersionDiff } from '../domain/diff.js'
import { createEncodedBodyCache } from '../plugins/compression.js'
import { RoadmapParams, VersionParams, commonProblems, notModified, versionResponse } from './params.js'

const VersionQuery = VersionParams.properties.version

const diffRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  // A diff is memoised per pair of versions, so its bytes can be serialised and compressed once too.
  const encoded = createEncodedBodyCache((diff: VersionDiff) => JSON.stringify(diff))

  fastify.get('/v1/roadmaps/:slug/diff', {
    schema: {
      operationId: 'diffVersions',
      tags: ['versions'],
      summary: 'Compare two versions',
      description: 'What changed from one version to another: steps, tools and resources added, removed and changed, matched by id, each change with the old and new value of every field. Summary counts come first; items follow reading order. Cached for good when both versions are concrete.',
      params: RoadmapParams,
      querystring: Type.Object({
        from: { ...VersionQuery, description: 'The version to compare from: an id or `latest`.', examples: ['2023-12-21'] },
        to: Type.Optional({ ...VersionQuery, description: 'The version to compare to: an id or `latest` (the default).', examples: ['2024-01-12'] })
      }, { additionalProperties: false }),
      response: { 200: versionResponse(Type.Ref('VersionDiff'), 'The diff.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const { slug } = request.params
    const { from: fromId, to: toId = 'latest' } = request.query
    const from = store.getVersion(slug, fromId)
    const to = store.getVersion(slug, toId)
    const immutable = !store.isLatestAlias(fromId) && !store.isLatestAlias(toId)
    const contentLocation = `/v1/roadmaps/${slug}/diff?from=${from.id}&to=${to.id}`
    if (reply.cacheAs({ contentHashes: [from.contentHash, to.contentHash], immutable, contentLocation })) return reply
    return reply.sendEncoded(await encoded(diffVersions(from, to)), 'application/json; charset=utf-8')
  })
}

export default diffRoutes
