import { resolve } from 'node:path'
import { SHIPPED_CONTENT_DIR } from '../config.js'
import { loadContent } from '../content/pipeline.js'
import { formatIssues } from '../content/validate.js'
import { exitQuietlyOnBrokenPipe } from './broken-pipe.js'

/** Validates a content folder; prints every problem and returns the exit code. */
export async function runContentCheck (contentDir: string, out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const result = await loadContent(contentDir)
  if (!result.ok) {
    err.write(`${formatIssues(result.issues)}\n`)
    return 1
  }
  const versions = result.store.roadmaps.flatMap((roadmap) => roadmap.versions.map((version) =>
    `  ${roadmap.slug}@${version.id}: ${version.steps.length} steps, ${version.tools.length} tools, ${version.resources.length} resources, ${version.contentHash}`))
  out.write(`Content OK (${versions.length} version${versions.length === 1 ? '' : 's'}):\n${versions.join('\n')}\n`)
  return 0
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('content-check.ts')) {
  exitQuietlyOnBrokenPipe()
  const contentDir = resolve(process.argv[2] ?? process.env['CONTENT_DIR'] ?? SHIPPED_CONTENT_DIR)
  process.exitCode = await runContentCheck(contentDir)
}
