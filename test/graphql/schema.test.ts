/*
 * The SDL in schema/*.graphql, the example operations in schema/examples/ that the
 * docs show, and graphql-inspector's verdict on them against the schema the server prints.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { buildClientSchema, buildSchema, getIntrospectionQuery, isEnumType, printSchema, type IntrospectionQuery } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { DEFAULT_GRAPHQL_LIMITS } from '../../src/config.js'
import { ResourceKindSchema, ToolCategorySchema } from '../../src/domain/content.js'
import { PROJECT_ROOT } from '../../src/cli/generate.js'
import { buildTestApp } from '../helpers/app.js'
import { enumValue, post, EXAMPLE_VARIABLES } from './helpers.js'

const run = promisify(execFile)
const SCHEMA_DIR = join(PROJECT_ROOT, 'schema')
const EXAMPLES_DIR = join(SCHEMA_DIR, 'examples')
const INSPECTOR = join(PROJECT_ROOT, 'node_modules/.bin/graphql-inspector')

let app: App
let workDir: string
let printedSchema: string

beforeAll(async () => {
  app = await buildTestApp()
  printedSchema = printSchema(app.graphql.schema)
  workDir = await mkdtemp(join(tmpdir(), 'roadmap-graphql-'))
  await writeFile(join(workDir, 'schema.graphql'), printedSchema)
})

afterAll(async () => {
  await app.close()
  await rm(workDir, { recursive: true, force: true })
})

async function inspect (documents: string) {
  const args = ['validate', documents, join(workDir, 'schema.graphql'), '--maxDepth', String(DEFAULT_GRAPHQL_LIMITS.maxDepth), '--maxAliasCount', String(DEFAULT_GRAPHQL_LIMITS.maxAliases)]
  return run(INSPECTOR, args, { cwd: PROJECT_ROOT }).then(() => 0, (error: { code?: number }) => error.code ?? -1)
}

const examples = async () => (await readdir(EXAMPLES_DIR)).filter((file) => file.endsWith('.graphql')).sort()

describe('the example operations in schema/examples/', () => {
  it('pass `graphql-inspector validate` against the schema the server prints', async () => {
    expect(await inspect('schema/examples/*.graphql')).toBe(0)
  })

  const variables = EXAMPLE_VARIABLES

  it('run against the shipped content within the default limits', async () => {
    expect(await examples()).toEqual(Object.keys(variables))
    for (const file of await examples()) {
      const { status, body } = await post(app, await readFile(join(EXAMPLES_DIR, file), 'utf8'), variables[file])
      expect(body.errors, file).toBeUndefined()
      expect(status, file).toBe(200)
      expect(Object.values(body.data!).every((value) => value !== null), file).toBe(true)
    }
  })

  it('are all shown in the README, verbatim', async () => {
    const docs = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8')
    for (const file of await examples()) {
      const example = (await readFile(join(EXAMPLES_DIR, file), 'utf8')).trim()
      expect(docs.includes(`\`\`\`graphql\n${example}\n\`\`\``), file).toBe(true)
    }
  })
})

describe('the SDL', () => {
  it('is what the server serves', async () => {
    const files = (await readdir(SCHEMA_DIR)).filter((file) => file.endsWith('.graphql')).sort()
    const sdl = (await Promise.all(files.map((file) => readFile(join(SCHEMA_DIR, file), 'utf8')))).join('\n')
    expect(printSchema(buildSchema(sdl))).toBe(printedSchema)
  })

  it('is what introspection gives clients (GraphiQL, code generators), within the default limits', async () => {
    const { status, body } = await post(app, getIntrospectionQuery({ descriptions: true, directiveIsRepeatable: true, specifiedByUrl: true }))
    expect(status).toBe(200)
    expect(printSchema(buildClientSchema(body.data as unknown as IntrospectionQuery))).toBe(printedSchema)
  })

  it('has an enum value for each tool category and resource kind the content may use, and no other', () => {
    const values = (name: string) => {
      const type = app.graphql.schema.getType(name)
      return isEnumType(type) ? type.getValues().map((value) => value.name).sort() : []
    }
    const literals = (schema: { anyOf: Array<{ const: string }> }) => schema.anyOf.map((literal) => enumValue(literal.const)).sort()
    expect(values('ToolCategory')).toEqual(literals(ToolCategorySchema))
    expect(values('ResourceKind')).toEqual(literals(ResourceKindSchema))
  })
})
