import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { Snapshot, StepNode } from '../../src/domain/api.js'
import { buildTestApp } from '../helpers/app.js'
import { EDITION, INJECT_BASE, MARKUP_CONTENT, cspDirectives, decodeHtml, jsonLdOf, styleHashOf, textsOf, openShippedEdition } from './helpers.js'

let app: App
let snapshot: Snapshot
let steps: StepNode[]

beforeAll(async () => { ({ app, snapshot, steps } = await openShippedEdition()) })
afterAll(async () => { await app.close() })

const page = (url: string, accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8') => app.inject({ url, headers: { accept } })
const oembedLink = (pageUrl: string) => `${INJECT_BASE}/oembed?url=${encodeURIComponent(pageUrl)}&format=json`

describe('GET /embed/{slug}/{version}', () => {
  it('serves the whole edition as one page: every step numbered in reading order, with its tools and resources', async () => {
    const response = await page(`/embed/mlops/${EDITION}`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    const html = response.body
    expect(html.startsWith('<!doctype html>\n<html lang="en" class="theme-auto">')).toBe(true)
    expect(textsOf(html, 'h1')).toEqual([snapshot.roadmap.title])
    expect([...textsOf(html, 'h2'), ...textsOf(html, 'h3')].sort()).toEqual(steps.map((step) => `${step.number} ${step.title}`).sort())
    // Headings appear in reading order.
    const headings = [...html.matchAll(/<h[23]>([\s\S]*?)<\/h[23]>/g)].map((match) => decodeHtml(match[1]!.replace(/<[^>]+>/g, '')))
    expect(headings).toEqual(steps.map((step) => `${step.number} ${step.title}`))

    for (const step of steps) {
      const item = new RegExp(`<li id="step-${step.id}">([\\s\\S]*?)(?=<li id="step-|</ol>)`).exec(html)![1]!
      const linked = [...item.matchAll(/<ul class="resources"[\s\S]*?<\/ul>/g)].flatMap((list) => [...list[0].matchAll(/<a href="([^"]+)"/g)].map((link) => decodeHtml(link[1]!)))
      const expected = step.resources.map((id) => snapshot.resources.find((resource) => resource.id === id)!).filter((resource) => resource.url !== undefined).map((resource) => resource.url)
      expect(linked, step.id).toEqual(expected)
      const chips = [...item.matchAll(/<ul class="chips"[\s\S]*?<\/ul>/g)].flatMap((list) => textsOf(list[0], 'li'))
      expect(chips, step.id).toEqual(step.tools.map((id) => snapshot.tools.find((tool) => tool.id === id)!.name))
    }
    expect(html).toContain('<span class="badge kind-book">Book</span>')
  })

  it('links its source and the API in a footer, and makes no request of its own', async () => {
    const html = (await page(`/embed/mlops/${EDITION}`)).body
    const footer = /<footer>([\s\S]*?)<\/footer>/.exec(html)![1]!
    expect(footer).toContain(`<a href="${snapshot.version.source.url}" target="_blank" rel="noopener">${snapshot.version.source.title}</a>`)
    expect(footer).toContain(`<a href="${INJECT_BASE}/v1/roadmaps/mlops/versions/${EDITION}" target="_blank" rel="noopener">JSON API</a>`)
    expect(footer).toContain(`Version ${EDITION}`)
    // Nothing to fetch: no external stylesheet, script, image or font, and an empty inline icon.
    expect(html).not.toMatch(/<(?:img|iframe|object|embed)\b|<script(?! type="application\/ld\+json")|<link rel="stylesheet"|url\(/)
    expect(html).toContain('<link rel="icon" href="data:,">')
  })

  it('may be framed by any origin, under a strict CSP that allows only its own inline style', async () => {
    const response = await page(`/embed/mlops/${EDITION}`)
    expect(cspDirectives(response)).toEqual({
      'default-src': "'none'",
      'style-src': styleHashOf(response.body),
      'img-src': "'self' data:",
      'frame-ancestors': '*',
      'base-uri': "'none'",
      'form-action': "'none'"
    })
    expect(response.headers['x-frame-options']).toBeUndefined()
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  })

  it('leaves the API unframeable', async () => {
    const response = await app.inject({ url: `/v1/roadmaps/mlops/versions/${EDITION}` })
    expect(cspDirectives(response)['frame-ancestors']).toBe("'none'")
    expect(response.headers['x-frame-options']).toBe('DENY')
  })

  it('advertises its oEmbed endpoint in a <link> and in the Link header', async () => {
    for (const path of [`/embed/mlops/${EDITION}`, '/embed/mlops/latest?step=docker&theme=dark']) {
      const response = await page(path)
      const pageUrl = `${INJECT_BASE}${path}`
      expect(response.headers.link).toBe(`<${oembedLink(pageUrl)}>; rel="alternate"; type="application/json+oembed"`)
      const discovered = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(response.body)![1]!
      expect(decodeHtml(discovered)).toBe(oembedLink(pageUrl))
      const oembed = await app.inject({ url: decodeHtml(discovered).slice(INJECT_BASE.length) })
      expect(oembed.statusCode).toBe(200)
      expect(oembed.json<{ html: string }>().html).toContain(`src="${pageUrl.replace(/&/g, '&amp;')}"`)
    }
  })

  it('carries the edition as schema.org JSON-LD', async () => {
    const html = (await page(`/embed/mlops/${EDITION}`)).body
    const jsonLd = jsonLdOf(html) as { '@type': string, step: unknown[] }
    const fromSnapshotUrl = await app.inject({ url: `/v1/roadmaps/mlops/versions/${EDITION}`, headers: { accept: 'application/ld+json' } })
    expect(jsonLd).toEqual(fromSnapshotUrl.json())
    expect(jsonLd['@type']).toBe('HowTo')
    expect(jsonLd.step).toHaveLength(snapshot.steps.length)
  })

  it('takes a theme: light, dark or auto (the reader\'s preference)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const html = (await page(`/embed/mlops/${EDITION}?theme=${theme}`)).body
      expect(html).toContain(`<html lang="en" class="theme-${theme}">`)
      expect(html).toContain(`<meta name="color-scheme" content="${theme}">`)
    }
    const auto = (await page(`/embed/mlops/${EDITION}?theme=auto`)).body
    expect(auto).toContain('<meta name="color-scheme" content="light dark">')
    expect(auto).toContain('@media (prefers-color-scheme:dark){:root.theme-auto{color-scheme:dark;')
  })

  it('serves one step with its sub-steps, and links along the path keeping version and theme', async () => {
    const components = steps.find((step) => step.id === 'mlops-components')!
    const response = await page(`/embed/mlops/latest?step=${components.id}&theme=dark`)
    expect(response.statusCode).toBe(200)
    const html = response.body
    expect(textsOf(html, 'h1')).toEqual([`${components.number} ${components.title}`])
    expect(textsOf(html, 'h2')).toEqual(components.children.map((child) => `${child.number} ${child.title}`))
    expect(textsOf(html, 'h3')).toEqual([])
    const previous = steps[steps.indexOf(components) - 1]!
    const next = steps[steps.indexOf(components) + 1]!
    const escaped = (text: string) => text.replace(/&/g, '&amp;')
    expect(html).toContain(`<a class="previous" href="${INJECT_BASE}/embed/mlops/latest?step=${previous.id}&amp;theme=dark">← ${previous.number} ${escaped(previous.title)}</a>`)
    expect(html).toContain(`<a class="next" href="${INJECT_BASE}/embed/mlops/latest?step=${next.id}&amp;theme=dark">${next.number} ${escaped(next.title)} →</a>`)
    expect(html).toContain(`Step ${components.number} of <a href="${INJECT_BASE}/embed/mlops/latest?theme=dark">${snapshot.roadmap.title}</a>`)
    expect(html).toContain(`<link rel="canonical" href="${INJECT_BASE}/embed/mlops/${EDITION}?step=${components.id}">`)
    expect(jsonLdOf(html)).toMatchObject({ '@type': 'HowToSection', identifier: components.id, numberOfItems: components.children.length, isPartOf: { '@type': 'HowTo', name: snapshot.roadmap.title } })

    const first = await page(`/embed/mlops/${EDITION}?step=${steps[0]!.id}`)
    expect(first.body).not.toContain('class="previous"')
    const last = await page(`/embed/mlops/${EDITION}?step=${steps.at(-1)!.id}`)
    expect(last.body).not.toContain('class="next"')
  })

  it('is immutable for a concrete version and revalidates with its ETag', async () => {
    const response = await page(`/embed/mlops/${EDITION}`)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const etag = String(response.headers.etag)
    const again = await app.inject({ url: `/embed/mlops/${EDITION}`, headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const dark = await page(`/embed/mlops/${EDITION}?theme=dark`)
    expect(dark.headers.etag).not.toBe(etag)
  })

  it('keeps `latest` briefly and names the concrete page', async () => {
    const response = await page('/embed/mlops/latest?theme=light')
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(response.headers['content-location']).toBe(`/embed/mlops/${EDITION}?theme=light`)
    expect(response.body).toContain(`<link rel="canonical" href="${INJECT_BASE}/embed/mlops/${EDITION}">`)
  })

  it('builds its absolute links on PUBLIC_URL when it is set', async () => {
    const publicApp = await buildTestApp({ publicUrl: 'https://roadmaps.example.org/api' })
    try {
      const response = await publicApp.inject({ url: `/embed/mlops/${EDITION}` })
      expect(response.headers.link).toBe(`<https://roadmaps.example.org/api/oembed?url=${encodeURIComponent(`https://roadmaps.example.org/api/embed/mlops/${EDITION}`)}&format=json>; rel="alternate"; type="application/json+oembed"`)
      expect(response.body).toContain(`<a href="https://roadmaps.example.org/api/v1/roadmaps/mlops/versions/${EDITION}" target="_blank" rel="noopener">JSON API</a>`)
      expect(response.body).not.toContain('localhost')
    } finally {
      await publicApp.close()
    }
  })

  it('keeps text that looks like markup as text, in the page and in its JSON-LD', async () => {
    const markupApp = await buildTestApp({ contentDir: MARKUP_CONTENT })
    try {
      const html = (await markupApp.inject({ url: '/embed/tricky/latest' })).body
      expect(textsOf(html, 'h1')).toEqual(['Pipes & <Filters> "roadmap"'])
      expect(textsOf(html, 'h2')).toEqual(['1 Streams & <Pipes>'])
      expect(textsOf(html, 'h3')).toEqual(['1.1 Filters "quoted" & \'single\''])
      // Exactly one script element, the JSON-LD one, survives the summary's </script><script>.
      expect(html.match(/<script/g)).toHaveLength(1)
      expect(html).toContain('<a href="https://example.org/pipes?part=a&amp;b=c" target="_blank" rel="noopener">Pipes &amp; Filters &lt;Illustrated&gt;</a>')
      expect(html).toContain('<span class="title">A talk with no link</span>')
      expect(jsonLdOf(html)).toMatchObject({ name: 'Pipes & <Filters> "roadmap"', step: [{ text: 'Read </script><script>alert("step")</script> as text.' }] })
    } finally {
      await markupApp.close()
    }
  })
})

describe('GET /embed/{slug}/{version} with a bad link', () => {
  const cases = [
    { path: '/embed/nope/latest', status: 404, code: 'ROADMAP_ERR_ROADMAP_NOT_FOUND', title: 'Roadmap not found' },
    { path: '/embed/mlops/2001-01-01', status: 404, code: 'ROADMAP_ERR_VERSION_NOT_FOUND', title: 'Version not found' },
    { path: `/embed/mlops/${EDITION}?step=cooking`, status: 404, code: 'ROADMAP_ERR_STEP_NOT_FOUND', title: 'Step not found' },
    { path: `/embed/mlops/${EDITION}?theme=sepia`, status: 400, code: 'ROADMAP_ERR_INVALID_PARAMETER', title: 'Invalid parameter' },
    { path: `/embed/mlops/${EDITION}?utm_source=x`, status: 400, code: 'ROADMAP_ERR_INVALID_PARAMETER', title: 'Invalid parameter' },
    { path: '/embed/mlops/yesterday', status: 400, code: 'ROADMAP_ERR_INVALID_PARAMETER', title: 'Invalid parameter' }
  ]

  it.each(cases)('shows a browser a small HTML page: $path', async ({ path, status, title }) => {
    const response = await page(path)
    expect(response.statusCode).toBe(status)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(textsOf(response.body, 'h1')).toEqual([title])
    expect(textsOf(response.body, 'p')[0]).toBe(`Error ${status}`)
    expect(cspDirectives(response)['style-src']).toBe(styleHashOf(response.body))
    expect(response.body).not.toMatch(/at \w+ \(|\/work\/|node_modules/)
  })

  it.each(cases)('answers an API client with problem+json: $path', async ({ path, status, code }) => {
    for (const accept of ['application/json', '*/*', undefined]) {
      const response = await app.inject({ url: path, headers: accept === undefined ? {} : { accept } })
      expect(response.statusCode).toBe(status)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(response.json()).toMatchObject({ status, code, instance: path })
    }
  })
})
