import { createHash } from 'node:crypto'
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { PROJECT_ROOT } from '../../src/cli/generate.js'
import { loadContent } from '../../src/content/pipeline.js'
import { formatIssue } from '../../src/content/validate.js'
import { fixtureDir } from '../helpers/app.js'
import { buildPropertyApp } from './support.js'

/* One example per bug the property tests found, each kept as a plain test. */

let app: App
beforeAll(async () => { app = await buildPropertyApp() })
afterAll(async () => { await app.close() })

const V = '/v1/roadmaps/mlops/versions/2024-01-12'

describe('REST', () => {
  // Ajv coerces "Infinity" and "1e999" to ±Infinity and then skips minimum and maximum (ajv#2212).
  it.each([
    ['limit', `${V}/tools?limit=Infinity`],
    ['limit', `${V}/steps?limit=1e999`],
    ['depth', `${V}/steps?view=flat&depth=-Infinity`],
    ['maxheight', `/oembed?url=${encodeURIComponent('http://localhost/embed/mlops/2024-01-12')}&maxheight=-Infinity`],
    ['maxwidth', `/oembed?url=${encodeURIComponent('http://localhost/embed/mlops/2024-01-12')}&maxwidth=1e999`],
    ['scale', `${V}/diagram.png?scale=Infinity`]
  ])('refuses an infinite %s: %s', async (name, url) => {
    const response = await app.inject(url)
    expect(response.statusCode).toBe(400)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toMatchObject({ status: 400, code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'query', name, reason: 'must be integer' }] })
  })

  it('still takes finite integers in range', async () => {
    expect((await app.inject(`${V}/tools?limit=2`)).json<{ items: unknown[] }>().items).toHaveLength(2)
    expect((await app.inject(`${V}/steps?view=flat&depth=1&limit=1`)).statusCode).toBe(200)
  })
})

describe('the committed OpenAPI document', () => {
  interface Operation { parameters?: Array<{ name: string, required?: boolean }>, responses: Record<string, { content?: Record<string, unknown> }> }
  let operations: Map<string, Operation>
  beforeAll(async () => {
    const document = JSON.parse(await readFile(join(PROJECT_ROOT, 'openapi/openapi.json'), 'utf8')) as { paths: Record<string, Record<string, Operation & { operationId: string }>> }
    operations = new Map(Object.values(document.paths).flatMap((item) => Object.values(item)).map((operation) => [operation.operationId, operation]))
  })

  // These routes answered `If-None-Match` with a 304 the document did not list.
  it.each([
    ['getEmbedPage', '/embed/mlops/2024-01-12'],
    ['getOembed', `/oembed?url=${encodeURIComponent('http://localhost/embed/mlops/2024-01-12')}`],
    ['getDiagramSvg', `${V}/diagram.svg`],
    ['getDiagramPng', `${V}/diagram.png`]
  ])('documents the 304 that %s answers', async (operationId, url) => {
    const response = await app.inject({ url, headers: { 'if-none-match': '*' } })
    expect(response.statusCode).toBe(304)
    expect(operations.get(operationId)!.responses['304']).toBeDefined()
  })

  it('documents the oEmbed 501 as the problem+json it is', async () => {
    const response = await app.inject(`/oembed?url=${encodeURIComponent('http://localhost/embed/mlops/2024-01-12')}&format=xml`)
    expect(response.statusCode).toBe(501)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(Object.keys(operations.get('getOembed')!.responses['501']!.content!)).toEqual(['application/problem+json'])
  })

  // A parameter with a default may be left out, so it is not required.
  it.each([['getEmbedPage', 'theme', '/embed/mlops/2024-01-12'], ['getDiagramPng', 'scale', `${V}/diagram.png`]])('%s: %s is optional', async (operationId, name, url) => {
    expect(operations.get(operationId)!.parameters!.find((parameter) => parameter.name === name)!.required).toBe(false)
    expect((await app.inject(url)).statusCode).toBe(200)
  })
})

