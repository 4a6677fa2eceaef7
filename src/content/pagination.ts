import { InvalidCursorError } from '../errors.js'

/*
 * Opaque keyset cursors over a list in stable order. A cursor names an item and
 * a direction, so pages stay correct even if a client holds one across requests.
 * REST (`cursor`, `nextCursor`, `prevCursor`) and GraphQL (Relay `after`/`before`) share it.
 */

export const DEFAULT_PAGE_SIZE = 20
export const MAX_PAGE_SIZE = 100

type Direction = 'after' | 'before'

/* A "before" cursor past the last item, for the page before an empty last page. */
const END_OF_LIST = '$end'

export interface Page<T> {
  items: T[]
  totalCount: number
  /** Cursor for the page after this one, or null at the end. */
  nextCursor: string | null
  /** Cursor for the page before this one, or null at the start. */
  prevCursor: string | null
  /** Cursor of each returned item (Relay edge cursors): "after this item". */
  cursors: string[]
}

export function encodeCursor (direction: Direction, id: string): string {
  return Buffer.from(`${direction === 'after' ? 'a' : 'b'}:${id}`, 'utf8').toString('base64url')
}

export function decodeCursor (cursor: string, parameter: string): { direction: Direction, id: string } {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : ''
  const match = /^([ab]):(.+)$/.exec(text)
  if (match === null) throw new InvalidCursorError(parameter)
  return { direction: match[1] === 'a' ? 'after' : 'before', id: match[2]! }
}

export interface PageRequest {
  limit?: number | undefined
  cursor?: string | undefined
  /** Name of the cursor parameter, for the error message. */
  cursorParameter?: string
  /** GraphQL `before` is always a backwards cursor; REST cursors carry their direction. */
  forceDirection?: Direction
}

export function paginate<T extends { id: string }> (list: readonly T[], request: PageRequest): Page<T> {
  const limit = Math.min(Math.max(request.limit ?? DEFAULT_PAGE_SIZE, 0), MAX_PAGE_SIZE)
  let start = 0
  let end = Math.min(limit, list.length)
  if (request.cursor !== undefined) {
    const decoded = decodeCursor(request.cursor, request.cursorParameter ?? 'cursor')
    const direction = request.forceDirection ?? decoded.direction
    const index = decoded.id === END_OF_LIST && direction === 'before' ? list.length : list.findIndex((item) => item.id === decoded.id)
    if (index === -1) throw new InvalidCursorError(request.cursorParameter ?? 'cursor')
    if (direction === 'after') {
      start = index + 1
      end = Math.min(start + limit, list.length)
    } else {
      end = index
      start = Math.max(0, end - limit)
    }
  }
  const items = list.slice(start, end)
  return {
    items,
    totalCount: list.length,
    nextCursor: end < list.length && items.length > 0 ? encodeCursor('after', items.at(-1)!.id) : null,
    prevCursor: start > 0 ? encodeCursor('before', list[start]?.id ?? END_OF_LIST) : null,
    cursors: items.map((item) => encodeCursor('after', item.id))
  }
}
