import { Type, type Static } from '@sinclair/typebox'
import { LinkSchema, PersonSchema, ResourceKindSchema, ToolCategorySchema, VersionSourceSchema, httpUrl } from './content.js'

/*
 * The shapes the API serves. REST response schemas, OpenAPI components and the
 * store's return types all come from here.
 */

export const RoadmapSummarySchema = Type.Object({
  slug: Type.String({ description: 'The roadmap slug used in URLs.', examples: ['mlops'] }),
  title: Type.String({ examples: ['MLOps roadmap 2024'] }),
  description: Type.String(),
  authors: Type.Array(PersonSchema),
  publisher: Type.Optional(Type.String()),
  links: Type.Array(LinkSchema, { description: 'Where the roadmap comes from.' }),
  latestVersion: Type.String({ description: 'The id that `latest` resolves to.', examples: ['2024-01-12'] }),
  versionCount: Type.Integer({ minimum: 1 }),
  href: Type.String({ description: 'API path of this roadmap.', examples: ['/v1/roadmaps/mlops'] })
}, { $id: 'RoadmapSummary', additionalProperties: false })
export type RoadmapSummary = Static<typeof RoadmapSummarySchema>

export const RoadmapRefSchema = Type.Object({
  slug: Type.String({ examples: ['mlops'] }),
  title: Type.String({ examples: ['MLOps roadmap 2024'] }),
  authors: Type.Array(PersonSchema),
  publisher: Type.Optional(Type.String()),
  href: Type.String({ examples: ['/v1/roadmaps/mlops'] })
}, { $id: 'RoadmapRef', additionalProperties: false, description: 'The roadmap a snapshot belongs to.' })
export type RoadmapRef = Static<typeof RoadmapRefSchema>

export const VersionSummarySchema = Type.Object({
  id: Type.String({ description: 'The version id: the edition date.', examples: ['2024-01-12'] }),
  title: Type.String(),
  published: Type.String({ format: 'date', examples: ['2024-01-12'] }),
  source: VersionSourceSchema,
  notes: Type.Array(Type.String(), { description: 'What this edition changed.' }),
  contentHash: Type.String({ description: 'sha256 of the canonical serialisation of the snapshot; the base of every ETag.', examples: ['sha256-…'] }),
  stepCount: Type.Integer({ minimum: 0 }),
  toolCount: Type.Integer({ minimum: 0 }),
  resourceCount: Type.Integer({ minimum: 0 }),
  href: Type.String({ description: 'API path of the immutable snapshot.', examples: ['/v1/roadmaps/mlops/versions/2024-01-12'] })
}, { $id: 'VersionSummary', additionalProperties: false })
export type VersionSummary = Static<typeof VersionSummarySchema>

export const RoadmapDetailSchema = Type.Object({
  ...RoadmapSummarySchema.properties,
  versions: Type.Array(Type.Ref(VersionSummarySchema), { description: 'Every version, oldest first.' })
}, { $id: 'RoadmapDetail', additionalProperties: false })
export type RoadmapDetail = Static<typeof RoadmapDetailSchema>

const stepProperties = {
  id: Type.String({ description: 'Stable id, the same in every version.', examples: ['experiment-tracking-and-model-registries'] }),
  number: Type.String({ description: 'The number the source prints.', examples: ['5.3'] }),
  title: Type.String({ examples: ['Experiment Tracking and Model Registries'] }),
  summary: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()], { description: 'Id of the parent step, null for a top-level section.' }),
  order: Type.Integer({ minimum: 1, description: 'Position among its siblings.' }),
  depth: Type.Integer({ minimum: 1, description: '1 for a section, 2 for a sub-section, and so on.' }),
  tools: Type.Array(Type.String(), { description: 'Ids of the tools the step names, in source order.' }),
  resources: Type.Array(Type.String(), { description: 'Ids of the resources the step recommends, in source order.' })
}

export const StepSchema = Type.Object(stepProperties, { $id: 'Step', additionalProperties: false })
export type Step = Static<typeof StepSchema>

export const StepNodeSchema = Type.Recursive((This) => Type.Object({
  ...stepProperties,
  children: Type.Array(This, { description: 'Sub-steps in reading order.' })
}, { additionalProperties: false }), { $id: 'StepNode' })
export type StepNode = Static<typeof StepNodeSchema>

export const ToolSchema = Type.Object({
  id: Type.String({ examples: ['mlflow'] }),
  name: Type.String({ examples: ['MLflow'] }),
  category: ToolCategorySchema,
  homepage: Type.Optional(httpUrl('The official home page.')),
  description: Type.String(),
  steps: Type.Array(Type.String(), { description: 'Ids of the steps that name the tool, in reading order.' }),
  resources: Type.Array(Type.String(), { description: 'Ids of the resources about the tool.' })
}, { $id: 'Tool', additionalProperties: false })
export type Tool = Static<typeof ToolSchema>

export const ResourceSchema = Type.Object({
  id: Type.String({ examples: ['designing-machine-learning-systems'] }),
  kind: ResourceKindSchema,
  title: Type.String({ examples: ['Designing Machine Learning Systems'] }),
  subtitle: Type.Optional(Type.String()),
  authors: Type.Array(Type.String(), { examples: [['Chip Huyen']] }),
  edition: Type.Optional(Type.String({ examples: ['3rd Edition'] })),
  provider: Type.Optional(Type.String()),
  url: Type.Optional(httpUrl('The URL the source gives, without tracking parameters; absent when the source gives none.')),
  description: Type.Optional(Type.String()),
  tools: Type.Array(Type.String(), { description: 'Ids of the tools the resource is about.' }),
  steps: Type.Array(Type.String(), { description: 'Ids of the steps that recommend it, in reading order.' })
}, { $id: 'Resource', additionalProperties: false })
export type Resource = Static<typeof ResourceSchema>

export const SnapshotSchema = Type.Object({
  roadmap: Type.Ref(RoadmapRefSchema),
  version: Type.Ref(VersionSummarySchema),
  steps: Type.Array(Type.Ref(StepNodeSchema), { description: 'The step tree: top-level sections with their sub-sections.' }),
  tools: Type.Array(Type.Ref(ToolSchema), { description: 'Every tool, in order of first mention.' }),
  resources: Type.Array(Type.Ref(ResourceSchema), { description: 'Every resource, in order of first recommendation.' })
}, { $id: 'Snapshot', additionalProperties: false, description: 'One version of a roadmap, complete and immutable: its bytes and ETag never change.' })
export type Snapshot = Static<typeof SnapshotSchema>

export const SearchHitSchema = Type.Object({
  kind: Type.Union([Type.Literal('step'), Type.Literal('tool'), Type.Literal('resource')]),
  id: Type.String(),
  title: Type.String({ description: 'Step title, tool name or resource title.' }),
  score: Type.Number({ description: 'Relevance; higher is better.' }),
  snippet: Type.String({ description: 'The matching text, HTML-escaped, with matched terms wrapped in <mark>.' }),
  href: Type.String({ description: 'API path of the hit.' })
}, { $id: 'SearchHit', additionalProperties: false })
export type SearchHit = Static<typeof SearchHitSchema>

/** Every shared schema, registered once with app.addSchema so routes can $ref them. */
export const sharedSchemas = [
  RoadmapSummarySchema,
  RoadmapRefSchema,
  VersionSummarySchema,
  RoadmapDetailSchema,
  StepSchema,
  StepNodeSchema,
  ToolSchema,
  ResourceSchema,
  SnapshotSchema,
  SearchHitSchema
]
