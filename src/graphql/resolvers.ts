import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, paginate } from '../content/pagination.js'
import { LATEST, type RoadmapEntry, type VersionEntry } from '../content/store.js'
import type { ResourceKind as ContentResourceKind, ToolCategory as ContentToolCategory } from '../domain/content.js'
import { SLUG_REGEX, Slug, VERSION_REF_REGEX } from '../domain/content.js'
import { InvalidParameterError, VersionNotFoundError } from '../errors.js'
import type { GraphQLContext } from './context.js'
import { diffVersions } from '../content/diff.js'
import type {
  ChangedItemResolvers,
  NodeResolvers,
  PageInfo,
  QueryResolvers,
  ResolversTypes,
  Resolvers,
  ResourceKind,
  ResourceResolvers,
  RoadmapResolvers,
  RoadmapVersionResolvers,
  SearchResultResolvers,
  StepResolvers,
  ToolCategory,
  ToolResolvers,
  VersionDiffResolvers
} from './generated/resolvers.js'
import { fromGlobalId, toGlobalId } from './global-id.js'
import { resourceModel, stepModel, toolModel } from './models.js'

/*
 * Every field of a type backed by a store value is listed (Required<…>), so a field
 * added to the SDL without a resolver fails typecheck. Resolvers only look things up
 * in the store; filtering, ordering, pagination and search are the store's, as on REST.
 */

type Complete<T> = Required<Omit<T, '__isTypeOf'>>

const MAX_SEARCH_LENGTH = 200

function requireSlug (parameter: string, value: string): string {
  if (value.length > Slug.maxLength! || !SLUG_REGEX.test(value)) throw new InvalidParameterError(parameter, 'must be a lower-case kebab-case id')
  return value
}

/* GraphQL enum values are SCREAMING_SNAKE_CASE; the content uses kebab-case. */
const toEnumValue = <T extends string>(value: string) => value.toUpperCase().replaceAll('-', '_') as T
const fromEnumValue = <T extends string>(value: string) => value.toLowerCase().replaceAll('_', '-') as T

interface PageArguments { first?: number | null, after?: string | null }

function connection<T, Node> (list: readonly T[], keyOf: (item: T) => string, { first, after }: PageArguments, toEdge: (item: T) => Node) {
  const limit = first ?? DEFAULT_PAGE_SIZE
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw new InvalidParameterError('first', `must be between 1 and ${MAX_PAGE_SIZE}`)
  const page = paginate(list.map((item) => ({ id: keyOf(item), item })), { limit, cursor: after ?? undefined, cursorParameter: 'after', forceDirection: 'after' })
  const pageInfo: PageInfo = {
    hasNextPage: page.nextCursor !== null,
    hasPreviousPage: page.prevCursor !== null,
    startCursor: page.cursors[0] ?? null,
    endCursor: page.cursors.at(-1) ?? null
  }
  return {
    edges: page.items.map(({ item }, index) => ({ cursor: page.cursors[index]!, ...toEdge(item) })),
    pageInfo,
    totalCount: page.totalCount
  }
}

const byId = (item: { id: string }) => item.id

/** Roadmap metadata changes when a version is added, so reading it makes the response short-lived. */
function roadmapField<T> (read: (roadmap: RoadmapEntry) => T) {
  return (roadmap: RoadmapEntry, _args: unknown, { reads }: GraphQLContext) => {
    reads.roadmap(roadmap)
    return read(roadmap)
  }
}

const Query: Complete<QueryResolvers> = {
  roadmaps: (_root, _args, { store, reads }) => {
    reads.catalog(store)
    return [...store.roadmaps]
  },
  roadmap: (_root, { slug }, { store, reads }) => {
    const roadmap = store.findRoadmap(requireSlug('slug', slug))
    if (roadmap === undefined) reads.catalog(store)
    return roadmap ?? null
  },
  node: (_root, { id }, { store, reads }) => {
    const { type, path: [slug, versionId, itemId] } = fromGlobalId(id)
    const roadmap = store.findRoadmap(slug)
    if (type === 'Roadmap' || roadmap === undefined) {
      if (roadmap === undefined) reads.catalog(store)
      return roadmap ?? null
    }
    // Global ids always name a concrete version; `latest` in one is not an id we issued.
    const version = versionId === LATEST ? undefined : roadmap.findVersion(versionId!)
    if (version === undefined) {
      reads.catalog(store)
      return null
    }
    reads.version(version, false)
    const item = itemId!
    switch (type) {
      case 'RoadmapVersion': return version
      case 'Step': { const step = version.findStep(item); return step === undefined ? null : stepModel(version, step) }
      case 'Tool': { const tool = version.findTool(item); return tool === undefined ? null : toolModel(version, tool) }
      case 'Resource': { const resource = version.findResource(item); return resource === undefined ? null : resourceModel(version, resource) }
    }
  }
}

