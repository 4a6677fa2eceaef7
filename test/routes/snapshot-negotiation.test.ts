import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

let app: App
beforeAll(async () => { app = await buildTestApp() })
afterAll(async () => { await app.close() })

const url = '/v1/roadmaps/mlops/versions/2024-01-12'

describe('the snapshot URL negotiates JSON and JSON-LD', () => {
  it('tells caches that JSON and JSON-LD share the URL, with an ETag per representation', async () => {
    const json = await app.inject({ url, headers: { accept: 'application/json' } })
    const jsonLd = await app.inject({ url, headers: { accept: 'application/ld+json' } })
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(jsonLd.headers['content-type']).toMatch(/^application\/ld\+json/)
    for (const response of [json, jsonLd]) {
      const vary = String(response.headers['vary']).toLowerCase().split(/,\s*/)
      expect(vary).toEqual(expect.arrayContaining(['accept', 'accept-encoding']))
    }
    expect(json.headers.etag).not.toBe(jsonLd.headers.etag)
    // A validator of one representation does not revalidate the other.
    const crossed = await app.inject({ url, headers: { accept: 'application/ld+json', 'if-none-match': json.headers.etag as string } })
    expect(crossed.statusCode).toBe(200)
    const same = await app.inject({ url, headers: { accept: 'application/json', 'if-none-match': json.headers.etag as string } })
    expect(same.statusCode).toBe(304)
    expect(String(same.headers['vary']).toLowerCase()).toContain('accept')
  })
})
