import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'
import { EDITION, INJECT_BASE, MARKUP_CONTENT } from './helpers.js'

let app: App
beforeAll(async () => { app = await buildTestApp() })
afterAll(async () => { await app.close() })

const oembed = (pageUrl: string, extra = '', target = app) => target.inject({ url: `/oembed?url=${encodeURIComponent(pageUrl)}${extra}` })
const iframe = (src: string, width: number, height: number, title: string) =>
  `<iframe src="${src}" width="${width}" height="${height}" title="${title}" loading="lazy" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="strict-origin-when-cross-origin" style="border:0;max-width:100%"></iframe>`

describe('GET /oembed', () => {
  it('answers an embed page URL with a rich oEmbed 1.0 response holding the iframe', async () => {
    const pageUrl = `${INJECT_BASE}/embed/mlops/${EDITION}`
    const response = await oembed(pageUrl, '&format=json')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['access-control-allow-origin']).toBe('*')
    expect(response.json()).toEqual({
      type: 'rich',
      version: '1.0',
      title: `MLOps roadmap 2024 (edition ${EDITION})`,
      author_name: 'Maria Vechtomova',
      provider_name: 'Roadmap API',
      provider_url: INJECT_BASE,
      cache_age: 604800,
      html: iframe(pageUrl, 640, 800, `MLOps roadmap 2024 (edition ${EDITION})`),
      width: 640,
      height: 800
    })
  })

  it('embeds one step, keeping the theme, and caches `latest` only briefly', async () => {
    const pageUrl = `${INJECT_BASE}/embed/mlops/latest?step=docker&theme=dark`
    const response = await oembed(pageUrl)
    expect(response.statusCode).toBe(200)
    const body = response.json<{ title: string, html: string, cache_age: number, width: number, height: number }>()
    expect(body).toMatchObject({ title: `2.1 Docker · MLOps roadmap 2024 (edition ${EDITION})`, cache_age: 3600, width: 640, height: 560 })
    expect(body.html).toBe(iframe(`${INJECT_BASE}/embed/mlops/latest?step=docker&amp;theme=dark`, 640, 560, body.title))
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
  })

  it('never exceeds maxwidth and maxheight', async () => {
    const pageUrl = `${INJECT_BASE}/embed/mlops/${EDITION}`
    const sizes = async (extra: string) => {
      const body = (await oembed(pageUrl, extra)).json<{ width: number, height: number, html: string }>()
      expect(body.html).toContain(`width="${body.width}" height="${body.height}"`)
      return [body.width, body.height]
    }
    expect(await sizes('&maxwidth=320')).toEqual([320, 800])
    expect(await sizes('&maxheight=400')).toEqual([640, 400])
    expect(await sizes('&maxwidth=300&maxheight=200')).toEqual([300, 200])
    expect(await sizes('&maxwidth=2000&maxheight=2000')).toEqual([640, 800])
  })

  it('ignores parameters a consumer adds for itself', async () => {
    expect((await oembed(`${INJECT_BASE}/embed/mlops/${EDITION}`, '&format=json&dnt=1')).statusCode).toBe(200)
  })

  it('answers 501 for XML or any format but JSON', async () => {
    for (const format of ['xml', 'yaml']) {
      const response = await oembed(`${INJECT_BASE}/embed/mlops/${EDITION}`, `&format=${format}`)
      expect(response.statusCode).toBe(501)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(response.json()).toMatchObject({ status: 501, code: 'ROADMAP_ERR_FORMAT_NOT_IMPLEMENTED', type: '/problems/format-not-implemented' })
    }
  })

  it.each([
    ['another host', `https://example.org/embed/mlops/${EDITION}`, 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['another path', `${INJECT_BASE}/v1/roadmaps/mlops/versions/${EDITION}`, 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['a parameter the page does not take', `${INJECT_BASE}/embed/mlops/${EDITION}?utm_source=feed`, 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['a theme the page does not have', `${INJECT_BASE}/embed/mlops/${EDITION}?theme=sepia`, 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['something that is not a URL', 'embed/mlops/latest', 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['credentials in the URL', `http://user:secret@localhost:80/embed/mlops/${EDITION}`, 'ROADMAP_ERR_NOT_EMBEDDABLE'],
    ['an unknown roadmap', `${INJECT_BASE}/embed/cooking/latest`, 'ROADMAP_ERR_ROADMAP_NOT_FOUND'],
    ['an unknown version', `${INJECT_BASE}/embed/mlops/2001-01-01`, 'ROADMAP_ERR_VERSION_NOT_FOUND'],
    ['an unknown step', `${INJECT_BASE}/embed/mlops/${EDITION}?step=cooking`, 'ROADMAP_ERR_STEP_NOT_FOUND']
  ])('answers 404 for a URL it does not serve: %s', async (_case, pageUrl, code) => {
    const response = await oembed(pageUrl)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toMatchObject({ status: 404, code })
  })

  it('answers 400 without a url or with a size that is not a positive integer', async () => {
    for (const url of ['/oembed', '/oembed?url=', `/oembed?url=${encodeURIComponent(`${INJECT_BASE}/embed/mlops/latest`)}&maxwidth=0`, `/oembed?url=${encodeURIComponent(`${INJECT_BASE}/embed/mlops/latest`)}&maxheight=wide`]) {
      const response = await app.inject({ url })
      expect(response.statusCode, url).toBe(400)
      expect(response.json(), url).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER' })
    }
  })

  it('revalidates with its ETag', async () => {
    const first = await oembed(`${INJECT_BASE}/embed/mlops/${EDITION}`)
    expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const again = await app.inject({ url: `/oembed?url=${encodeURIComponent(`${INJECT_BASE}/embed/mlops/${EDITION}`)}`, headers: { 'if-none-match': String(first.headers.etag) } })
    expect(again.statusCode).toBe(304)
  })

  it('serves only URLs under PUBLIC_URL when it is set', async () => {
    const publicApp = await buildTestApp({ publicUrl: 'https://roadmaps.example.org/api' })
    try {
      const served = await oembed(`https://roadmaps.example.org/api/embed/mlops/${EDITION}`, '', publicApp)
      expect(served.statusCode).toBe(200)
      expect(served.json()).toMatchObject({ provider_url: 'https://roadmaps.example.org/api', html: expect.stringContaining(`src="https://roadmaps.example.org/api/embed/mlops/${EDITION}"`) })
      expect((await oembed(`https://roadmaps.example.org/embed/mlops/${EDITION}`, '', publicApp)).statusCode).toBe(404)
      expect((await oembed(`${INJECT_BASE}/embed/mlops/${EDITION}`, '', publicApp)).statusCode).toBe(404)
    } finally {
      await publicApp.close()
    }
  })

  it('escapes titles inside the html attribute', async () => {
    const markupApp = await buildTestApp({ contentDir: MARKUP_CONTENT })
    try {
      const body = (await oembed(`${INJECT_BASE}/embed/tricky/latest`, '', markupApp)).json<{ title: string, html: string, author_name: string, author_url: string }>()
      expect(body.title).toBe('Pipes & <Filters> "roadmap" (edition 2024-02-02)')
      expect(body.html).toContain('title="Pipes &amp; &lt;Filters&gt; &quot;roadmap&quot; (edition 2024-02-02)"')
      expect(body).toMatchObject({ author_name: "O'Brien & Sons", author_url: 'https://example.org/obrien' })
    } finally {
      await markupApp.close()
    }
  })
})
