import fc from 'fast-check'
import { buildSchema } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config.js'
import { isProblemCode } from '../../src/errors.js'
import { loadSchemaSource } from '../../src/graphql/schema.js'
import { choicesArbitrary, createQueryGenerator, type GeneratedOperation } from './graphql-queries.js'
import { buildPropertyApp, hostileString, leaksIn, realIds, runs } from './support.js'

/*
 * Random valid operations generated from the committed SDL, then random damage to them
 * and to the request around them. Whatever arrives at /graphql: no 5xx, every error
 * carries a code from the one vocabulary (src/errors.ts), and nothing leaks.
 */

const VALID_RUNS = 250
const MUTATED_RUNS = 300

let app: App
let generate: (choices: readonly number[], shape: { maxDepth: number }) => GeneratedOperation
beforeAll(async () => {
  app = await buildPropertyApp()
  generate = createQueryGenerator(buildSchema(await loadSchemaSource()), await realIds(app))
})
afterAll(async () => { await app.close() })

interface GraphQLError { message?: unknown, extensions?: { code?: unknown } }
interface GraphQLBody { data?: unknown, errors?: GraphQLError[] }

/** Every way an answer from /graphql breaks the contract; empty when it keeps it. */
function breaches (response: Awaited<ReturnType<App['inject']>>, ...echoes: string[]): string[] {
  const found: string[] = []
  const status = response.statusCode
  if (status >= 500) found.push(`status ${status}`)
  for (const leak of leaksIn(response.body, ...echoes)) found.push(`leaks ${leak}`)
  const type = String(response.headers['content-type'] ?? '')
  if (response.body === '' && status === 304) return found
  let body: unknown
  try { body = JSON.parse(response.body) } catch { return [...found, `${status} ${type} body is not JSON`] }
  if (/^application\/problem\+json/.test(type)) {
    const problem = body as { status?: unknown, code?: unknown }
    if (!isProblemCode(problem.code)) found.push(`problem without a known code: ${JSON.stringify(problem.code)}`)
    if (problem.status !== status) found.push(`problem status ${String(problem.status)} on a ${status}`)
    return found
  }
  if (!/^application\/json/.test(type)) found.push(`content type "${type}"`)
  // A batch answers with one result per operation.
  for (const result of Array.isArray(body) ? body as GraphQLBody[] : [body as GraphQLBody]) {
    if (result === null || typeof result !== 'object') { found.push(`result ${JSON.stringify(result)}`); continue }
    if (result.errors === undefined) {
      if (result.data === null || typeof result.data !== 'object') found.push('no errors and no data')
      continue
    }
    if (!Array.isArray(result.errors) || result.errors.length === 0) { found.push('errors is not a non-empty list'); continue }
    for (const error of result.errors) {
      if (!isProblemCode(error.extensions?.code)) found.push(`error without a known code: ${JSON.stringify(error)}`)
      if (typeof error.message !== 'string' || error.message === '') found.push(`error without a message: ${JSON.stringify(error)}`)
    }
  }
  if (!Array.isArray(body) && status >= 400 && (body as GraphQLBody).errors === undefined) found.push(`${status} without errors`)
  return found
}

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/graphql', payload: payload as Record<string, unknown> })

describe('generated GraphQL operations', () => {
  it(`valid operations up to the depth limit answer with data or coded errors (${VALID_RUNS} runs)`, async () => {
    let clean = 0
    await fc.assert(fc.asyncProperty(choicesArbitrary, fc.integer({ min: 1, max: DEFAULT_GRAPHQL_LIMITS.maxDepth + 1 }), async (choices, maxDepth) => {
      const operation = generate(choices, { maxDepth })
      const response = await post(operation)
      const body = response.json<GraphQLBody>()
      if (body.errors === undefined) clean++
      expect(breaches(response, operation.query, JSON.stringify(operation.variables)), `${operation.query}\n${JSON.stringify(operation.variables)}\n-> ${response.statusCode} ${response.body.slice(0, 500)}`).toEqual([])
    }), runs(VALID_RUNS))
    // The generator makes mostly answerable operations: most runs get data without any error.
    expect(clean).toBeGreaterThan(VALID_RUNS / 2)
  })
})

/* Damage to the text of a valid operation. */
const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.constantFrom('{', '}', '(', ')', '[', ']', ':', '$', '!', '@', '#', '"', '"""', '\\', '...', '... on Step', '@skip(if: true)', '@include(if: $nope)', 'bogusField', 'bogusField { x }', '__schema { types { name } }', '__typename', 'a: b', '99999999999999999999', '-1', '1.5e400', 'null', 'query', 'mutation', 'subscription', 'fragment F on Query { roadmaps { slug } }', '\u0000', '\ufeff', ',,,,', '{'.repeat(60), '}'.repeat(60)),
      hostileString
    )
  })
)

