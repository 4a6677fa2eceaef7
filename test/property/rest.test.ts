import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { PROJECT_ROOT } from '../../src/cli/generate.js'
import { buildPropertyApp, hostileString, leaksIn, realIds, runs, wellFormed, type RealIds } from './support.js'

/*
 * Every GET operation of the committed OpenAPI document, fuzzed with valid values drawn
 * from the served content and hostile ones. Whatever the input: no 5xx, every 4xx is a
 * problem+json that validates against the Problem schema, every JSON 2xx validates against
 * the schema documented for its operation, status and media type, and nothing leaks.
 */

const RUNS_PER_OPERATION = 80

interface Schema { [keyword: string]: unknown }
interface Parameter { name: string, in: 'path' | 'query' | 'header', required?: boolean, schema: Schema }
interface Operation { operationId: string, parameters?: Parameter[], responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }
interface OpenApiDocument { paths: Record<string, Record<string, Operation>>, components: { schemas: Record<string, Schema> } }

const document = JSON.parse(await readFile(join(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as OpenApiDocument
const getOperations = Object.entries(document.paths).flatMap(([path, item]) => item['get'] === undefined ? [] : [{ path, operation: item['get'] }])

/* JSON Schema 2020-12 (OpenAPI 3.1), with `#/components/schemas/X` resolved against the components registered by URI. */
const COMPONENTS = 'https://openapi.invalid/components/schemas/'
const ajv = new Ajv2020({ strict: false, allErrors: true })
ajv.addFormat('uri', (value: string) => URL.canParse(value))
ajv.addFormat('date', (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)))
ajv.addFormat('binary', true)
const withResolvableRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withResolvableRefs)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [
    key,
    key === '$ref' && typeof inner === 'string' ? inner.replace('#/components/schemas/', COMPONENTS) : withResolvableRefs(inner)
  ]))
}
for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema({ ...withResolvableRefs(schema) as Schema, $id: `${COMPONENTS}${name}` })
const validators = new Map<Schema, ValidateFunction>()
const validatorFor = (schema: Schema) => {
  let validate = validators.get(schema)
  if (validate === undefined) validators.set(schema, validate = ajv.compile(withResolvableRefs(schema) as Schema))
  return validate
}
const problemSchema = { $ref: '#/components/schemas/Problem' }

/* Fastify route pattern → OpenAPI path: `/v1/roadmaps/:slug/export.:format` → `/v1/roadmaps/{slug}/export.{format}`. */
const openApiPath = (route: string) => route.replace(/:(\w+)/g, '{$1}')
const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase()
const BINARY_TYPES = /^image\/png$/

let app: App
let ids: RealIds
let problemSlugs: string[]
let cursors: string[]
beforeAll(async () => {
  // Tells the checks which route answered: a raw `..` or `%2e%2e` can send a request to another route than its template.
  app = await buildPropertyApp((app) => app.addHook('onSend', async (request, reply) => { reply.header('x-property-route', request.routeOptions.url ?? '') }))
  ids = await realIds(app)
  problemSlugs = (await app.inject('/problems')).json<{ items: Array<{ type: string }> }>().items.map((problem) => problem.type.split('/').pop()!)
  cursors = []
  for (const list of ['steps', 'tools', 'resources', 'search?q=docker&']) {
    const url = `/v1/roadmaps/mlops/versions/latest/${list}${list.includes('?') ? '' : '?'}limit=1`
    const next = (await app.inject(url)).json<{ nextCursor: string | null }>().nextCursor
    if (next !== null) cursors.push(next)
  }
})
afterAll(async () => { await app.close() })

/** Values the served content makes valid for a parameter, by route and name, then by its schema. */
function validValues (path: string, parameter: Parameter): fc.Arbitrary<string> {
  const { name, schema } = parameter
  const pick = (list: readonly string[]) => fc.constantFrom(...list)
  if (path.startsWith('/problems/') && name === 'slug') return pick(problemSlugs)
  switch (name) {
    case 'slug': return pick(ids.slugs)
    case 'version': case 'from': case 'to': return fc.oneof({ weight: 5, arbitrary: pick(ids.versions) }, { weight: 1, arbitrary: pick(['2020-01-01', '2024-02-30', '2024-01-11']) })
    case 'stepId': case 'parent': case 'step': return pick(ids.steps)
    case 'toolId': case 'tool': return pick(ids.tools)
    case 'resourceId': return pick(ids.resources)
    case 'cursor': return pick(cursors)
    case 'q': return fc.oneof(pick(ids.words), pick(ids.steps), fc.constantFrom('mlops', 'docker', 'pyth', 'kubernets'))
    case 'url': return fc.tuple(pick(['http://localhost', 'http://localhost:80', 'https://localhost', 'http://example.org']), pick(ids.slugs), pick(ids.versions), fc.option(pick(ids.steps), { nil: undefined }), fc.constantFrom('', 'light', 'dark'))
      .map(([origin, slug, version, step, theme]) => `${origin}/embed/${slug}/${version}${step === undefined ? '' : `?step=${step}`}${theme === '' ? '' : `${step === undefined ? '?' : '&'}theme=${theme}`}`)
  }
  const enumerated = enumValues(schema)
  if (enumerated.length > 0) return pick(enumerated)
  if (schema['type'] === 'integer') return fc.integer({ min: Number(schema['minimum'] ?? 0), max: Math.min(Number(schema['maximum'] ?? 100), 1_000_000) }).map(String)
  if (schema['type'] === 'boolean') return pick(['true', 'false'])
  if (name === 'format') return fc.constant('json')
  const examples = (schema['examples'] as unknown[] | undefined)?.map(String) ?? []
  return examples.length > 0 ? pick(examples) : hostileString
}

