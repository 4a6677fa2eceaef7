import { describeSummary } from '../content/diff.js'
import type { ChangedItem, DiffFieldValue, VersionDiff } from '../domain/diff.js'

const KINDS = [
  { key: 'steps', label: 'Steps', title: (item: { title: string }) => item.title },
  { key: 'tools', label: 'Tools', title: (item: { name: string }) => item.name },
  { key: 'resources', label: 'Resources', title: (item: { title: string }) => item.title }
] as const

/** The diff for a terminal: the summary line, then every added, removed and changed item with its fields. */
export function formatDiffText (diff: VersionDiff): string {
  const lines = [`${diff.roadmap}: ${diff.from.id} -> ${diff.to.id}`, describeSummary(diff.summary)]
  for (const kind of KINDS) {
    const changes = diff[kind.key]
    const titleOf = kind.title as (item: object) => string
    if (changes.added.length > 0) lines.push('', `${kind.label} added (${changes.added.length})`, ...changes.added.map((item) => `  + ${item.id}  ${titleOf(item)}`))
    if (changes.removed.length > 0) lines.push('', `${kind.label} removed (${changes.removed.length})`, ...changes.removed.map((item) => `  - ${item.id}  ${titleOf(item)}`))
    if (changes.changed.length > 0) lines.push('', `${kind.label} changed (${changes.changed.length})`, ...changes.changed.flatMap(changedLines))
  }
  return `${lines.join('\n')}\n`
}

function changedLines (item: ChangedItem): string[] {
  return [
    `  ~ ${item.id}  ${item.title}`,
    ...item.changes.map((change) => change.added !== undefined && change.removed !== undefined && (change.added.length > 0 || change.removed.length > 0)
      ? `      ${change.field}: ${[...change.added.map((entry) => `+${entry}`), ...change.removed.map((entry) => `-${entry}`)].join(' ')}`
      : `      ${change.field}: ${show(change.from)} -> ${show(change.to)}`)
  ]
}

function show (value: DiffFieldValue): string {
  return value === null ? '(none)' : JSON.stringify(value)
}
