import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { Document, Spectral, type RulesetDefinition } from '@stoplight/spectral-core'
import Parsers from '@stoplight/spectral-parsers'
import { oas } from '@stoplight/spectral-rulesets'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import type { App } from '../../src/app.js'
import { PROJECT_ROOT } from '../../src/cli/generate.js'
import { buildTestApp } from '../helpers/app.js'

interface Operation {
  operationId?: string
  tags?: string[]
  summary?: string
  description?: string
  parameters?: Array<{ name: string, in: string, example?: unknown, examples?: unknown }>
  responses: Record<string, { content?: Record<string, unknown> }>
}
interface OpenApiDocument { openapi: string, tags: Array<{ name: string }>, paths: Record<string, Record<string, Operation>>, components: { schemas: Record<string, unknown> } }

// The operations this contract covers in full; other routes are checked for the basics only.
const REST_OPERATIONS = ['listRoadmaps', 'getRoadmap', 'listVersions', 'getSnapshot', 'listSteps', 'getStep', 'listTools', 'getTool', 'listResources', 'getResource', 'search']

const committed = (path: string) => readFile(join(PROJECT_ROOT, path), 'utf8')

let app: App
let document: OpenApiDocument
beforeAll(async () => {
  app = await buildTestApp()
  document = JSON.parse(await committed('openapi/openapi.json')) as OpenApiDocument
})
afterAll(async () => { await app.close() })

const operations = () => Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })))

describe('the committed OpenAPI document', () => {
  // Drift of openapi/* and test/generated/openapi.d.ts from the code is checked with every other artifact in test/artifacts.test.ts.
  it('is served byte for byte at /openapi.json and /openapi.yaml', async () => {
    const json = await app.inject({ url: '/openapi.json' })
    expect(json.statusCode).toBe(200)
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(json.body).toBe(await committed('openapi/openapi.json'))
    const yaml = await app.inject({ url: '/openapi.yaml' })
    expect(yaml.headers['content-type']).toBe('application/yaml; charset=utf-8')
    expect(yaml.body).toBe(await committed('openapi/openapi.yaml'))
    expect(parseYaml(yaml.body)).toEqual(document)
  })

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator()
    const result = await validator.validate(JSON.parse(await committed('openapi/openapi.json')) as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    expect(document.openapi).toBe('3.1.0')
  })

  it('passes Spectral\'s spectral:oas ruleset with no errors', async () => {
    const spectral = new Spectral()
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] })
    const results = await spectral.run(new Document(await committed('openapi/openapi.json'), Parsers.Json, 'openapi/openapi.json'))
    const describe = (result: typeof results[number]) => `${result.code} at ${result.path.join('.')}: ${result.message}`
    expect(results.filter((result) => result.severity === 0).map(describe)).toEqual([])
    // The project has no contact address to publish yet; any other warning is a regression.
    expect(results.filter((result) => result.code !== 'info-contact').map(describe)).toEqual([])
  })

  it('names every operation, tags it with a declared tag, and summarises and describes it', () => {
    const tags = new Set(document.tags.map((tag) => tag.name))
    const ids = operations().map(({ operation }) => operation.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const { path, method, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`
      expect(operation.operationId, where).toMatch(/^[a-z][A-Za-z]+$/)
      expect(operation.tags?.length, where).toBeGreaterThan(0)
      expect(operation.tags!.every((tag) => tags.has(tag)), where).toBe(true)
      expect(operation.summary, where).toBeTruthy()
      expect(operation.description, where).toBeTruthy()
    }
  })

  it('documents, for each REST operation, examples for every parameter, a 304, and each 4xx as application/problem+json', () => {
    const rest = operations().filter(({ operation }) => REST_OPERATIONS.includes(operation.operationId!))
    expect(rest.map(({ operation }) => operation.operationId).sort()).toEqual([...REST_OPERATIONS].sort())
    for (const { operation } of rest) {
      const where = operation.operationId
      for (const parameter of operation.parameters ?? []) expect(parameter.example ?? parameter.examples, `${where} ${parameter.name}`).toBeDefined()
      expect(Object.keys(operation.responses), where).toEqual(expect.arrayContaining(['200', '304']))
      for (const [status, response] of Object.entries(operation.responses).filter(([status]) => status.startsWith('4'))) {
        expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual(['application/problem+json'])
      }
    }
  })

  it('names the shared schemas as components', () => {
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Problem', 'Step', 'StepNode', 'Tool', 'Resource', 'Snapshot', 'SearchHit', 'RoadmapSummary', 'VersionSummary']))
    expect(JSON.stringify(document)).not.toMatch(/#\/components\/schemas\/def-\d+/)
  })
})

describe('the API reference at /docs', () => {
  it('serves Swagger UI over the same document', async () => {
    const page = await app.inject({ url: '/docs' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toMatch(/^text\/html/)
    expect(page.body).toContain('swagger-ui-bundle.js')
    expect((await app.inject({ url: '/docs/json' })).json()).toEqual(document)
    expect((await app.inject({ url: '/docs/static/swagger-ui-bundle.js' })).statusCode).toBe(200)
  })
})
