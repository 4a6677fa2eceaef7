import { ResourceSchema, StepSchema, ToolSchema } from '../domain/api.js'
import type { ChangedItem, DiffCounts, DiffFieldValue, DiffSummary, FieldChange, VersionDiff } from '../domain/diff.js'
import type { RoadmapEntry, VersionEntry } from './store.js'

interface Item { id: string }

/*
 * Fields compared, in schema order. Tool.steps, Tool.resources and Resource.steps
 * are left out: they are the inverse of Step.tools, Step.resources and Resource.tools,
 * so a change there is already reported once on the side that states it.
 */
const comparedFields = (schema: { properties: object }, inverse: string[]) =>
  Object.keys(schema.properties).filter((field) => field !== 'id' && !inverse.includes(field))

const STEP_FIELDS = comparedFields(StepSchema, [])
const TOOL_FIELDS = comparedFields(ToolSchema, ['steps', 'resources'])
const RESOURCE_FIELDS = comparedFields(ResourceSchema, ['steps'])

const memo = new WeakMap<VersionEntry, WeakMap<VersionEntry, VersionDiff>>()

/**
 * Compares two versions of one roadmap item by item. Pure and memoised per pair:
 * store entries never change, and a content reload makes new ones.
 */
export function diffVersions (from: VersionEntry, to: VersionEntry): VersionDiff {
  let byTarget = memo.get(from)
  if (byTarget === undefined) {
    byTarget = new WeakMap()
    memo.set(from, byTarget)
  }
  let diff = byTarget.get(to)
  if (diff === undefined) {
    diff = computeDiff(from, to)
    byTarget.set(to, diff)
  }
  return diff
}

function computeDiff (from: VersionEntry, to: VersionEntry): VersionDiff {
  const steps = diffItems(from.steps, to.steps, STEP_FIELDS, (step) => step.title)
  const tools = diffItems(from.tools, to.tools, TOOL_FIELDS, (tool) => tool.name)
  const resources = diffItems(from.resources, to.resources, RESOURCE_FIELDS, (resource) => resource.title)
  return {
    roadmap: to.roadmapSlug,
    from: from.summary,
    to: to.summary,
    summary: { steps: steps.counts, tools: tools.counts, resources: resources.counts },
    steps: steps.changes,
    tools: tools.changes,
    resources: resources.changes
  }
}

function diffItems<T extends Item> (before: readonly T[], after: readonly T[], fields: string[], titleOf: (item: T) => string) {
  const beforeById = new Map(before.map((item) => [item.id, item]))
  const afterIds = new Set(after.map((item) => item.id))
  const added: T[] = []
  const changed: ChangedItem[] = []
  let unchanged = 0
  for (const item of after) {
    const previous = beforeById.get(item.id)
    if (previous === undefined) { added.push(item); continue }
    const changes = diffFields(previous, item, fields)
    if (changes.length === 0) unchanged++
    else changed.push({ id: item.id, title: titleOf(item), changes })
  }
  const removed = before.filter((item) => !afterIds.has(item.id))
  const counts: DiffCounts = { added: added.length, removed: removed.length, changed: changed.length, unchanged }
  return { counts, changes: { added, removed, changed } }
}

function diffFields (before: object, after: object, fields: string[]): FieldChange[] {
  const changes: FieldChange[] = []
  for (const field of fields) {
    const from = fieldValue(before, field)
    const to = fieldValue(after, field)
    if (sameValue(from, to)) continue
    if (Array.isArray(from) || Array.isArray(to)) {
      const fromList = from === null ? [] : from as string[]
      const toList = to === null ? [] : to as string[]
      changes.push({ field, from, to, added: toList.filter((entry) => !fromList.includes(entry)), removed: fromList.filter((entry) => !toList.includes(entry)) })
    } else {
      changes.push({ field, from, to })
    }
  }
  return changes
}

function fieldValue (item: object, field: string): DiffFieldValue {
  return (item as Record<string, DiffFieldValue | undefined>)[field] ?? null
}

function sameValue (a: DiffFieldValue, b: DiffFieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((entry, index) => entry === b[index])
  return a === b
}

export interface ChangelogEntry {
  version: VersionEntry
  previous: VersionEntry | null
  /** Null for the first version, which has nothing to compare with. */
  summary: DiffSummary | null
}

const changelogs = new WeakMap<RoadmapEntry, readonly ChangelogEntry[]>()

/** One entry per version, newest first, each summarised against the version before it. */
export function changelogOf (roadmap: RoadmapEntry): readonly ChangelogEntry[] {
  let entries = changelogs.get(roadmap)
  if (entries === undefined) {
    entries = roadmap.versions.map((version, index) => {
      const previous = roadmap.versions[index - 1] ?? null
      return { version, previous, summary: previous === null ? null : diffVersions(previous, version).summary }
    }).reverse()
    changelogs.set(roadmap, entries)
  }
  return entries
}

const KINDS = ['steps', 'tools', 'resources'] as const

/** "resources: 14 added, 33 changed; tools: no change; …", the line feeds and the CLI print. */
export function describeSummary (summary: DiffSummary): string {
  return KINDS.map((kind) => {
    const counts = summary[kind]
    const parts = (['added', 'removed', 'changed'] as const).filter((change) => counts[change] > 0).map((change) => `${counts[change]} ${change}`)
    return `${kind}: ${parts.length === 0 ? 'no change' : parts.join(', ')}`
  }).join('; ')
}
