import { stringify } from 'csv-stringify/sync'
import type { Resource, Step, Tool } from '../domain/api.js'
import type { VersionEntry } from './store.js'

/*
 * A version as a file to take away: the JSON snapshot, a Markdown checklist or the
 * resources as CSV. The routes and the CLI both call exportVersion, so a download
 * and `roadmap-api snapshot` give the same bytes.
 */

export const exportFormats = {
  json: { mediaType: 'application/json', contentType: 'application/json; charset=utf-8' },
  md: { mediaType: 'text/markdown', contentType: 'text/markdown; charset=utf-8; variant=GFM' },
  csv: { mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8; header=present' }
} as const
export type ExportFormat = keyof typeof exportFormats
export const EXPORT_FORMATS = Object.keys(exportFormats) as ExportFormat[]

export interface ExportFile {
  format: ExportFormat
  /** `<slug>-<version id>.<format>`, always the concrete id. */
  filename: string
  contentType: string
  body: string
}

const renderers: Record<ExportFormat, (version: VersionEntry) => string> = {
  json: (version) => version.snapshotJson,
  md: snapshotMarkdown,
  csv: resourcesCsv
}

const memo = new WeakMap<VersionEntry, Map<ExportFormat, ExportFile>>()

/** Renders a version once per format; store entries are immutable, so the result is too. */
export function exportVersion (version: VersionEntry, format: ExportFormat): ExportFile {
  let files = memo.get(version)
  if (files === undefined) {
    files = new Map()
    memo.set(version, files)
  }
  let file = files.get(format)
  if (file === undefined) {
    file = Object.freeze({
      format,
      filename: `${version.roadmapSlug}-${version.id}.${format}`,
      contentType: exportFormats[format].contentType,
      body: renderers[format](version)
    })
    files.set(format, file)
  }
  return file
}

export const RESOURCE_CSV_COLUMNS = ['id', 'kind', 'title', 'subtitle', 'authors', 'edition', 'provider', 'url', 'steps', 'tools'] as const

/** RFC 4180: a header row, CRLF line ends, quotes only where needed; lists joined with "; ". */
export function resourcesCsv (version: VersionEntry): string {
  const rows = version.resources.map((resource) => RESOURCE_CSV_COLUMNS.map((column) => {
    const value = resource[column]
    return Array.isArray(value) ? value.join('; ') : value ?? ''
  }))
  return stringify(rows, { header: true, columns: [...RESOURCE_CSV_COLUMNS], record_delimiter: 'windows' })
}

/** A readable roadmap: a progress checklist of every step, then each step with its tools and resources to tick off. */
export function snapshotMarkdown (version: VersionEntry): string {
  const { roadmap, version: summary } = version.snapshot
  const source = summary.source
  const sourceDetails = [
    source.repository === undefined ? undefined : `${source.repository}${source.commit === undefined ? '' : ` at ${source.commit}`}`,
    source.path
  ].filter((detail) => detail !== undefined).join(', ')
  const lines: string[] = [
    `# ${inline(roadmap.title)}`,
    '',
    `Version **${summary.id}**, published ${summary.published}: ${inline(summary.title)}.`,
    '',
    `- Authors: ${roadmap.authors.map((author) => link(author.name, author.url)).join(', ')}`,
    ...(roadmap.publisher === undefined ? [] : [`- Publisher: ${inline(roadmap.publisher)}`]),
    `- Source: ${link(source.title, source.url)}${source.publisher === undefined ? '' : `, ${inline(source.publisher)}`}${sourceDetails === '' ? '' : ` (${inline(sourceDetails)})`}`,
    `- Snapshot: \`${summary.href}\`, content hash \`${summary.contentHash}\``,
    '',
    '## About this version',
    '',
    ...summary.notes.map((note) => `- ${inline(note)}`),
    '',
    '## Progress',
    '',
    ...version.steps.map((step) => `${'  '.repeat(step.depth - 1)}- [ ] ${step.number} ${inline(step.title)}`),
    ''
  ]
  for (const step of version.steps) lines.push(...stepSection(version, step))
  lines.push('## Tools', '')
  for (const tool of version.tools) lines.push(`- ${toolLink(tool)} (${tool.category}): ${inline(tool.description)}`)
  lines.push('')
  return lines.join('\n')
}

function stepSection (version: VersionEntry, step: Step): string[] {
  const lines = [`${'#'.repeat(Math.min(step.depth + 1, 6))} ${step.number} ${inline(step.title)}`, '', paragraph(step.summary), '']
  if (step.tools.length > 0) lines.push(`Tools: ${step.tools.map((id) => toolLink(version.getTool(id))).join(', ')}`, '')
  if (step.resources.length > 0) {
    for (const id of step.resources) lines.push(`- [ ] ${resourceLine(version.getResource(id))}`)
    lines.push('')
  }
  return lines
}

function resourceLine (resource: Resource): string {
  const title = resource.subtitle === undefined ? resource.title : `${resource.title}: ${resource.subtitle}`
  const details = [
    resource.kind,
    resource.authors.length > 0 ? `by ${resource.authors.join(', ')}` : undefined,
    resource.edition,
    resource.provider
  ].filter((detail) => detail !== undefined)
  return `${link(title, resource.url)} (${inline(details.join(', '))})`
}

function toolLink (tool: Tool): string {
  return link(tool.name, tool.homepage)
}

function link (text: string, url: string | undefined): string {
  return url === undefined ? inline(text) : `[${inline(text)}](${linkDestination(url)})`
}

/** Characters that would break a link destination are percent-encoded, so any stored URL stays one link. */
function linkDestination (url: string): string {
  return url.replace(/[ ()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** Escapes what Markdown would read as emphasis, code, links, HTML, tables or entities. */
export function inline (text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&')
}

/** Like inline, and a leading character that would start a heading, list, quote or rule is escaped too. */
function paragraph (text: string): string {
  return inline(text).replace(/^[#>+=-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2')
}