describe('GraphQL', () => {
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/graphql', payload: payload as Record<string, unknown> })
  const codes = (response: { json: <T>() => T }) => response.json<{ errors?: Array<{ extensions?: { code?: string } }> }>().errors?.map((error) => error.extensions?.code)

  // Mercurius reads query text that is not GraphQL as a JSON syntax tree; validation then crashed.
  it.each([5, '5', '{}', '[]', 'null', '"x"', '{"kind":"Document","definitions":[]}'])('answers the query %j with a syntax error', async (query) => {
    const response = await post({ query })
    expect(response.statusCode).toBe(400)
    expect(codes(response)).toEqual(['ROADMAP_ERR_INVALID_QUERY'])
    expect(response.json<{ errors: Array<{ message: string }> }>().errors[0]!.message).toMatch(/^Syntax Error: /)
  })

  it('refuses GET variables that are JSON but not an object', async () => {
    for (const variables of ['5', 'true', '"x"', '[]']) {
      const response = await app.inject(`/graphql?query=${encodeURIComponent('{ roadmaps { slug } }')}&variables=${encodeURIComponent(variables)}`)
      expect(response.statusCode, variables).toBe(400)
      expect(codes(response)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
    }
    expect((await app.inject(`/graphql?query=${encodeURIComponent('{ roadmaps { slug } }')}&variables=null`)).statusCode).toBe(200)
  })

  it('answers a mutation over GET with 405, coded', async () => {
    const response = await app.inject(`/graphql?query=${encodeURIComponent('mutation { roadmaps { slug } }')}`)
    expect(response.statusCode).toBe(405)
    expect(codes(response)).toEqual(['ROADMAP_ERR_METHOD_NOT_ALLOWED'])
  })

  it.each([
    ['an unknown operationName', '{ roadmaps { slug } }', 'Nope', 'Unknown operation named "Nope".'],
    ['several operations and no name', 'query A { roadmaps { slug } } query B { roadmaps { title } }', undefined, 'Must provide operation name if query contains multiple operations.'],
    ['only fragments', 'fragment F on Query { roadmaps { slug } }', undefined, 'Must provide an operation.']
  ])('answers a GET with %s as POST does', async (_case, query, operationName, message) => {
    const response = await app.inject(`/graphql?query=${encodeURIComponent(query)}${operationName === undefined ? '' : `&operationName=${operationName}`}`)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ errors: [{ message, extensions: { code: 'ROADMAP_ERR_INVALID_QUERY' } }] })
  })

  it('answers a persisted query asked for by hash under an unknown operationName', async () => {
    const query = '{ roadmaps { title } }'
    const extensions = (hash: string) => encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }))
    const hash = createHash('sha256').update(query).digest('hex')
    expect((await app.inject(`/graphql?query=${encodeURIComponent(query)}&extensions=${extensions(hash)}`)).statusCode).toBe(200)
    const response = await app.inject(`/graphql?extensions=${extensions(hash)}&operationName=Nope`)
    expect(response.statusCode).toBe(400)
    expect(codes(response)).toEqual(['ROADMAP_ERR_INVALID_QUERY'])
  })
})

describe('content loading', () => {
  let contentDir: string
  const STEP = 'demo/versions/2024-01-01/steps/basics.yaml'
  const TOOL = 'demo/versions/2024-01-01/tools/shell.yaml'
  beforeAll(async () => {
    contentDir = await mkdtemp(join(tmpdir(), 'roadmap-content-regression-'))
    await cp(fixtureDir('valid'), contentDir, { recursive: true })
  })
  afterAll(async () => { await rm(contentDir, { recursive: true, force: true }) })

  /** Loads the tree with one file changed, then puts the file back. */
  async function issuesWith (file: string, edit: (text: string) => string): Promise<string[]> {
    const path = join(contentDir, file)
    const text = await readFile(path, 'utf8')
    await writeFile(path, edit(text))
    try {
      const result = await loadContent(contentDir)
      return result.ok ? [] : result.issues.map((issue) => formatIssue({ ...issue, file: issue.file.slice(contentDir.length + 1) }))
    } finally {
      await writeFile(path, text)
    }
  }

  // yaml's toJS() threw a ReferenceError out of loadContent.
  it('reports an alias without an anchor at its line instead of throwing', async () => {
    expect(await issuesWith(TOOL, (text) => `${text}homepage: *nowhere\n`)).toEqual([
      `${TOOL}:4:11 YAML syntax error: Unresolved alias (the anchor must be set before the alias): nowhere`
    ])
  })

  it('reports an alias bomb instead of throwing', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 6 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [${Array(10).fill(`*${String.fromCharCode(97 + index)}`).join(', ')}]`)].join('\n')
    const issues = await issuesWith(TOOL, () => `${bomb}\n`)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(new RegExp(`^${TOOL}:\\d+:\\d+ YAML syntax error: Excessive alias count`))
  })

  // Value.Default merged the map into the `[]` default, so the step silently named no tools.
  it('reports a map where a list with a default belongs', async () => {
    const issues = await issuesWith(STEP, (text) => text.replace('tools: [shell]', 'tools:\n  shell: yes'))
    expect(issues).toContain(`${STEP}:5:1 tools: expected array`)
  })

  // The API takes ids of at most 100 characters, so a longer file name made an item no request could reach.
  it('reports an id longer than the API accepts', async () => {
    const long = 'x'.repeat(101)
    const from = join(contentDir, 'demo/versions/2024-01-01/steps/shell-use.yaml')
    const to = join(contentDir, `demo/versions/2024-01-01/steps/${long}.yaml`)
    await rename(from, to)
    try {
      const result = await loadContent(contentDir)
      expect(result.ok ? [] : result.issues.map((issue) => issue.message)).toContain(`file name "${long}" is not a valid id (lower-case letters, digits and dashes, at most 100 characters)`)
    } finally {
      await rename(to, from)
    }
  })
})
