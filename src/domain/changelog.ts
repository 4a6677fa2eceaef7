import { Type, type Static } from '@sinclair/typebox'
import { RoadmapRefSchema, VersionSummarySchema } from './api.js'
import { DiffSummarySchema, refTo } from './diff.js'

export const ChangelogEntrySchema = Type.Object({
  version: refTo(VersionSummarySchema),
  previous: Type.Union([Type.String(), Type.Null()], { description: 'The id of the version before it; null for the first.', examples: ['2023-12-27'] }),
  summary: Type.Union([refTo(DiffSummarySchema), Type.Null()], { description: 'What changed since `previous`; null for the first version.' }),
  diffHref: Type.Union([Type.String(), Type.Null()], { description: 'API path of the full diff from `previous`.', examples: ['/v1/roadmaps/mlops/diff?from=2023-12-27&to=2024-01-12'] })
}, { $id: 'ChangelogEntry', additionalProperties: false, description: 'One version: its date, notes and a summary of what changed since the one before.' })
export type ChangelogEntry = Static<typeof ChangelogEntrySchema>

export const ChangelogSchema = Type.Object({
  roadmap: refTo(RoadmapRefSchema),
  latest: Type.String({ description: 'The id `latest` resolves to.', examples: ['2024-01-12'] }),
  feeds: Type.Object({
    atom: Type.String({ description: 'API path of the Atom feed.', examples: ['/v1/roadmaps/mlops/changelog.atom'] }),
    json: Type.String({ description: 'API path of the JSON Feed 1.1.', examples: ['/v1/roadmaps/mlops/changelog.json'] })
  }, { additionalProperties: false }),
  items: Type.Array(refTo(ChangelogEntrySchema), { description: 'Every version, newest first.' })
}, { $id: 'Changelog', additionalProperties: false })
export type Changelog = Static<typeof ChangelogSchema>

const JsonFeedAuthorSchema = Type.Object({
  name: Type.String(),
  url: Type.Optional(Type.String({ format: 'uri' }))
}, { additionalProperties: false })

/* @see https://www.jsonfeed.org/version/1.1/ */
export const JsonFeedItemSchema = Type.Object({
  id: Type.String({ description: 'Stable and unique: the absolute URL of the concrete version.' }),
  url: Type.String({ format: 'uri', description: 'The snapshot of this version.' }),
  external_url: Type.Optional(Type.String({ format: 'uri', description: 'The document the edition was taken from.' })),
  title: Type.String(),
  content_html: Type.String(),
  content_text: Type.String(),
  summary: Type.String(),
  date_published: Type.String({ format: 'date-time' })
}, { $id: 'JsonFeedItem', additionalProperties: false })

export const JsonFeedSchema = Type.Object({
  version: Type.Literal('https://jsonfeed.org/version/1.1'),
  title: Type.String(),
  home_page_url: Type.String({ format: 'uri' }),
  feed_url: Type.String({ format: 'uri' }),
  description: Type.String(),
  authors: Type.Array(JsonFeedAuthorSchema),
  language: Type.String(),
  items: Type.Array(refTo(JsonFeedItemSchema))
}, { $id: 'JsonFeed', additionalProperties: false, description: 'A JSON Feed 1.1 document (application/feed+json).' })
export type JsonFeed = Static<typeof JsonFeedSchema>

/** Registered with app.addSchema after the shared API and diff schemas. */
export const changelogSchemas = [ChangelogEntrySchema, ChangelogSchema, JsonFeedItemSchema, JsonFeedSchema]
