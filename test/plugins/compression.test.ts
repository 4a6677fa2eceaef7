import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { SECOND, buildFieldGuideApp } from '../routes/field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

const decode = { br: brotliDecompressSync, gzip: gunzipSync } as const

describe('compression of full snapshots', () => {
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'gzip']
  ] as const)('Accept-Encoding: %s gets %s, the same JSON as uncompressed', async (acceptEncoding, encoding) => {
    const plain = await app.inject({ url: SECOND })
    const compressed = await app.inject({ url: SECOND, headers: { 'accept-encoding': acceptEncoding } })
    expect(compressed.statusCode).toBe(200)
    expect(compressed.headers['content-encoding']).toBe(encoding)
    expect(compressed.headers['content-type']).toBe('application/json; charset=utf-8')
    // The snapshot URL also negotiates JSON-LD by Accept.
    expect(compressed.headers['vary']).toBe('Accept, accept-encoding')
    expect(Number(compressed.headers['content-length'])).toBe(compressed.rawPayload.length)
    expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length)
    expect(decode[encoding](compressed.rawPayload).toString('utf8')).toBe(plain.body)
  })

  it('sends the bytes compressed at startup, not a fresh compression', async () => {
    const version = app.contentStore.getVersion('field-guide', '2024-02-01')
    expect(app.encodedSnapshot(version)).toBe(app.encodedSnapshot(version))
    const precompressed = await app.encodedSnapshot(version)
    expect((await app.inject({ url: SECOND, headers: { 'accept-encoding': 'br' } })).rawPayload.equals(precompressed.br)).toBe(true)
    expect((await app.inject({ url: SECOND, headers: { 'accept-encoding': 'gzip' } })).rawPayload.equals(precompressed.gzip)).toBe(true)
    expect((await app.inject({ url: SECOND })).body).toBe(precompressed.identity)
  })

  it.each([[undefined], ['identity'], ['br;q=0, gzip;q=0'], ['deflate']])('Accept-Encoding: %s gets the JSON uncompressed', async (acceptEncoding) => {
    const response = await app.inject({ url: SECOND, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } })
    expect(response.headers['content-encoding']).toBeUndefined()
    expect(response.headers['vary']).toBe('Accept, accept-encoding')
    expect(response.json()).toMatchObject({ version: { id: '2024-02-01' } })
  })
})

describe('compression of other responses', () => {
  it('compresses a large list on the fly', async () => {
    const plain = await app.inject({ url: `${SECOND}/resources` })
    expect(plain.rawPayload.length).toBeGreaterThan(1024)
    for (const encoding of ['br', 'gzip'] as const) {
      const compressed = await app.inject({ url: `${SECOND}/resources`, headers: { 'accept-encoding': encoding } })
      expect(compressed.headers['content-encoding']).toBe(encoding)
      expect(compressed.headers['vary']).toBe('accept-encoding')
      expect(decode[encoding](compressed.rawPayload).toString('utf8')).toBe(plain.body)
    }
  })

  it('leaves small bodies alone, still saying the response varies by Accept-Encoding', async () => {
    const small = await app.inject({ url: `${SECOND}/tools?limit=1`, headers: { 'accept-encoding': 'br' } })
    expect(small.rawPayload.length).toBeLessThan(1024)
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.headers['vary']).toBe('accept-encoding')
    expect(small.json()).toMatchObject({ items: [{ id: 'bash' }] })
  })

  it('compresses the OpenAPI document', async () => {
    const plain = await app.inject({ url: '/openapi.json' })
    const compressed = await app.inject({ url: '/openapi.json', headers: { 'accept-encoding': 'br' } })
    expect(compressed.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(compressed.rawPayload).toString('utf8')).toBe(plain.body)
  })
})
