/*
 * RoadmapVersion.diff on the three shipped editions: the facts a reader of the sources
 * checks, and the same values as the REST diff route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { IMMUTABLE_CACHE_CONTROL, LATEST_CACHE_CONTROL } from '../../src/plugins/http-caching.js'
import { buildTestApp } from '../helpers/app.js'
import { codesOf, data, get, post } from './helpers.js'

let app: App
beforeAll(async () => { app = await buildTestApp() })
afterAll(async () => { await app.close() })

const DIFF = `query ($to: String!, $from: String!) {
  roadmap(slug: "mlops") {
    version(id: $to) {
      diff(from: $from) {
        from { versionId }
        to { versionId }
        summary { steps { added removed changed unchanged } tools { added removed changed unchanged } resources { added removed changed unchanged } }
        steps { added { slug } removed { slug } changed { slug title changes { field from to added removed } } }
        tools { added { slug name } removed { slug name } changed { slug title changes { field from to added removed } } }
        resources { added { slug title url } removed { slug title } changed { slug title changes { field from to added removed } } }
      }
    }
  }
}`

type Diff = Record<string, any>
const diffOf = async (from: string, to: string) => ((await data(app, DIFF, { from, to })) as Diff).roadmap.version.diff as Diff

describe('RoadmapVersion.diff', () => {
  it('from the article to the latest README: Fast.ai and Made with ML appear, Metaflow and GitLab go, the sections stay', async () => {
    const diff = await diffOf('2023-12-21', '2024-01-12')
    expect(diff.from).toEqual({ versionId: '2023-12-21' })
    expect(diff.to).toEqual({ versionId: '2024-01-12' })
    expect(diff.steps.added).toEqual([])
    expect(diff.steps.removed).toEqual([])
    expect(diff.summary.steps).toMatchObject({ added: 0, removed: 0 })
    const addedTitles = diff.resources.added.map((resource: { title: string }) => resource.title)
    expect(addedTitles).toEqual(expect.arrayContaining(['Fast.ai', 'Made with ML MLOps Course']))
    expect(diff.resources.added.find((resource: { slug: string }) => resource.slug === 'fast-ai').url).toBe('https://course.fast.ai')
    const removedTools = diff.tools.removed.map((tool: { name: string }) => tool.name)
    expect(removedTools).toEqual(expect.arrayContaining(['Metaflow', 'GitLab', 'Databricks', 'NannyML']))
    expect(diff.tools.added).toEqual([])
    // The sections keep their ids; the README editions print their titles in title case.
    const titleChange = diff.steps.changed.find((item: { slug: string }) => item.slug === 'machine-learning-fundamentals')
    expect(titleChange.changes).toContainEqual({ field: 'title', from: 'Machine learning fundamentals', to: 'Machine Learning Fundamentals', added: null, removed: null })
  })

  it('reports a URL a later edition adds as a change of that field', async () => {
    const diff = await diffOf('2023-12-27', '2024-01-12')
    const bashMastery = diff.resources.changed.find((item: { slug: string }) => item.slug === 'bash-mastery')
    expect(bashMastery.changes).toContainEqual({ field: 'url', from: null, to: 'https://www.udemy.com/course/bash-mastery', added: null, removed: null })
  })

  it('gives the same values as the REST diff route', async () => {
    for (const [from, to] of [['2023-12-21', '2023-12-27'], ['2023-12-27', '2024-01-12'], ['2023-12-21', '2024-01-12']] as const) {
      const graphql = await diffOf(from, to)
      const rest = (await app.inject(`/v1/roadmaps/mlops/diff?from=${from}&to=${to}`)).json()
      expect(graphql.summary).toEqual(rest.summary)
      for (const kind of ['steps', 'tools', 'resources'] as const) {
        expect(graphql[kind].added.map((item: { slug: string }) => item.slug)).toEqual(rest[kind].added.map((item: { id: string }) => item.id))
        expect(graphql[kind].removed.map((item: { slug: string }) => item.slug)).toEqual(rest[kind].removed.map((item: { id: string }) => item.id))
        expect(graphql[kind].changed).toEqual(rest[kind].changed.map(({ id, title, changes }: { id: string, title: string, changes: Array<Record<string, unknown>> }) => ({
          slug: id,
          title,
          changes: changes.map((change) => ({ added: null, removed: null, ...change }))
        })))
      }
    }
  })

  it('is empty from a version to itself, and accepts `latest` on either side', async () => {
    const same = await diffOf('latest', '2024-01-12')
    expect(same.summary).toEqual({
      steps: { added: 0, removed: 0, changed: 0, unchanged: 16 },
      tools: { added: 0, removed: 0, changed: 0, unchanged: 21 },
      resources: { added: 0, removed: 0, changed: 0, unchanged: 60 }
    })
  })

  it('answers an unknown or malformed `from` with the REST error codes', async () => {
    const unknown = await post(app, DIFF, { from: '2020-01-01', to: '2024-01-12' })
    expect(codesOf(unknown.body)).toEqual(['ROADMAP_ERR_VERSION_NOT_FOUND'])
    expect(unknown.body.errors![0]!.message).toBe('Roadmap "mlops" has no version "2020-01-01"')
    const malformed = await post(app, DIFF, { from: 'last-week', to: '2024-01-12' })
    expect(codesOf(malformed.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
  })

  it('is immutable over GET when both sides are concrete versions, short-lived through latest', async () => {
    const query = (from: string) => `{ roadmap(slug: "mlops") { version(id: "2024-01-12") { diff(from: "${from}") { summary { tools { removed } } } } } }`
    const concrete = await get(app, { query: query('2023-12-21') })
    expect(concrete.status).toBe(200)
    expect(concrete.response.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL)
    const viaLatest = await get(app, { query: query('latest') })
    expect(viaLatest.response.headers['cache-control']).toBe(LATEST_CACHE_CONTROL)
  })
})
