import { describe, expect, it } from 'vitest'
import { ConfigError, SHIPPED_CONTENT_DIR, loadConfig } from '../../src/config.js'

describe('loadConfig', () => {
  it('uses documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, host: '127.0.0.1', contentDir: SHIPPED_CONTENT_DIR, logLevel: 'info', contentWatch: false, graphiql: false, publicUrl: undefined })
  })

  it('reads and converts every setting', () => {
    expect(loadConfig({ PORT: '8080', HOST: '0.0.0.0', CONTENT_DIR: '/srv/content', LOG_LEVEL: 'warn', CONTENT_WATCH: 'true', GRAPHIQL: '1', PUBLIC_URL: 'https://roadmaps.example.org/' }))
      .toMatchObject({ port: 8080, host: '0.0.0.0', contentDir: '/srv/content', logLevel: 'warn', contentWatch: true, graphiql: true, publicUrl: 'https://roadmaps.example.org' })
  })

  it('names every bad variable with its value', () => {
    expect(() => loadConfig({ PORT: '70000', LOG_LEVEL: 'verbose', PUBLIC_URL: 'roadmaps.example.org' })).toThrow(ConfigError)
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'verbose' })
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration:\n {2}PORT="70000": /)
      expect((error as Error).message).toContain('LOG_LEVEL="verbose"')
    }
  })

  it('has production defaults generous enough for any honest client', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimit: { max: 1200, windowMs: 60_000, allowList: [] },
      trustProxy: false,
      timeouts: { requestMs: 30_000, connectionMs: 60_000, keepAliveMs: 72_000 },
      maxEventLoopDelayMs: 1000,
      metrics: true
    })
  })

  it('reads the production settings', () => {
    expect(loadConfig({ RATE_LIMIT_MAX: '0', RATE_LIMIT_WINDOW: '30s', RATE_LIMIT_ALLOW_LIST: '127.0.0.1, 10.0.0.7', TRUST_PROXY: '10.0.0.0/8,127.0.0.1', MAX_EVENT_LOOP_DELAY_MS: '0', METRICS: 'false' }))
      .toMatchObject({ rateLimit: { max: 0, windowMs: 30_000, allowList: ['127.0.0.1', '10.0.0.7'] }, trustProxy: ['10.0.0.0/8', '127.0.0.1'], maxEventLoopDelayMs: 0, metrics: false })
    expect(loadConfig({ RATE_LIMIT_WINDOW: '1500' }).rateLimit.windowMs).toBe(1500)
    expect(loadConfig({ RATE_LIMIT_WINDOW: '2h' }).rateLimit.windowMs).toBe(7_200_000)
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
  })

  it('refuses a rate-limit window it cannot read', () => {
    expect(() => loadConfig({ RATE_LIMIT_WINDOW: '1 minute' })).toThrow(/RATE_LIMIT_WINDOW="1 minute"/)
  })
})

describe('the README configuration table', () => {
  it('lists every setting loadConfig reads, and nothing else', async () => {
    const { readFile } = await import('node:fs/promises')
    const { ConfigSchema } = await import('../../src/config.js')
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
    const section = readme.slice(readme.indexOf('### Configuration'), readme.indexOf('### Observability'))
    const documented = new Set([...section.matchAll(/^\| (.+?) \|/gm)].flatMap(([, names]) => [...names!.matchAll(/`([A-Z_]+)`/g)].map(([, name]) => name)))
    expect([...documented].sort()).toEqual(Object.keys(ConfigSchema.properties).sort())
  })
})