function enumValues (schema: Schema): string[] {
  if (Array.isArray(schema['enum'])) return schema['enum'].map(String)
  if (Array.isArray(schema['anyOf'])) return (schema['anyOf'] as Schema[]).flatMap(enumValues)
  return []
}

/*
 * `encoded` is what a well-behaved client sends. `raw` puts the value in the URL as it is,
 * so `%`, `..`, `&`, `=` and `+` reach the router and the query parser; only what cannot
 * appear in an HTTP request target at all (controls, spaces, non-ASCII, `#`) is escaped.
 */
type Encoding = 'encoded' | 'raw'
const encode = (value: string, encoding: Encoding, inPath: boolean) => encoding === 'encoded'
  ? encodeURIComponent(value)
  : [...value].map((char) => char.codePointAt(0)! <= 0x20 || char.codePointAt(0)! >= 0x7f || char === '#' || (inPath && /[/?]/.test(char)) ? encodeURIComponent(wellFormed(char)) : char).join('')

const encoding: fc.Arbitrary<Encoding> = fc.oneof({ weight: 3, arbitrary: fc.constant('encoded' as const) }, { weight: 1, arbitrary: fc.constant('raw' as const) })
const UNKNOWN_PARAMETERS = ['__proto__', 'constructor', 'toString', 'prototype', 'foo', 'limit[]', 'a[b]', '', '=', 'LIMIT', 'callback']
const ACCEPT = [undefined, undefined, undefined, 'application/json', 'application/problem+json', 'text/html', 'text/csv', 'text/markdown', '*/*', 'image/*', 'application/xml', ';;;', 'text/html;q=0, */*;q=0']
const IF_NONE_MATCH = [undefined, undefined, undefined, undefined, '*', '"abc"', 'W/"abc"', 'garbage', '""']

/** `arbitrary`'s value `times` in `outOf` runs, undefined otherwise. */
const sometimes = <T>(times: number, outOf: number, arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ weight: times, arbitrary: arbitrary.map((value): T | undefined => value) }, { weight: outOf - times, arbitrary: fc.constant(undefined) })

function requestFor (path: string, operation: Operation) {
  const parameters = operation.parameters ?? []
  const value = (parameter: Parameter) => fc.oneof({ weight: 3, arbitrary: validValues(path, parameter) }, { weight: 1, arbitrary: hostileString })
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path')
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query')
  return fc.record({
    path: fc.tuple(...pathParameters.map((parameter) => fc.tuple(fc.constant(parameter.name), value(parameter), encoding))),
    query: fc.tuple(...queryParameters.map((parameter) => fc.option(fc.tuple(fc.constant(parameter.name), value(parameter), encoding), { nil: undefined, freq: parameter.required === true ? 10 : 2 }))),
    repeated: sometimes(1, 8, fc.tuple(fc.nat(), hostileString)),
    unknown: sometimes(1, 8, fc.tuple(fc.constantFrom(...UNKNOWN_PARAMETERS), hostileString, encoding)),
    accept: fc.constantFrom(...ACCEPT),
    ifNoneMatch: fc.constantFrom(...IF_NONE_MATCH)
  }).map(({ path: pathValues, query, repeated, unknown, accept, ifNoneMatch }) => {
    let url = path
    for (const [name, raw, how] of pathValues) url = url.replace(`{${name}}`, encode(raw, how, true))
    const pairs: Array<[string, string, Encoding]> = query.filter((pair) => pair !== undefined)
    if (repeated !== undefined && pairs.length > 0) {
      const [name, , how] = pairs[repeated[0] % pairs.length]!
      pairs.push([name, repeated[1], how])
    }
    if (unknown !== undefined) pairs.push(unknown)
    const search = pairs.map(([name, raw, how]) => `${encode(name, how, false)}=${encode(raw, how, false)}`).join('&')
    const headers: Record<string, string> = {}
    if (accept !== undefined) headers['accept'] = accept
    if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch
    const missingRequired = queryParameters.some((parameter, index) => parameter.required === true && query[index] === undefined)
    return { url: search === '' ? url : `${url}?${search}`, headers, missingRequired }
  })
}

