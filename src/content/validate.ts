import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox'
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler'
import { ValueErrorType } from '@sinclair/typebox/errors'
import { Value } from '@sinclair/typebox/value'
import {
  SLUG_REGEX,
  Slug,
  VERSION_ID_REGEX,
  contentFileSchemas,
  type ContentFileKind,
  type ResourceFile,
  type RoadmapFile,
  type StepFile,
  type ToolFile,
  type VersionFile
} from '../domain/content.js'
import type { ContentSources, EntitySource, RoadmapSources, VersionSources } from './load.js'
import type { SourceFile, SourcePosition } from './source-file.js'

export interface ContentIssue {
  file: string
  line: number
  column: number
  /** Field path inside the file, e.g. `tools[1]`; empty for the whole file. */
  field: string
  message: string
}

export interface ValidVersion {
  id: string
  meta: VersionFile
  /** Entities keyed by id; Map order is file-name order, the data carries the reading order. */
  steps: Map<string, StepFile>
  tools: Map<string, ToolFile>
  resources: Map<string, ResourceFile>
}

export interface ValidRoadmap {
  slug: string
  meta: RoadmapFile
  versions: ValidVersion[]
}

export type ValidationResult =
  | { ok: true, roadmaps: ValidRoadmap[] }
  | { ok: false, issues: ContentIssue[] }

export const TRACKING_PARAMETERS = [/^utm_/i, /^gclid$/i, /^gad_source$/i, /^fbclid$/i, /^msclkid$/i, /^mc_[ce]id$/i, /^ref$/i, /^ref_$/i, /^store_ref$/i, /^_hs(enc|mi)$/i, /^igshid$/i]

FormatRegistry.Set('uri', (value) => URL.canParse(value))
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value))

const checkers = Object.fromEntries(
  Object.entries(contentFileSchemas).map(([kind, schema]) => [kind, TypeCompiler.Compile(schema as TSchema)])
) as Record<ContentFileKind, TypeCheck<TSchema>>

/*
 * Every content schema puts its defaults (`tools: []`...) on top-level fields, and setting those on a
 * copy of the object gives what Value.Default gives, at a fraction of its cost. A schema with a default
 * anywhere else, or a kind of type whose defaulting this does not mirror, keeps Value.Default.
 */
const SIMPLY_DEFAULTED_KINDS = new Set(['Object', 'Array', 'Union', 'Literal', 'String', 'Integer', 'Number', 'Boolean', 'Null'])

const topLevelDefaults = Object.fromEntries(
  Object.entries(contentFileSchemas).map(([kind, schema]) => [kind, topLevelDefaultsOf(schema as TSchema)])
) as Record<ContentFileKind, Array<[string, unknown]> | undefined>

function topLevelDefaultsOf (schema: TSchema): Array<[string, unknown]> | undefined {
  if (schema[Kind] !== 'Object' || 'default' in schema) return undefined
  const defaults: Array<[string, unknown]> = []
  for (const [key, property] of Object.entries(schema.properties as Record<string, TSchema>)) {
    if ('default' in property) {
      if (typeof property.default === 'function') return undefined
      defaults.push([key, property.default])
    }
    if (!isSimplyDefaulted(property, true)) return undefined
  }
  return isSimplyDefaulted({ ...schema, properties: {} }, true) ? defaults : undefined
}

/** Whether Value.Default would leave a value of this schema as it is: no defaults inside, only kinds it walks without copying. */
function isSimplyDefaulted (schema: unknown, top = false): boolean {
  if (Array.isArray(schema)) return schema.every((item) => isSimplyDefaulted(item))
  if (schema === null || typeof schema !== 'object') return true
  if (Kind in schema && !SIMPLY_DEFAULTED_KINDS.has(String((schema as TSchema)[Kind]))) return false
  if (!top && 'default' in schema) return false
  return Object.entries(schema).every(([key, value]) => key === 'default' || isSimplyDefaulted(value))
}

