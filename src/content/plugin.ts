import { watch, type FSWatcher } from 'node:fs'
import fp from 'fastify-plugin'
import { InvalidContentError, loadContent } from './pipeline.js'
import type { ContentStore } from './store.js'
import type { ContentIssue } from './validate.js'

export interface ContentPluginOptions {
  contentDir: string
  watch: boolean
}

export type ContentReloadResult = { ok: true, contentHashes: string[] } | { ok: false, issues: ContentIssue[] }

declare module 'fastify' {
  interface FastifyInstance {
    /** The current immutable store; a successful reload swaps it whole. */
    readonly contentStore: ContentStore
    /** Loads and validates the content again; on any problem the running store stays. */
    reloadContent: () => Promise<ContentReloadResult>
  }
}

const RELOAD_DEBOUNCE_MS = 150

export default fp<ContentPluginOptions>(async function contentPlugin (fastify, options) {
  const initial = await loadContent(options.contentDir)
  if (!initial.ok) throw new InvalidContentError(initial.issues)
  let current = initial.store
  const listeners: Array<(store: ContentStore) => void> = []

  fastify.decorate('contentStore', { getter: () => current })
  fastify.decorate('reloadContent', async (): Promise<ContentReloadResult> => {
    const next = await loadContent(options.contentDir)
    if (!next.ok) {
      fastify.log.error({ issues: next.issues }, 'content reload rejected, keeping the last good content')
      return next
    }
    current = next.store
    for (const listener of listeners) listener(current)
    const contentHashes = current.roadmaps.flatMap((roadmap) => roadmap.versions.map((version) => version.contentHash))
    fastify.log.info({ versions: contentHashes.length }, 'content reloaded')
    return { ok: true, contentHashes }
  })
  fastify.decorate('onContentReload', (listener: (store: ContentStore) => void) => { listeners.push(listener) })

  if (options.watch) {
    let timer: NodeJS.Timeout | undefined
    const watcher: FSWatcher = watch(options.contentDir, { recursive: true }, () => {
      clearTimeout(timer)
      timer = setTimeout(() => { void fastify.reloadContent() }, RELOAD_DEBOUNCE_MS)
    })
    fastify.addHook('onClose', async () => { clearTimeout(timer); watcher.close() })
  }
}, { name: 'content', fastify: '5.x' })

declare module 'fastify' {
  interface FastifyInstance {
    /** Lets caches built from the store (compressed payloads, GraphQL caches) drop what a reload made stale. */
    onContentReload: (listener: (store: ContentStore) => void) => void
  }
}
