import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Feed } from 'feed'
import { changelogOf, describeSummary, type ChangelogEntry } from '../content/diff.js'
import { escapeHtml, type RoadmapEntry } from '../content/store.js'
import type { Changelog, JsonFeed } from '../domain/changelog.js'
import { InvalidParameterError } from '../errors.js'
import { SHORT_CACHE_CONTROL } from '../plugins/http-caching.js'
import { RoadmapParams, catalogResponse, commonProblems, notModified } from './params.js'

export interface ChangelogRoutesOptions {
  /** Absolute base URL for links in feeds; without it, links follow the request's protocol and host. */
  publicUrl?: string | undefined
}

const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8'
const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8'

const changelogRoutes: FastifyPluginAsyncTypebox<ChangelogRoutesOptions> = async function (fastify, options) {
  /* Normalised like the feed library normalises links (no default port), so both feeds carry the same ids. */
  const baseUrlOf = (request: FastifyRequest) => {
    if (options.publicUrl !== undefined) return options.publicUrl
    if (!URL.canParse(`${request.protocol}://${request.host}`)) throw new InvalidParameterError('host', 'is not a valid host name')
    return new URL(`${request.protocol}://${request.host}`).origin
  }

  /** A changelog changes when a reload adds a version, so it is revalidated like the version list, never immutable. */
  function cacheChangelog (reply: FastifyReply, roadmap: RoadmapEntry, variant: string): boolean {
    return reply.cacheAs({ contentHashes: roadmap.versions.map((version) => version.contentHash), immutable: false, cacheControl: SHORT_CACHE_CONTROL, variant })
  }

  fastify.get('/v1/roadmaps/:slug/changelog', {
    schema: {
      operationId: 'getChangelog',
      tags: ['versions'],
      summary: 'Get the changelog of a roadmap',
      description: 'One entry per version, newest first, with its date, notes and a summary of what changed since the version before. The same entries are served as Atom (`changelog.atom`) and JSON Feed 1.1 (`changelog.json`).',
      params: RoadmapParams,
      response: { 200: catalogResponse(Type.Ref('Changelog'), 'The changelog.'), ...notModified, ...commonProblems }
    }
  }, async function (request, reply) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    const feeds = feedPaths(roadmap)
    reply.header('link', `<${feeds.atom}>; rel="alternate"; type="application/atom+xml", <${feeds.json}>; rel="alternate"; type="application/feed+json"`)
    if (cacheChangelog(reply, roadmap, 'json')) return reply
    const changelog: Changelog = {
      roadmap: roadmap.latest.snapshot.roadmap,
      latest: roadmap.latest.id,
      feeds,
      items: changelogOf(roadmap).map((entry) => ({
        version: entry.version.summary,
        previous: entry.previous?.id ?? null,
        summary: entry.summary,
        diffHref: diffPath(entry)
      }))
    }
    return changelog
  })

  fastify.get('/v1/roadmaps/:slug/changelog.atom', {
    schema: {
      operationId: 'getChangelogAtom',
      tags: ['versions'],
      summary: 'Subscribe to a roadmap (Atom)',
      description: 'The changelog as an Atom 1.0 feed: one entry per version, identified by the absolute URL of its snapshot.',
      params: RoadmapParams,
      response: {
        200: { description: 'The Atom feed.', content: { 'application/atom+xml': { schema: Type.String() } } },
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    const baseUrl = baseUrlOf(request)
    if (cacheChangelog(reply, roadmap, `atom ${baseUrl}`)) return reply
    return reply.type(ATOM_CONTENT_TYPE).send(atomFeed(roadmap, baseUrl))
  })

  fastify.get('/v1/roadmaps/:slug/changelog.json', {
    schema: {
      operationId: 'getChangelogJsonFeed',
      tags: ['versions'],
      summary: 'Subscribe to a roadmap (JSON Feed)',
      description: 'The changelog as a JSON Feed 1.1: one item per version, identified by the absolute URL of its snapshot.',
      params: RoadmapParams,
      response: {
        200: { description: 'The JSON Feed.', content: { 'application/feed+json': { schema: Type.Ref('JsonFeed') } } },
        ...notModified,
        ...commonProblems
      }
    }
  }, async function (request, reply) {
    const roadmap = fastify.contentStore.getRoadmap(request.params.slug)
    const baseUrl = baseUrlOf(request)
    if (cacheChangelog(reply, roadmap, `json-feed ${baseUrl}`)) return reply
    return reply.type(JSON_FEED_CONTENT_TYPE).send(jsonFeed(roadmap, baseUrl))
  })
}

function feedPaths (roadmap: RoadmapEntry) {
  return { atom: `${roadmap.summary.href}/changelog.atom`, json: `${roadmap.summary.href}/changelog.json` }
}

function diffPath (entry: ChangelogEntry): string | null {
  return entry.previous === null ? null : `/v1/roadmaps/${entry.version.roadmapSlug}/diff?from=${entry.previous.id}&to=${entry.version.id}`
}

interface FeedEntry {
  id: string
  url: string
  sourceUrl: string | undefined
  title: string
  date: Date
  summary: string
  html: string
  text: string
}

/** What both feed formats say about one version. */
function feedEntries (roadmap: RoadmapEntry, baseUrl: string): FeedEntry[] {
  return changelogOf(roadmap).map((entry) => {
    const version = entry.version.summary
    const url = `${baseUrl}${version.href}`
    const diff = diffPath(entry)
    const summary = entry.summary === null || entry.previous === null
      ? `First version: ${version.stepCount} steps, ${version.toolCount} tools, ${version.resourceCount} resources.`
      : `Since ${entry.previous.id}: ${describeSummary(entry.summary)}.`
    const links = [
      ...(diff === null ? [] : [`<a href="${escapeHtml(`${baseUrl}${diff}`)}">What changed</a>`]),
      `<a href="${escapeHtml(`${url}/export.md`)}">Markdown checklist</a>`,
      `<a href="${escapeHtml(url)}">JSON snapshot</a>`
    ]
    return {
      id: url,
      url,
      sourceUrl: version.source.url,
      title: `${version.id}: ${version.title}`,
      date: new Date(`${version.published}T00:00:00Z`),
      summary,
      html: [...version.notes.map((note) => `<p>${escapeHtml(note)}</p>`), `<p>${escapeHtml(summary)}</p>`, `<p>${links.join(' · ')}</p>`].join('\n'),
      text: [...version.notes, summary].join('\n\n')
    }
  })
}

/* @see https://github.com/jpmonette/feed — Atom 1.0; its JSON output is JSON Feed 1.0, so that one is built below. */
function atomFeed (roadmap: RoadmapEntry, baseUrl: string): string {
  const { summary } = roadmap
  const feed = new Feed({
    id: `${baseUrl}${summary.href}`,
    title: `${summary.title}: changelog`,
    description: summary.description,
    link: `${baseUrl}${summary.href}`,
    feedLinks: { atom: `${baseUrl}${feedPaths(roadmap).atom}` },
    updated: new Date(`${roadmap.latest.summary.published}T00:00:00Z`),
    author: { name: summary.authors.map((author) => author.name).join(', ') },
    language: 'en',
    generator: 'roadmap-api'
  })
  for (const entry of feedEntries(roadmap, baseUrl)) {
    feed.addItem({ id: entry.id, link: entry.url, title: entry.title, date: entry.date, published: entry.date, description: entry.summary, content: entry.html })
  }
  return feed.atom1()
}

function jsonFeed (roadmap: RoadmapEntry, baseUrl: string): JsonFeed {
  const { summary } = roadmap
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${summary.title}: changelog`,
    home_page_url: `${baseUrl}${summary.href}`,
    feed_url: `${baseUrl}${feedPaths(roadmap).json}`,
    description: summary.description,
    authors: summary.authors.map((author) => ({ name: author.name, ...(author.url === undefined ? {} : { url: author.url }) })),
    language: 'en',
    items: feedEntries(roadmap, baseUrl).map((entry) => ({
      id: entry.id,
      url: entry.url,
      ...(entry.sourceUrl === undefined ? {} : { external_url: entry.sourceUrl }),
      title: entry.title,
      content_html: entry.html,
      content_text: entry.text,
      summary: entry.summary,
      date_published: entry.date.toISOString()
    }))
  }
}

export default changelogRoutes
