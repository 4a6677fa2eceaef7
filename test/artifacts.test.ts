import { describe, expect, it } from 'vitest'
import { findDrift, generateArtifacts } from '../src/cli/generate.js'

describe('generated artifacts', () => {
  it('are committed exactly as the code generates them (run `npm run generate` after a change)', async () => {
    expect(await findDrift()).toEqual([])
  })

  it('cover the content JSON Schemas the YAML files point their editors at', async () => {
    const paths = (await generateArtifacts()).map((artifact) => artifact.path)
    expect(paths).toEqual(expect.arrayContaining(['roadmap', 'version', 'step', 'tool', 'resource'].map((kind) => `schema/content/${kind}.schema.json`)))
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
