import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/pipeline.js'
import { canonicalJson } from '../../src/content/store.js'

/* The definition canonicalJson must keep to: content hashes (and so ETags) depend on these exact bytes. */
function sortedStringify (value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
    return Object.fromEntries(Object.entries(item).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0))
  })
}

function outcome (run: () => string): { text?: string, error?: string } {
  try {
    return { text: run() }
  } catch (error) {
    return { error: String(error) }
  }
}

describe('canonicalJson', () => {
  it('writes what JSON.stringify with sorted keys writes, for any value', () => {
    fc.assert(fc.property(fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withDate: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true, withBigInt: true }), (value) => {
      expect(outcome(() => canonicalJson(value))).toEqual(outcome(() => sortedStringify(value)))
    }), { numRuns: 3000, seed: 4 })
  })

  it('reports a cycle as JSON.stringify does', () => {
    const cycle: Record<string, unknown> = { a: 1 }
    cycle['self'] = cycle
    expect(outcome(() => canonicalJson(cycle))).toEqual(outcome(() => sortedStringify(cycle)))
  })

  it('writes the same snapshots of the shipped content', async () => {
    const result = await loadContent('content')
    if (!result.ok) throw new Error('shipped content is invalid')
    for (const roadmap of result.store.roadmaps) {
      expect(canonicalJson(roadmap.detail)).toBe(sortedStringify(roadmap.detail))
      for (const version of roadmap.versions) expect(canonicalJson(version.snapshot)).toBe(sortedStringify(version.snapshot))
    }
  })
})
