import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadContentSources, type ContentSources } from '../../src/content/load.js'
import { FIXTURES_DIR, SHIPPED_CONTENT, fixtureDir } from '../helpers/app.js'

/* What validation sees of the files: the same whether a worker thread read them or this one did. */
function summarise (sources: ContentSources) {
  const file = (source: { path: string, data: unknown, syntaxErrors: unknown[] } | undefined) => source === undefined ? undefined : { path: source.path, data: source.data, syntaxErrors: source.syntaxErrors }
  return {
    contentDir: sources.contentDir,
    strayPaths: sources.strayPaths,
    roadmaps: sources.roadmaps.map((roadmap) => ({
      slug: roadmap.slug,
      directory: roadmap.directory,
      roadmap: file(roadmap.roadmap),
      versions: roadmap.versions.map((version) => ({
        id: version.id,
        directory: version.directory,
        version: file(version.version),
        entities: [version.steps, version.tools, version.resources].map((list) => list.map(({ id, file: source }) => ({ id, ...file(source) })))
      }))
    }))
  }
}

describe('content loading', () => {
  it('reads the same in a worker thread as in this one', async () => {
    const folders = [SHIPPED_CONTENT, ...readdirSync(FIXTURES_DIR).map(fixtureDir), fixtureDir('does-not-exist')]
    for (const folder of folders) {
      const [here, inWorker] = [await loadContentSources(folder, { worker: false }), await loadContentSources(folder, { worker: true })]
      expect(summarise(inWorker), folder).toEqual(summarise(here))
    }
  })

  it('points at the same lines for a problem found in a file a worker read', async () => {
    const sources = await loadContentSources(fixtureDir('dangling-reference'), { worker: true })
    const step = sources.roadmaps[0]!.versions[0]!.steps.find((entity) => entity.id === 'shell-use')!
    expect(step.file.locate(['tools', 1])).toEqual({ line: 6, column: 16 })
  })
})
