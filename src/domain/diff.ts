import { Type, type SchemaOptions, type Static, type TSchema } from '@sinclair/typebox'
import { ResourceSchema, StepSchema, ToolSchema, VersionSummarySchema } from './api.js'

/*
 * What changed between two versions of a roadmap. Items are matched by id, so a
 * renamed step is one change to its title, not a removal and an addition.
 * Lists of objects rather than maps keyed by id, so REST and GraphQL share the shape.
 */

/** A $ref to a registered schema that keeps its static type. */
export const refTo = <T extends TSchema>(schema: T, options?: SchemaOptions) => Type.Unsafe<Static<T>>(Type.Ref(schema.$id!, options))

export const DiffFieldValueSchema = Type.Union([
  Type.String(),
  Type.Integer(),
  Type.Array(Type.String()),
  Type.Null()
], { description: 'A field value: text, a number, a list of ids or names, or null where the field is absent.' })
export type DiffFieldValue = Static<typeof DiffFieldValueSchema>

export const FieldChangeSchema = Type.Object({
  field: Type.String({ description: 'The field that differs, as named in the Step, Tool or Resource schema.', examples: ['title'] }),
  from: DiffFieldValueSchema,
  to: DiffFieldValueSchema,
  added: Type.Optional(Type.Array(Type.String(), { description: 'For list fields: entries in `to` that `from` lacks, in `to` order.' })),
  removed: Type.Optional(Type.Array(Type.String(), { description: 'For list fields: entries in `from` that `to` lacks, in `from` order.' }))
}, { $id: 'FieldChange', additionalProperties: false, description: 'One field of an item with its old and new value.' })
export type FieldChange = Static<typeof FieldChangeSchema>

export const ChangedItemSchema = Type.Object({
  id: Type.String({ description: 'The item id, the same in both versions.' }),
  title: Type.String({ description: 'The step title, tool name or resource title in the `to` version.' }),
  changes: Type.Array(refTo(FieldChangeSchema), { minItems: 1, description: 'Every field that differs, in schema order.' })
}, { $id: 'ChangedItem', additionalProperties: false, description: 'An item present in both versions with different field values.' })
export type ChangedItem = Static<typeof ChangedItemSchema>

export const DiffCountsSchema = Type.Object({
  added: Type.Integer({ minimum: 0 }),
  removed: Type.Integer({ minimum: 0 }),
  changed: Type.Integer({ minimum: 0 }),
  unchanged: Type.Integer({ minimum: 0, description: 'Items present in both versions with equal fields.' })
}, { $id: 'DiffCounts', additionalProperties: false })
export type DiffCounts = Static<typeof DiffCountsSchema>

export const DiffSummarySchema = Type.Object({
  steps: refTo(DiffCountsSchema),
  tools: refTo(DiffCountsSchema),
  resources: refTo(DiffCountsSchema)
}, { $id: 'DiffSummary', additionalProperties: false, description: 'How many steps, tools and resources were added, removed, changed and kept.' })
export type DiffSummary = Static<typeof DiffSummarySchema>

const itemChanges = <T extends TSchema>(item: T, order: string) => Type.Object({
  added: Type.Array(refTo(item), { description: `Only in \`to\`, in ${order} of \`to\`.` }),
  removed: Type.Array(refTo(item), { description: `Only in \`from\`, in ${order} of \`from\`.` }),
  changed: Type.Array(refTo(ChangedItemSchema), { description: `In both with different fields, in ${order} of \`to\`.` })
}, { additionalProperties: false })

export const VersionDiffSchema = Type.Object({
  roadmap: Type.String({ description: 'The roadmap slug.', examples: ['mlops'] }),
  from: refTo(VersionSummarySchema, { description: 'The older side of the comparison (or whichever was given as `from`).' }),
  to: refTo(VersionSummarySchema, { description: 'The side the changes lead to.' }),
  summary: refTo(DiffSummarySchema),
  steps: itemChanges(StepSchema, 'reading order'),
  tools: itemChanges(ToolSchema, 'order of first mention'),
  resources: itemChanges(ResourceSchema, 'order of first recommendation')
}, {
  $id: 'VersionDiff',
  additionalProperties: false,
  description: 'A semantic diff of two versions: steps, tools and resources matched by id, each change listing the field with its old and new value.'
})
export type VersionDiff = Static<typeof VersionDiffSchema>

/** Registered with app.addSchema after the shared API schemas they refer to. */
export const diffSchemas = [FieldChangeSchema, ChangedItemSchema, DiffCountsSchema, DiffSummarySchema, VersionDiffSchema]
