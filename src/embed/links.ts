import type { FastifyRequest } from 'fastify'
import { SLUG_REGEX, VERSION_REF_REGEX } from '../domain/content.js'

export const EMBED_THEMES = ['auto', 'light', 'dark'] as const
export type EmbedTheme = typeof EMBED_THEMES[number]

/** What an embed URL names: a roadmap version, optionally one step, in a theme. */
export interface EmbedTarget {
  slug: string
  version: string
  step?: string | undefined
  theme?: EmbedTheme | undefined
}

/** The absolute origin (plus path prefix) links are built on: PUBLIC_URL when set, else the request's own host. */
export function baseUrlFor (request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`
}

export function embedPath ({ slug, version, step, theme }: EmbedTarget): string {
  const query = new URLSearchParams()
  if (step !== undefined) query.set('step', step)
  if (theme !== undefined && theme !== 'auto') query.set('theme', theme)
  const search = query.toString()
  return `/embed/${slug}/${version}${search === '' ? '' : `?${search}`}`
}

export function oembedPath (embedUrl: string): string {
  return `/oembed?${new URLSearchParams({ url: embedUrl, format: 'json' }).toString()}`
}

export function snapshotPath (slug: string, version: string): string {
  return `/v1/roadmaps/${slug}/versions/${version}`
}

export function diagramPath (slug: string, version: string, format: 'svg' | 'png' = 'svg'): string {
  return `${snapshotPath(slug, version)}/diagram.${format}`
}

const EMBED_PATH = /^\/embed\/([^/]+)\/([^/]+)\/?$/

/**
 * Reads an embed page URL as an oEmbed consumer sends it. Answers undefined for
 * anything that is not an embed page under `baseUrl`: another host, another path,
 * or query parameters the page does not take.
 */
export function parseEmbedUrl (candidate: string, baseUrl: string): EmbedTarget | undefined {
  let url: URL
  let base: URL
  try {
    url = new URL(candidate)
    base = new URL(baseUrl)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.host !== base.host || url.username !== '' || url.password !== '') return undefined
  const prefix = base.pathname.replace(/\/$/, '')
  if (!url.pathname.startsWith(`${prefix}/embed/`)) return undefined
  const match = EMBED_PATH.exec(url.pathname.slice(prefix.length))
  if (match === null) return undefined
  const [, slug, version] = match as unknown as [string, string, string]
  if (!SLUG_REGEX.test(slug) || !VERSION_REF_REGEX.test(version)) return undefined

  const target: EmbedTarget = { slug, version }
  for (const [name, value] of url.searchParams) {
    if (name === 'step' && SLUG_REGEX.test(value) && target.step === undefined) target.step = value
    else if (name === 'theme' && (EMBED_THEMES as readonly string[]).includes(value) && target.theme === undefined) target.theme = value as EmbedTheme
    else return undefined
  }
  return target
}
