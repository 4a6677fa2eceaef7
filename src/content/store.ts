import { createHash } from 'node:crypto'
import { setImmediate as nextTurn } from 'node:timers/promises'
import MiniSearch from 'minisearch'
import type { Resource, RoadmapDetail, RoadmapRef, RoadmapSummary, SearchHit, Snapshot, Step, StepNode, Tool, VersionSummary } from '../domain/api.js'
import type { ResourceKind, ToolCategory } from '../domain/content.js'
import {
  InvalidParameterError,
  ResourceNotFoundError,
  RoadmapNotFoundError,
  StepNotFoundError,
  ToolNotFoundError,
  VersionNotFoundError
} from '../errors.js'
import type { ValidRoadmap, ValidVersion } from './validate.js'

export const LATEST = 'latest'

export interface RoadmapEntry {
  slug: string
  summary: RoadmapSummary
  detail: RoadmapDetail
  /** Oldest first. */
  versions: VersionEntry[]
  latest: VersionEntry
  /** A version id or `latest`; undefined when the roadmap has no such version. */
  findVersion: (version: string) => VersionEntry | undefined
}

export interface StepFilter { parent?: string, depth?: number }
export interface ToolFilter { category?: ToolCategory, step?: string }
export interface ResourceFilter { kind?: ResourceKind, step?: string, tool?: string, hasUrl?: boolean }

export interface VersionEntry {
  roadmapSlug: string
  id: string
  summary: VersionSummary
  contentHash: string
  snapshot: Snapshot
  /** The snapshot serialised once; routes send these bytes as they are. */
  snapshotJson: string
  /** Every step in reading order (depth-first, by order). */
  steps: readonly Step[]
  stepTree: readonly StepNode[]
  tools: readonly Tool[]
  resources: readonly Resource[]
  findStep: (id: string) => Step | undefined
  findTool: (id: string) => Tool | undefined
  findResource: (id: string) => Resource | undefined
  getStep: (id: string) => Step
  getTool: (id: string) => Tool
  getResource: (id: string) => Resource
  childrenOf: (id: string | null) => readonly Step[]
  /** Root first, parent last. */
  ancestorsOf: (id: string) => readonly Step[]
  previousOf: (id: string) => Step | null
  nextOf: (id: string) => Step | null
  listSteps: (filter: StepFilter) => readonly Step[]
  listTools: (filter: ToolFilter) => readonly Tool[]
  listResources: (filter: ResourceFilter) => readonly Resource[]
  search: (query: string) => readonly SearchHit[]
}

export interface ContentStore {
  roadmaps: readonly RoadmapEntry[]
  getRoadmap: (slug: string) => RoadmapEntry
  findRoadmap: (slug: string) => RoadmapEntry | undefined
  /** Resolves `latest`; throws a coded 404 for an unknown roadmap or version. */
  getVersion: (slug: string, version: string) => VersionEntry
  /** Ids of every version across roadmaps, e.g. to tell a concrete version from an alias. */
  isLatestAlias: (version: string) => boolean
  /**
   * Builds every version now, one at a time with the event loop free in between, rather than on first use:
   * for after boot, so that a first request needing all of them (the catalog's ETag reads every content
   * hash) does not wait for the build.
   */
  warm: () => Promise<void>
}

export function createContentStore (roadmaps: ValidRoadmap[]): ContentStore {
  const entries = roadmaps.map(createRoadmapEntry)
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]))
  const findRoadmap = (slug: string) => bySlug.get(slug)
  const getRoadmap = (slug: string) => findRoadmap(slug) ?? throwError(new RoadmapNotFoundError(slug))
  return Object.freeze({
    roadmaps: Object.freeze(entries),
    findRoadmap,
    getRoadmap,
    getVersion: (slug: string, version: string) => getRoadmap(slug).findVersion(version) ?? throwError(new VersionNotFoundError(slug, version)),
    isLatestAlias: (version: string) => version === LATEST,
    warm: async () => {
      for (const entry of entries) {
        for (const version of entry.versions) {
          await nextTurn()
          void version.contentHash
        }
        void entry.detail
      }
    }
  })
}