function withDefaults (kind: ContentFileKind, data: unknown): unknown {
  const defaults = topLevelDefaults[kind]
  if (defaults === undefined || data === null || typeof data !== 'object' || Array.isArray(data) || Object.getPrototypeOf(data) !== Object.prototype) {
    return Value.Default(checkers[kind].Schema(), structuredClone(data ?? {}))
  }
  const copy: Record<string, unknown> = { ...data }
  for (const [key, value] of defaults) if (copy[key] === undefined) copy[key] = structuredClone(value)
  return copy
}

/** Runs the schema pass on every file, then the cross-file rules; returns every problem found. */
export function validateContent (sources: ContentSources): ValidationResult {
  const validation = createContentValidation()
  for (const roadmap of sources.roadmaps) validation.addRoadmap(roadmap)
  return validation.finish(sources)
}

export interface ContentValidation {
  /** Validates one roadmap (the rules never look across roadmaps), so its files can go before the next is read. */
  addRoadmap: (roadmap: RoadmapSources) => void
  /** Adds what is found outside the roadmaps and returns the result. */
  finish: (tree: Pick<ContentSources, 'contentDir' | 'strayPaths'>) => ValidationResult
}

/** validateContent a roadmap at a time; the issues come out sorted, so the same whatever the order. */
export function createContentValidation (): ContentValidation {
  const issues: ContentIssue[] = []
  const report: Report = (file, fieldPath, message, at) => {
    const position = at ?? (typeof file === 'string' ? { line: 1, column: 1 } : file.locate(fieldPath))
    issues.push({ file: typeof file === 'string' ? file : file.path, ...position, field: formatFieldPath(fieldPath), message })
  }
  const roadmaps: ValidRoadmap[] = []
  let seen = 0
  return {
    addRoadmap: (roadmapSources) => { seen++; validateRoadmap(roadmapSources, roadmaps, report) },
    finish: (tree) => {
      for (const path of tree.strayPaths) report(path, [], 'is not a roadmap folder: content/<slug>/ holds roadmap.yaml and versions/')
      if (seen === 0) report(tree.contentDir, [], 'holds no roadmap: expected content/<slug>/roadmap.yaml')
      if (issues.length > 0) return { ok: false, issues: sortIssues(issues) }
      return { ok: true, roadmaps }
    }
  }
}

function validateRoadmap (roadmapSources: RoadmapSources, roadmaps: ValidRoadmap[], report: Report): void {
  if (!isSlug(roadmapSources.slug)) report(roadmapSources.directory, [], `folder name "${roadmapSources.slug}" is not a valid slug (lower-case letters, digits and dashes, at most ${Slug.maxLength} characters)`)
  const meta = roadmapSources.roadmap === undefined
    ? (report(`${roadmapSources.directory}/roadmap.yaml`, [], 'is missing: every roadmap needs its metadata'), undefined)
    : checkFile<RoadmapFile>('roadmap', roadmapSources.roadmap, report)

  const versions: ValidVersion[] = []
  if (roadmapSources.versions.length === 0) report(roadmapSources.directory, [], 'has no versions: add versions/<YYYY-MM-DD>/version.yaml')
  for (const versionSources of roadmapSources.versions) {
    const version = validateVersion(versionSources, report)
    if (version !== undefined) versions.push(version)
  }

  if (meta !== undefined && roadmapSources.roadmap !== undefined) {
    const known = roadmapSources.versions.map((version) => version.id)
    if (!known.includes(meta.latest)) {
      report(roadmapSources.roadmap, ['latest'], `points to version "${meta.latest}", which does not exist (versions: ${known.join(', ') || 'none'})`)
    } else {
      const newest = [...versions].sort((a, b) => b.meta.published.localeCompare(a.meta.published))[0]
      if (newest !== undefined && newest.id !== meta.latest && versions.length === roadmapSources.versions.length) {
        report(roadmapSources.roadmap, ['latest'], `points to "${meta.latest}" but the newest published version is "${newest.id}"`)
      }
    }
    for (const [index, link] of meta.links.entries()) checkUrl(link.url, roadmapSources.roadmap, ['links', index, 'url'], report)
    for (const [index, author] of meta.authors.entries()) if (author.url !== undefined) checkUrl(author.url, roadmapSources.roadmap, ['authors', index, 'url'], report)
    if (versions.length === roadmapSources.versions.length) {
      versions.sort((a, b) => a.meta.published.localeCompare(b.meta.published))
      roadmaps.push({ slug: roadmapSources.slug, meta, versions })
    }
  }
}

