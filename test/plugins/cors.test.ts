import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { LATEST, SECOND, buildFieldGuideApp } from '../routes/field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

const origin = 'https://roadmaps.example.net'

describe('CORS', () => {
  it.each([`${LATEST}/tools`, '/v1/roadmaps', '/openapi.json'])('lets any origin read %s and the headers it needs', async (url) => {
    for (const method of ['GET', 'HEAD'] as const) {
      const response = await app.inject({ method, url, headers: { origin } })
      expect(response.statusCode).toBe(200)
      expect(response.headers['access-control-allow-origin']).toBe('*')
      expect(response.headers['access-control-expose-headers']).toBe('ETag, Link, Content-Location, Content-Disposition')
    }
  })

  it('lets a browser read error details from any origin', async () => {
    for (const url of [`${SECOND}/tools/nope`, `${SECOND}/tools?limit=0`, '/nowhere']) {
      const response = await app.inject({ url, headers: { origin } })
      expect(response.statusCode).toBeGreaterThanOrEqual(400)
      expect(response.headers['access-control-allow-origin']).toBe('*')
    }
  })

  it('answers a preflight for a conditional GET', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: `${LATEST}/tools?limit=5`,
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }
    })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST')
    expect(response.headers['access-control-allow-headers']).toBe('if-none-match')
    expect(response.headers['access-control-max-age']).toBe('86400')
  })

  it('answers a preflight for a JSON POST to /graphql', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
    })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST')
    expect(response.headers['access-control-allow-headers']).toBe('content-type')
  })

  it('answers an incomplete preflight with the CORS headers rather than a text error', async () => {
    const response = await app.inject({ method: 'OPTIONS', url: `${LATEST}/tools` })
    expect(response.statusCode).toBe(204)
    expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, POST')
  })
})
