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
})
