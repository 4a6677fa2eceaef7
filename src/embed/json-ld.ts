import type { Resource, RoadmapSummary, StepNode, Tool } from '../domain/api.js'
import type { ResourceKind } from '../domain/content.js'
import type { VersionEntry } from '../content/store.js'
import { diagramPath, embedPath, snapshotPath } from './links.js'

/*
 * schema.org structured data for a roadmap version: a HowTo whose `step` list is
 * the ordered path (HowToSection for a step with sub-steps, HowToStep for a leaf),
 * tools as HowToTool, and each recommended resource typed for what it is.
 * @see https://schema.org/HowTo
 */

export const JSON_LD_CONTENT_TYPE = 'application/ld+json; charset=utf-8'
const SCHEMA_ORG = 'https://schema.org'

export interface JsonLdPerson { '@type': 'Person', name: string, url?: string }
export interface JsonLdOrganization { '@type': 'Organization', name: string }

export interface JsonLdTool {
  '@type': 'HowToTool'
  '@id': string
  identifier: string
  name: string
  description: string
  url?: string
}

export type JsonLdResourceType = 'Book' | 'Course' | 'VideoObject' | 'SoftwareSourceCode' | 'Article' | 'LearningResource'

export interface JsonLdResource {
  '@type': JsonLdResourceType
  '@id': string
  identifier: string
  name: string
  learningResourceType: ResourceKind
  alternativeHeadline?: string
  author?: JsonLdPerson[]
  bookEdition?: string
  provider?: JsonLdOrganization
  url?: string
  description?: string
}

export interface JsonLdStep {
  '@type': 'HowToSection' | 'HowToStep'
  '@id': string
  identifier: string
  position: number
  name: string
  text: string
  url: string
  mentions?: JsonLdTool[]
  citation?: JsonLdResource[]
  numberOfItems?: number
  itemListElement?: JsonLdStep[]
}

export interface JsonLdHowTo {
  '@context': typeof SCHEMA_ORG
  '@type': 'HowTo'
  '@id': string
  url: string
  name: string
  alternativeHeadline: string
  description: string
  inLanguage: 'en'
  version: string
  datePublished: string
  author: JsonLdPerson[]
  publisher?: JsonLdOrganization
  isBasedOn?: { '@type': 'CreativeWork', name: string, url?: string }
  image: string
  tool: JsonLdTool[]
  step: JsonLdStep[]
}

export type JsonLdStepDocument = JsonLdStep & {
  '@context': typeof SCHEMA_ORG
  isPartOf: { '@type': 'HowTo', '@id': string, name: string, url: string }
}

const RESOURCE_TYPES: Record<ResourceKind, JsonLdResourceType> = {
  book: 'Book',
  course: 'Course',
  'skill-track': 'Course',
  video: 'VideoObject',
  repository: 'SoftwareSourceCode',
  article: 'Article',
  tutorial: 'LearningResource',
  roadmap: 'LearningResource',
  practice: 'LearningResource',
  assessment: 'LearningResource',
  website: 'LearningResource',
  topic: 'LearningResource'
}

/** The roadmap version as a schema.org HowTo, with absolute URLs under `baseUrl`. */
export function toJsonLd (roadmap: RoadmapSummary, version: VersionEntry, baseUrl: string): JsonLdHowTo {
  const { source } = version.summary
  const describe = describer(version, baseUrl)
  return {
    '@context': SCHEMA_ORG,
    '@type': 'HowTo',
    '@id': `${baseUrl}${snapshotPath(roadmap.slug, version.id)}`,
    url: `${baseUrl}${embedPath({ slug: roadmap.slug, version: version.id })}`,
    name: roadmap.title,
    alternativeHeadline: version.summary.title,
    description: roadmap.description,
    inLanguage: 'en',
    version: version.id,
    datePublished: version.summary.published,
    author: roadmap.authors.map(person),
    ...(roadmap.publisher === undefined ? {} : { publisher: organization(roadmap.publisher) }),
    isBasedOn: { '@type': 'CreativeWork', name: source.title, ...(source.url === undefined ? {} : { url: source.url }) },
    image: `${baseUrl}${diagramPath(roadmap.slug, version.id)}`,
    tool: version.tools.map(describe.tool),
    step: version.stepTree.map(describe.step)
  }
}

