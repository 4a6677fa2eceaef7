import type { FastifyError, FastifyReply } from 'fastify'
// Types only: the `hide` schema keyword that keeps the JSON-LD variant out of OpenAPI.
import type {} from '@fastify/swagger'
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { explicitlyPrefers } from '../embed/accept.js'
import { renderEmbedError, renderEmbedPage } from '../embed/html.js'
import { JSON_LD_CONTENT_TYPE, toJsonLd } from '../embed/json-ld.js'
import { EMBED_THEMES, baseUrlFor, embedPath, oembedPath } from '../embed/links.js'
import { EMBED_CONTENT_SECURITY_POLICY } from '../embed/style.js'
import { concreteLocation } from '../plugins/http-caching.js'
import { problemFromError } from '../plugins/problem-details.js'
import { VersionParams, commonProblems, idParameter, notModified } from './params.js'

export interface EmbedRoutesOptions {
  /** PUBLIC_URL: the base of every absolute link; the request host when unset. */
  publicUrl?: string | undefined
}

const HTML_CONTENT_TYPE = 'text/html; charset=utf-8'
const JSON_LD_CONSTRAINT = 'jsonLd'

const EmbedQuery = Type.Object({
  step: Type.Optional(idParameter('Show one step, with its sub-steps, tools and resources.', 'experiment-tracking-and-model-registries')),
  theme: Type.Optional(Type.Union(EMBED_THEMES.map((theme) => Type.Literal(theme)), { default: 'auto', description: '`auto` follows the reader\'s colour-scheme preference.' }))
}, { additionalProperties: false })

const embedPages: FastifyPluginAsyncTypebox<EmbedRoutesOptions> = async function (pages, options) {
  // Unlike the API, these pages are made to be framed by any site; the headers are set here, after any global security plugin ran.
  pages.addHook('onSend', async function (_request, reply, payload) {
    reply.header('content-security-policy', EMBED_CONTENT_SECURITY_POLICY)
    // The page runs no script, so origin keying buys it nothing; asked for inside a sandboxed iframe it only earns the host page a console warning.
    for (const name of ['x-frame-options', 'origin-agent-cluster']) {
      reply.removeHeader(name)
      reply.raw.removeHeader(name)
    }
    return payload
  })

  // A reader's browser gets a small HTML page for a bad link; API clients get problem+json from the root handler.
  pages.setErrorHandler(async function (error: FastifyError, request, reply) {
    const problem = problemFromError(error, request.url)
    const wantsHtml = request.accepts().type(['application/problem+json', 'text/html']) === 'text/html'
    if (!wantsHtml || problem.status >= 500) throw error
    request.log.info({ code: problem.code, status: problem.status }, 'request rejected')
    return sendHtml(reply.code(problem.status), renderEmbedError(problem.status, problem.title, problem.detail))
  })

  pages.get('/embed/:slug/:version', {
    schema: {
      operationId: 'getEmbedPage',
      tags: ['embeds'],
      summary: 'An embeddable HTML page of a roadmap version',
      description: 'A self-contained page for an iframe: every step with its tools and resources, or one step with `?step=`. Any origin may frame it. It carries schema.org JSON-LD and oEmbed discovery.',
      params: VersionParams,
      querystring: EmbedQuery,
      response: {
        200: { description: 'The page.', content: { 'text/html': { schema: Type.String() } } },
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const store = pages.contentStore
    const { slug, version: requestedVersion } = request.params
    const { step, theme = 'auto' } = request.query
    const roadmap = store.getRoadmap(slug)
    const version = store.getVersion(slug, requestedVersion)
    if (step !== undefined) version.getStep(step)
    const baseUrl = baseUrlFor(request, options.publicUrl)
    const pageUrl = `${baseUrl}${embedPath({ slug, version: requestedVersion, step, theme })}`
    reply.header('link', `<${baseUrl}${oembedPath(pageUrl)}>; rel="alternate"; type="application/json+oembed"`)
    const immutable = !store.isLatestAlias(requestedVersion)
    const contentLocation = embedPath({ slug, version: version.id, step, theme })
    if (reply.cacheAs({ contentHashes: [version.contentHash], immutable, contentLocation, variant: `html ${baseUrl}` })) return reply
    return sendHtml(reply, renderEmbedPage({ roadmap: roadmap.summary, version, requestedVersion, step, theme, baseUrl }))
  })
}

const embedRoutes: FastifyPluginAsyncTypebox<EmbedRoutesOptions> = async function (fastify, options) {
  /*
   * The snapshot as schema.org JSON-LD, chosen by content negotiation on the
   * snapshot URL. A route constraint picks this handler only when the client
   * names application/ld+json and rates it at least as high as JSON, so the
   * JSON snapshot route stays untouched. It is hidden from OpenAPI because it
   * shares its path with getSnapshot.
   */
  if (!fastify.hasConstraintStrategy(JSON_LD_CONSTRAINT)) {
    fastify.addConstraintStrategy({
      name: JSON_LD_CONSTRAINT,
      storage () {
        const handlers = new Map<unknown, unknown>()
        return { get: (value: unknown) => handlers.get(value) ?? null, set: (value: unknown, handler: unknown) => { handlers.set(value, handler) } } as never
      },
      deriveConstraint: (request) => explicitlyPrefers(request.headers.accept, 'application/ld+json', ['application/json']) ? 'application/ld+json' : undefined,
      mustMatchWhenDerived: false
    })
  }

  fastify.get('/v1/roadmaps/:slug/versions/:version', {
    constraints: { [JSON_LD_CONSTRAINT]: 'application/ld+json' },
    schema: { hide: true, params: VersionParams, response: { 200: Type.Unknown(), ...commonProblems } }
  }, async function (request, reply) {
    const store = fastify.contentStore
    const roadmap = store.getRoadmap(request.params.slug)
    const version = store.getVersion(request.params.slug, request.params.version)
    const baseUrl = baseUrlFor(request, options.publicUrl)
    reply.header('vary', 'Accept')
    if (reply.cacheAs({ contentHashes: [version.contentHash], immutable: !store.isLatestAlias(request.params.version), contentLocation: concreteLocation(request.url, version.id), variant: `ld+json ${baseUrl}` })) return reply
    return reply.type(JSON_LD_CONTENT_TYPE).send(JSON.stringify(toJsonLd(roadmap.summary, version, baseUrl)))
  })

  await fastify.register(embedPages, options)
}

function sendHtml (reply: FastifyReply, page: string): FastifyReply {
  return reply.type(HTML_CONTENT_TYPE).send(page)
}

export default embedRoutes
