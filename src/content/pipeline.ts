import { readContentSources } from './load.js'
import { createContentStore, type ContentStore } from './store.js'
import { createContentValidation, formatIssues, type ContentIssue } from './validate.js'

export type ContentLoadResult =
  | { ok: true, store: ContentStore }
  | { ok: false, issues: ContentIssue[] }

/** The one path from files to a store: used by the server boot, reloads and the content check CLI. */
export async function loadContent (contentDir: string): Promise<ContentLoadResult> {
  // Each roadmap is validated as soon as it is read: its file texts and positions can go, and checking overlaps reading.
  const validating = createContentValidation()
  const validation = validating.finish(await readContentSources(contentDir, validating.addRoadmap))
  if (!validation.ok) return validation
  return { ok: true, store: createContentStore(validation.roadmaps) }
}

export class InvalidContentError extends Error {
  override name = 'InvalidContentError'
  constructor (readonly issues: ContentIssue[]) {
    super(formatIssues(issues))
  }
}
