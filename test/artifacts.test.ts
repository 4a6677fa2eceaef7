import { beforeAll, describe, expect, it } from 'vitest'
import { findDrift, generateArtifacts, type Artifact } from '../src/cli/generate.js'

describe('generated artifacts', () => {
  let artifacts: Artifact[]
  beforeAll(async () => { artifacts = await generateArtifacts() }, 120_000)

  it('are committed exactly as the code generates them (run `npm run generate` after a change)', async () => {
    expect(await findDrift(artifacts)).toEqual([])
  })

  it('cover every generated file: content JSON Schemas, OpenAPI, client and resolver types, the README diagram', () => {
    const paths = artifacts.map((artifact) => artifact.path)
    expect(paths).toEqual(expect.arrayContaining([
      ...['roadmap', 'version', 'step', 'tool', 'resource'].map((kind) => `schema/content/${kind}.schema.json`),
      'openapi/openapi.json',
      'openapi/openapi.yaml',
      'test/generated/openapi.d.ts',
      'docs/mlops-roadmap.svg'
    ]))
  })
})

describe('content files', () => {
  it('each point their editor at the JSON Schema for their kind', async () => {
    const { readdir, readFile } = await import('node:fs/promises')
    const { dirname, join, resolve } = await import('node:path')
    const files = (await readdir('content', { recursive: true })).filter((file) => file.endsWith('.yaml')).map((file) => join('content', file))
    expect(files.length).toBeGreaterThan(0)
    const wrong = []
    for (const file of files) {
      const name = file.split('/').at(-1)
      const kind = name === 'roadmap.yaml' ? 'roadmap' : name === 'version.yaml' ? 'version' : ({ steps: 'step', tools: 'tool', resources: 'resource' } as Record<string, string>)[dirname(file).split('/').at(-1)!]
      const firstLine = (await readFile(file, 'utf8')).split('\n')[0]!
      const target = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine)?.[1]
      if (target === undefined || resolve(dirname(file), target) !== resolve(`schema/content/${kind}.schema.json`)) wrong.push(file)
    }
    expect(wrong).toEqual([])
  })
})
