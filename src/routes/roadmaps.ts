import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RoadmapDetailSchema, RoadmapSummarySchema, SnapshotSchema, VersionSummarySchema } from '../domain/api.js'
import { SHORT_CACHE_CONTROL, contentFingerprint, versionCacheTarget } from '../plugins/http-caching.js'
import { RoadmapParams, VersionParams, catalogResponse, commonProblems, notModified, versionResponse } from './params.js'

const roadmapsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  // Roadmap and version lists change only when content is reloaded, so their ETags hash what the store built.
  const catalogTarget = (...details: object[]) => ({ contentHashes: details.map(contentFingerprint), immutable: false, cacheControl: SHORT_CACHE_CONTROL })

  fastify.get('/v1/roadmaps', {
    schema: {
      operationId: 'listRoadmaps',
      tags: ['roadmaps'],
      summary: 'List roadmaps',
      description: 'Every roadmap served, with the id its `latest` alias resolves to.',
      response: {
        200: catalogResponse(Type.Object({ items: Type.Array(Type.Ref(RoadmapSummarySchema)) }, { additionalProperties: false }), 'The roadmaps.'),
        ...notModified
      }
    }
  }, async function (_request, reply) {
    const roadmaps = fastify.contentStore.roadmaps
    if (reply.cacheAs(catalogTarget(...roadmaps.map((roadmap) => roadmap.detail)))) return reply
    return { items: roadmaps.map((roadmap) => roadmap.summary) }
  })

  fastify.get('/v1/roadmaps/:slug', {
    schema: {
      operationId: 'getRoadmap',
      tags: ['roadmaps'],
      summary: 'Get a roadmap',
      description: 'Roadmap metadata and its versions, oldest first.',
      params: RoadmapParams,
      response: { 200: catalogResponse(Type.Ref(RoadmapDetailSchema), 'The roadmap.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    if (reply.cacheAs(catalogTarget(roadmap.detail))) return reply
    return roadmap.detail
  })

  fastify.get('/v1/roadmaps/:slug/versions', {
    schema: {
      operationId: 'listVersions',
      tags: ['versions'],
      summary: 'List the versions of a roadmap',
      description: 'Every version, oldest first. Each is an immutable snapshot addressed by its id.',
      params: RoadmapParams,
      response: {
        200: catalogResponse(Type.Object({
          latest: Type.String({ description: 'The id `latest` resolves to.', examples: ['2024-01-12'] }),
          items: Type.Array(Type.Ref(VersionSummarySchema))
        }, { additionalProperties: false }), 'The versions.'),
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    if (reply.cacheAs(catalogTarget(roadmap.detail))) return reply
    return { latest: roadmap.latest.id, items: roadmap.versions.map((version) => version.summary) }
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version', {
    schema: {
      operationId: 'getSnapshot',
      tags: ['versions'],
      summary: 'Get a full version snapshot',
      description: 'The whole edition in one response: metadata, content hash, step tree, tools and resources. A concrete version never changes. The body is compressed once at startup, not per request.',
      params: VersionParams,
      response: { 200: versionResponse(Type.Ref(SnapshotSchema), 'The snapshot.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    // The same URL answers application/ld+json when asked (src/routes/embed.ts), so caches must key on Accept too.
    reply.header('vary', 'Accept')
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return reply.sendEncoded(await fastify.encodedSnapshot(version), 'application/json; charset=utf-8')
  })
}

export default roadmapsRoutes
