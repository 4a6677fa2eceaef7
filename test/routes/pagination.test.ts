import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'
import { SECOND, allResources, allTools, buildFieldGuideApp, getJson, problem, readingOrder, resources } from './field-guide.js'

interface Page { items: Array<{ id: string }>, totalCount: number, nextCursor: string | null, prevCursor: string | null }

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

function links (header: string | string[] | number | undefined): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of String(header ?? '').matchAll(/<([^>]+)>;\s*rel="(next|prev)"/g)) found[match[2]!] = match[1]!
  return found
}

/** Follows rel="next" from `start` to the last page, then rel="prev" back to the first, checking body and header agree. */
async function walk (start: string) {
  const forward: Page[] = []
  let url: string | undefined = start
  while (url !== undefined) {
    const { response, body } = await getJson<Page>(app, url)
    expect(response.statusCode).toBe(200)
    const link = links(response.headers['link'])
    expect(link['next'] === undefined ? null : new URL(link['next'], 'http://x').searchParams.get('cursor')).toBe(body.nextCursor)
    expect(link['prev'] === undefined ? null : new URL(link['prev'], 'http://x').searchParams.get('cursor')).toBe(body.prevCursor)
    forward.push(body)
    url = link['next']
  }
  const last = forward.at(-1)!
  const backward: Page[] = [last]
  url = last.prevCursor === null ? undefined : withCursor(start, last.prevCursor)
  while (url !== undefined) {
    const { response, body } = await getJson<Page>(app, url)
    backward.unshift(body)
    url = links(response.headers['link'])['prev']
  }
  return { forward, backward }
}

function withCursor (url: string, cursor: string) {
  const target = new URL(url, 'http://x')
  target.searchParams.set('cursor', cursor)
  return `${target.pathname}${target.search}`
}

const ids = (pages: Page[]) => pages.flatMap((page) => page.items.map((item) => item.id))

describe('pagination', () => {
  it.each([
    ['steps (flat)', `${SECOND}/steps?view=flat&limit=3`, readingOrder.map((step) => step.id), [3, 3, 2]],
    ['steps (tree)', `${SECOND}/steps?limit=2`, ['foundations', 'containers', 'monitoring'], [2, 1]],
    ['tools', `${SECOND}/tools?limit=2`, allTools.map((tool) => tool.id), [2, 2, 2, 1]],
    ['resources', `${SECOND}/resources?limit=3`, allResources.map((resource) => resource.id), [3, 3, 1]],
    ['search hits', `${SECOND}/search?q=docker&limit=2`, ['docker', 'docker', 'docker-handbook'], [2, 1]]
  ])('walks %s to the end and back, in the same stable order', async (_name, start, expected, sizes) => {
    const { forward, backward } = await walk(start)
    expect(forward.map((page) => page.items.length)).toEqual(sizes)
    expect(ids(forward)).toEqual(expected)
    expect(ids(backward)).toEqual(expected)
    expect(backward).toEqual(forward)
    expect(forward.every((page) => page.totalCount === expected.length)).toBe(true)
    expect(forward[0]!.prevCursor).toBeNull()
    expect(forward.at(-1)!.nextCursor).toBeNull()
  })

  it('keeps every other query parameter in the Link header, as an absolute path', async () => {
    const { response, body } = await getJson<Page>(app, `${SECOND}/resources?kind=book&limit=1`)
    expect(body.items.map((item) => item.id)).toEqual(['linux-command-line'])
    expect(response.headers['link']).toBe(`<${SECOND}/resources?kind=book&limit=1&cursor=${body.nextCursor}>; rel="next"`)
    const next = await getJson<Page>(app, `${SECOND}/resources?kind=book&limit=1&cursor=${body.nextCursor}`)
    expect(next.body).toEqual({ items: [resources.proGit], totalCount: 3, nextCursor: expect.any(String), prevCursor: expect.any(String) })
    expect(next.response.headers['link']).toBe(
      `<${SECOND}/resources?kind=book&limit=1&cursor=${next.body.nextCursor}>; rel="next", <${SECOND}/resources?kind=book&limit=1&cursor=${next.body.prevCursor}>; rel="prev"`
    )
  })

  it('sends no Link header when everything fits on one page', async () => {
    const { response } = await getJson(app, `${SECOND}/tools`)
    expect(response.headers['link']).toBeUndefined()
  })

  it('takes up to 100 items per page', async () => {
    expect((await getJson<Page>(app, `${SECOND}/tools?limit=100`)).body.items).toHaveLength(allTools.length)
    for (const limit of ['0', '101', 'ten']) {
      const { response, body } = await getJson(app, `${SECOND}/tools?limit=${limit}`)
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(body).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'query', name: 'limit' }] })
    }
  })

  it('answers 400 naming cursor for a cursor it did not issue for this list', async () => {
    const { body: stepsPage } = await getJson<Page>(app, `${SECOND}/steps?view=flat&limit=1`)
    for (const cursor of ['not-a-cursor', 'YTpub3RoaW5n', stepsPage.nextCursor!]) {
      const url = `${SECOND}/tools?cursor=${cursor}`
      const { response, body } = await getJson(app, url)
      expect(response.statusCode).toBe(400)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_CURSOR', 'Parameter "cursor" is not a cursor issued for this list', url))
    }
    const tooLong = await getJson(app, `${SECOND}/tools?cursor=${'a'.repeat(513)}`)
    expect(tooLong.body).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'query', name: 'cursor' }] })
  })
})

describe('pagination on the shipped content', () => {
  let shipped: App
  beforeAll(async () => { shipped = await buildTestApp() })
  afterAll(async () => { await shipped.close() })

  it('serves 20 items per page unless asked otherwise', async () => {
    const all = (await getJson<Page>(shipped, '/v1/roadmaps/mlops/versions/latest/resources?limit=100')).body
    expect(all.totalCount).toBeGreaterThan(20)
    const { body } = await getJson<Page>(shipped, '/v1/roadmaps/mlops/versions/latest/resources')
    expect(body.items).toEqual(all.items.slice(0, 20))
    expect(body.totalCount).toBe(all.totalCount)
    expect(body.nextCursor).not.toBeNull()
  })
})
