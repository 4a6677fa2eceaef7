import { createHash } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { ContentStore, VersionEntry } from '../content/store.js'
import { negotiateEncoding, varyOnAcceptEncoding } from './compression.js'

/*
 * ETags and Cache-Control for everything derived from a version. A concrete
 * version never changes, so its responses are immutable; `latest` is an alias
 * that moves, so it gets a short max-age and points at the concrete URL.
 */

export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'
export const LATEST_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'
/** For responses that change whenever content is reloaded (lists of roadmaps and versions). */
export const SHORT_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600'

export interface CacheTarget {
  /** Hash(es) of every version the response is derived from; the ETag changes when any does. */
  contentHashes: readonly string[]
  /** True when the URL names only concrete versions (no `latest`). */
  immutable: boolean
  /** The same resource at its concrete-version URL, sent as Content-Location for `latest`. */
  contentLocation?: string
  /** Distinguishes representations of one URL, e.g. the negotiated media type. */
  variant?: string
  /** Overrides the policy `immutable` picks, e.g. SHORT_CACHE_CONTROL for lists that change on reload. */
  cacheControl?: string
}

declare module 'fastify' {
  interface FastifyReply {
    /**
     * Sets ETag, Cache-Control and Content-Location; when If-None-Match matches,
     * sends 304 and returns true, so the route skips building a body.
     */
    cacheAs: (target: CacheTarget) => boolean
  }
}

const MAX_MEMOISED_ETAGS = 10_000
const etags = new Map<string, string>()

/**
 * Strong ETag from content hash + path + query + variant + content coding, memoised so repeated
 * requests do not hash again. Each coding has its own bytes, so its own strong ETag (RFC 9110 §8.8.3).
 */
export function etagFor (request: FastifyRequest, target: CacheTarget): string {
  const key = `${target.contentHashes.join(',')}|${request.url}|${target.variant ?? ''}|${negotiateEncoding(request)}`
  let etag = etags.get(key)
  if (etag === undefined) {
    etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`
    if (etags.size >= MAX_MEMOISED_ETAGS) etags.delete(etags.keys().next().value!)
    etags.set(key, etag)
  }
  return etag
}

export function ifNoneMatchMatches (header: string | undefined, etag: string): boolean {
  if (header === undefined) return false
  if (header.trim() === '*') return true
  // Weak comparison (RFC 9110 §13.1.2): W/"x" matches "x".
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

/** The cache target of a response derived from one version, addressed by id or by `latest`. */
export function versionCacheTarget (store: ContentStore, requestedVersion: string, version: VersionEntry, url: string): CacheTarget {
  return {
    contentHashes: [version.contentHash],
    immutable: !store.isLatestAlias(requestedVersion),
    contentLocation: concreteLocation(url, version.id)
  }
}

const fingerprints = new WeakMap<object, string>()

/**
 * A hash of a value the store built, for responses not tied to one version (lists of roadmaps and
 * versions): they change only when a reload replaces the store, so the hash is computed once per value.
 */
export function contentFingerprint (value: object): string {
  let fingerprint = fingerprints.get(value)
  if (fingerprint === undefined) {
    fingerprint = `sha256-${createHash('sha256').update(JSON.stringify(value)).digest('base64url')}`
    fingerprints.set(value, fingerprint)
  }
  return fingerprint
}

/** Replaces `/versions/latest` in a path with the concrete version id. */
export function concreteLocation (url: string, versionId: string): string {
  return url.replace(/\/versions\/latest(?=\/|\?|$)/, `/versions/${versionId}`).replace(/([?&](?:version|from|to)=)latest(?=&|$)/g, `$1${versionId}`)
}

function cacheAs (this: FastifyReply, target: CacheTarget): boolean {
  const etag = etagFor(this.request, target)
  this.header('etag', etag)
  this.header('cache-control', target.cacheControl ?? (target.immutable ? IMMUTABLE_CACHE_CONTROL : LATEST_CACHE_CONTROL))
  varyOnAcceptEncoding(this)
  if (target.contentLocation !== undefined && !target.immutable) this.header('content-location', target.contentLocation)
  const method = this.request.method
  if ((method === 'GET' || method === 'HEAD') && ifNoneMatchMatches(this.request.headers['if-none-match'], etag)) {
    // 304 carries ETag, Cache-Control, Content-Location and Vary (RFC 9110 §15.4.5), Date from Node, but no body or content headers.
    this.code(304).removeHeader('content-type')
    void this.send()
    return true
  }
  return false
}

export default fp(async function httpCaching (fastify) {
  fastify.decorateReply('cacheAs', cacheAs)
  fastify.onContentReload(() => etags.clear())
}, { name: 'http-caching', fastify: '5.x', dependencies: ['content'] })
