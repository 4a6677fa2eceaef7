import { loadContentSources } from './load.js'
import { createContentStore, type ContentStore } from './store.js'
import { formatIssues, validateContent, type ContentIssue } from './validate.js'

export type ContentLoadResult =
  | { ok: true, store: ContentStore }
  | { ok: false, issues: ContentIssue[] }

/** The one path from files to a store: used by the server boot, reloads and the content check CLI. */
export async function loadContent (contentDir: string): Promise<ContentLoadResult> {
  const validation = validateContent(await loadContentSources(contentDir))
  if (!validation.ok) return validation
  return { ok: true, store: createContentStore(validation.roadmaps) }
}

export class InvalidContentError extends Error {
  override name = 'InvalidContentError'
  constructor (readonly issues: ContentIssue[]) {
    super(formatIssues(issues))
  }
}