type Report = (file: SourceFile | string, fieldPath: ReadonlyArray<string | number>, message: string, at?: SourcePosition) => void

function validateVersion (sources: VersionSources, reportAny: Report): ValidVersion | undefined {
  let found = 0
  const report: Report = (...args) => { found++; reportAny(...args) }
  if (!VERSION_ID_REGEX.test(sources.id)) report(sources.directory, [], `folder name "${sources.id}" is not a version id (YYYY-MM-DD)`)
  let meta: VersionFile | undefined
  if (sources.version === undefined) {
    report(`${sources.directory}/version.yaml`, [], 'is missing: every version needs metadata (title, published, source, notes)')
  } else {
    meta = checkFile<VersionFile>('version', sources.version, report)
    if (meta !== undefined && meta.published !== sources.id) {
      report(sources.version, ['published'], `is ${meta.published} but the version id (its folder name) is ${sources.id}`)
    }
    if (meta?.source.url !== undefined) checkUrl(meta.source.url, sources.version, ['source', 'url'], report)
  }

  const steps = checkEntities<StepFile>('step', sources.steps, report)
  const tools = checkEntities<ToolFile>('tool', sources.tools, report)
  const resources = checkEntities<ResourceFile>('resource', sources.resources, report)
  const filesById = new Map([sources.steps, sources.tools, sources.resources].map((list) => [list, indexFiles(list)]))
  const fileOf = (list: EntitySource[], id: string) => filesById.get(list)!.get(id)!
  const hasFile = (list: EntitySource[], id: string) => filesById.get(list)!.has(id)

  if (sources.steps.length === 0) report(sources.directory, [], 'has no steps: add steps/<step-id>.yaml')

  const referencedTools = new Set<string>()
  const referencedResources = new Set<string>()
  const siblings = new Map<string | undefined, Array<[string, StepFile]>>()
  for (const [id, step] of steps) {
    const file = fileOf(sources.steps, id)
    if (step.parent !== undefined && !steps.has(step.parent) && !hasFile(sources.steps, step.parent)) {
      report(file, ['parent'], `refers to step "${step.parent}", which does not exist in version ${sources.id}`)
    }
    if (step.parent === id) report(file, ['parent'], 'is the step itself')
    checkReferences(step.tools, 'tool', tools, filesById.get(sources.tools)!, file, ['tools'], sources.id, report)
    checkReferences(step.resources, 'resource', resources, filesById.get(sources.resources)!, file, ['resources'], sources.id, report)
    for (const toolId of step.tools) referencedTools.add(toolId)
    for (const resourceId of step.resources) referencedResources.add(resourceId)
    const group = siblings.get(step.parent) ?? []
    group.push([id, step])
    siblings.set(step.parent, group)
  }

  for (const [parent, group] of siblings) {
    const byOrder = new Map<number, string[]>()
    for (const [id, step] of group) byOrder.set(step.order, [...(byOrder.get(step.order) ?? []), id])
    for (const [order, ids] of byOrder) {
      if (ids.length > 1) {
        for (const id of ids) report(fileOf(sources.steps, id), ['order'], `${order} is also the order of ${ids.filter((other) => other !== id).map((other) => `"${other}"`).join(', ')} under ${parent === undefined ? 'the top level' : `"${parent}"`}`)
      }
    }
    const orders = [...byOrder.keys()].sort((a, b) => a - b)
    for (let expected = 1; expected <= orders.at(-1)!; expected++) {
      if (!byOrder.has(expected)) {
        const [firstId] = group.find(([, step]) => step.order > expected)!
        report(fileOf(sources.steps, firstId), ['order'], `leaves a gap: no step has order ${expected} under ${parent === undefined ? 'the top level' : `"${parent}"`}`)
      }
    }
  }

  for (const [id, step] of steps) {
    const file = fileOf(sources.steps, id)
    const cycle = findParentCycle(id, steps)
    if (cycle !== undefined) { report(file, ['parent'], `makes a cycle: ${cycle.join(' -> ')}`); continue }
    const parent = step.parent === undefined ? undefined : steps.get(step.parent)
    if (step.parent !== undefined && parent === undefined) continue
    const expectedNumber = parent === undefined ? String(step.order) : `${parent.number}.${step.order}`
    if (step.number !== expectedNumber) report(file, ['number'], `is "${step.number}" but its parent and order make it "${expectedNumber}"`)
  }

  for (const [id, resource] of resources) {
    const file = fileOf(sources.resources, id)
    checkReferences(resource.tools, 'tool', tools, filesById.get(sources.tools)!, file, ['tools'], sources.id, report)
    if (resource.url !== undefined) checkUrl(resource.url, file, ['url'], report)
    if (!referencedResources.has(id)) report(file, [], `resource "${id}" is not recommended by any step of version ${sources.id}`)
  }
  for (const [id, tool] of tools) {
    const file = fileOf(sources.tools, id)
    if (tool.homepage !== undefined) checkUrl(tool.homepage, file, ['homepage'], report)
    if (!referencedTools.has(id)) report(file, [], `tool "${id}" is not named by any step of version ${sources.id}`)
  }

  if (meta === undefined || found > 0) return undefined
  return { id: sources.id, meta, steps, tools, resources }
}

