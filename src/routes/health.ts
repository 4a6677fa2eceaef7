import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { problemResponse } from './params.js'

const LivenessSchema = Type.Object({
  status: Type.Literal('ok')
}, { description: 'The process runs.' })

const ContentStatusSchema = Type.Object({
  loadedAt: Type.String({ format: 'date-time', description: 'When the content now served was loaded: at start, or by the last accepted reload.' }),
  reloads: Type.Integer({ minimum: 0, description: 'Reloads (SIGHUP or file watching) accepted since start.' }),
  failedReloads: Type.Integer({ minimum: 0, description: 'Reloads rejected since start because the content had problems; the last good content kept serving.' }),
  lastFailure: Type.Optional(Type.Object({
    at: Type.String({ format: 'date-time', description: 'When the reload was rejected.' }),
    problems: Type.Integer({ minimum: 1, description: 'How many problems it found.' }),
    summary: Type.Array(Type.String(), { description: 'The first problems as `file:line:column field: message`, paths relative to the content folder; the server log has them all.' })
  }, { description: 'The most recent rejected reload; gone once a reload is accepted.' }))
}, { description: 'Content loading: what is served and how reloads went.' })

const ReadinessSchema = Type.Object({
  status: Type.Literal('ok'),
  versions: Type.Integer({ minimum: 0, description: 'Versions loaded.' }),
  content: ContentStatusSchema
}, { description: 'Ready: the content served, and how its reloads went.' })

const healthRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  fastify.get('/health/live', {
    schema: {
      operationId: 'getLiveness',
      tags: ['health'],
      summary: 'Liveness',
      description: 'Answers while the process runs.',
      response: { 200: LivenessSchema }
    }
  }, async () => ({ status: 'ok' as const }))

  // The content plugin loads before routes are registered, so once this answers, content is in memory.
  fastify.get('/health/ready', {
    schema: {
      operationId: 'getReadiness',
      tags: ['health'],
      summary: 'Readiness',
      description: 'Answers 200 once content is loaded and the server accepts traffic. A rejected content reload does not make the server unready, since the last good content keeps serving: `content.lastFailure` reports it until a reload is accepted. Once shutdown starts, new connections are refused.',
      response: {
        200: ReadinessSchema,
        503: problemResponse('Not ready: the server cannot take traffic now (application/problem+json).', {
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
    versions: fastify.contentStore.roadmaps.reduce((total, roadmap) => total + roadmap.versions.length, 0),
    content: fastify.contentStatus
  }))
}

export default healthRoutes
