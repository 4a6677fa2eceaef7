/*
 * Serialised answers to GraphQL operations, reused while the content they were built from is served.
 * A version's content never changes and the whole cache is dropped when a reload swaps the store, so an
 * answer stays right for as long as it is kept, `latest` included. Entries not used lately go first,
 * within a bound on entries and on bytes (keys count, since a query text may be as long as its answer).
 */

/** What an answer read, for the HTTP caching headers of GET (see caching.ts). */
export interface ReadSummary {
  /** Sorted content hashes of everything read. */
  contentHashes: readonly string[]
  /** Only concrete versions were read: the answer can never change. */
  immutable: boolean
}

export interface CachedResponse {
  /** The JSON body exactly as sent. */
  body: Buffer
  reads: ReadSummary
  /** The body compressed, once it has been asked for compressed (see ResponseCache.addEncodings). */
  encoded?: Readonly<Record<'br' | 'gzip', Buffer>>
}

export interface ResponseCacheOptions {
  maxEntries: number
  maxBytes: number
}

export interface ResponseCacheStats {
  entries: number
  bytes: number
  hits: number
  misses: number
}

export interface ResponseCache {
  get: (key: string) => CachedResponse | undefined
  /** Stores an answer unless it alone would take more than a quarter of the byte budget. */
  set: (key: string, response: CachedResponse) => void
  /** Adds the compressed bodies of an answer, if it is still the one kept under its key. */
  addEncodings: (key: string, response: CachedResponse, encoded: Record<'br' | 'gzip', Buffer>) => void
  clear: () => void
  readonly stats: Readonly<ResponseCacheStats>
}

export const DEFAULT_RESPONSE_CACHE_OPTIONS: ResponseCacheOptions = { maxEntries: 2048, maxBytes: 32 * 1024 * 1024 }

/* A JS string takes two bytes a character at most; a summary costs about one hash per read version. */
const sizeOf = (key: string, { body, reads, encoded }: CachedResponse) =>
  key.length * 2 + body.length + reads.contentHashes.length * 64 + (encoded === undefined ? 0 : encoded.br.length + encoded.gzip.length)

export function createResponseCache ({ maxEntries, maxBytes }: ResponseCacheOptions = DEFAULT_RESPONSE_CACHE_OPTIONS): ResponseCache {
  /*
   * Second-chance (CLOCK) eviction, close to least-recently-used: a hit only marks its entry, so reads never
   * reorder the Map; eviction walks from the oldest insertion, moving marked entries to the back unmarked.
   */
  const entries = new Map<string, { response: CachedResponse, used: boolean }>()
  const stats: ResponseCacheStats = { entries: 0, bytes: 0, hits: 0, misses: 0 }

  function remove (key: string, response: CachedResponse) {
    entries.delete(key)
    stats.bytes -= sizeOf(key, response)
    stats.entries = entries.size
  }

  function evictOne () {
    for (const [key, entry] of entries) {
      entries.delete(key)
      if (!entry.used) {
        stats.bytes -= sizeOf(key, entry.response)
        break
      }
      entry.used = false
      entries.set(key, entry)
    }
    stats.entries = entries.size
  }

  return {
    get (key) {
      const entry = entries.get(key)
      if (entry === undefined) {
        stats.misses++
        return undefined
      }
      stats.hits++
      entry.used = true
      return entry.response
    },
    set (key, response) {
      const size = sizeOf(key, response)
      if (maxEntries < 1 || size > maxBytes / 4) return
      const previous = entries.get(key)
      if (previous !== undefined) remove(key, previous.response)
      while (entries.size > 0 && (entries.size >= maxEntries || stats.bytes + size > maxBytes)) evictOne()
      entries.set(key, { response, used: false })
      stats.bytes += size
      stats.entries = entries.size
    },
    addEncodings (key, response, encoded) {
      if (entries.get(key)?.response !== response || response.encoded !== undefined) return
      response.encoded = encoded
      stats.bytes += encoded.br.length + encoded.gzip.length
      while (entries.size > 0 && stats.bytes > maxBytes) evictOne()
    },
    clear () {
      entries.clear()
      stats.bytes = 0
      stats.entries = 0
    },
    stats
  }
}

/** One operation of a GraphQL-over-HTTP request: the POST body, or the GET query string (variables and extensions as JSON text). */
export interface OperationRequest {
  query?: unknown
  variables?: unknown
  operationName?: unknown
  extensions?: unknown
}

/** The hash of an automatic persisted query sent by hash alone, whose query is to be looked up; otherwise undefined. */
export function persistedQueryHash ({ query, extensions }: OperationRequest): string | undefined {
  if (query) return undefined
  const parsed = typeof extensions === 'string' ? parseJson(extensions) : extensions
  const hashed = isPlainObject(parsed) ? parsed['persistedQuery'] : undefined
  return isPersistedQueryHash(hashed) ? hashed.sha256Hash : undefined
}

/**
 * The cache key of an operation: its operation name, variables and query text, `persistedQuery`
 * for one sent by hash alone. Undefined for what is not reused: anything malformed (mercurius
 * answers it), a persisted query being registered (mercurius checks the hash and stores it)
 * or whose query is unknown, and any other extension.
 */
export function operationKey (operation: OperationRequest, persistedQuery?: string): string | undefined {
  const { operationName, variables, extensions } = operation
  let { query } = operation
  if (operationName != null && typeof operationName !== 'string') return undefined
  const parsedExtensions = typeof extensions === 'string' ? parseJson(extensions) : extensions
  if (parsedExtensions != null) {
    if (!isPlainObject(parsedExtensions)) return undefined
    const { persistedQuery: hashed, ...others } = parsedExtensions
    if (Object.keys(others).length > 0) return undefined
    if (hashed != null) {
      if (query || !isPersistedQueryHash(hashed)) return undefined
      query = persistedQuery
    }
  }
  if (typeof query !== 'string' || query === '') return undefined
  const parsedVariables = typeof variables === 'string' ? parseJson(variables) : variables
  if (parsedVariables != null && !isPlainObject(parsedVariables)) return undefined
  const variablesJson = parsedVariables == null ? '' : JSON.stringify(parsedVariables)
  const name = operationName ?? ''
  // Length-prefixed, so no operation name or variables can make two operations share a key.
  return `${name.length}:${name}${variablesJson.length}:${variablesJson}${query}`
}

const INVALID = Symbol('invalid JSON')

function parseJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return INVALID
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function isPersistedQueryHash (value: unknown): value is { version: 1, sha256Hash: string } {
  const { version, sha256Hash } = (value ?? {}) as { version?: unknown, sha256Hash?: unknown }
  return version === 1 && typeof sha256Hash === 'string'
}
