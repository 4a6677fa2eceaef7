import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { diffVersions } from '../../src/content/diff.js'
import { loadContent } from '../../src/content/pipeline.js'
import { fixtureDir } from '../helpers/app.js'
import { TOOLBOX, buildToolboxApp, firstToSecond, secondToThird } from './toolbox.js'

interface VersionSummary { id: string, contentHash: string, stepCount: number, toolCount: number, resourceCount: number }
interface Counts { added: number, removed: number, changed: number, unchanged: number }
interface Item { id: string }
interface ItemChanges { added: Item[], removed: Item[], changed: Array<{ id: string, title: string, changes: Array<{ field: string }> }> }
interface VersionDiff {
  roadmap: string
  from: VersionSummary
  to: VersionSummary
  summary: { steps: Counts, tools: Counts, resources: Counts }
  steps: ItemChanges
  tools: ItemChanges
  resources: ItemChanges
}

const KINDS = ['steps', 'tools', 'resources'] as const

describe('GET /v1/roadmaps/{slug}/diff on the diff-editions fixture', () => {
  let app: App
  let versions: VersionSummary[]
  beforeAll(async () => {
    app = await buildToolboxApp()
    versions = (await app.inject(`${TOOLBOX}/versions`)).json<{ items: VersionSummary[] }>().items
  })
  afterAll(() => app.close())

  it('reports additions, removals, renames, moves and URL changes field by field', async () => {
    const response = await app.inject(`${TOOLBOX}/diff?from=2024-01-01&to=2024-02-01`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.json()).toEqual({ ...firstToSecond, from: versions[0], to: versions[1] })
  })

  it('reports a swap of positions, a tool category, a removed URL and list entries added', async () => {
    const response = await app.inject(`${TOOLBOX}/diff?from=2024-02-01&to=2024-03-01`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ...secondToThird, from: versions[1], to: versions[2] })
  })

  it('compares across editions directly: a value changed twice shows its first and last state', async () => {
    const body = (await app.inject(`${TOOLBOX}/diff?from=2024-01-01&to=2024-03-01`)).json<VersionDiff>()
    const dockerCourse = body.resources.changed.find((item) => item.id === 'docker-course')
    expect(dockerCourse?.changes).toEqual([{ field: 'url', from: 'https://example.org/docker-course', to: null }])
    const docker = body.steps.changed.find((item) => item.id === 'docker')
    expect(docker?.changes).toEqual([{ field: 'number', from: '2.1', to: '2.2' }, { field: 'order', from: 1, to: 2 }])
    expect(body.steps.added.map((step) => step.id)).toEqual(['kubernetes', 'tooling'])
    expect(body.resources.added.map((resource) => resource.id)).toEqual(['shell-cheat-sheet', 'kubernetes-course'])
  })

  it('read backwards, additions become removals and every change swaps its values', async () => {
    const forward = (await app.inject(`${TOOLBOX}/diff?from=2024-01-01&to=2024-02-01`)).json<VersionDiff>()
    const backward = (await app.inject(`${TOOLBOX}/diff?from=2024-02-01&to=2024-01-01`)).json<VersionDiff>()
    for (const kind of KINDS) {
      expect(backward[kind].added.map((item) => item.id).sort()).toEqual(forward[kind].removed.map((item) => item.id).sort())
      expect(backward[kind].removed.map((item) => item.id).sort()).toEqual(forward[kind].added.map((item) => item.id).sort())
      expect(backward.summary[kind].changed).toBe(forward.summary[kind].changed)
    }
    const editors = backward.steps.changed.find((item) => item.id === 'editors')
    expect(editors?.changes).toEqual([
      { field: 'number', from: '3.1', to: '1.2' },
      { field: 'parent', from: 'tooling', to: 'basics' },
      { field: 'order', from: 1, to: 2 }
    ])
  })

  it('a version compared with itself has no changes and counts every item as unchanged', async () => {
    const body = (await app.inject(`${TOOLBOX}/diff?from=2024-02-01&to=2024-02-01`)).json<VersionDiff>()
    expect(body.summary).toEqual({
      steps: { added: 0, removed: 0, changed: 0, unchanged: versions[1]!.stepCount },
      tools: { added: 0, removed: 0, changed: 0, unchanged: versions[1]!.toolCount },
      resources: { added: 0, removed: 0, changed: 0, unchanged: versions[1]!.resourceCount }
    })
    for (const kind of KINDS) expect(body[kind]).toEqual({ added: [], removed: [], changed: [] })
  })

  it('caches a diff of two concrete versions for good and answers If-None-Match with 304', async () => {
    const url = `${TOOLBOX}/diff?from=2024-01-01&to=2024-02-01`
    const first = await app.inject(url)
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(first.headers['content-location']).toBeUndefined()
    const etag = String(first.headers['etag'])
    expect(etag).toMatch(/^"[\w-]+"$/)
    const revalidated = await app.inject({ url, headers: { 'if-none-match': etag } })
    expect(revalidated.statusCode).toBe(304)
    expect(revalidated.body).toBe('')
    const other = await app.inject(`${TOOLBOX}/diff?from=2024-02-01&to=2024-03-01`)
    expect(other.headers['etag']).not.toBe(etag)
  })

  it('`to` defaults to latest: the answer is short-lived and names the concrete diff', async () => {
    const response = await app.inject(`${TOOLBOX}/diff?from=2024-02-01`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(response.headers['content-location']).toBe(`${TOOLBOX}/diff?from=2024-02-01&to=2024-03-01`)
    expect(response.json()).toEqual({ ...secondToThird, from: versions[1], to: versions[2] })
    const fromLatest = await app.inject(`${TOOLBOX}/diff?from=latest&to=2024-01-01`)
    expect(fromLatest.headers['content-location']).toBe(`${TOOLBOX}/diff?from=2024-03-01&to=2024-01-01`)
    expect(fromLatest.json<VersionDiff>().from.id).toBe('2024-03-01')
  })

  it('answers bad input with problem+json', async () => {
    const missing = await app.inject(`${TOOLBOX}/diff?to=2024-02-01`)
    expect(missing.statusCode).toBe(400)
    expect(missing.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(missing.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'query', name: 'from', reason: 'is required' }] })

    const malformed = await app.inject(`${TOOLBOX}/diff?from=January`)
    expect(malformed.statusCode).toBe(400)
    expect(malformed.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'query', name: 'from' }] })

    const unknownParameter = await app.inject(`${TOOLBOX}/diff?from=2024-01-01&since=2024-02-01`)
    expect(unknownParameter.json()).toMatchObject({ status: 400, invalidParams: [{ in: 'query', name: 'since', reason: 'is not a parameter this route accepts' }] })

    const unknownVersion = await app.inject(`${TOOLBOX}/diff?from=2024-01-01&to=2023-01-01`)
    expect(unknownVersion.statusCode).toBe(404)
    expect(unknownVersion.json()).toEqual({
      type: '/problems/version-not-found',
      title: 'Version not found',
      status: 404,
      detail: 'Roadmap "toolbox" has no version "2023-01-01"',
      instance: `${TOOLBOX}/diff?from=2024-01-01&to=2023-01-01`,
      code: 'ROADMAP_ERR_VERSION_NOT_FOUND'
    })

    const unknownRoadmap = await app.inject('/v1/roadmaps/cooking/diff?from=2024-01-01')
    expect(unknownRoadmap.statusCode).toBe(404)
    expect(unknownRoadmap.json()).toMatchObject({ code: 'ROADMAP_ERR_ROADMAP_NOT_FOUND' })
  })
})

describe('diffVersions', () => {
  it('is computed once per pair of versions and gives the route\'s body', async () => {
    const loaded = await loadContent(fixtureDir('diff-editions'))
    if (!loaded.ok) throw new Error('the diff-editions fixture must be valid')
    const [first, second] = loaded.store.getRoadmap('toolbox').versions
    const diff = diffVersions(first!, second!)
    expect(diffVersions(first!, second!)).toBe(diff)
    expect(diffVersions(second!, first!)).not.toBe(diff)
    expect(diff).toMatchObject(firstToSecond)
  })
})
