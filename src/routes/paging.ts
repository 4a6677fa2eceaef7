import type { FastifyReply } from 'fastify'
import { paginate } from '../content/pagination.js'

export interface PageBody<T> {
  items: T[]
  totalCount: number
  nextCursor: string | null
  prevCursor: string | null
}

export interface PageQueryValues {
  limit?: number | undefined
  cursor?: string | undefined
}

/**
 * One page of a list in stable order, with RFC 8288 `Link` headers to its neighbours (absolute paths
 * that keep every other query parameter). `keyOf` names each item uniquely when `id` alone does not,
 * e.g. search hits, where a step and a tool may share an id.
 */
export function sendPage<T> (reply: FastifyReply, list: readonly T[], query: PageQueryValues, keyOf: (item: T) => string): PageBody<T> {
  const page = paginate(list.map((item) => ({ id: keyOf(item), item })), { limit: query.limit, cursor: query.cursor, cursorParameter: 'cursor' })
  const links = [
    page.nextCursor === null ? null : `<${withCursor(reply.request.url, page.nextCursor)}>; rel="next"`,
    page.prevCursor === null ? null : `<${withCursor(reply.request.url, page.prevCursor)}>; rel="prev"`
  ].filter((link) => link !== null)
  if (links.length > 0) reply.header('link', links.join(', '))
  return { items: page.items.map((entry) => entry.item), totalCount: page.totalCount, nextCursor: page.nextCursor, prevCursor: page.prevCursor }
}

export const byId = (item: { id: string }) => item.id

function withCursor (url: string, cursor: string): string {
  const target = new URL(url, 'http://localhost')
  target.searchParams.set('cursor', cursor)
  return `${target.pathname}${target.search}`
}