const Roadmap: Complete<RoadmapResolvers> = {
  id: (roadmap) => toGlobalId('Roadmap', roadmap.slug),
  slug: (roadmap) => roadmap.slug,
  title: roadmapField((roadmap) => roadmap.summary.title),
  description: roadmapField((roadmap) => roadmap.summary.description),
  authors: roadmapField((roadmap) => roadmap.summary.authors),
  publisher: roadmapField((roadmap) => roadmap.summary.publisher ?? null),
  links: roadmapField((roadmap) => roadmap.summary.links),
  latestVersion: roadmapField((roadmap) => roadmap.summary.latestVersion),
  versionCount: roadmapField((roadmap) => roadmap.summary.versionCount),
  versions: roadmapField((roadmap) => roadmap.versions),
  version: (roadmap, { id }, context) => lookUpVersion(roadmap, id, 'id', context)
}

/** Resolves a version id or `latest`, recording the read for HTTP caching; null when there is no such version. */
function lookUpVersion (roadmap: RoadmapEntry, id: string, parameter: string, { store, reads }: GraphQLContext): VersionEntry | null {
  if (!VERSION_REF_REGEX.test(id)) throw new InvalidParameterError(parameter, 'must be a version id (YYYY-MM-DD) or "latest"')
  const version = roadmap.findVersion(id)
  if (version === undefined) {
    reads.catalog(store)
    return null
  }
  reads.version(version, id === LATEST)
  return version
}

const RoadmapVersion: Complete<RoadmapVersionResolvers> = {
  id: (version) => toGlobalId('RoadmapVersion', version.roadmapSlug, version.id),
  versionId: (version) => version.id,
  roadmap: (version, _args, { store }) => store.getRoadmap(version.roadmapSlug),
  title: (version) => version.summary.title,
  published: (version) => version.summary.published,
  source: (version) => version.summary.source,
  notes: (version) => version.summary.notes,
  contentHash: (version) => version.contentHash,
  stepCount: (version) => version.summary.stepCount,
  toolCount: (version) => version.summary.toolCount,
  resourceCount: (version) => version.summary.resourceCount,
  steps: (version, { parent, depth }) => {
    if (depth != null && depth < 1) throw new InvalidParameterError('depth', 'must be 1 or more')
    const steps = parent == null && depth == null
      ? version.childrenOf(null)
      : version.listSteps({ ...(parent == null ? {} : { parent: requireSlug('parent', parent) }), ...(depth == null ? {} : { depth }) })
    return steps.map((step) => stepModel(version, step))
  },
  step: (version, { id }) => {
    const step = version.findStep(requireSlug('id', id))
    return step === undefined ? null : stepModel(version, step)
  },
  tools: (version, { category, step, ...page }) => {
    const tools = version.listTools({
      ...(category == null ? {} : { category: fromEnumValue<ContentToolCategory>(category) }),
      ...(step == null ? {} : { step: requireSlug('step', step) })
    })
    return connection(tools, byId, page, (tool) => ({ node: toolModel(version, tool) }))
  },
  tool: (version, { id }) => {
    const tool = version.findTool(requireSlug('id', id))
    return tool === undefined ? null : toolModel(version, tool)
  },
  resources: (version, { kind, step, tool, ...page }) => {
    const resources = version.listResources({
      ...(kind == null ? {} : { kind: fromEnumValue<ContentResourceKind>(kind) }),
      ...(step == null ? {} : { step: requireSlug('step', step) }),
      ...(tool == null ? {} : { tool: requireSlug('tool', tool) })
    })
    return connection(resources, byId, page, (resource) => ({ node: resourceModel(version, resource) }))
  },
  resource: (version, { id }) => {
    const resource = version.findResource(requireSlug('id', id))
    return resource === undefined ? null : resourceModel(version, resource)
  },
  diff: (version, { from }, context) => {
    const roadmap = context.store.getRoadmap(version.roadmapSlug)
    const fromVersion = lookUpVersion(roadmap, from, 'from', context)
    if (fromVersion === null) throw new VersionNotFoundError(roadmap.slug, from)
    return { diff: diffVersions(fromVersion, version), from: fromVersion, to: version }
  },
  search: (version, { query, ...page }) => {
    if (query.length > MAX_SEARCH_LENGTH || query.trim() === '') throw new InvalidParameterError('query', `must have 1 to ${MAX_SEARCH_LENGTH} characters, not all blank`)
    // A step and a tool may share an id, so hits are keyed by kind and id.
    return connection(version.search(query), (hit) => `${hit.kind}:${hit.id}`, page, (hit) => ({
      node: searchResult(version, hit.kind, hit.id),
      score: hit.score,
      snippet: hit.snippet
    }))
  }
}

