import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/pipeline.js'
import type { ContentStore } from '../../src/content/store.js'

async function shippedStore (): Promise<ContentStore> {
  const result = await loadContent('content')
  if (!result.ok) throw new Error('shipped content is invalid')
  return result.store
}

/* Versions are built on first use (or by warm()); either way each is built once and is the same. */
describe('content store, built on use', () => {
  it('builds a version once: the same snapshot, steps and search on every use', async () => {
    const version = (await shippedStore()).getVersion('mlops', 'latest')
    expect(version.snapshot).toBe(version.snapshot)
    expect(version.steps).toBe(version.steps)
    expect(version.getStep('docker')).toBe(version.findStep('docker'))
    expect(Object.isFrozen(version.snapshot)).toBe(true)
    expect(JSON.parse(version.snapshotJson)).toEqual(version.snapshot)
  })

  it('gives the same versions whether warmed first or built on use', async () => {
    const [warmed, onUse] = [await shippedStore(), await shippedStore()]
    await warmed.warm()
    const view = (store: ContentStore) => store.roadmaps.map((roadmap) => ({
      detail: roadmap.detail,
      versions: roadmap.versions.map((version) => ({ json: version.snapshotJson, hash: version.contentHash, hits: version.search('docker') }))
    }))
    expect(view(warmed)).toEqual(view(onUse))
  })
})
