import { readFile } from 'node:fs/promises'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { Snapshot, StepNode } from '../../src/domain/api.js'
import { PROJECT_ROOT } from '../../src/cli/generate.js'
import { buildTestApp } from '../helpers/app.js'
import { EDITION, MARKUP_CONTENT, cspDirectives, decodeHtml, styleHashOf, openShippedEdition } from './helpers.js'

let app: App
let snapshot: Snapshot
let steps: StepNode[]
beforeAll(async () => { ({ app, snapshot, steps } = await openShippedEdition()) })
afterAll(async () => { await app.close() })

const diagramUrl = `/v1/roadmaps/mlops/versions/${EDITION}/diagram`

/** The text of each <text> element, its <tspan> lines joined by a space. */
function svgTexts (svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) => decodeHtml(match[1]!.replace(/<\/tspan>\s*<tspan[^>]*>/g, ' ').replace(/<[^>]+>/g, '')).trim())
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize (bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR')
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
}

describe('GET /v1/roadmaps/{slug}/versions/{version}/diagram.svg', () => {
  it('draws every step as a numbered node with its tools as labels, in well-formed SVG', async () => {
    const response = await app.inject({ url: `${diagramUrl}.svg` })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/svg+xml; charset=utf-8')
    const svg = response.body
    expect(XMLValidator.validate(svg)).toBe(true)
    const [, width, height] = /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2" role="img"/.exec(svg)!.map(Number)
    expect(width).toBe(960)
    expect(height).toBeGreaterThan(600)

    const groups = [...svg.matchAll(/<g class="step" data-step="([^"]+)">([\s\S]*?)<\/g>/g)]
    expect(groups.map((group) => group[1])).toEqual(steps.map((step) => step.id))
    for (const [, id, body] of groups) {
      const step = steps.find((candidate) => candidate.id === id)!
      const texts = svgTexts(body!)
      expect(texts, id).toContain(step.number)
      expect(texts, id).toContain(step.title)
      const tools = [...body!.matchAll(/<text [^>]*class="tool[^"]*"[^>]*>([^<]*)<\/text>/g)].map((match) => decodeHtml(match[1]!))
      expect(tools, id).toEqual(step.tools.map((toolId) => snapshot.tools.find((tool) => tool.id === toolId)!.name))
    }
    expect(svg).toContain(`<title id="diagram-title">${snapshot.roadmap.title} · edition ${EDITION}</title>`)
  })

  it('is the same bytes on every render, with coordinates to at most one decimal', async () => {
    const other = await buildTestApp()
    try {
      const [first, second] = await Promise.all([app, other].map(async (instance) => (await instance.inject({ url: `${diagramUrl}.svg` })).body))
      expect(second).toBe(first)
      expect(first).not.toMatch(/\d\.\d{2,}/)
    } finally {
      await other.close()
    }
  })

  it('is cached for good for a concrete version, revalidates, and names the concrete URL for `latest`', async () => {
    const response = await app.inject({ url: `${diagramUrl}.svg` })
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect((await app.inject({ url: `${diagramUrl}.svg`, headers: { 'if-none-match': String(response.headers.etag) } })).statusCode).toBe(304)
    const latest = await app.inject({ url: '/v1/roadmaps/mlops/versions/latest/diagram.svg' })
    expect(latest.headers['content-location']).toBe(`${diagramUrl}.svg`)
    expect(latest.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(latest.body).toBe(response.body)
  })

  it('may be shown by any site with <img>, and opened on its own allows only its own style', async () => {
    const response = await app.inject({ url: `${diagramUrl}.svg` })
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect(cspDirectives(response)).toEqual({ 'default-src': "'none'", 'style-src': styleHashOf(response.body), 'frame-ancestors': "'none'" })
  })

  it('escapes text that looks like markup', async () => {
    const markupApp = await buildTestApp({ contentDir: MARKUP_CONTENT })
    try {
      const svg = (await markupApp.inject({ url: '/v1/roadmaps/tricky/versions/latest/diagram.svg' })).body
      expect(XMLValidator.validate(svg)).toBe(true)
      const texts = svgTexts(svg)
      expect(texts).toEqual(expect.arrayContaining(['Pipes & <Filters> "roadmap"', 'Streams & <Pipes>', 'Filters "quoted" & \'single\'', 'tee <T> & co']))
      expect(texts).toContain('Edition 2024-02-02 · O\'Brien & Sons · 2 steps · 1 tool · 2 resources')
    } finally {
      await markupApp.close()
    }
  })

  it('answers problem+json for an unknown version and for a query parameter it does not take', async () => {
    const missing = await app.inject({ url: '/v1/roadmaps/mlops/versions/2001-01-01/diagram.svg' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ code: 'ROADMAP_ERR_VERSION_NOT_FOUND' })
    const extra = await app.inject({ url: `${diagramUrl}.svg?theme=dark` })
    expect(extra.statusCode).toBe(400)
    expect(extra.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER' })
  })

  it('is what docs/mlops-roadmap.svg shows (regenerate with npm run generate)', async () => {
    const committed = await readFile(new URL('docs/mlops-roadmap.svg', `file://${PROJECT_ROOT}`), 'utf8')
    expect(committed).toBe((await app.inject({ url: '/v1/roadmaps/mlops/versions/latest/diagram.svg' })).body)
  })
})

describe('GET /v1/roadmaps/{slug}/versions/{version}/diagram.png', () => {
  it('rasterises the diagram at its size, or sharper with scale', async () => {
    const svg = (await app.inject({ url: `${diagramUrl}.svg` })).body
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number)
    const one = await app.inject({ url: `${diagramUrl}.png` })
    expect(one.statusCode).toBe(200)
    expect(one.headers['content-type']).toBe('image/png')
    expect(pngSize(one.rawPayload)).toEqual([width, height])
    const two = await app.inject({ url: `${diagramUrl}.png?scale=2` })
    expect(pngSize(two.rawPayload)).toEqual([width! * 2, height! * 2])
    expect(one.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(two.headers.etag).not.toBe(one.headers.etag)
    expect((await app.inject({ url: `${diagramUrl}.png`, headers: { 'if-none-match': String(one.headers.etag) } })).statusCode).toBe(304)
  })

  it('draws pixels: the backdrop colour fills the picture', async () => {
    const { Resvg } = await import('@resvg/resvg-js')
    const png = (await app.inject({ url: `${diagramUrl}.png` })).rawPayload
    const [width, height] = pngSize(png)
    // Decoded by placing the PNG in an SVG <image> shifted by 20 px, so pixel (0, 0) is pixel (20, 20) of the picture.
    const probe = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><image href="data:image/png;base64,${png.toString('base64')}" x="-20" y="-20" width="${width}" height="${height}"/></svg>`).render()
    expect([...probe.pixels.subarray(0, 3)]).toEqual([0xf8, 0xfa, 0xfc])
  })

  it('answers 400 for a scale outside 1 to 3', async () => {
    for (const scale of ['0', '4', 'big']) {
      const response = await app.inject({ url: `${diagramUrl}.png?scale=${scale}` })
      expect(response.statusCode, scale).toBe(400)
      expect(response.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER' })
    }
  })
})