/** One step (with its sub-steps) as a standalone document that points back at its roadmap. */
export function stepToJsonLd (roadmap: RoadmapSummary, version: VersionEntry, stepId: string, baseUrl: string): JsonLdStepDocument {
  const node = stepNodeOf(version, stepId)
  return {
    '@context': SCHEMA_ORG,
    ...describer(version, baseUrl).step(node),
    isPartOf: {
      '@type': 'HowTo',
      '@id': `${baseUrl}${snapshotPath(roadmap.slug, version.id)}`,
      name: roadmap.title,
      url: `${baseUrl}${embedPath({ slug: roadmap.slug, version: version.id })}`
    }
  }
}

/** Serialised for a <script type="application/ld+json"> block: `<` is escaped so no string can close the element. */
export function jsonLdScriptContent (document: JsonLdHowTo | JsonLdStepDocument): string {
  return JSON.stringify(document).replace(/</g, '\\u003c')
}

function describer (version: VersionEntry, baseUrl: string) {
  const apiBase = `${baseUrl}${snapshotPath(version.roadmapSlug, version.id)}`
  const tool = (entry: Tool): JsonLdTool => ({
    '@type': 'HowToTool',
    '@id': `${apiBase}/tools/${entry.id}`,
    identifier: entry.id,
    name: entry.name,
    description: entry.description,
    ...(entry.homepage === undefined ? {} : { url: entry.homepage })
  })
  const resource = (entry: Resource): JsonLdResource => {
    const type = RESOURCE_TYPES[entry.kind]
    return {
      '@type': type,
      '@id': `${apiBase}/resources/${entry.id}`,
      identifier: entry.id,
      name: entry.title,
      learningResourceType: entry.kind,
      ...(entry.subtitle === undefined ? {} : { alternativeHeadline: entry.subtitle }),
      ...(entry.authors.length === 0 ? {} : { author: entry.authors.map((name) => person({ name })) }),
      ...(entry.edition === undefined || type !== 'Book' ? {} : { bookEdition: entry.edition }),
      ...(entry.provider === undefined ? {} : { provider: organization(entry.provider) }),
      ...(entry.url === undefined ? {} : { url: entry.url }),
      ...(entry.description === undefined ? {} : { description: entry.description })
    }
  }
  const step = (node: StepNode): JsonLdStep => {
    const tools = node.tools.map((id) => tool(version.getTool(id)))
    const resources = node.resources.map((id) => resource(version.getResource(id)))
    return {
      '@type': node.children.length > 0 ? 'HowToSection' : 'HowToStep',
      '@id': `${apiBase}/steps/${node.id}`,
      identifier: node.id,
      position: node.order,
      name: node.title,
      text: node.summary,
      url: `${baseUrl}${embedPath({ slug: version.roadmapSlug, version: version.id, step: node.id })}`,
      ...(tools.length === 0 ? {} : { mentions: tools }),
      ...(resources.length === 0 ? {} : { citation: resources }),
      ...(node.children.length === 0 ? {} : { numberOfItems: node.children.length, itemListElement: node.children.map(step) })
    }
  }
  return { tool, step }
}

/** The step with its sub-steps; throws the store's coded 404 for an unknown id. */
export function stepNodeOf (version: VersionEntry, id: string): StepNode {
  const step = version.getStep(id)
  return findNode(version.stepTree, step.id)!
}

function findNode (nodes: readonly StepNode[], id: string): StepNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node
    const found = findNode(node.children, id)
    if (found !== undefined) return found
  }
  return undefined
}

function person (entry: { name: string, url?: string | undefined }): JsonLdPerson {
  return { '@type': 'Person', name: entry.name, ...(entry.url === undefined ? {} : { url: entry.url }) }
}

function organization (name: string): JsonLdOrganization {
  return { '@type': 'Organization', name }
}