function createRoadmapEntry (roadmap: ValidRoadmap): RoadmapEntry {
  const href = `/v1/roadmaps/${roadmap.slug}`
  const summary: RoadmapSummary = {
    slug: roadmap.slug,
    title: roadmap.meta.title,
    description: roadmap.meta.description,
    authors: roadmap.meta.authors,
    ...(roadmap.meta.publisher === undefined ? {} : { publisher: roadmap.meta.publisher }),
    links: roadmap.meta.links,
    latestVersion: roadmap.meta.latest,
    versionCount: roadmap.versions.length,
    href
  }
  const versions = roadmap.versions.map((version) => createLazyVersionEntry(summary, version))
  const versionById = new Map(versions.map((version) => [version.id, version]))
  const latest = versions.find((version) => version.id === roadmap.meta.latest)!
  let detail: RoadmapDetail | undefined
  return {
    slug: roadmap.slug,
    summary,
    get detail () { return (detail ??= { ...summary, versions: versions.map((version) => version.summary) }) },
    versions,
    latest,
    findVersion: (version) => version === LATEST ? latest : versionById.get(version)
  }
}

/*
 * A version's indexes, snapshot and content hash are built on its first use, once. Every file is still
 * validated at boot, but a large content tree does not wait for (or keep in memory) the payloads of
 * versions nobody has asked for yet: boot grows with the content, the rest with the answer.
 */
function createLazyVersionEntry (roadmap: RoadmapSummary, version: ValidVersion): VersionEntry {
  let source: ValidVersion | undefined = version
  let built: VersionEntry | undefined
  const entry = (): VersionEntry => {
    if (built === undefined) {
      built = createVersionEntry(roadmap, source!)
      source = undefined
    }
    return built
  }
  return {
    roadmapSlug: roadmap.slug,
    id: version.id,
    get summary () { return entry().summary },
    get contentHash () { return entry().contentHash },
    get snapshot () { return entry().snapshot },
    get snapshotJson () { return entry().snapshotJson },
    get steps () { return entry().steps },
    get stepTree () { return entry().stepTree },
    get tools () { return entry().tools },
    get resources () { return entry().resources },
    findStep: (id) => entry().findStep(id),
    findTool: (id) => entry().findTool(id),
    findResource: (id) => entry().findResource(id),
    getStep: (id) => entry().getStep(id),
    getTool: (id) => entry().getTool(id),
    getResource: (id) => entry().getResource(id),
    childrenOf: (id) => entry().childrenOf(id),
    ancestorsOf: (id) => entry().ancestorsOf(id),
    previousOf: (id) => entry().previousOf(id),
    nextOf: (id) => entry().nextOf(id),
    listSteps: (filter) => entry().listSteps(filter),
    listTools: (filter) => entry().listTools(filter),
    listResources: (filter) => entry().listResources(filter),
    search: (query) => entry().search(query)
  }
}

