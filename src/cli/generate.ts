import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { App } from '../app.js'
import { contentFileSchemas } from '../domain/content.js'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A generated file: its path from the project root and its exact bytes. */
export interface Artifact { path: string, content: string }

/** What sources share: one app on the shipped content, built once for the whole run. */
interface GenerateContext { app: () => Promise<App> }

type ArtifactSource = (context: GenerateContext) => Promise<Artifact[]> | Artifact[]

/*
 * Every generated, committed file comes from one of these sources. `npm run generate`
 * writes them; the drift test compares them with the committed files.
 */
export const artifactSources: ArtifactSource[] = [contentJsonSchemas, openapiDocuments, graphqlResolverTypes, readmeDiagram]

function contentJsonSchemas (): Artifact[] {
  return Object.entries(contentFileSchemas).map(([kind, schema]) => ({
    path: `schema/content/${kind}.schema.json`,
    content: `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`
  }))
}

/**
 * The OpenAPI document exactly as the server serves it at /openapi.json and /openapi.yaml, and the
 * TypeScript types a client generates from it (the typed-client test compiles against them).
 */
async function openapiDocuments (context: GenerateContext): Promise<Artifact[]> {
  const app = await context.app()
  const [json, yaml] = await Promise.all(['/openapi.json', '/openapi.yaml'].map(async (url) => (await app.inject({ url })).body))
  // A dev dependency, loaded only when generating.
  const { default: openapiTS, astToString } = await import('openapi-typescript')
  const types = astToString(await openapiTS(JSON.parse(json!)))
  return [
    { path: 'openapi/openapi.json', content: json! },
    { path: 'openapi/openapi.yaml', content: yaml! },
    { path: 'test/generated/openapi.d.ts', content: `/* Generated from openapi/openapi.json by openapi-typescript (npm run generate). Do not edit. */\n\n${types}` }
  ]
}

/** Resolver types generated from schema/*.graphql by GraphQL Code Generator (config in src/graphql/codegen-config.ts). */
async function graphqlResolverTypes (): Promise<Artifact[]> {
  const { generateResolverTypes } = await import('../graphql/codegen-config.js')
  return generateResolverTypes()
}

/** The README's picture of the MLOps roadmap, exactly as the API serves the latest edition's diagram. */
async function readmeDiagram (context: GenerateContext): Promise<Artifact[]> {
  const app = await context.app()
  const response = await app.inject({ url: '/v1/roadmaps/mlops/versions/latest/diagram.svg' })
  if (response.statusCode !== 200) throw new Error(`diagram.svg answered ${response.statusCode}: ${response.body}`)
  return [{ path: 'docs/mlops-roadmap.svg', content: response.body }]
}

export async function generateArtifacts (): Promise<Artifact[]> {
  let app: Promise<App> | undefined
  const context: GenerateContext = {
    app: () => {
      app ??= import('../app.js').then(({ buildApp }) => buildApp({ logLevel: 'silent' }))
      return app
    }
  }
  try {
    const artifacts: Artifact[] = []
    for (const source of artifactSources) artifacts.push(...await source(context))
    return artifacts
  } finally {
    if (app !== undefined) await (await app).close()
  }
}

/** Paths whose committed bytes differ from what the code generates now. */
export async function findDrift (artifacts?: Artifact[], root = PROJECT_ROOT): Promise<string[]> {
  const drifted: string[] = []
  for (const artifact of artifacts ?? await generateArtifacts()) {
    const committed = await readFile(join(root, artifact.path), 'utf8').catch(() => undefined)
    if (committed !== artifact.content) drifted.push(artifact.path)
  }
  return drifted
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const artifact of await generateArtifacts()) {
    const target = join(PROJECT_ROOT, artifact.path)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, artifact.content)
    process.stdout.write(`wrote ${artifact.path}\n`)
  }
}
