import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

/*
 * Bounded, seeded fuzzing through app.inject: odd paths, parameters and headers on every
 * route family. Whatever comes in, the answer is never a 5xx, and every 4xx is problem+json
 * (or a GraphQL error body on /graphql) that leaks no stack or file path.
 */

const REQUESTS = 600

function prng (seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

const pieces = {
  prefix: ['/v1/roadmaps/mlops/versions/latest', '/v1/roadmaps/mlops/versions/2024-01-12', '/v1/roadmaps/mlops', '/v1/roadmaps', '/embed/mlops', '/oembed', '/graphql', '/v1/roadmaps/mlops/diff', '/problems', ''],
  segment: ['steps', 'tools', 'resources', 'search', 'diagram.svg', 'diagram.png', 'export', 'export.md', 'changelog.atom', 'docker', 'mlflow', '..', '%2e%2e', '%00', '%E0%A4%A', '%', 'latest', '2024-13-45', 'x'.repeat(300), '😀', '<script>alert(1)</script>', "'; DROP TABLE", '__proto__', 'constructor'],
  key: ['limit', 'cursor', 'view', 'parent', 'depth', 'category', 'kind', 'step', 'tool', 'hasUrl', 'q', 'from', 'to', 'format', 'theme', 'url', 'maxwidth', 'query', 'variables', 'extensions', '__proto__', 'scale'],
  value: ['', '0', '-1', '1e9', '101', 'NaN', 'true', 'flat', 'tree', 'docker', 'latest', '2023-12-21', '%FF', 'a'.repeat(2000), '{', '{"a":', '[]', 'null', '{ roadmaps { slug } }', 'http://127.0.0.1/embed/mlops/latest', 'YTpub3BlIQ', '!!!', 'xml', 'dark'],
  accept: [undefined, 'application/json', 'text/html', 'application/ld+json', 'text/csv', 'image/png', '*/*', 'application/xml', ';;;']
}

let app: App
beforeAll(async () => { app = await buildTestApp() })
afterAll(async () => { await app.close() })

describe('fuzzed requests', () => {
  it(`never get a 5xx, and every 4xx explains itself (${REQUESTS} requests)`, async () => {
    const random = prng(20240112)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
    const failures: string[] = []
    const statuses = new Set<number>()
    for (let index = 0; index < REQUESTS; index++) {
      const segments = Array.from({ length: Math.floor(random() * 3) }, () => pick(pieces.segment))
      const query = Array.from({ length: Math.floor(random() * 4) }, () => `${pick(pieces.key)}=${pick(pieces.value)}`).join('&')
      const url = `${pick(pieces.prefix)}/${segments.join('/')}${query === '' ? '' : `?${query}`}`
      const accept = pick(pieces.accept)
      const method = random() < 0.85 ? 'GET' : pick(['HEAD', 'POST', 'DELETE', 'OPTIONS'] as const)
      const response = await app.inject({ method, url, headers: accept === undefined ? {} : { accept } })
      const type = String(response.headers['content-type'] ?? '')
      statuses.add(response.statusCode)
      if (response.statusCode >= 500 && response.statusCode !== 501) failures.push(`${method} ${url} -> ${response.statusCode}`)
      // GraphQL answers with a GraphQL error body; the embed page with a small HTML page to a browser.
      const expected = url.startsWith('/graphql') ? /^application\/(problem\+)?json/ : url.startsWith('/embed') && accept === 'text/html' ? /^(text\/html|application\/problem\+json)/ : /^application\/problem\+json/
      if (response.statusCode >= 400 && method !== 'HEAD' && !expected.test(type)) failures.push(`${method} ${url} (accept ${accept}) -> ${response.statusCode} ${type}`)
      if (/\n\s+at |\/work\/|node_modules/.test(response.body)) failures.push(`${method} ${url} leaks internals`)
      // A method a path does not serve is 405 with the methods it does; a path no route matches stays 404.
      if (response.statusCode === 405 && !/^GET, HEAD, OPTIONS(, POST)?$/.test(String(response.headers['allow']))) failures.push(`${method} ${url} -> 405 without Allow`)
    }
    expect(failures).toEqual([])
    // The inputs reach past the router: successes, validation errors, missing items and unserved methods all occur.
    expect([...statuses]).toEqual(expect.arrayContaining([200, 400, 404, 405]))
  }, 120_000)
})
