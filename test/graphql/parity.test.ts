/*
 * REST and GraphQL serve the same values: every step, tool and resource of every
 * shipped edition, field by field, through the public routes of both APIs.
 * The only translations are the documented ones: GraphQL's `slug` is REST's `id`,
 * related items are objects rather than ids, enum values are SCREAMING_SNAKE_CASE,
 * and absent optional fields are null.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { Resource, Step, Tool, VersionSummary } from '../../src/domain/api.js'
import { buildTestApp } from '../helpers/app.js'
import { data, enumValue } from './helpers.js'

let app: App
let editions: VersionSummary[]

beforeAll(async () => {
  app = await buildTestApp()
  editions = (await rest<{ items: VersionSummary[] }>('/v1/roadmaps/mlops/versions')).items
})

afterAll(async () => { await app.close() })

async function rest<T> (url: string): Promise<T> {
  const response = await app.inject({ url })
  expect(response.statusCode, url).toBe(200)
  return response.json<T>()
}

interface Page<T> { items: T[], totalCount: number, nextCursor: string | null }

/** Every item of a REST list, following nextCursor. */
async function restList<T> (url: string): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const page: Page<T> = await rest<Page<T>>(`${url}${url.includes('?') ? '&' : '?'}limit=100${cursor === null ? '' : `&cursor=${cursor}`}`)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor !== null)
  return items
}

const ref = (slug: string) => ({ slug })
const STEP_FIELDS = 'slug number title summary order depth parent { slug } tools { slug } resources { slug }'
const TOOL_FIELDS = 'slug name category homepage description steps { slug } resources { slug }'
const RESOURCE_FIELDS = 'slug kind title subtitle authors edition provider url description steps { slug } tools { slug }'

const expectedStep = (step: Step) => ({
  slug: step.id,
  number: step.number,
  title: step.title,
  summary: step.summary,
  order: step.order,
  depth: step.depth,
  parent: step.parent === null ? null : ref(step.parent),
  tools: step.tools.map(ref),
  resources: step.resources.map(ref)
})

const expectedTool = (tool: Tool) => ({
  slug: tool.id,
  name: tool.name,
  category: enumValue(tool.category),
  homepage: tool.homepage ?? null,
  description: tool.description,
  steps: tool.steps.map(ref),
  resources: tool.resources.map(ref)
})

const expectedResource = (resource: Resource) => ({
  slug: resource.id,
  kind: enumValue(resource.kind),
  title: resource.title,
  subtitle: resource.subtitle ?? null,
  authors: resource.authors,
  edition: resource.edition ?? null,
  provider: resource.provider ?? null,
  url: resource.url ?? null,
  description: resource.description ?? null,
  steps: resource.steps.map(ref),
  tools: resource.tools.map(ref)
})

const VARIABLE_TYPES: Record<string, string> = { id: 'ID!', after: 'String', query: 'String!' }

async function versionQuery<T> (version: string, selection: string, variables: Record<string, unknown> = {}): Promise<T> {
  const declared = Object.keys(variables).map((name) => `, $${name}: ${VARIABLE_TYPES[name]}`).join('')
  const result = await data(app, `query ($version: String!${declared}) { roadmap(slug: "mlops") { version(id: $version) { ${selection} } } }`, { version, ...variables })
  return (result['roadmap'] as { version: T }).version
}

/** Every item of a GraphQL connection, following endCursor. */
async function connection<T> (version: string, field: string, fields: string): Promise<{ items: T[], totalCount: number }> {
  const items: T[] = []
  let after: string | null = null
  let totalCount = 0
  do {
    const page: { [key: string]: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string }, edges: Array<{ node: T }> } } =
      await versionQuery(version, `${field}(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } }`, { after })
    const { totalCount: total, pageInfo, edges } = page[field]!
    items.push(...edges.map((edge) => edge.node))
    totalCount = total
    after = pageInfo.hasNextPage ? pageInfo.endCursor : null
  } while (after !== null)
  return { items, totalCount }
}

