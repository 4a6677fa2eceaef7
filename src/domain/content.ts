import { Type, type Static } from '@sinclair/typebox'

/*
 * The shapes authors write in content/. Every object is closed so a typo in a
 * field name fails the content check instead of being silently ignored.
 */

/* One spelling of each id, for schemas (patterns) and for code that checks ids outside a schema (regexes). */
export const SLUG_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$'
export const VERSION_ID_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'
/** A version id or the `latest` alias, as URLs and arguments take it. */
export const VERSION_REF_PATTERN = '^(?:latest|\\d{4}-\\d{2}-\\d{2})$'
export const SLUG_REGEX = new RegExp(SLUG_PATTERN)
export const VERSION_ID_REGEX = new RegExp(VERSION_ID_PATTERN)
export const VERSION_REF_REGEX = new RegExp(VERSION_REF_PATTERN)

export const Slug = Type.String({
  pattern: SLUG_PATTERN,
  minLength: 1,
  maxLength: 100,
  description: 'A lower-case kebab-case identifier, stable across versions.'
})

export const VersionId = Type.String({
  pattern: VERSION_ID_PATTERN,
  description: 'A version id: the date of the edition, YYYY-MM-DD.',
  examples: ['2024-01-12']
})

export const httpUrl = (description = 'An absolute http(s) URL without tracking parameters.') =>
  Type.String({ format: 'uri', pattern: '^https?://', description })
export const HttpUrl = httpUrl()

export const IsoDate = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A calendar date, YYYY-MM-DD.'
})

export const PersonSchema = Type.Object({
  name: Type.String({ minLength: 1, description: 'Name as the source prints it.' }),
  url: Type.Optional(HttpUrl)
}, { additionalProperties: false })
export type Person = Static<typeof PersonSchema>

export const LinkSchema = Type.Object({
  title: Type.String({ minLength: 1, description: 'What the link points to.' }),
  url: HttpUrl
}, { additionalProperties: false })
export type Link = Static<typeof LinkSchema>

export const RoadmapFileSchema = Type.Object({
  title: Type.String({ minLength: 1, description: 'The roadmap title as its source prints it.' }),
  description: Type.String({ minLength: 1, description: 'What the roadmap is for, in our own words.' }),
  authors: Type.Array(PersonSchema, { minItems: 1, description: 'Who wrote the roadmap.' }),
  publisher: Type.Optional(Type.String({ minLength: 1, description: 'The publication or organisation behind it.' })),
  links: Type.Array(LinkSchema, { description: 'Where the roadmap comes from.' }),
  latest: Type.String({ description: 'The id of the newest published version; `latest` in URLs resolves to it.' })
}, { additionalProperties: false, title: 'Roadmap', description: 'content/<slug>/roadmap.yaml' })
export type RoadmapFile = Static<typeof RoadmapFileSchema>

export const VersionSourceSchema = Type.Object({
  type: Type.Union([Type.Literal('article'), Type.Literal('repository')], { description: 'What kind of document the edition was taken from.' }),
  title: Type.String({ minLength: 1, description: 'Title of the source document.' }),
  publisher: Type.Optional(Type.String({ minLength: 1, description: 'Where it was published.' })),
  url: Type.Optional(HttpUrl),
  repository: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$', description: 'owner/name of a GitHub repository.' })),
  commit: Type.Optional(Type.String({ pattern: '^[0-9a-f]{7,40}$', description: 'The commit the edition was read at.' })),
  path: Type.Optional(Type.String({ minLength: 1, description: 'The file inside the repository.' }))
}, { additionalProperties: false })
export type VersionSource = Static<typeof VersionSourceSchema>

export const VersionFileSchema = Type.Object({
  title: Type.String({ minLength: 1, description: 'Title of this edition.' }),
  published: IsoDate,
  source: VersionSourceSchema,
  notes: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'What this edition changed, in our own words.' })
}, { additionalProperties: false, title: 'Version', description: 'content/<slug>/versions/<version-id>/version.yaml' })
export type VersionFile = Static<typeof VersionFileSchema>

