import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Every line the app logs, parsed. */
function logCapture () {
  const lines: Array<Record<string, unknown>> = []
  const stream = new Writable({
    write (chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>)
      callback()
    }
  })
  return { lines, stream }
}

let app: App
const logs = logCapture()
beforeAll(async () => { app = await buildTestApp({ fixture: 'valid', logger: { level: 'info', stream: logs.stream } }) })
afterAll(async () => { await app.close() })

describe('request ids', () => {
  it('keeps a caller’s id, answers with it and logs under it', async () => {
    const id = 'edge-7f3a.b2:c_91-x'
    const response = await app.inject({ url: '/v1/roadmaps', headers: { 'x-request-id': id } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-request-id']).toBe(id)
    const mine = logs.lines.filter((line) => line['reqId'] === id)
    expect(mine.map((line) => line['msg'])).toEqual(expect.arrayContaining(['incoming request', 'request completed']))
  })

  it('generates a UUID when the caller sends none, a different one each time', async () => {
    const [first, second] = [await app.inject('/v1/roadmaps'), await app.inject('/v1/roadmaps')]
    expect(first.headers['x-request-id']).toMatch(UUID)
    expect(second.headers['x-request-id']).toMatch(UUID)
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id'])
    expect(logs.lines.some((line) => line['reqId'] === first.headers['x-request-id'])).toBe(true)
  })

  it.each([
    ['too long', 'a'.repeat(129)],
    ['with spaces', 'abc def'],
    ['forging JSON in logs', '","level":60,"msg":"forged'],
    ['markup', '<script>alert(1)</script>'],
    ['non-ASCII', 'réquest-1'],
    ['empty', '']
  ])('replaces an id that is %s', async (_name, hostile) => {
    const response = await app.inject({ url: '/v1/roadmaps', headers: { 'x-request-id': hostile } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['x-request-id']).toMatch(UUID)
    expect(logs.lines.some((line) => line['reqId'] === hostile)).toBe(false)
  })

  it('keeps an id of exactly 128 characters', async () => {
    const id = `${'a'.repeat(127)}Z`
    expect((await app.inject({ url: '/v1/roadmaps', headers: { 'x-request-id': id } })).headers['x-request-id']).toBe(id)
  })

  it.each([
    ['a 404 for a route', 'GET', '/nowhere', 404],
    ['a 404 for an id', 'GET', '/v1/roadmaps/nope', 404],
    ['a 400', 'GET', '/v1/roadmaps/demo/versions/yesterday', 400],
    ['a 405', 'DELETE', '/v1/roadmaps', 405],
    ['a GraphQL error', 'POST', '/graphql', 400],
    ['a preflight', 'OPTIONS', '/v1/roadmaps', 204]
  ] as const)('is on %s', async (_name, method, url, status) => {
    const response = await app.inject({ method, url, headers: { 'x-request-id': 'trace-1' }, ...(method === 'POST' ? { payload: { query: '{ nope }' } } : {}) })
    expect(response.statusCode).toBe(status)
    expect(response.headers['x-request-id']).toBe('trace-1')
  })
})

describe('request logs', () => {
  it('leave the query string out of the logged URL', async () => {
    const response = await app.inject({ url: '/v1/roadmaps/demo/versions/latest/search?q=hunter2-secret', headers: { 'x-request-id': 'search-1' } })
    expect(response.statusCode).toBe(200)
    const incoming = logs.lines.find((line) => line['reqId'] === 'search-1' && line['msg'] === 'incoming request')
    expect(incoming?.['req']).toMatchObject({ method: 'GET', url: '/v1/roadmaps/demo/versions/latest/search' })
    expect(JSON.stringify(logs.lines)).not.toContain('hunter2-secret')
  })
})
