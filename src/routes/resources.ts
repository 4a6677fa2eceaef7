import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ResourceSchema, StepSchema, ToolSchema } from '../domain/api.js'
import { ResourceKindSchema } from '../domain/content.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { byId, sendPage } from './paging.js'
import { PageQuery, ResourceParams, idParameter, VersionParams, commonProblems, notModified, pageResponse, versionResponse } from './params.js'

const idFilter = (description: string, example: string) => Type.Optional(idParameter(description, example))

const ResourcesQuery = Type.Object({
  kind: Type.Optional({ ...ResourceKindSchema, description: 'Only resources of this kind.', examples: ['book'] }),
  step: idFilter('Only the resources this step recommends.', 'docker'),
  tool: idFilter('Only the resources about this tool.', 'mlflow'),
  hasUrl: Type.Optional(Type.Boolean({ description: '`true`: only resources with a URL; `false`: only those the source gives without one.', examples: [true] })),
  ...PageQuery
}, { additionalProperties: false })

const ResourceDetailSchema = Type.Object({
  resource: Type.Ref(ResourceSchema),
  steps: Type.Array(Type.Ref(StepSchema), { description: 'The steps that recommend it, in reading order.' }),
  tools: Type.Array(Type.Ref(ToolSchema), { description: 'The tools it is about.' })
}, { additionalProperties: false })

const resourcesRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/v1/roadmaps/:slug/versions/:version/resources', {
    schema: {
      operationId: 'listResources',
      tags: ['resources'],
      summary: 'List the resources of a version',
      description: 'Every recommended book, course, article and so on, in order of first recommendation; filter by kind, by the step recommending it, by the tool it is about, or by whether it has a URL.',
      params: VersionParams,
      querystring: ResourcesQuery,
      response: { 200: pageResponse(Type.Ref(ResourceSchema), 'A page of resources.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const { kind, step, tool, hasUrl, ...page } = request.query
    const resources = version.listResources({ kind, step, tool, hasUrl })
    const body = sendPage(reply, resources, page, byId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return body
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version/resources/:resourceId', {
    schema: {
      operationId: 'getResource',
      tags: ['resources'],
      summary: 'Get a resource',
      description: 'One resource with the steps that recommend it and the tools it is about, in full.',
      params: ResourceParams,
      response: { 200: versionResponse(ResourceDetailSchema, 'The resource and where it is recommended.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const resource = version.getResource(request.params.resourceId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return { resource, steps: resource.steps.map(version.getStep), tools: resource.tools.map(version.getTool) }
  })
}

export default resourcesRoutes