function checkEntities<T> (kind: ContentFileKind, entities: EntitySource[], report: Report): Map<string, T> {
  const valid = new Map<string, T>()
  const seen = new Map<string, string>()
  for (const { id, file } of entities) {
    if (!isSlug(id)) report(file, [], `file name "${id}" is not a valid id (lower-case letters, digits and dashes, at most ${Slug.maxLength} characters)`)
    const previous = seen.get(id)
    if (previous !== undefined) { report(file, [], `duplicate ${kind} id "${id}": ${previous} has the same id`); continue }
    seen.set(id, file.path)
    const data = checkFile<T>(kind, file, report)
    if (data !== undefined) valid.set(id, data)
  }
  return valid
}

function checkFile<T> (kind: ContentFileKind, file: SourceFile, report: Report): T | undefined {
  for (const error of file.syntaxErrors) report(file, [], `YAML syntax error: ${error.message}`, error)
  if (file.syntaxErrors.length > 0) return undefined
  const checker = checkers[kind]
  const data = withDefaults(kind, file.data)
  if (checker.Check(data)) return data as T
  const reported = new Set<string>()
  const errors = [...checker.Errors(data)]
  const missing = new Set(errors.filter((error) => error.type === ValueErrorType.ObjectRequiredProperty).map((error) => error.path))
  for (const error of errors) {
    // A missing field also fails its type check; the "is required" message says it better.
    if (missing.has(error.path) && error.type !== ValueErrorType.ObjectRequiredProperty) continue
    const fieldPath = error.path.split('/').slice(1).map((segment) => /^\d+$/.test(segment) ? Number(segment) : segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    const message = describeSchemaError(error.type, error.message, error.schema, error.value, fieldPath)
    const key = `${error.path}|${message}`
    if (reported.has(key) || (error.type === ValueErrorType.Union && reported.size > 0)) continue
    reported.add(key)
    report(file, fieldPath, message, error.type === ValueErrorType.ObjectAdditionalProperties ? file.locate(fieldPath, { key: true }) : undefined)
  }
  return undefined
}

function describeSchemaError (type: ValueErrorType, message: string, schema: TSchema, value: unknown, fieldPath: Array<string | number>): string {
  const name = String(fieldPath.at(-1) ?? 'file')
  switch (type) {
    case ValueErrorType.ObjectAdditionalProperties:
      return `unknown field "${name}": allowed fields are ${Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}).join(', ') || 'none'}`
    case ValueErrorType.ObjectRequiredProperty:
      return `is required${schema.description !== undefined ? ` (${lowerFirst(schema.description).replace(/\.$/, '')})` : ''}`
    case ValueErrorType.Union:
      return `must be one of ${(schema.anyOf as TSchema[] | undefined)?.map((option) => JSON.stringify(option.const)).join(', ') ?? 'the allowed values'}, not ${JSON.stringify(value)}`
    case ValueErrorType.StringPattern:
      if (schema.pattern === '^https?://') return `must be an http(s) URL, not ${JSON.stringify(value)}`
      return `${JSON.stringify(value)} does not have the expected form${schema.description !== undefined ? `: ${lowerFirst(schema.description)}` : ''}`
    case ValueErrorType.StringFormat:
      return schema.format === 'date' ? `${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)` : `${JSON.stringify(value)} is not a valid URL`
    default:
      return lowerFirst(message)
  }
}

function checkReferences<T> (ids: string[], kind: string, known: Map<string, T>, files: ReadonlyMap<string, SourceFile>, file: SourceFile, field: string[], versionId: string, report: Report) {
  const seen = new Set<string>()
  for (const [index, id] of ids.entries()) {
    if (seen.has(id)) report(file, [...field, index], `lists ${kind} "${id}" twice`)
    seen.add(id)
    if (!known.has(id) && !files.has(id)) report(file, [...field, index], `refers to ${kind} "${id}", which does not exist in version ${versionId}`)
  }
}

function checkUrl (url: string, file: SourceFile, fieldPath: Array<string | number>, report: Report) {
  // No "?", no query string: most URLs need no parsing here.
  if (!url.includes('?') || !URL.canParse(url)) return
  const parsed = new URL(url)
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return
  for (const key of new Set(parsed.searchParams.keys())) {
    if (TRACKING_PARAMETERS.some((pattern) => pattern.test(key))) {
      report(file, fieldPath, `has the tracking parameter "${key}": store the canonical URL without it`)
    }
  }
}

function findParentCycle (start: string, steps: Map<string, StepFile>): string[] | undefined {
  const path = [start]
  let current = steps.get(start)?.parent
  while (current !== undefined) {
    path.push(current)
    if (current === start) return path
    if (path.length > steps.size + 1) return undefined
    current = steps.get(current)?.parent
  }
  return undefined
}

/** Each id's file; the first one where a duplicate id has several. */
function indexFiles (files: EntitySource[]): Map<string, SourceFile> {
  const index = new Map<string, SourceFile>()
  for (const { id, file } of files) if (!index.has(id)) index.set(id, file)
  return index
}

/* The API takes ids up to Slug.maxLength in paths and arguments; a longer one could never be asked for. */
function isSlug (text: string): boolean {
  return text.length <= Slug.maxLength! && SLUG_REGEX.test(text)
}

function formatFieldPath (fieldPath: ReadonlyArray<string | number>): string {
  return fieldPath.reduce<string>((text, segment) => typeof segment === 'number' ? `${text}[${segment}]` : text === '' ? segment : `${text}.${segment}`, '')
}

function lowerFirst (text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}

function sortIssues (issues: ContentIssue[]): ContentIssue[] {
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message))
}

export function formatIssue (issue: ContentIssue): string {
  return `${issue.file}:${issue.line}:${issue.column} ${issue.field === '' ? '' : `${issue.field}: `}${issue.message}`
}

export function formatIssues (issues: ContentIssue[]): string {
  return `Content has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`
}