function searchResult (version: VersionEntry, kind: 'step' | 'tool' | 'resource', id: string): ResolversTypes['SearchResult'] {
  switch (kind) {
    case 'step': return stepModel(version, version.getStep(id))
    case 'tool': return toolModel(version, version.getTool(id))
    case 'resource': return resourceModel(version, version.getResource(id))
  }
}

const VersionDiff: Complete<VersionDiffResolvers> = {
  from: ({ from }) => from,
  to: ({ to }) => to,
  summary: ({ diff }) => diff.summary,
  steps: ({ diff, from, to }) => ({
    added: diff.steps.added.map((step) => stepModel(to, step)),
    removed: diff.steps.removed.map((step) => stepModel(from, step)),
    changed: diff.steps.changed
  }),
  tools: ({ diff, from, to }) => ({
    added: diff.tools.added.map((tool) => toolModel(to, tool)),
    removed: diff.tools.removed.map((tool) => toolModel(from, tool)),
    changed: diff.tools.changed
  }),
  resources: ({ diff, from, to }) => ({
    added: diff.resources.added.map((resource) => resourceModel(to, resource)),
    removed: diff.resources.removed.map((resource) => resourceModel(from, resource)),
    changed: diff.resources.changed
  })
}

const ChangedItem: Complete<ChangedItemResolvers> = {
  slug: (item) => item.id,
  title: (item) => item.title,
  changes: (item) => item.changes
}

const Step: Complete<StepResolvers> = {
  id: ({ version, step }) => toGlobalId('Step', version.roadmapSlug, version.id, step.id),
  slug: ({ step }) => step.id,
  number: ({ step }) => step.number,
  title: ({ step }) => step.title,
  summary: ({ step }) => step.summary,
  order: ({ step }) => step.order,
  depth: ({ step }) => step.depth,
  parent: ({ version, step }) => step.parent === null ? null : stepModel(version, version.getStep(step.parent)),
  children: ({ version, step }) => version.childrenOf(step.id).map((child) => stepModel(version, child)),
  ancestors: ({ version, step }) => version.ancestorsOf(step.id).map((ancestor) => stepModel(version, ancestor)),
  previous: ({ version, step }) => {
    const previous = version.previousOf(step.id)
    return previous === null ? null : stepModel(version, previous)
  },
  next: ({ version, step }) => {
    const next = version.nextOf(step.id)
    return next === null ? null : stepModel(version, next)
  },
  tools: ({ version, step }) => step.tools.map((id) => toolModel(version, version.getTool(id))),
  resources: ({ version, step }) => step.resources.map((id) => resourceModel(version, version.getResource(id))),
  version: ({ version }) => version
}

const Tool: Complete<ToolResolvers> = {
  id: ({ version, tool }) => toGlobalId('Tool', version.roadmapSlug, version.id, tool.id),
  slug: ({ tool }) => tool.id,
  name: ({ tool }) => tool.name,
  category: ({ tool }) => toEnumValue<ToolCategory>(tool.category),
  homepage: ({ tool }) => tool.homepage ?? null,
  description: ({ tool }) => tool.description,
  steps: ({ version, tool }) => tool.steps.map((id) => stepModel(version, version.getStep(id))),
  resources: ({ version, tool }) => tool.resources.map((id) => resourceModel(version, version.getResource(id))),
  version: ({ version }) => version
}

const Resource: Complete<ResourceResolvers> = {
  id: ({ version, resource }) => toGlobalId('Resource', version.roadmapSlug, version.id, resource.id),
  slug: ({ resource }) => resource.id,
  kind: ({ resource }) => toEnumValue<ResourceKind>(resource.kind),
  title: ({ resource }) => resource.title,
  subtitle: ({ resource }) => resource.subtitle ?? null,
  authors: ({ resource }) => resource.authors,
  edition: ({ resource }) => resource.edition ?? null,
  provider: ({ resource }) => resource.provider ?? null,
  url: ({ resource }) => resource.url ?? null,
  description: ({ resource }) => resource.description ?? null,
  steps: ({ version, resource }) => resource.steps.map((id) => stepModel(version, version.getStep(id))),
  tools: ({ version, resource }) => resource.tools.map((id) => toolModel(version, version.getTool(id))),
  version: ({ version }) => version
}

/* Store values for Roadmap and RoadmapVersion carry no __typename; the models do. */
const Node: NodeResolvers = {
  __resolveType: (value) => '__typename' in value ? value.__typename : 'contentHash' in value ? 'RoadmapVersion' : 'Roadmap'
}

const SearchResult: SearchResultResolvers = {
  __resolveType: (value) => value.__typename
}

// The JSON scalar needs no resolver: graphql-js passes values of an SDL scalar through as they are.
export const resolvers: Resolvers = { Query, Roadmap, RoadmapVersion, VersionDiff, ChangedItem, Step, Tool, Resource, Node, SearchResult }