function createVersionEntry (roadmap: RoadmapSummary, version: ValidVersion): VersionEntry {
  const stepFiles = [...version.steps.entries()]
  const childIds = new Map<string | null, string[]>()
  for (const [id, step] of stepFiles.sort(([, a], [, b]) => a.order - b.order)) {
    const parent = step.parent ?? null
    childIds.set(parent, [...(childIds.get(parent) ?? []), id])
  }

  const steps: Step[] = []
  const visit = (parent: string | null, depth: number) => {
    for (const id of childIds.get(parent) ?? []) {
      const step = version.steps.get(id)!
      steps.push({ id, number: step.number, title: step.title, summary: step.summary, parent, order: step.order, depth, tools: step.tools, resources: step.resources })
      visit(id, depth + 1)
    }
  }
  visit(null, 1)
  const stepById = new Map(steps.map((step) => [step.id, step]))
  const readingIndex = new Map(steps.map((step, index) => [step.id, index]))
  const children = new Map<string | null, Step[]>([...childIds].map(([parent, ids]) => [parent, ids.map((id) => stepById.get(id)!)]))

  const stepsNaming = groupBy(steps.flatMap((step) => step.tools.map((toolId) => [toolId, step.id] as const)))
  const stepsRecommending = groupBy(steps.flatMap((step) => step.resources.map((resourceId) => [resourceId, step.id] as const)))
  const resourceIdsInOrder = unique(steps.flatMap((step) => step.resources))
  const resourcesAbout = groupBy(resourceIdsInOrder.flatMap((resourceId) => version.resources.get(resourceId)!.tools.map((toolId) => [toolId, resourceId] as const)))
  const toolIdsInOrder = unique([...steps.flatMap((step) => step.tools), ...resourceIdsInOrder.flatMap((id) => version.resources.get(id)!.tools)])

  const tools: Tool[] = toolIdsInOrder.map((id) => {
    const tool = version.tools.get(id)!
    return {
      id,
      name: tool.name,
      category: tool.category,
      ...(tool.homepage === undefined ? {} : { homepage: tool.homepage }),
      description: tool.description,
      steps: stepsNaming.get(id) ?? [],
      resources: resourcesAbout.get(id) ?? []
    }
  })
  const resources: Resource[] = resourceIdsInOrder.map((id) => {
    const { tools: resourceTools, ...resource } = version.resources.get(id)!
    return { id, ...resource, tools: resourceTools, steps: stepsRecommending.get(id) ?? [] }
  })
  const toolById = new Map(tools.map((tool) => [tool.id, tool]))
  const resourceById = new Map(resources.map((resource) => [resource.id, resource]))

  const toTree = (parent: string | null): StepNode[] => (children.get(parent) ?? []).map((step) => ({ ...step, children: toTree(step.id) }))
  const stepTree = toTree(null)
  const href = `${roadmap.href}/versions/${version.id}`
  const roadmapRef: RoadmapRef = {
    slug: roadmap.slug,
    title: roadmap.title,
    authors: roadmap.authors,
    ...(roadmap.publisher === undefined ? {} : { publisher: roadmap.publisher }),
    href: roadmap.href
  }
  const versionFields = {
    id: version.id,
    title: version.meta.title,
    published: version.meta.published,
    source: version.meta.source,
    notes: version.meta.notes
  }
  const counts = { stepCount: steps.length, toolCount: tools.length, resourceCount: resources.length, href }
  const body = { steps: stepTree, tools, resources }
  // Everything the snapshot serves goes into the hash, so equal hashes mean equal bytes.
  const contentHash = `sha256-${createHash('sha256').update(canonicalJson({ roadmap: roadmapRef, version: { ...versionFields, ...counts }, ...body })).digest('base64url')}`
  const summary: VersionSummary = { ...versionFields, contentHash, ...counts }
  const snapshot: Snapshot = deepFreeze({ roadmap: roadmapRef, version: summary, ...body })
  const search = createSearch(steps, tools, resources, href)

  const versionLabel = `${roadmap.slug}/${version.id}`
  const getStep = (id: string) => stepById.get(id) ?? throwError(new StepNotFoundError(versionLabel, id))
  const getTool = (id: string) => toolById.get(id) ?? throwError(new ToolNotFoundError(versionLabel, id))
  const getResource = (id: string) => resourceById.get(id) ?? throwError(new ResourceNotFoundError(versionLabel, id))
  const requireFilter = <T>(name: string, kind: string, value: string, lookup: Map<string, T>) => {
    if (!lookup.has(value)) throw new InvalidParameterError(name, `refers to ${kind} "${value}", which ${versionLabel} does not have`)
  }

  return {
    roadmapSlug: roadmap.slug,
    id: version.id,
    summary,
    contentHash,
    snapshot,
    snapshotJson: JSON.stringify(snapshot),
    steps,
    stepTree,
    tools,
    resources,
    findStep: (id) => stepById.get(id),
    findTool: (id) => toolById.get(id),
    findResource: (id) => resourceById.get(id),
    getStep,
    getTool,
    getResource,
    childrenOf: (id) => children.get(id) ?? [],
    ancestorsOf: (id) => {
      const ancestors: Step[] = []
      for (let current = getStep(id).parent; current !== null; current = stepById.get(current)!.parent) ancestors.unshift(stepById.get(current)!)
      return ancestors
    },
    previousOf: (id) => steps[readingIndex.get(getStep(id).id)! - 1] ?? null,
    nextOf: (id) => steps[readingIndex.get(getStep(id).id)! + 1] ?? null,
    listSteps: ({ parent, depth }) => {
      if (parent !== undefined) requireFilter('parent', 'step', parent, stepById)
      return steps.filter((step) => (parent === undefined || step.parent === parent) && (depth === undefined || step.depth === depth))
    },
    listTools: ({ category, step }) => {
      if (step !== undefined) requireFilter('step', 'step', step, stepById)
      return tools.filter((tool) => (category === undefined || tool.category === category) && (step === undefined || tool.steps.includes(step)))
    },
    listResources: ({ kind, step, tool, hasUrl }) => {
      if (step !== undefined) requireFilter('step', 'step', step, stepById)
      if (tool !== undefined) requireFilter('tool', 'tool', tool, toolById)
      return resources.filter((resource) =>
        (kind === undefined || resource.kind === kind) &&
        (step === undefined || resource.steps.includes(step)) &&
        (tool === undefined || resource.tools.includes(tool)) &&
        (hasUrl === undefined || (resource.url !== undefined) === hasUrl))
    },
    search
  }
}

