import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ResourceSchema, StepSchema, ToolSchema } from '../domain/api.js'
import { ToolCategorySchema } from '../domain/content.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { byId, sendPage } from './paging.js'
import { PageQuery, ToolParams, idParameter, VersionParams, commonProblems, notModified, pageResponse, versionResponse } from './params.js'

const ToolsQuery = Type.Object({
  category: Type.Optional({ ...ToolCategorySchema, description: 'Only tools in this category.', examples: ['workflow-orchestration'] }),
  step: Type.Optional(idParameter('Only the tools this step names.', 'orchestration')),
  ...PageQuery
}, { additionalProperties: false })

const ToolDetailSchema = Type.Object({
  tool: Type.Ref(ToolSchema),
  steps: Type.Array(Type.Ref(StepSchema), { description: 'The steps that name the tool, in reading order.' }),
  resources: Type.Array(Type.Ref(ResourceSchema), { description: 'The resources about the tool.' })
}, { additionalProperties: false })

const toolsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/v1/roadmaps/:slug/versions/:version/tools', {
    schema: {
      operationId: 'listTools',
      tags: ['tools'],
      summary: 'List the tools of a version',
      description: 'Every tool the version names, in order of first mention, optionally only one category or the tools of one step.',
      params: VersionParams,
      querystring: ToolsQuery,
      response: { 200: pageResponse(Type.Ref(ToolSchema), 'A page of tools.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const { category, step, ...page } = request.query
    const tools = version.listTools({ category, step })
    const body = sendPage(reply, tools, page, byId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return body
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version/tools/:toolId', {
    schema: {
      operationId: 'getTool',
      tags: ['tools'],
      summary: 'Get a tool',
      description: 'One tool with the steps that name it and the resources about it, in full.',
      params: ToolParams,
      response: { 200: versionResponse(ToolDetailSchema, 'The tool and where it appears.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const tool = version.getTool(request.params.toolId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return { tool, steps: tool.steps.map(version.getStep), resources: tool.resources.map(version.getResource) }
  })
}

export default toolsRoutes
