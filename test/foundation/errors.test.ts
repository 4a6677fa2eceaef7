import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

let app: App
beforeAll(async () => { app = await buildTestApp({ fixture: 'valid' }) })
afterAll(async () => { await app.close() })

describe('problem details on foundation routes', () => {
  it.each([
    ['/v1/roadmaps/nope', 404, 'ROADMAP_ERR_ROADMAP_NOT_FOUND', 'No roadmap "nope"'],
    ['/v1/roadmaps/demo/versions/2020-01-01', 404, 'ROADMAP_ERR_VERSION_NOT_FOUND', 'Roadmap "demo" has no version "2020-01-01"'],
    ['/v1/roadmaps/demo/versions/2020-01-01/steps', 404, 'ROADMAP_ERR_VERSION_NOT_FOUND', 'Roadmap "demo" has no version "2020-01-01"'],
    ['/v1/nowhere', 404, 'ROADMAP_ERR_ROUTE_NOT_FOUND', 'No route GET /v1/nowhere'],
    ['/v1/roadmaps/demo/versions/yesterday', 400, 'ROADMAP_ERR_INVALID_PARAMETER', 'path parameter "version" must match pattern "^(?:latest|\\d{4}-\\d{2}-\\d{2})$"']
  ])('GET %s → %i %s', async (url, status, code, detail) => {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toMatchObject({ status, code, detail, instance: url })
    expect(response.json().type).toMatch(/^\/problems\/[a-z-]+$/)
  })

  it('answers a malformed % escape with a 400 problem carrying the security headers', async () => {
    const response = await app.inject('/v1/roadmaps/%E0%A4%A')
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toMatchObject({ code: 'ROADMAP_ERR_BAD_REQUEST', status: 400 })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'")
    expect(response.headers['access-control-allow-origin']).toBe('*')
  })

  it('answers an over-long path parameter with a 404 problem, not a 500', async () => {
    const response = await app.inject(`/v1/roadmaps/${'a'.repeat(5000)}`)
    expect(response.statusCode).toBeLessThan(500)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
  })

  it('describes every problem type it can answer with', async () => {
    const list = await app.inject('/problems')
    const types = list.json().items as Array<{ type: string, code: string }>
    expect(types.map((item) => item.code)).toContain('ROADMAP_ERR_VERSION_NOT_FOUND')
    for (const { type, code } of types) {
      const page = await app.inject(type)
      expect(page.statusCode).toBe(200)
      expect(page.json().code).toBe(code)
    }
  })
})
