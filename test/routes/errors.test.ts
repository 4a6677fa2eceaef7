import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildFieldGuideApp, getJson, problem } from './field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

/** Every route under a version, with a valid tail (path and query) for it. */
const tails = ['', '/steps', '/steps/shell', '/tools', '/tools/bash', '/resources', '/resources/pro-git', '/search?q=shell']
const lists = ['/steps', '/tools', '/resources', '/search?q=shell']

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8'

describe('problems on every REST route', () => {
  it.each(tails)('…%s answers 404 naming an unknown roadmap', async (tail) => {
    const url = `/v1/roadmaps/cooking/versions/latest${tail}`
    const { response, body } = await getJson(app, url)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE)
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_ROADMAP_NOT_FOUND', 'No roadmap "cooking"', url))
  })

  it.each(tails)('…%s answers 404 naming an unknown version', async (tail) => {
    const url = `/v1/roadmaps/field-guide/versions/2023-06-01${tail}`
    const { response, body } = await getJson(app, url)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE)
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_VERSION_NOT_FOUND', 'Roadmap "field-guide" has no version "2023-06-01"', url))
  })

  it.each(tails)('…%s answers 400 naming a malformed version or slug', async (tail) => {
    for (const [url, name] of [[`/v1/roadmaps/field-guide/versions/newest${tail}`, 'version'], [`/v1/roadmaps/Field_Guide/versions/latest${tail}`, 'slug']] as const) {
      const { response, body } = await getJson(app, url)
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toBe(PROBLEM_TYPE)
      expect(body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', expect.stringContaining(`path parameter "${name}"`), url, {
        invalidParams: [{ in: 'path', name, reason: expect.stringContaining('pattern') }]
      }))
    }
  })

  it.each(lists)('…%s answers 400 naming a query parameter it does not take', async (list) => {
    const url = `/v1/roadmaps/field-guide/versions/latest${list}${list.includes('?') ? '&' : '?'}sort=title`
    const { response, body } = await getJson(app, url)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE)
    expect(body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'query parameter "sort" is not a parameter this route accepts', url, {
      invalidParams: [{ in: 'query', name: 'sort', reason: 'is not a parameter this route accepts' }]
    }))
  })

  it('answers 404 for a route that does not exist, and each problem type is documented', async () => {
    const url = '/v1/roadmaps/field-guide/versions/latest/lessons'
    const { response, body } = await getJson<{ type: string }>(app, url)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe(PROBLEM_TYPE)
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_ROUTE_NOT_FOUND', `No route GET ${url}`, url))
    for (const type of ['/problems/route-not-found', '/problems/invalid-parameter', '/problems/invalid-cursor', '/problems/step-not-found', '/problems/tool-not-found', '/problems/resource-not-found']) {
      expect((await app.inject({ url: type })).statusCode, type).toBe(200)
    }
  })
})