interface SearchDocument { key: string, kind: SearchHit['kind'], id: string, title: string, text: string, href: string }

/*
 * @see https://lucaong.github.io/minisearch/ — ranked BM25+ search with prefix and fuzzy matching.
 * A version's index is built on its first search (a few milliseconds), not at boot: most versions of a
 * large content tree are never searched, and indexing them all was a large share of boot time and memory.
 */
function createSearch (steps: Step[], tools: Tool[], resources: Resource[], versionHref: string): (query: string) => readonly SearchHit[] {
  const documents = (): SearchDocument[] => [
    ...steps.map((step) => ({ key: `step:${step.id}`, kind: 'step' as const, id: step.id, title: step.title, text: step.summary, href: `${versionHref}/steps/${step.id}` })),
    ...tools.map((tool) => ({ key: `tool:${tool.id}`, kind: 'tool' as const, id: tool.id, title: tool.name, text: tool.description, href: `${versionHref}/tools/${tool.id}` })),
    ...resources.map((resource) => ({
      key: `resource:${resource.id}`,
      kind: 'resource' as const,
      id: resource.id,
      title: [resource.title, resource.subtitle].filter(Boolean).join(': '),
      text: resource.authors.join(', '),
      href: `${versionHref}/resources/${resource.id}`
    }))
  ]
  let index: MiniSearch<SearchDocument> | undefined
  const buildIndex = () => {
    const built = new MiniSearch<SearchDocument>({
      idField: 'key',
      fields: ['title', 'text'],
      storeFields: ['kind', 'id', 'title', 'text', 'href'],
      searchOptions: { boost: { title: 3 }, prefix: true, fuzzy: 0.2, combineWith: 'AND' }
    })
    built.addAll(documents())
    return built
  }
  const run = (query: string): readonly SearchHit[] => (index ??= buildIndex()).search(query).map((result) => {
    const terms = Object.keys(result.match)
    const titleMatches = terms.some((term) => result.match[term]!.includes('title'))
    const text = titleMatches || result['text'] === '' ? result['title'] as string : result['text'] as string
    return {
      kind: result['kind'] as SearchHit['kind'],
      id: result['id'] as string,
      title: result['title'] as string,
      score: Math.round(result.score * 1000) / 1000,
      snippet: highlight(text, terms),
      href: result['href'] as string
    }
  })
  // A version never changes, so the hits for a query never do: paging through them, or a popular query,
  // reuses the ranked list. Bounded, oldest entry out first.
  const recent = new Map<string, readonly SearchHit[]>()
  return (query) => {
    let hits = recent.get(query)
    if (hits === undefined) {
      hits = Object.freeze(run(query))
      if (recent.size >= RECENT_SEARCHES) recent.delete(recent.keys().next().value!)
      recent.set(query, hits)
    }
    return hits
  }
}

