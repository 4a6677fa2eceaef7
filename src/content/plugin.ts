import { watch, type FSWatcher } from 'node:fs'
import { relative, resolve } from 'node:path'
import fp from 'fastify-plugin'
import { InvalidContentError, loadContent } from './pipeline.js'
import type { ContentStore } from './store.js'
import { formatIssue, type ContentIssue } from './validate.js'

export interface ContentPluginOptions {
  contentDir: string
  watch: boolean
}

/** What readiness details and metrics report about content loading. */
export interface ContentStatus {
  /** When the store now serving was loaded. */
  loadedAt: string
  /** Reloads that were accepted and swapped in since start. */
  reloads: number
  /** Reloads that were rejected since start; the previous content kept serving. */
  failedReloads: number
  /** The most recent rejected reload, cleared by the next accepted one. */
  lastFailure?: { at: string, problems: number, summary: string[] }
}

export type ContentReloadResult = { ok: true, contentHashes: string[] } | { ok: false, issues: ContentIssue[] }

declare module 'fastify' {
  interface FastifyInstance {
    /** The current immutable store; a successful reload swaps it whole. */
    readonly contentStore: ContentStore
    /** Loads and validates the content again; on any problem the running store stays. */
    reloadContent: () => Promise<ContentReloadResult>
    /** Reload history for /health/ready and /metrics. */
    readonly contentStatus: Readonly<ContentStatus>
  }
}

const RELOAD_DEBOUNCE_MS = 150

export default fp<ContentPluginOptions>(async function contentPlugin (fastify, options) {
  const initial = await loadContent(options.contentDir)
  if (!initial.ok) throw new InvalidContentError(initial.issues)
  let current = initial.store
  const status: ContentStatus = { loadedAt: new Date().toISOString(), reloads: 0, failedReloads: 0 }
  const listeners: Array<(store: ContentStore) => void> = []

  // Public (readiness details): paths relative to the content folder, never the server's file system.
  const formatIssueForStatus = (issue: ContentIssue) => formatIssue({ ...issue, file: relative(options.contentDir, resolve(issue.file)) })
  fastify.decorate('contentStore', { getter: () => current })
  fastify.decorate('contentStatus', { getter: () => status })
  fastify.decorate('reloadContent', async (): Promise<ContentReloadResult> => {
    const next = await loadContent(options.contentDir)
    if (!next.ok) {
      fastify.log.error({ issues: next.issues }, 'content reload rejected, keeping the last good content')
      status.failedReloads++
      status.lastFailure = { at: new Date().toISOString(), problems: next.issues.length, summary: next.issues.slice(0, 20).map(formatIssueForStatus) }
      return next
    }
    current = next.store
    status.reloads++
    status.loadedAt = new Date().toISOString()
    delete status.lastFailure
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
