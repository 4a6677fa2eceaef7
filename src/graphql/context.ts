import { createHash } from 'node:crypto'
import type { MercuriusContext } from 'mercurius'
import { canonicalJson, type ContentStore, type RoadmapEntry, type VersionEntry } from '../content/store.js'
import type { ReadSummary } from './response-cache.js'

/*
 * What a GraphQL response was built from, recorded by resolvers as they read the
 * store. A GET response whose reads are all concrete versions is immutable; one
 * that read `latest`, roadmap metadata or a lookup that missed can change with
 * the next content release, so it only gets a short max-age.
 */
export class ContentReads {
  readonly contentHashes = new Set<string>()
  #moving = false
  #failed = false

  version (version: VersionEntry, throughAlias: boolean): void {
    this.contentHashes.add(version.contentHash)
    if (throughAlias) this.#moving = true
  }

  /** Roadmap metadata (title, latest version, the version list) changes when a version is added. */
  roadmap (roadmap: RoadmapEntry): void {
    this.contentHashes.add(roadmapHash(roadmap))
    this.#moving = true
  }

  /** The set of roadmaps and versions: a list of them, or a lookup that found nothing yet. */
  catalog (store: ContentStore): void {
    this.contentHashes.add(catalogHash(store))
    this.#moving = true
  }

  fail (): void {
    this.#failed = true
  }

  /** What the answer was built from; undefined once it failed, since answers with errors are never reused. */
  summary (): ReadSummary | undefined {
    return this.#failed ? undefined : { contentHashes: [...this.contentHashes].sort(), immutable: !this.#moving }
  }
}

export interface GraphQLContext extends MercuriusContext {
  store: ContentStore
  reads: ContentReads
}

const roadmapHashes = new WeakMap<RoadmapEntry, string>()
const catalogHashes = new WeakMap<ContentStore, string>()

function roadmapHash (roadmap: RoadmapEntry): string {
  let hash = roadmapHashes.get(roadmap)
  if (hash === undefined) {
    hash = sha256(canonicalJson(roadmap.detail))
    roadmapHashes.set(roadmap, hash)
  }
  return hash
}

function catalogHash (store: ContentStore): string {
  let hash = catalogHashes.get(store)
  if (hash === undefined) {
    hash = sha256(store.roadmaps.map(roadmapHash).join(','))
    catalogHashes.set(store, hash)
  }
  return hash
}

function sha256 (text: string): string {
  return `sha256-${createHash('sha256').update(text).digest('base64url')}`
}
