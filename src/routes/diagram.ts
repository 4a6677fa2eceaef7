import { createHash } from 'node:crypto'
import { renderAsync } from '@resvg/resvg-js'
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import type { VersionEntry } from '../content/store.js'
import type { RoadmapSummary } from '../domain/api.js'
import { DIAGRAM_CONTENT_TYPE, renderDiagram, type Diagram } from '../embed/diagram.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { VersionParams, commonProblems, integerParameter, notModified } from './params.js'

const PNG_CONTENT_TYPE = 'image/png'

/* The store's version entries are replaced whole on reload, so pictures keyed by them are dropped with them. */
const svgs = new WeakMap<VersionEntry, Diagram>()
const pngs = new WeakMap<VersionEntry, Map<number, Promise<Buffer>>>()

function diagramOf (version: VersionEntry, roadmap: RoadmapSummary): Diagram {
  let diagram = svgs.get(version)
  if (diagram === undefined) {
    diagram = renderDiagram(roadmap, version)
    svgs.set(version, diagram)
  }
  return diagram
}

/* @see https://github.com/thx/resvg-js — rasterised off the event loop, once per version and scale. */
function pngOf (version: VersionEntry, diagram: Diagram, scale: number): Promise<Buffer> {
  const byScale = pngs.get(version) ?? new Map<number, Promise<Buffer>>()
  pngs.set(version, byScale)
  let png = byScale.get(scale)
  if (png === undefined) {
    png = renderAsync(diagram.svg, {
      fitTo: { mode: 'zoom', value: scale },
      font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
      shapeRendering: 2,
      textRendering: 1
    }).then((image) => image.asPng())
    png.catch(() => byScale.delete(scale))
    byScale.set(scale, png)
  }
  return png
}

/** Opened on its own, the SVG needs its one <style> (dark colours) allowed; it can still not be framed. */
function svgContentSecurityPolicy (svg: string): string {
  const style = /<style>([^<]*)<\/style>/.exec(svg)?.[1] ?? ''
  return `default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; frame-ancestors 'none'`
}

const diagramRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  /** The version's diagram, or undefined when If-None-Match matched and the 304 is already on its way. */
  function diagramUnlessNotModified (params: { slug: string, version: string }, url: string, reply: FastifyReply, variant: 'svg' | 'png') {
    const store = fastify.contentStore
    const roadmap = store.getRoadmap(params.slug)
    const version = store.getVersion(params.slug, params.version)
    if (reply.cacheAs({ ...versionCacheTarget(store, params.version, version, url), variant })) return undefined
    return { version, diagram: diagramOf(version, roadmap.summary) }
  }

  fastify.get('/v1/roadmaps/:slug/versions/:version/diagram.svg', {
    schema: {
      operationId: 'getDiagramSvg',
      tags: ['embeds'],
      summary: 'The roadmap as an SVG diagram',
      description: 'Sections on an ordered path with numbered nodes, sub-sections branching off, the tools of each step as labels. Usable as it is in an `<img>` tag or a README; follows the reader\'s dark mode in browsers.',
      params: VersionParams,
      querystring: Type.Object({}, { additionalProperties: false }),
      response: {
        200: { description: 'The diagram.', content: { 'image/svg+xml': { schema: Type.String() } } },
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const found = diagramUnlessNotModified(request.params, request.url, reply, 'svg')
    if (found === undefined) return reply
    const { diagram } = found
    return reply.type(DIAGRAM_CONTENT_TYPE).header('content-security-policy', svgContentSecurityPolicy(diagram.svg)).send(diagram.svg)
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version/diagram.png', {
    schema: {
      operationId: 'getDiagramPng',
      tags: ['embeds'],
      summary: 'The roadmap diagram as a PNG',
      description: 'The SVG diagram rasterised, for places that do not take SVG. `scale` 2 or 3 gives a sharper picture for high-density screens.',
      params: VersionParams,
      querystring: Type.Object({
        scale: Type.Optional(integerParameter({ minimum: 1, maximum: 3, default: 1, description: 'Pixels per diagram unit.' }))
      }, { additionalProperties: false }),
      response: {
        200: { description: 'The diagram.', content: { 'image/png': { schema: Type.String({ format: 'binary' }) } } },
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const found = diagramUnlessNotModified(request.params, request.url, reply, 'png')
    if (found === undefined) return reply
    const png = await pngOf(found.version, found.diagram, request.query.scale ?? 1)
    return reply.type(PNG_CONTENT_TYPE).send(png)
  })
}

export default diagramRoutes
