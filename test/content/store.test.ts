import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/pipeline.js'
import type { ContentStore } from '../../src/content/store.js'

async function shippedStore (): Promise<ContentStore> {
  const result = await loadContent('content')
  if (!result.ok) throw new Error('shipped content is invalid')
  return result.store
}

describe('content store', () => {
  it('resolves latest to the version roadmap.yaml names, and concrete ids to themselves', async () => {
    const store = await shippedStore()
    expect(store.getVersion('mlops', 'latest').id).toBe('2024-01-12')
    expect(store.getVersion('mlops', '2023-12-21').id).toBe('2023-12-21')
    expect(() => store.getVersion('mlops', '2020-01-01')).toThrow(expect.objectContaining({ code: 'ROADMAP_ERR_VERSION_NOT_FOUND', statusCode: 404 }))
    expect(() => store.getRoadmap('nope')).toThrow(expect.objectContaining({ code: 'ROADMAP_ERR_ROADMAP_NOT_FOUND' }))
  })

  it('gives each version a hash that changes with its content only', async () => {
    const [first, second] = [await shippedStore(), await shippedStore()]
    const hashes = first.roadmaps[0]!.versions.map((version) => version.contentHash)
    expect(new Set(hashes).size).toBe(3)
    expect(second.roadmaps[0]!.versions.map((version) => version.contentHash)).toEqual(hashes)
  })

  it('ranks search hits and reuses them for a repeated query', async () => {
    const version = (await shippedStore()).getVersion('mlops', '2024-01-12')
    const hits = version.search('kubernetes')
    expect(hits.slice(0, 3).map((hit) => `${hit.kind}:${hit.id}`)).toEqual(expect.arrayContaining(['step:kubernetes', 'tool:kubernetes']))
    expect(hits[0]).toMatchObject({ kind: 'step', id: 'kubernetes', snippet: '<mark>Kubernetes</mark>' })
    expect(version.search('kubernetes')).toBe(hits)
    expect(Object.isFrozen(hits)).toBe(true)
  })
})