/** Every way a response can break the contract; empty when it keeps it. */
function contractBreaches (url: string, response: Awaited<ReturnType<App['inject']>>, missingRequired: boolean, path: string): string[] {
  const breaches: string[] = []
  const status = response.statusCode
  const type = String(response.headers['content-type'] ?? '')
  const route = String(response.headers['x-property-route'] ?? '')
  const operation = route === '' ? undefined : document.paths[openApiPath(route)]?.['get']
  const documented = operation?.responses[String(status)]
  if (status >= 500 && !(status === 501 && documented !== undefined)) breaches.push(`status ${status}`)
  // What the document calls required, the server must insist on.
  if (missingRequired && status < 400 && route !== '' && openApiPath(route) === path) breaches.push(`${status} without a required query parameter`)
  if (status >= 400) {
    // The embed page answers a browser with a small HTML error page, on purpose (see src/routes/embed.ts).
    const htmlForBrowser = operation?.operationId === 'getEmbedPage' && mediaType(type) === 'text/html'
    if (mediaType(type) !== 'application/problem+json' && !htmlForBrowser) breaches.push(`${status} with content type "${type}"`)
    if (documented !== undefined && !htmlForBrowser && documented.content?.[mediaType(type)] === undefined) {
      breaches.push(`${status} ${mediaType(type)} is not documented for ${operation!.operationId} (documented: ${Object.keys(documented.content ?? {}).join(', ')})`)
    }
    let problem: unknown
    if (!htmlForBrowser) try { problem = JSON.parse(response.body) } catch { breaches.push(`${status} body is not JSON`) }
    if (problem !== undefined) {
      const validate = validatorFor(problemSchema)
      if (!validate(problem)) breaches.push(`${status} problem does not validate: ${ajv.errorsText(validate.errors)}`)
      if ((problem as { status?: unknown }).status !== status) breaches.push(`problem status ${(problem as { status?: unknown }).status} on a ${status}`)
    }
  } else if (operation !== undefined) {
    if (documented === undefined) breaches.push(`status ${status} is not documented for ${operation.operationId}`)
    const media = documented?.content?.[mediaType(type)]
    if (status === 304) {
      if (response.body !== '') breaches.push('304 with a body')
    } else if (documented !== undefined && media === undefined) {
      breaches.push(`${status} ${mediaType(type)} is not documented for ${operation.operationId} (documented: ${Object.keys(documented.content ?? {}).join(', ')})`)
    } else if (media?.schema !== undefined && /json/.test(mediaType(type))) {
      const validate = validatorFor(media.schema)
      let body: unknown
      try { body = JSON.parse(response.body) } catch { breaches.push(`${status} ${type} body is not JSON`) }
      if (body !== undefined && !validate(body)) breaches.push(`${status} body does not match the ${operation.operationId} schema: ${ajv.errorsText(validate.errors)}`)
    }
  }
  if (!BINARY_TYPES.test(mediaType(type))) {
    for (const leak of leaksIn(response.body, url)) breaches.push(`leaks ${leak}`)
  }
  return breaches
}

describe('every documented GET operation, fuzzed', () => {
  it('covers every GET operation of the committed document', () => {
    expect(getOperations.length).toBeGreaterThan(20)
  })

  for (const { path, operation } of getOperations) {
    it(`${operation.operationId} (GET ${path}): no 5xx, problems and bodies match the document, no leaks`, async () => {
      const statuses = new Set<number>()
      await fc.assert(fc.asyncProperty(requestFor(path, operation), async ({ url, headers, missingRequired }) => {
        const response = await app.inject({ method: 'GET', url, headers })
        statuses.add(response.statusCode)
        expect(contractBreaches(url, response, missingRequired, path), `GET ${url} ${JSON.stringify(headers)} -> ${response.statusCode} ${response.body.slice(0, 300)}`).toEqual([])
      }), runs(RUNS_PER_OPERATION))
      // The valid values reach the handler: successes occur, and so do refusals where there is anything to refuse.
      expect([...statuses].some((status) => status >= 200 && status < 300), `statuses ${[...statuses].join(', ')}`).toBe(true)
      if ((operation.parameters ?? []).length > 0) expect([...statuses].some((status) => status >= 400 && status < 500), `statuses ${[...statuses].join(', ')}`).toBe(true)
    })
  }
})