function mutate (query: string, mutations: ReadonlyArray<typeof textMutation extends fc.Arbitrary<infer T> ? T : never>): string {
  let text = query
  for (const mutation of mutations) {
    const at = mutation.at % (text.length + 1)
    if (mutation.kind === 'delete') text = text.slice(0, at) + text.slice(at + mutation.length)
    else if (mutation.kind === 'duplicate') text = text.slice(0, at + mutation.length) + text.slice(at)
    else if (mutation.kind === 'swap') text = at + 1 < text.length ? text.slice(0, at) + text[at + 1]! + text[at]! + text.slice(at + 2) : text
    else text = text.slice(0, at) + mutation.text + text.slice(at)
  }
  return text
}

/* Variables of the wrong type for whatever the operation declares, and other odd variable objects. */
const wrongVariables = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom<unknown>(null, 'nope', 5, [], [1], true, {}, { v0: {} }, { v0: [] }, { v0: null }, { v0: 1.5 }, { v0: 2 ** 40 }, { v0: 'x'.repeat(5000) }, { v0: { __proto__: { polluted: true } } }, { v1: [[[[[]]]]] }, { constructor: { prototype: {} } }),
  fc.dictionary(fc.constantFrom('v0', 'v1', 'v2', 'v3', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 })
)

type Transport =
  | { kind: 'post', operationName?: unknown, variables: unknown, extensions?: unknown }
  | { kind: 'raw', body: string, contentType: string }
  | { kind: 'get', variables: string | undefined, extra: string }
  | { kind: 'batch', copies: number }

const transport: fc.Arbitrary<Transport> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('post' as const), operationName: fc.constantFrom(undefined, undefined, 'Q', 'Nope', 5, null, ''), variables: wrongVariables, extensions: fc.constantFrom(undefined, undefined, 5, 'x', { persistedQuery: 5 }, { persistedQuery: { version: 1, sha256Hash: 'abc' } }, { persistedQuery: { version: 'x', sha256Hash: {} } }) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      body: fc.constantFrom('', '{', '{"query":', '[', '[]', '[1,2]', 'null', '"x"', '5', 'true', '{"query": 5}', '{"query": null}', '{"query": {}}', '{"query": []}', '{"query": "{}"}', '{"query": "[]"}', '{"query": "5"}', '{"query": "null"}', '{"query": "\\"x\\""}', '{"query": "{\\"kind\\":\\"Document\\",\\"definitions\\":[]}"}', '{"query":"{ roadmaps { slug } }","variables":"nope"}', '{"query":"{ roadmaps { slug } }","__proto__":{"x":1}}', `${'['.repeat(5000)}${']'.repeat(5000)}`, `{"query":"${'{a'.repeat(2000)}"}`, '\u0000\u0001', '{"query":"{ roadmaps { slug } }"}garbage'),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/graphql', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', '')
    })
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('get' as const), variables: fc.constantFrom(undefined, '{', 'null', '[]', '{"v0":{}}', '5', '%'), extra: fc.constantFrom('', '', '&query=x', '&operationName=Nope', '&extensions=%7B', '&extensions=%7B%22persistedQuery%22%3A5%7D', '&__proto__=1') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), copies: fc.integer({ min: 0, max: DEFAULT_GRAPHQL_LIMITS.maxOperations + 2 }) }) }
)

async function send (query: string, how: Transport) {
  switch (how.kind) {
    case 'post': {
      const payload: Record<string, unknown> = { query }
      if (how.variables !== undefined) payload['variables'] = how.variables
      if (how.operationName !== undefined) payload['operationName'] = how.operationName
      if (how.extensions !== undefined) payload['extensions'] = how.extensions
      return { response: await post(payload), echo: JSON.stringify(payload) }
    }
    case 'raw': {
      const body = how.contentType === 'application/graphql' ? query : how.body
      const headers = how.contentType === '' ? {} : { 'content-type': how.contentType }
      return { response: await app.inject({ method: 'POST', url: '/graphql', payload: body, headers }), echo: body }
    }
    case 'get': {
      const url = `/graphql?query=${encodeURIComponent(query)}${how.variables === undefined ? '' : `&variables=${encodeURIComponent(how.variables)}`}${how.extra}`
      return { response: await app.inject({ method: 'GET', url }), echo: url }
    }
    case 'batch': {
      const payload = Array.from({ length: how.copies }, (_, index) => ({ query: index % 2 === 0 ? query : '{ roadmaps { slug } }' }))
      return { response: await post(payload), echo: JSON.stringify(payload) }
    }
  }
}

describe('damaged GraphQL requests', () => {
  it(`mutated operations, bad variables, bad bodies and GET never get a 5xx and every error is coded (${MUTATED_RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(choicesArbitrary, fc.array(textMutation, { maxLength: 3 }), transport, async (choices, mutations, how) => {
      const query = mutate(generate(choices, { maxDepth: 4 }).query, mutations)
      const { response, echo } = await send(query, how)
      expect(breaches(response, query, echo), `${how.kind} ${JSON.stringify(how).slice(0, 300)}\n${query.slice(0, 1000)}\n-> ${response.statusCode} ${response.body.slice(0, 500)}`).toEqual([])
    }), runs(MUTATED_RUNS))
  })
})
