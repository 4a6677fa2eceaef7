import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { concreteLocation } from '../plugins/http-caching.js'
import { RoadmapParams, VersionParams, commonProblems } from './params.js'

const roadmapsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/v1/roadmaps', {
    schema: {
      operationId: 'listRoadmaps',
      tags: ['roadmaps'],
      summary: 'List roadmaps',
      description: 'Every roadmap served, with the id its `latest` alias resolves to.',
      response: {
        200: Type.Object({ items: Type.Array(Type.Ref('RoadmapSummary')) }, { description: 'The roadmaps.' })
      }
    }
  }, async function () {
    return { items: fastify.contentStore.roadmaps.map((roadmap) => roadmap.summary) }
  })

  fastify.get('/v1/roadmaps/:slug', {
    schema: {
      operationId: 'getRoadmap',
      tags: ['roadmaps'],
      summary: 'Get a roadmap',
      description: 'Roadmap metadata and its versions, oldest first.',
      params: RoadmapParams,
      response: { 200: { ...Type.Ref('RoadmapDetail'), description: 'The roadmap.' }, ...commonProblems }
    }
  }, async function (request) {
    return fastify.contentStore.getRoadmap(request.params.slug).detail
  })

  fastify.get('/v1/roadmaps/:slug/versions', {
    schema: {
      operationId: 'listVersions',
      tags: ['versions'],
      summary: 'List the versions of a roadmap',
      description: 'Every version, oldest first. Each is an immutable snapshot addressed by its id.',
      params: RoadmapParams,
      response: {
        200: Type.Object({ latest: Type.String({ description: 'The id `latest` resolves to.' }), items: Type.Array(Type.Ref('VersionSummary')) }, { description: 'The versions.' }),
        ...commonProblems
      }
    }
  }, async function (request) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    return { latest: roadmap.latest.id, items: roadmap.versions.map((version) => version.summary) }
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version', {
    schema: {
      operationId: 'getSnapshot',
      tags: ['versions'],
      summary: 'Get a full version snapshot',
      description: 'The whole edition in one response: metadata, content hash, step tree, tools and resources. A concrete version never changes.',
      params: VersionParams,
      response: { 200: { ...Type.Ref('Snapshot'), description: 'The snapshot.' }, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    if (reply.cacheAs({ contentHashes: [version.contentHash], immutable: !store.isLatestAlias(request.params.version), contentLocation: concreteLocation(request.url, version.id) })) return reply
    return reply.type('application/json; charset=utf-8').send(version.snapshotJson)
  })
}

export default roadmapsRoutes
