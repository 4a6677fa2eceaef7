import { describe, expect, it } from 'vitest'
import type { App, AppOptions } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

const limited = (max: number, options: AppOptions = {}) => buildTestApp({ fixture: 'valid', rateLimit: { max, windowMs: 60_000, allowList: [] }, ...options })

async function withApp (app: Promise<App>, run: (app: App) => Promise<void>) {
  const ready = await app
  try {
    await run(ready)
  } finally {
    await ready.close()
  }
}

describe('rate limiting', () => {
  it('counts down in RateLimit-* headers, then answers 429 problem+json with Retry-After', () => withApp(limited(2), async (app) => {
    const first = await app.inject('/v1/roadmaps')
    expect(first.statusCode).toBe(200)
    expect(first.headers['ratelimit-limit']).toBe('2')
    expect(first.headers['ratelimit-remaining']).toBe('1')
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0)
    expect((await app.inject('/v1/roadmaps/demo')).headers['ratelimit-remaining']).toBe('0')

    const refused = await app.inject({ url: '/v1/roadmaps?limit=5', headers: { 'x-request-id': 'too-many-1' } })
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(refused.json()).toEqual({
      type: '/problems/rate-limited',
      title: 'Rate limited',
      status: 429,
      detail: 'Rate limit exceeded, retry in 1 minute',
      instance: '/v1/roadmaps?limit=5',
      code: 'ROADMAP_ERR_RATE_LIMITED'
    })
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(refused.headers['ratelimit-limit']).toBe('2')
    expect(refused.headers['ratelimit-remaining']).toBe('0')
    // Still an ordinary response of this API: security headers, CORS and the request id.
    expect(refused.headers['x-content-type-options']).toBe('nosniff')
    expect(refused.headers['access-control-allow-origin']).toBe('*')
    expect(refused.headers['x-request-id']).toBe('too-many-1')
  }))

  it('documents the problem type', () => withApp(limited(0), async (app) => {
    const page = await app.inject('/problems/rate-limited')
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ code: 'ROADMAP_ERR_RATE_LIMITED', status: 429 })
  }))

  it('answers GraphQL clients with a GraphQL error carrying the same code', () => withApp(limited(1), async (app) => {
    const query = { query: '{ roadmaps { slug } }' }
    expect((await app.inject({ method: 'POST', url: '/graphql', payload: query })).statusCode).toBe(200)
    const refused = await app.inject({ method: 'POST', url: '/graphql', payload: query })
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toMatch(/^\d+$/)
    expect(refused.json()).toEqual({ errors: [{ message: 'Rate limit exceeded, retry in 1 minute', extensions: { code: 'ROADMAP_ERR_RATE_LIMITED' } }] })
  }))

  it('never limits the probes and the metrics scrape', () => withApp(limited(1), async (app) => {
    await app.inject('/v1/roadmaps')
    expect((await app.inject('/v1/roadmaps')).statusCode).toBe(429)
    for (let round = 0; round < 3; round++) {
      for (const url of ['/health/live', '/health/ready', '/metrics']) {
        const response = await app.inject(url)
        expect(response.statusCode, url).toBe(200)
        expect(response.headers['ratelimit-limit'], url).toBeUndefined()
      }
    }
  }))

  it('keeps one budget per client IP', () => withApp(limited(1), async (app) => {
    expect((await app.inject({ url: '/v1/roadmaps', remoteAddress: '198.51.100.1' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/v1/roadmaps', remoteAddress: '198.51.100.1' })).statusCode).toBe(429)
    expect((await app.inject({ url: '/v1/roadmaps', remoteAddress: '198.51.100.2' })).statusCode).toBe(200)
  }))

  it('lets the allow-listed addresses through without counting them', () => withApp(limited(1, { rateLimit: { max: 1, windowMs: 60_000, allowList: ['127.0.0.1'] } }), async (app) => {
    for (let request = 0; request < 5; request++) {
      const response = await app.inject('/v1/roadmaps')
      expect(response.statusCode).toBe(200)
      expect(response.headers['ratelimit-limit']).toBeUndefined()
    }
    expect((await app.inject({ url: '/v1/roadmaps', remoteAddress: '198.51.100.7' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/v1/roadmaps', remoteAddress: '198.51.100.7' })).statusCode).toBe(429)
  }))

  it('is off when RATE_LIMIT_MAX is 0', () => withApp(limited(0), async (app) => {
    for (let request = 0; request < 5; request++) {
      const response = await app.inject('/v1/roadmaps')
      expect(response.statusCode).toBe(200)
      expect(response.headers['ratelimit-limit']).toBeUndefined()
    }
  }))
})

describe('client IP behind a proxy', () => {
  const viaProxy = (forwardedFor: string) => ({ url: '/v1/roadmaps', remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': forwardedFor } })

  it('ignores X-Forwarded-For unless TRUST_PROXY is set: all clients of the proxy share its budget', () => withApp(limited(1), async (app) => {
    expect((await app.inject(viaProxy('203.0.113.1'))).statusCode).toBe(200)
    expect((await app.inject(viaProxy('203.0.113.2'))).statusCode).toBe(429)
  }))

  it.each<[string, boolean | number | string[]]>([
    ['true', true],
    ['a hop count', 1],
    ['the proxy address', ['10.0.0.1']],
    ['a proxy range', ['10.0.0.0/8']]
  ])('takes the client from X-Forwarded-For when TRUST_PROXY is %s', (_name, trustProxy) => withApp(limited(1, { trustProxy }), async (app) => {
    expect((await app.inject(viaProxy('203.0.113.1'))).statusCode).toBe(200)
    expect((await app.inject(viaProxy('203.0.113.2'))).statusCode).toBe(200)
    expect((await app.inject(viaProxy('203.0.113.1'))).statusCode).toBe(429)
  }))

  it('does not believe X-Forwarded-For from an address that is not a trusted proxy', () => withApp(limited(1, { trustProxy: ['10.0.0.1'] }), async (app) => {
    const spoofed = (forwardedFor: string) => ({ url: '/v1/roadmaps', remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': forwardedFor } })
    expect((await app.inject(spoofed('203.0.113.1'))).statusCode).toBe(200)
    expect((await app.inject(spoofed('203.0.113.2'))).statusCode).toBe(429)
  }))
})
