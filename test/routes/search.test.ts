import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { LATEST, SECOND, buildFieldGuideApp, getJson, onePage, problem } from './field-guide.js'

interface Hit { kind: string, id: string, title: string, score: number, snippet: string, href: string }
interface HitPage { items: Hit[], totalCount: number, nextCursor: string | null, prevCursor: string | null }

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

const search = (query: string, base = SECOND) => getJson<HitPage>(app, `${base}/search?${query}`)

describe('GET /v1/roadmaps/{slug}/versions/{version}/search', () => {
  it('finds steps, tools and resources, best first, each with its kind, id, API path and a highlighted snippet', async () => {
    const { response, body } = await search('q=docker')
    expect(response.statusCode).toBe(200)
    expect(body.items.map(({ score: _score, ...hit }) => hit)).toEqual([
      { kind: 'step', id: 'docker', title: 'Docker', snippet: '<mark>Docker</mark>', href: `${SECOND}/steps/docker` },
      { kind: 'tool', id: 'docker', title: 'Docker', snippet: '<mark>Docker</mark>', href: `${SECOND}/tools/docker` },
      { kind: 'resource', id: 'docker-handbook', title: 'The Docker Handbook', snippet: 'The <mark>Docker</mark> Handbook', href: `${SECOND}/resources/docker-handbook` }
    ])
    expect(body.items[0]!.score).toBeGreaterThanOrEqual(body.items[1]!.score)
    expect(body.items[1]!.score).toBeGreaterThan(body.items[2]!.score)
    expect(body.totalCount).toBe(3)
  })

  it('ranks a title match above a summary match and snippets the text that matched', async () => {
    const { body } = await search('q=containers')
    expect(body.items[0]).toMatchObject({ kind: 'step', id: 'containers', snippet: '<mark>Containers</mark>' })
    expect(body.items.find((hit) => hit.id === 'orchestration')).toMatchObject({ kind: 'step', snippet: 'Schedule <mark>containers</mark> across a cluster of machines.' })
  })

  it('searches resource authors and forgives a typo', async () => {
    expect((await search('q=chacon')).body.items).toEqual([expect.objectContaining({ kind: 'resource', id: 'pro-git', snippet: 'Scott <mark>Chacon</mark>, Ben Straub' })])
    expect((await search('q=kubernets')).body.items[0]).toMatchObject({ kind: 'tool', id: 'kubernetes' })
  })

  it('needs every word to match, the last as a prefix', async () => {
    expect((await search('q=prom%20dash')).body.items).toEqual([
      expect.objectContaining({ kind: 'tool', id: 'grafana', snippet: '<mark>Dashboards</mark> over metrics stores such as <mark>Prometheus</mark>.' })
    ])
  })

  it('answers an empty page when nothing matches', async () => {
    const { response, body } = await search('q=zzz', LATEST)
    expect(response.statusCode).toBe(200)
    expect(body).toEqual(onePage([]))
  })

  it('pages through hits whose ids collide across kinds', async () => {
    const first = await search('q=docker&limit=1')
    expect(first.body.items.map((hit) => `${hit.kind}:${hit.id}`)).toEqual(['step:docker'])
    const second = await search(`q=docker&limit=1&cursor=${first.body.nextCursor}`)
    expect(second.body.items.map((hit) => `${hit.kind}:${hit.id}`)).toEqual(['tool:docker'])
    const third = await search(`q=docker&limit=1&cursor=${second.body.nextCursor}`)
    expect(third.body.items.map((hit) => `${hit.kind}:${hit.id}`)).toEqual(['resource:docker-handbook'])
    expect(third.body.nextCursor).toBeNull()
  })

  it('answers 400 naming q when it is missing, blank or too long', async () => {
    const missing = await getJson(app, `${SECOND}/search`)
    expect(missing.response.statusCode).toBe(400)
    expect(missing.response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(missing.body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'query parameter "q" is required', `${SECOND}/search`, {
      invalidParams: [{ in: 'query', name: 'q', reason: 'is required' }]
    }))
    for (const query of ['q=', 'q=%20%20', `q=${'a'.repeat(201)}`]) {
      const { response, body } = await search(query)
      expect(response.statusCode).toBe(400)
      expect(body).toEqual(expect.objectContaining({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [expect.objectContaining({ in: 'query', name: 'q' })] }))
    }
  })
})
