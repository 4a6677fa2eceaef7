import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentFileSchemas } from '../domain/content.js'

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A generated file: its path from the project root and its exact bytes. */
export interface Artifact { path: string, content: string }

type ArtifactSource = () => Promise<Artifact[]> | Artifact[]

/*
 * Every generated, committed file comes from one of these sources. `npm run generate`
 * writes them; the drift test compares them with the committed files.
 */
export const artifactSources: ArtifactSource[] = [contentJsonSchemas]

function contentJsonSchemas (): Artifact[] {
  return Object.entries(contentFileSchemas).map(([kind, schema]) => ({
    path: `schema/content/${kind}.schema.json`,
    content: `${JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, null, 2)}\n`
  }))
}

export async function generateArtifacts (): Promise<Artifact[]> {
  const artifacts: Artifact[] = []
  for (const source of artifactSources) artifacts.push(...await source())
  return artifacts
}

export async function findDrift (root = PROJECT_ROOT): Promise<string[]> {
  const drifted: string[] = []
  for (const artifact of await generateArtifacts()) {
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