describe('REST and GraphQL parity over every shipped edition', () => {
  it('serves the three MLOps editions', () => {
    expect(editions.map((edition) => edition.id)).toEqual(['2023-12-21', '2023-12-27', '2024-01-12'])
  })

  it('gives the same version metadata', async () => {
    for (const edition of editions) {
      const graphql = await versionQuery(edition.id, 'versionId title published notes contentHash stepCount toolCount resourceCount source { type title publisher url repository commit path }')
      expect(graphql, edition.id).toEqual({
        versionId: edition.id,
        title: edition.title,
        published: edition.published,
        notes: edition.notes,
        contentHash: edition.contentHash,
        stepCount: edition.stepCount,
        toolCount: edition.toolCount,
        resourceCount: edition.resourceCount,
        source: {
          type: edition.source.type,
          title: edition.source.title,
          publisher: edition.source.publisher ?? null,
          url: edition.source.url ?? null,
          repository: edition.source.repository ?? null,
          commit: edition.source.commit ?? null,
          path: edition.source.path ?? null
        }
      })
    }
  })

  it('gives every step with the same values, neighbours, tools and resources', async () => {
    for (const edition of editions) {
      const base = `/v1/roadmaps/mlops/versions/${edition.id}`
      const restSteps = await restList<Step>(`${base}/steps?view=flat`)
      expect(restSteps).toHaveLength(edition.stepCount)

      // The tree, read depth-first, is the REST reading order.
      const tree = await versionQuery<{ steps: Array<{ slug: string, children: Array<{ slug: string, children: unknown[] }> }> }>(edition.id, `steps { ${STEP_FIELDS} children { ${STEP_FIELDS} children { slug } } }`)
      const flattened = tree.steps.flatMap(({ children, ...section }) => [section, ...children.map(({ children: grandchildren, ...child }) => {
        expect(grandchildren).toEqual([])
        return child
      })])
      expect(flattened, edition.id).toEqual(restSteps.map(expectedStep))

      for (const step of restSteps) {
        const detail = await rest<{ step: Step, breadcrumbs: Step[], children: Step[], previous: Step | null, next: Step | null, tools: Tool[], resources: Resource[] }>(`${base}/steps/${step.id}`)
        const graphql = await versionQuery<{ step: unknown }>(edition.id, `step(id: $id) {
          ${STEP_FIELDS}
          ancestors { ${STEP_FIELDS} } children { ${STEP_FIELDS} } previous { ${STEP_FIELDS} } next { ${STEP_FIELDS} }
          toolsInFull: tools { ${TOOL_FIELDS} } resourcesInFull: resources { ${RESOURCE_FIELDS} }
        }`, { id: step.id })
        expect(graphql.step, `${edition.id} step ${step.id}`).toEqual({
          ...expectedStep(detail.step),
          ancestors: detail.breadcrumbs.map(expectedStep),
          children: detail.children.map(expectedStep),
          previous: detail.previous === null ? null : expectedStep(detail.previous),
          next: detail.next === null ? null : expectedStep(detail.next),
          toolsInFull: detail.tools.map(expectedTool),
          resourcesInFull: detail.resources.map(expectedResource)
        })
      }
    }
  })

  it('gives every tool with the same values, steps and resources', async () => {
    for (const edition of editions) {
      const base = `/v1/roadmaps/mlops/versions/${edition.id}`
      const restTools = await restList<Tool>(`${base}/tools`)
      expect(restTools).toHaveLength(edition.toolCount)
      expect(await connection(edition.id, 'tools', TOOL_FIELDS), edition.id).toEqual({ items: restTools.map(expectedTool), totalCount: edition.toolCount })

      for (const tool of restTools) {
        const detail = await rest<{ tool: Tool, steps: Step[], resources: Resource[] }>(`${base}/tools/${tool.id}`)
        const graphql = await versionQuery<{ tool: unknown }>(edition.id, `tool(id: $id) { ${TOOL_FIELDS} stepsInFull: steps { ${STEP_FIELDS} } resourcesInFull: resources { ${RESOURCE_FIELDS} } }`, { id: tool.id })
        expect(graphql.tool, `${edition.id} tool ${tool.id}`).toEqual({
          ...expectedTool(detail.tool),
          stepsInFull: detail.steps.map(expectedStep),
          resourcesInFull: detail.resources.map(expectedResource)
        })
      }
    }
  })

  it('gives every resource with the same values, steps and tools', async () => {
    for (const edition of editions) {
      const base = `/v1/roadmaps/mlops/versions/${edition.id}`
      const restResources = await restList<Resource>(`${base}/resources`)
      expect(restResources).toHaveLength(edition.resourceCount)
      expect(await connection(edition.id, 'resources', RESOURCE_FIELDS), edition.id).toEqual({ items: restResources.map(expectedResource), totalCount: edition.resourceCount })

      for (const resource of restResources) {
        const detail = await rest<{ resource: Resource, steps: Step[], tools: Tool[] }>(`${base}/resources/${resource.id}`)
        const graphql = await versionQuery<{ resource: unknown }>(edition.id, `resource(id: $id) { ${RESOURCE_FIELDS} stepsInFull: steps { ${STEP_FIELDS} } toolsInFull: tools { ${TOOL_FIELDS} } }`, { id: resource.id })
        expect(graphql.resource, `${edition.id} resource ${resource.id}`).toEqual({
          ...expectedResource(detail.resource),
          stepsInFull: detail.steps.map(expectedStep),
          toolsInFull: detail.tools.map(expectedTool)
        })
      }
    }
  })

  it('ranks search hits the same, with the same scores and snippets', async () => {
    for (const edition of editions) {
      for (const query of ['docker', 'kubernetes', 'model registry', 'pyth', 'chip huyen']) {
        const restHits = await restList<{ kind: string, id: string, score: number, snippet: string }>(`/v1/roadmaps/mlops/versions/${edition.id}/search?q=${encodeURIComponent(query)}`)
        expect(restHits.length, `${edition.id} "${query}"`).toBeGreaterThan(0)
        const graphql = await versionQuery<{ search: { totalCount: number, edges: Array<{ score: number, snippet: string, node: { __typename: string, slug: string } }> } }>(edition.id,
          'search(query: $query, first: 100) { totalCount edges { score snippet node { __typename ... on Step { slug } ... on Tool { slug } ... on Resource { slug } } } }',
          { query })
        expect(graphql.search.edges.map((edge) => ({ kind: edge.node.__typename.toLowerCase(), id: edge.node.slug, score: edge.score, snippet: edge.snippet })), `${edition.id} "${query}"`)
          .toEqual(restHits.map((hit) => ({ kind: hit.kind, id: hit.id, score: hit.score, snippet: hit.snippet })))
        expect(graphql.search.totalCount).toBe(restHits.length)
      }
    }
  })
})
