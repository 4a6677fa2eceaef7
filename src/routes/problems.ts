import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { commonProblems, problemResponse } from './params.js'
import { problemCatalog, problemSlug, type ProblemCode } from '../errors.js'

const ProblemTypeSchema = Type.Object({
  type: Type.String({ examples: ['/problems/version-not-found'] }),
  code: Type.String({ examples: ['ROADMAP_ERR_VERSION_NOT_FOUND'] }),
  status: Type.Integer({ examples: [404] }),
  title: Type.String({ examples: ['Version not found'] }),
  description: Type.String()
}, { additionalProperties: false })

const problemTypes = Object.entries(problemCatalog).map(([code, entry]) => ({
  type: `/problems/${problemSlug(code as ProblemCode)}`,
  code,
  status: entry.status,
  title: entry.title,
  description: entry.description
}))

const problemsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/problems', {
    schema: {
      operationId: 'listProblemTypes',
      tags: ['problems'],
      summary: 'List problem types',
      description: 'Every error code the API can answer with, on REST and GraphQL.',
      response: { 200: Type.Object({ items: Type.Array(ProblemTypeSchema) }) }
    }
  }, async () => ({ items: problemTypes }))

  fastify.get('/problems/:slug', {
    schema: {
      operationId: 'getProblemType',
      tags: ['problems'],
      summary: 'Describe a problem type',
      description: 'What a problem `type` URI means and what to do about it.',
      params: Type.Object({ slug: Type.String({ pattern: '^[a-z-]+$', maxLength: 64, examples: ['version-not-found'] }) }),
      response: {
        200: ProblemTypeSchema,
        ...commonProblems,
        404: problemResponse('No problem type has this slug (application/problem+json).', {
          type: '/problems/route-not-found',
          title: 'Route not found',
          status: 404,
          detail: 'No route GET /problems/teapot',
          instance: '/problems/teapot',
          code: 'ROADMAP_ERR_ROUTE_NOT_FOUND'
        })
      }
    }
  }, async (request, reply) => {
    const found = problemTypes.find((problemType) => problemType.type === `/problems/${request.params.slug}`)
    if (found === undefined) return reply.callNotFound()
    return found
  })
}

export default problemsRoutes
