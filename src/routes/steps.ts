import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { VersionEntry } from '../content/store.js'
import { ResourceSchema, StepNodeSchema, StepSchema, ToolSchema, type StepNode } from '../domain/api.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { byId, sendPage } from './paging.js'
import { PageQuery, StepParams, idParameter, integerParameter, VersionParams, commonProblems, notModified, pageResponse, versionResponse } from './params.js'

const StepsQuery = Type.Object({
  view: Type.Optional(Type.Union([Type.Literal('tree'), Type.Literal('flat')], {
    default: 'tree',
    description: '`tree`: each step with its sub-steps nested in `children`; `flat`: steps without children, in reading order.',
    examples: ['flat']
  })),
  parent: Type.Optional(idParameter('Only the sub-steps of this step.', 'mlops-components')),
  depth: Type.Optional(integerParameter({ minimum: 1, maximum: 20, description: 'Only steps at this depth: 1 for sections, 2 for sub-sections.', examples: [1] })),
  ...PageQuery
}, { additionalProperties: false })

const StepDetailSchema = Type.Object({
  step: Type.Ref(StepSchema),
  breadcrumbs: Type.Array(Type.Ref(StepSchema), { description: 'The ancestors of the step: its top-level section first, its parent last.' }),
  children: Type.Array(Type.Ref(StepSchema), { description: 'Its sub-steps, in order.' }),
  previous: Type.Union([Type.Ref(StepSchema), Type.Null()], { description: 'The step before it in reading order; null for the first.' }),
  next: Type.Union([Type.Ref(StepSchema), Type.Null()], { description: 'The step after it in reading order; null for the last.' }),
  tools: Type.Array(Type.Ref(ToolSchema), { description: 'The tools it names, in source order.' }),
  resources: Type.Array(Type.Ref(ResourceSchema), { description: 'The resources it recommends, in source order.' })
}, { additionalProperties: false })

// Built once per version: the tree view of a filtered list shows each selected step with its own sub-tree.
const treeNodes = new WeakMap<VersionEntry, Map<string, StepNode>>()

function nodesOf (version: VersionEntry): Map<string, StepNode> {
  let nodes = treeNodes.get(version)
  if (nodes === undefined) {
    nodes = new Map()
    const visit = (node: StepNode) => { nodes!.set(node.id, node); node.children.forEach(visit) }
    version.stepTree.forEach(visit)
    treeNodes.set(version, nodes)
  }
  return nodes
}

const stepsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/v1/roadmaps/:slug/versions/:version/steps', {
    schema: {
      operationId: 'listSteps',
      tags: ['steps'],
      summary: 'List the steps of a version',
      description: 'The step tree by default: top-level sections, each with its sub-steps. With `parent` or `depth`, the matching steps (each with its sub-tree in the tree view). `view=flat` lists steps without nesting, in reading order. Paginated over the top-level items.',
      params: VersionParams,
      querystring: StepsQuery,
      response: {
        200: pageResponse(Type.Union([Type.Ref(StepNodeSchema), Type.Ref(StepSchema)]), 'A page of steps: step nodes in the tree view, steps in the flat view.'),
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const { view, parent, depth, ...page } = request.query
    const filter = { parent, depth }
    const steps = view === 'flat'
      ? version.listSteps(filter)
      : parent === undefined && depth === undefined ? version.stepTree : version.listSteps(filter).map((step) => nodesOf(version).get(step.id)!)
    const body = sendPage(reply, steps, page, byId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return body
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version/steps/:stepId', {
    schema: {
      operationId: 'getStep',
      tags: ['steps'],
      summary: 'Get a step',
      description: 'One step with everything a step page shows: its breadcrumbs, its sub-steps, the previous and next steps in reading order, and its tools and resources in full.',
      params: StepParams,
      response: { 200: versionResponse(StepDetailSchema, 'The step and its surroundings.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const version = store.getVersion(request.params.slug, request.params.version)
    const step = version.getStep(request.params.stepId)
    if (reply.cacheAs(versionCacheTarget(store, request.params.version, version, request.url))) return reply
    return {
      step,
      breadcrumbs: [...version.ancestorsOf(step.id)],
      children: [...version.childrenOf(step.id)],
      previous: version.previousOf(step.id),
      next: version.nextOf(step.id),
      tools: step.tools.map(version.getTool),
      resources: step.resources.map(version.getResource)
    }
  })
}

export default stepsRoutes