export const StepFileSchema = Type.Object({
  number: Type.String({ pattern: '^\\d+(?:\\.\\d+)*$', description: 'The number the source prints, e.g. "5.3".' }),
  title: Type.String({ minLength: 1, description: 'The title as the source prints it.' }),
  parent: Type.Optional(Type.String({ description: 'Id of the parent step; omitted for a top-level section.' })),
  order: Type.Integer({ minimum: 1, description: 'Position among its siblings, from 1.' }),
  summary: Type.String({ minLength: 1, description: 'What the step is about, in our own words.' }),
  tools: Type.Array(Type.String(), { default: [], description: 'Ids of the tools this step names, in the order the source names them.' }),
  resources: Type.Array(Type.String(), { default: [], description: 'Ids of the resources this step recommends, in the order the source lists them.' })
}, { additionalProperties: false, title: 'Step', description: 'content/<slug>/versions/<version-id>/steps/<step-id>.yaml' })
export type StepFile = Static<typeof StepFileSchema>

export const ToolCategorySchema = Type.Union([
  Type.Literal('programming-language'),
  Type.Literal('shell'),
  Type.Literal('editor'),
  Type.Literal('containerization'),
  Type.Literal('container-orchestration'),
  Type.Literal('cluster-management'),
  Type.Literal('version-control'),
  Type.Literal('code-hosting'),
  Type.Literal('ci-cd'),
  Type.Literal('code-quality'),
  Type.Literal('workflow-orchestration'),
  Type.Literal('experiment-tracking'),
  Type.Literal('feature-store'),
  Type.Literal('data-versioning'),
  Type.Literal('ml-platform'),
  Type.Literal('model-serving'),
  Type.Literal('web-framework'),
  Type.Literal('monitoring'),
  Type.Literal('visualization'),
  Type.Literal('ml-monitoring'),
  Type.Literal('infrastructure-as-code')
], { description: 'What the tool is for.' })
export type ToolCategory = Static<typeof ToolCategorySchema>

export const ToolFileSchema = Type.Object({
  name: Type.String({ minLength: 1, description: 'The tool name as the source prints it.' }),
  category: ToolCategorySchema,
  homepage: Type.Optional(httpUrl('The official home page, only where it is certain.')),
  description: Type.String({ minLength: 1, description: 'What the tool does, in our own words.' })
}, { additionalProperties: false, title: 'Tool', description: 'content/<slug>/versions/<version-id>/tools/<tool-id>.yaml' })
export type ToolFile = Static<typeof ToolFileSchema>

export const ResourceKindSchema = Type.Union([
  Type.Literal('book'),
  Type.Literal('course'),
  Type.Literal('tutorial'),
  Type.Literal('article'),
  Type.Literal('video'),
  Type.Literal('repository'),
  Type.Literal('roadmap'),
  Type.Literal('skill-track'),
  Type.Literal('practice'),
  Type.Literal('assessment'),
  Type.Literal('website'),
  Type.Literal('topic')
], { description: 'What kind of learning resource it is.' })
export type ResourceKind = Static<typeof ResourceKindSchema>

export const ResourceFileSchema = Type.Object({
  kind: ResourceKindSchema,
  title: Type.String({ minLength: 1, description: 'The title as the source prints it.' }),
  subtitle: Type.Optional(Type.String({ minLength: 1, description: 'A subtitle, where the source gives one.' })),
  authors: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Authors as the source names them; empty when it names none.' }),
  edition: Type.Optional(Type.String({ minLength: 1, description: 'The edition of a book, e.g. "3rd Edition".' })),
  provider: Type.Optional(Type.String({ minLength: 1, description: 'The platform or publisher the source names, e.g. "freecodecamp.com".' })),
  url: Type.Optional(httpUrl('The URL exactly as the source gives it, without tracking parameters; omitted when the source gives none.')),
  tools: Type.Array(Type.String(), { default: [], description: 'Ids of the tools the resource is about.' }),
  description: Type.Optional(Type.String({ minLength: 1, description: 'What the resource offers, in our own words.' }))
}, { additionalProperties: false, title: 'Resource', description: 'content/<slug>/versions/<version-id>/resources/<resource-id>.yaml' })
export type ResourceFile = Static<typeof ResourceFileSchema>

export const contentFileSchemas = {
  roadmap: RoadmapFileSchema,
  version: VersionFileSchema,
  step: StepFileSchema,
  tool: ToolFileSchema,
  resource: ResourceFileSchema
} as const
export type ContentFileKind = keyof typeof contentFileSchemas
