import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../src/app.js'
import { FIELD_GUIDE_CONTENT, LATEST, SECOND } from '../routes/field-guide.js'

const API_CSP = "default-src 'none';frame-ancestors 'none'"

let app: App
beforeAll(async () => {
  app = await buildApp({ logLevel: 'silent', contentDir: FIELD_GUIDE_CONTENT })
  // Stand-ins for the HTML embed routes: each way a route can loosen the API's headers for itself.
  app.get('/test/framable', {
    securityHeaders: { contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ['*'] } }, frameguard: false }
  }, async (_request, reply) => reply.type('text/html').send('<p>embed</p>'))
  app.get('/test/no-helmet', { securityHeaders: false }, async () => ({ ok: true }))
  app.get('/test/own-header', async (_request, reply) => reply.header('content-security-policy', 'frame-ancestors *').send({ ok: true }))
  await app.ready()
})
afterAll(async () => { await app.close() })

describe('security headers', () => {
  it.each([
    ['a 200', 'GET', `${LATEST}/steps`, {}, 200],
    ['a snapshot', 'GET', SECOND, { 'accept-encoding': 'br' }, 200],
    ['a HEAD', 'HEAD', `${SECOND}/tools`, {}, 200],
    ['a 400', 'GET', `${SECOND}/tools?limit=0`, {}, 400],
    ['a 404 for an id', 'GET', `${SECOND}/tools/nope`, {}, 404],
    ['a 404 for a route', 'GET', '/nowhere', {}, 404],
    ['a preflight', 'OPTIONS', `${SECOND}/tools`, { origin: 'https://example.net', 'access-control-request-method': 'GET' }, 204],
    ['the OpenAPI document', 'GET', '/openapi.json', {}, 200]
  ] as const)('are on %s', async (_name, method, url, headers, status) => {
    const response = await app.inject({ method, url, headers })
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-security-policy']).toBe(API_CSP)
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
  })

  it('are on a 304', async () => {
    const etag = (await app.inject({ url: `${SECOND}/tools` })).headers['etag'] as string
    const response = await app.inject({ url: `${SECOND}/tools`, headers: { 'if-none-match': etag } })
    expect(response.statusCode).toBe(304)
    expect(response.headers['content-security-policy']).toBe(API_CSP)
    expect(response.headers['x-frame-options']).toBe('DENY')
  })

  it('give the API reference a policy for its own scripts and styles, still unframable', async () => {
    const page = await app.inject({ url: '/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    const csp = String(page.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-eval')
    expect(page.headers['x-frame-options']).toBe('DENY')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })

  it('can be replaced by a route that must be framed by any site', async () => {
    const response = await app.inject({ url: '/test/framable' })
    expect(response.headers['content-security-policy']).toBe("default-src 'none';style-src 'unsafe-inline';frame-ancestors *")
    expect(response.headers['x-frame-options']).toBeUndefined()
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  it('can be dropped by a route, or overwritten in its handler', async () => {
    const none = await app.inject({ url: '/test/no-helmet' })
    expect(none.headers['content-security-policy']).toBeUndefined()
    expect(none.headers['x-frame-options']).toBeUndefined()
    expect((await app.inject({ url: '/test/own-header' })).headers['content-security-policy']).toBe('frame-ancestors *')
  })
})
