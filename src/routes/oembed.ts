import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { baseUrlFor, parseEmbedUrl } from '../embed/links.js'
import { OembedResponseSchema, buildOembed } from '../embed/oembed.js'
import { NotEmbeddableError } from '../errors.js'
import { buildProblem, sendProblem } from '../plugins/problem-details.js'
import { commonProblems, integerParameter, notModified, problemResponse } from './params.js'

export interface OembedRoutesOptions {
  /** PUBLIC_URL: the host embed URLs must be under; the request host when unset. */
  publicUrl?: string | undefined
}

// Consumers may add parameters of their own (oEmbed 1.0 §2.2), so unknown ones are not an error here.
const OembedQuery = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'The embed page URL: `{base}/embed/{slug}/{version}`, optionally with `step` and `theme`.', examples: ['https://roadmaps.example.org/embed/mlops/2024-01-12'] }),
  format: Type.Optional(Type.String({ maxLength: 32, description: '`json`, the only format served; any other answers 501.', examples: ['json'] })),
  maxwidth: Type.Optional(integerParameter({ minimum: 1, maximum: 100_000, description: 'The widest iframe the consumer can show, in pixels.' })),
  maxheight: Type.Optional(integerParameter({ minimum: 1, maximum: 100_000, description: 'The tallest iframe the consumer can show, in pixels.' }))
})

const oembedRoutes: FastifyPluginAsyncTypebox<OembedRoutesOptions> = async function (fastify, options) {
  fastify.get('/oembed', {
    schema: {
      operationId: 'getOembed',
      tags: ['embeds'],
      summary: 'oEmbed provider for embed pages',
      description: 'Turns an embed page URL into an oEmbed 1.0 `rich` response whose `html` is a sandboxed iframe. Embed pages advertise this endpoint with `<link rel="alternate" type="application/json+oembed">` and a `Link` header.',
      querystring: OembedQuery,
      response: {
        200: { ...OembedResponseSchema, description: 'The oEmbed response.' },
        ...notModified,
        ...commonProblems,
        501: problemResponse('A `format` other than json (application/problem+json).', {
          type: '/problems/format-not-implemented',
          title: 'Format not implemented',
          status: 501,
          detail: 'Format "xml" is not served; use format=json',
          instance: '/oembed?url=https%3A%2F%2Froadmaps.example.org%2Fembed%2Fmlops%2F2024-01-12&format=xml',
          code: 'ROADMAP_ERR_FORMAT_NOT_IMPLEMENTED'
        })
      }
    }
  }, async function (request, reply) {
    const { url, format, maxwidth, maxheight } = request.query
    if (format !== undefined && format !== 'json') {
      return sendProblem(reply, buildProblem('ROADMAP_ERR_FORMAT_NOT_IMPLEMENTED', `Format "${format}" is not served; use format=json`, request.url))
    }
    const baseUrl = baseUrlFor(request, options.publicUrl)
    const target = parseEmbedUrl(url, baseUrl)
    if (target === undefined) throw new NotEmbeddableError(url)
    const store = fastify.contentStore
    const roadmap = store.getRoadmap(target.slug)
    const version = store.getVersion(target.slug, target.version)
    const immutable = !store.isLatestAlias(target.version)
    if (reply.cacheAs({ contentHashes: [version.contentHash], immutable, variant: `oembed ${baseUrl}` })) return reply
    return buildOembed({ roadmap: roadmap.summary, version, target, immutable, baseUrl, maxwidth, maxheight })
  })
}

export default oembedRoutes