const RECENT_SEARCHES = 256

const SNIPPET_LENGTH = 160

export function highlight (text: string, terms: string[]): string {
  const words = terms.filter((term) => term.length > 0).map(escapeRegExp)
  const pattern = words.length === 0 ? null : new RegExp(`(${words.join('|')})`, 'gi')
  const first = pattern === null ? -1 : text.search(pattern)
  const start = first > SNIPPET_LENGTH / 2 ? text.lastIndexOf(' ', first - SNIPPET_LENGTH / 4) + 1 : 0
  const excerpt = text.slice(start, start + SNIPPET_LENGTH)
  const parts = pattern === null ? [excerpt] : excerpt.split(pattern)
  const body = parts.map((part, index) => index % 2 === 1 ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)).join('')
  return `${start > 0 ? '…' : ''}${body}${start + SNIPPET_LENGTH < text.length ? '…' : ''}`
}

export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!)
}

function escapeRegExp (text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson (value: unknown): string {
  try {
    return writeCanonical(value)
  } catch (error) {
    if (error !== NOT_PLAIN) throw error
    return JSON.stringify(value, sortKeys)
  }
}

function sortKeys (_key: string, item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
  return Object.fromEntries(Object.entries(item).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
}

const NOT_PLAIN = Symbol('not plain data')
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/
/* Deeper than content ever is: likely a cycle, which JSON.stringify reports in its own words. */
const MAX_DEPTH = 256

/*
 * The same text as JSON.stringify with sortKeys, written directly for plain data (several times
 * faster: no sorted copy of every object). Anything else — toJSON, class instances, bigint, keys that
 * JavaScript enumerates as array indexes, cycles — is left to JSON.stringify.
 */
function writeCanonical (value: unknown, depth = 0): string {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value)
    case 'object': {
      if (value === null) return 'null'
      if ('toJSON' in value || depth > MAX_DEPTH) throw NOT_PLAIN
      if (Array.isArray(value)) {
        let text = '['
        for (let index = 0; index < value.length; index++) {
          const item: unknown = value[index]
          if (index > 0) text += ','
          text += item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : writeCanonical(item, depth + 1)
        }
        return `${text}]`
      }
      const prototype: unknown = Object.getPrototypeOf(value)
      if (prototype !== Object.prototype && prototype !== null) throw NOT_PLAIN
      const keys = Object.keys(value).sort()
      let text = '{'
      for (const key of keys) {
        if (ARRAY_INDEX.test(key)) throw NOT_PLAIN
        const item: unknown = (value as Record<string, unknown>)[key]
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
        text += `${text === '{' ? '' : ','}${JSON.stringify(key)}:${writeCanonical(item, depth + 1)}`
      }
      return `${text}}`
    }
    default:
      throw NOT_PLAIN
  }
}

function groupBy (pairs: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const [key, value] of pairs) {
    const group = groups.get(key) ?? []
    if (!group.includes(value)) group.push(value)
    groups.set(key, group)
  }
  return groups
}

function unique (values: string[]): string[] {
  return [...new Set(values)]
}

function throwError (error: Error): never {
  throw error
}

function deepFreeze<T> (value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const item of Object.values(value)) deepFreeze(item)
  }
  return value
}
