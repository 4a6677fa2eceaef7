import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { buildApp, type App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

/* Overload protection: shedding requests while the event loop lags, and the server's timeouts. */

function blockEventLoop (ms: number): void {
  const until = Date.now() + ms
  while (Date.now() < until) { /* busy: nothing else runs */ }
}

/** Blocks the event loop, then asks until under-pressure's next sample (one a second) turns requests away. */
async function untilShed (app: App) {
  for (let attempt = 0; attempt < 3; attempt++) {
    blockEventLoop(500)
    for (let poll = 0; poll < 60; poll++) {
      const response = await app.inject({ url: '/v1/roadmaps', headers: { 'x-request-id': 'shed-1' } })
      if (response.statusCode === 503) return response
      expect(response.statusCode).toBe(200)
      await sleep(50)
    }
  }
  throw new Error('never under pressure')
}

describe('under pressure', () => {
  it('answers 503 problem+json with Retry-After while the event loop lags', async () => {
    const app = await buildTestApp({ fixture: 'valid', maxEventLoopDelayMs: 1 })
    try {
      const shed = await untilShed(app)
      expect(shed.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(shed.headers['retry-after']).toBe('10')
      expect(shed.headers['x-request-id']).toBe('shed-1')
      expect(shed.headers['x-content-type-options']).toBe('nosniff')
      expect(shed.json()).toEqual({
        type: '/problems/under-pressure',
        title: 'Server under pressure',
        status: 503,
        detail: 'The server is overloaded; retry in 10 seconds',
        instance: '/v1/roadmaps',
        code: 'ROADMAP_ERR_UNDER_PRESSURE'
      })
      // Probes and scrapes are still answered: a restart or a gap in the metrics would not help.
      for (const url of ['/health/live', '/health/ready', '/metrics']) expect((await app.inject(url)).statusCode, url).toBe(200)
    } finally {
      await app.close()
    }
  }, 30_000)

  it('answers normally otherwise', async () => {
    const app = await buildTestApp({ fixture: 'valid', maxEventLoopDelayMs: 1000 })
    try {
      expect(app.hasDecorator('isUnderPressure')).toBe(true)
      await sleep(1100)
      const response = await app.inject('/v1/roadmaps')
      expect(response.statusCode).toBe(200)
      expect(response.headers['retry-after']).toBeUndefined()
    } finally {
      await app.close()
    }
  })

  it('is off when MAX_EVENT_LOOP_DELAY_MS is 0, and exposes no status route of its own', async () => {
    const off = await buildTestApp({ fixture: 'valid', maxEventLoopDelayMs: 0 })
    expect(off.hasDecorator('isUnderPressure')).toBe(false)
    await off.close()
    const on = await buildTestApp({ fixture: 'valid', maxEventLoopDelayMs: 1000 })
    expect((await on.inject('/status')).statusCode).toBe(404)
    await on.close()
  })

  it('documents the problem type', async () => {
    const app = await buildTestApp({ fixture: 'valid' })
    const page = await app.inject('/problems/under-pressure')
    expect(page.statusCode).toBe(200)
    expect(page.json()).toMatchObject({ code: 'ROADMAP_ERR_UNDER_PRESSURE', status: 503 })
    await app.close()
  })
})

describe('server timeouts', () => {
  async function listening (timeouts: { requestMs: number, connectionMs: number, keepAliveMs: number }) {
    const app = await buildApp({ logLevel: 'silent', contentDir: 'test/fixtures/content/valid', timeouts, rateLimit: { max: 0, windowMs: 60_000, allowList: [] }, maxEventLoopDelayMs: 0 })
    await app.listen({ port: 0, host: '127.0.0.1' })
    return app
  }

  it('apply the settings, with the headers timeout within the request timeout', async () => {
    const app = await listening({ requestMs: 30_000, connectionMs: 60_000, keepAliveMs: 72_000 })
    try {
      expect(app.server.requestTimeout).toBe(30_000)
      expect(app.server.headersTimeout).toBe(30_000)
      expect(app.server.timeout).toBe(60_000)
      expect(app.server.keepAliveTimeout).toBe(72_000)
      const address = app.server.address() as { port: number }
      const response = await fetch(`http://127.0.0.1:${address.port}/health/live`)
      expect(response.status).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('keep Node’s headers timeout when it is already shorter', async () => {
    const app = await listening({ requestMs: 120_000, connectionMs: 60_000, keepAliveMs: 5_000 })
    try {
      expect(app.server.requestTimeout).toBe(120_000)
      expect(app.server.headersTimeout).toBe(60_000)
      expect(app.server.keepAliveTimeout).toBe(5_000)
    } finally {
      await app.close()
    }
  })

  it('0 turns the request and connection timeouts off', async () => {
    const app = await listening({ requestMs: 0, connectionMs: 0, keepAliveMs: 72_000 })
    try {
      expect(app.server.requestTimeout).toBe(0)
      expect(app.server.timeout).toBe(0)
      const address = app.server.address() as { port: number }
      expect((await fetch(`http://127.0.0.1:${address.port}/health/live`)).status).toBe(200)
    } finally {
      await app.close()
    }
  })
})
