/*
 * Media-type preference on the raw request, for a route constraint: routing runs
 * before the Fastify request (and its @fastify/accepts decorator) exists.
 */

interface AcceptEntry { type: string, subtype: string, q: number, specificity: number }

function parseAccept (header: string): AcceptEntry[] {
  return header.split(',').flatMap((part) => {
    const [range = '', ...parameters] = part.split(';').map((piece) => piece.trim())
    const [type, subtype] = range.toLowerCase().split('/')
    if (type === undefined || type === '' || subtype === undefined || subtype === '') return []
    const qParameter = parameters.find((parameter) => /^q\s*=/i.test(parameter))
    const q = qParameter === undefined ? 1 : Number(qParameter.split('=')[1])
    if (!Number.isFinite(q)) return []
    const specificity = type === '*' ? 0 : subtype === '*' ? 1 : 2
    return [{ type, subtype, q: Math.min(Math.max(q, 0), 1), specificity }]
  })
}

function qualityOf (entries: AcceptEntry[], mediaType: string): number {
  const [type, subtype] = mediaType.split('/')
  let best: AcceptEntry | undefined
  for (const entry of entries) {
    const matches = (entry.type === '*' || entry.type === type) && (entry.subtype === '*' || entry.subtype === subtype)
    if (matches && (best === undefined || entry.specificity > best.specificity)) best = entry
  }
  return best?.q ?? 0
}

/** True only when the client names the type itself (not through a wildcard) and rates it at least as high as every alternative. */
export function explicitlyPrefers (header: string | undefined, mediaType: string, alternatives: readonly string[]): boolean {
  // Most requests never mention the type: skip parsing for them.
  if (header === undefined || !header.toLowerCase().includes(mediaType)) return false
  const entries = parseAccept(header)
  const [type, subtype] = mediaType.split('/')
  const named = entries.find((entry) => entry.type === type && entry.subtype === subtype)
  if (named === undefined || named.q === 0) return false
  return alternatives.every((alternative) => qualityOf(entries, alternative) <= named.q)
}
