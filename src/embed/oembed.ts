import { Type, type Static } from '@sinclair/typebox'
import type { RoadmapSummary } from '../domain/api.js'
import type { VersionEntry } from '../content/store.js'
import { escapeHtml as html } from '../content/store.js'
import { embedPath, type EmbedTarget } from './links.js'

/* @see https://oembed.com/ — section 2.3.4, the response of a `rich` embed. */

export const OEMBED_PROVIDER_NAME = 'Roadmap API'

/** A concrete version never changes, so consumers may keep its snippet long; `latest` moves. */
export const CONCRETE_CACHE_AGE = 7 * 24 * 60 * 60
export const LATEST_CACHE_AGE = 60 * 60

const DEFAULT_SIZE = { whole: { width: 640, height: 800 }, step: { width: 640, height: 560 } }

export const OembedResponseSchema = Type.Object({
  type: Type.Literal('rich'),
  version: Type.Literal('1.0'),
  title: Type.String({ examples: ['MLOps roadmap 2024 (edition 2024-01-12)'] }),
  author_name: Type.String({ examples: ['Maria Vechtomova'] }),
  author_url: Type.Optional(Type.String()),
  provider_name: Type.String({ examples: [OEMBED_PROVIDER_NAME] }),
  provider_url: Type.String({ examples: ['https://roadmaps.example.org'] }),
  cache_age: Type.Integer({ minimum: 0, description: 'Seconds a consumer may cache this response: long for a concrete version, short for `latest`.' }),
  html: Type.String({ description: 'The iframe to insert, sandboxed, sized to `width` × `height`.' }),
  width: Type.Integer({ minimum: 1, description: 'Pixels; never more than `maxwidth`.' }),
  height: Type.Integer({ minimum: 1, description: 'Pixels; never more than `maxheight`.' })
}, { additionalProperties: false, description: 'An oEmbed 1.0 rich response.' })
export type OembedResponse = Static<typeof OembedResponseSchema>

export interface OembedInput {
  roadmap: RoadmapSummary
  version: VersionEntry
  target: EmbedTarget
  immutable: boolean
  baseUrl: string
  maxwidth?: number | undefined
  maxheight?: number | undefined
}

export function buildOembed ({ roadmap, version, target, immutable, baseUrl, maxwidth, maxheight }: OembedInput): OembedResponse {
  const step = target.step === undefined ? undefined : version.getStep(target.step)
  const size = step === undefined ? DEFAULT_SIZE.whole : DEFAULT_SIZE.step
  const width = Math.min(size.width, maxwidth ?? Infinity)
  const height = Math.min(size.height, maxheight ?? Infinity)
  const title = step === undefined
    ? `${roadmap.title} (edition ${version.id})`
    : `${step.number} ${step.title} · ${roadmap.title} (edition ${version.id})`
  const src = `${baseUrl}${embedPath(target)}`
  const authorUrl = roadmap.authors.find((author) => author.url !== undefined)?.url
  return {
    type: 'rich',
    version: '1.0',
    title,
    author_name: roadmap.authors.map((author) => author.name).join(', '),
    ...(authorUrl === undefined ? {} : { author_url: authorUrl }),
    provider_name: OEMBED_PROVIDER_NAME,
    provider_url: baseUrl,
    cache_age: immutable ? CONCRETE_CACHE_AGE : LATEST_CACHE_AGE,
    // The page runs no script, so the sandbox only has to let its links open in a new tab.
    html: `<iframe src="${html(src)}" width="${width}" height="${height}" title="${html(title)}" loading="lazy" ` +
      'sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin" style="border:0;max-width:100%"></iframe>',
    width,
    height
  }
}
