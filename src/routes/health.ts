import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problemResponse } from './params.js'

const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  versions: Type.Optional(Type.Integer({ description: 'Versions loaded (readiness only).' }))
})

const healthRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/health/live', {
    schema: {
      operationId: 'getLiveness',
      tags: ['health'],
      summary: 'Liveness',
      description: 'Answers while the process runs.',
      response: { 200: HealthSchema }
    }
  }, async () => ({ status: 'ok' as const }))

  // The content plugin loads before routes are registered, so once this answers, content is in memory.
  fastify.get('/health/ready', {
    schema: {
      operationId: 'getReadiness',
      tags: ['health'],
      summary: 'Readiness',
      description: 'Answers 200 once content is loaded and the server accepts traffic.',
      response: {
        200: HealthSchema,
        503: problemResponse('Not ready yet: content is still loading (application/problem+json).', {
          type: '/problems/not-ready',
          title: 'Not ready',
          status: 503,
          detail: 'Content is still loading',
          instance: '/health/ready',
          code: 'ROADMAP_ERR_NOT_READY'
        })
      }
    }
  }, async () => ({
    status: 'ok' as const,
    versions: fastify.contentStore.roadmaps.reduce((total, roadmap) => total + roadmap.versions.length, 0)
  }))
}

export default healthRoutes
