import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

let app: App
beforeAll(async () => { app = await buildTestApp({ fixture: 'valid' }) })
afterAll(async () => { await app.close() })

const READ_ONLY = 'GET, HEAD, OPTIONS'

describe('405 Method Not Allowed', () => {
  it.each([
    ['DELETE', '/v1/roadmaps'],
    ['PUT', '/v1/roadmaps/demo'],
    ['PATCH', '/v1/roadmaps/demo/versions/2024-01-01/tools/shell'],
    ['POST', '/v1/roadmaps/demo/versions/latest/steps'],
    ['TRACE', '/v1/roadmaps/demo/versions/latest/search'],
    ['DELETE', '/openapi.json'],
    ['POST', '/health/live'],
    ['PUT', '/problems/rate-limited'],
    ['DELETE', '/v1/roadmaps/demo/']
  ] as const)('%s %s → 405 problem+json with Allow', async (method, url) => {
    const response = await app.inject({ method, url })
    expect(response.statusCode).toBe(405)
    expect(response.headers['allow']).toBe(READ_ONLY)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toEqual({
      type: '/problems/method-not-allowed',
      title: 'Method not allowed',
      status: 405,
      detail: `${method} ${url} is not allowed; this path accepts ${READ_ONLY}`,
      instance: url,
      code: 'ROADMAP_ERR_METHOD_NOT_ALLOWED'
    })
  })

  it('lists POST for /graphql, and still serves it', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH'] as const) {
      const response = await app.inject({ method, url: '/graphql' })
      expect(response.statusCode).toBe(405)
      expect(response.headers['allow']).toBe('GET, HEAD, OPTIONS, POST')
      expect(response.json().code).toBe('ROADMAP_ERR_METHOD_NOT_ALLOWED')
    }
    const post = await app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ roadmaps { slug } }' } })
    expect(post.statusCode).toBe(200)
    expect(post.json()).toEqual({ data: { roadmaps: [{ slug: 'demo' }] } })
  })

  it('answers before reading the body: a malformed or unreadable one does not change the answer', async () => {
    const cases = [
      { headers: { 'content-type': 'application/json' }, payload: '{"half":' },
      { headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
      { headers: { 'content-type': 'application/json' }, payload: 'x'.repeat(2 * 1024 * 1024) }
    ]
    for (const { headers, payload } of cases) {
      const response = await app.inject({ method: 'POST', url: '/v1/roadmaps', headers, payload })
      expect(response.statusCode).toBe(405)
      expect(response.headers['allow']).toBe(READ_ONLY)
    }
  })

  it('carries the headers of every response', async () => {
    const response = await app.inject({ method: 'DELETE', url: '/v1/roadmaps', headers: { origin: 'https://example.net', 'x-request-id': 'delete-1' } })
    expect(response.statusCode).toBe(405)
    expect(response.headers['x-request-id']).toBe('delete-1')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['access-control-allow-origin']).toBe('*')
  })

  it('is a documented problem type', async () => {
    const page = await app.inject('/problems/method-not-allowed')
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ code: 'ROADMAP_ERR_METHOD_NOT_ALLOWED', status: 405 })
  })
})

describe('paths no route matches', () => {
  it.each(['GET', 'HEAD', 'POST', 'DELETE', 'PUT'] as const)('%s keeps answering 404', async (method) => {
    const response = await app.inject({ method, url: '/v1/nowhere', payload: method === 'POST' ? { a: 1 } : undefined })
    expect(response.statusCode).toBe(404)
    expect(response.headers['allow']).toBeUndefined()
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    if (method !== 'HEAD') expect(response.json()).toMatchObject({ code: 'ROADMAP_ERR_ROUTE_NOT_FOUND', detail: `No route ${method} /v1/nowhere` })
  })
})

describe('OPTIONS', () => {
  it('still answers CORS preflights for every method a browser may send', async () => {
    for (const requested of ['GET', 'POST']) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: requested === 'POST' ? '/graphql' : '/v1/roadmaps',
        headers: { origin: 'https://example.net', 'access-control-request-method': requested, 'access-control-request-headers': 'content-type' }
      })
      expect(response.statusCode).toBe(204)
      expect(response.headers['access-control-allow-origin']).toBe('*')
      expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST')
    }
  })
})
