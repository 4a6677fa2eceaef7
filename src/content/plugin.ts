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
    /**
     * Loads and validates the content again; on any problem the running store stays. Reloads run one
     * at a time: a call during a reload waits for it and then reads the files once more for every caller.
     */
    reloadContent: () => Promise<ContentReloadResult>
    /** performance.now() when the last load or reload finished: the event loop was busy building it until then. */
    readonly contentSettledAt: number
    /** Reload history for /health/ready and /metrics. */
    readonly contentStatus: Readonly<ContentStatus>
  }
}

const RELOAD_DEBOUNCE_MS = 150
/** Readiness details list the first problems; the log has them all. */
const STATUS_SUMMARY_LINES = 20

export default fp<ContentPluginOptions>(async function contentPlugin (fastify, options) {
  const initial = await loadContent(options.contentDir)
  if (!initial.ok) throw new InvalidContentError(initial.issues)
  let current = initial.store
  const status: ContentStatus = { loadedAt: new Date().toISOString(), reloads: 0, failedReloads: 0 }
  const listeners: Array<(store: ContentStore) => void> = []

  // Public (readiness details): paths relative to the content folder, never the server's file system.
  const relativeFile = (file: string) => relative(options.contentDir, resolve(file)) || '.'
  const formatIssueForStatus = (issue: ContentIssue) => formatIssue({ ...issue, file: relativeFile(issue.file) })

  // The next store is built and validated beside the one serving; requests keep the store they read until they finish.
  let settledAt = performance.now()
  async function reloadOnce (): Promise<ContentReloadResult> {
    const started = performance.now()
    const next = await loadContent(options.contentDir).catch((err: unknown) => {
      fastify.log.error({ err }, 'content reload failed')
      return { ok: false as const, issues: [unreadable(err, options.contentDir)] }
    })
    settledAt = performance.now()
    const durationMs = Math.round(performance.now() - started)
    if (!next.ok) {
      fastify.log.error({ problems: next.issues.length, issues: next.issues, durationMs }, 'content reload rejected, keeping the last good content')
      status.failedReloads++
      status.lastFailure = { at: new Date().toISOString(), problems: next.issues.length, summary: next.issues.slice(0, STATUS_SUMMARY_LINES).map(formatIssueForStatus) }
      return next
    }
    current = next.store
    status.reloads++
    status.loadedAt = new Date().toISOString()
    delete status.lastFailure
    for (const listener of listeners) {
      // A cache that fails to follow must not undo the swap, nor turn a SIGHUP into an unhandled rejection.
      try { listener(current) } catch (err) { fastify.log.error({ err }, 'content reload listener failed') }
    }
    const contentHashes = current.roadmaps.flatMap((roadmap) => roadmap.versions.map((version) => version.contentHash))
    fastify.log.info({ versions: contentHashes.length, durationMs }, 'content reloaded')
    return { ok: true, contentHashes }
  }

  // One reload in flight, at most one queued: a burst of SIGHUPs or file events costs two reloads, and the last one sees the last edit.
  let running: Promise<ContentReloadResult> | undefined
  let queued: Promise<ContentReloadResult> | undefined
  function reloadContent (): Promise<ContentReloadResult> {
    if (running === undefined) {
      running = reloadOnce().finally(() => { running = undefined })
      return running
    }
    const again = () => { queued = undefined; return reloadContent() }
    queued ??= running.then(again, again)
    return queued
  }

  // Versions are built on first use; after boot and each reload they are built in the background, one at a
  // time, so the first request that needs every version (the catalog's ETag, a metrics scrape) need not wait.
  const warmInBackground = (store: ContentStore) => {
    store.warm().catch((err: unknown) => fastify.log.error({ err }, 'content warm-up failed'))
  }
  fastify.addHook('onReady', async () => { warmInBackground(current) })
  listeners.push(warmInBackground)
  fastify.decorate('contentStore', { getter: () => current })
  fastify.decorate('contentStatus', { getter: () => status })
  fastify.decorate('contentSettledAt', { getter: () => settledAt })
  fastify.decorate('reloadContent', reloadContent)
  fastify.decorate('onContentReload', (listener: (store: ContentStore) => void) => { listeners.push(listener) })

  if (options.watch) {
    let timer: NodeJS.Timeout | undefined
    const watcher: FSWatcher = watch(options.contentDir, { recursive: true }, () => {
      clearTimeout(timer)
      timer = setTimeout(() => { void reloadContent() }, RELOAD_DEBOUNCE_MS)
    })
    fastify.addHook('onClose', async () => { clearTimeout(timer); watcher.close() })
  }
}, { name: 'content', fastify: '5.x' })

/** A file that vanished or could not be read mid-reload (an editor saving, a permission): a problem, not a crash. */
function unreadable (error: unknown, contentDir: string): ContentIssue {
  const { code, path } = error as NodeJS.ErrnoException
  return { file: path ?? contentDir, line: 1, column: 1, field: '', message: `could not be loaded (${code ?? 'see the server log'})` }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Lets caches built from the store (compressed payloads, GraphQL caches) drop what a reload made stale. */
    onContentReload: (listener: (store: ContentStore) => void) => void
  }
}
