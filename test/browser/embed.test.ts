import { mkdir } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import axe from 'axe-core'
import type { Browser, BrowserContextOptions, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { Snapshot, StepNode } from '../../src/domain/api.js'
import { buildTestApp } from '../helpers/app.js'
import { launchChromium } from '../helpers/browser.js'

/*
 * The embeds as a reader sees them: Debian's Chromium, driven by playwright-core,
 * loads a host page from a second loopback origin that embeds the widget by
 * iframe, by oEmbed discovery and by <img>.
 */

const SCREENSHOTS = fileURLToPath(new URL('../../test-artifacts/screenshots/', import.meta.url))
const EDITION = '2024-01-12'

let app: App
let api: string
let hostServer: Server
let host: string
let browser: Browser
let snapshot: Snapshot
let steps: StepNode[]

const flatten = (nodes: readonly StepNode[]): StepNode[] => nodes.flatMap((node) => [node, ...flatten(node.children)])
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

function hostPage (title: string, body: string, dark = false): string {
  const colours = dark ? 'background:#111827;color:#f3f4f6' : 'background:#f3f4f6;color:#111827'
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,"><style>body{margin:0;padding:24px 16px;font:16px/1.5 sans-serif;${colours}}
article{max-width:760px;margin:0 auto}p{margin:0 0 16px}</style></head>
<body><article><h1>${title}</h1><p>A blog post that embeds a roadmap.</p>${body}<p>The post goes on after the embed.</p></article></body></html>`
}

/** The second origin: a blog that embeds the widget the three ways the README's embedding section describes. */
async function hostHandler (request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', host)
  const send = (html: string) => { response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html) }
  const theme = url.searchParams.get('theme') ?? 'auto'
  const width = url.searchParams.get('width') ?? '720'
  if (url.pathname === '/iframe') {
    const src = `${api}/embed/mlops/${EDITION}${theme === 'auto' ? '' : `?theme=${theme}`}`
    return send(hostPage('Embedded by iframe', `<iframe src="${escapeAttribute(src)}" width="${width}" height="820" title="MLOps roadmap" style="border:0;max-width:100%;display:block"></iframe>`, theme === 'dark'))
  }
  if (url.pathname === '/oembed') {
    // What a CMS does with a pasted link: fetch the page, follow its oEmbed discovery link, insert the returned html.
    const pageUrl = url.searchParams.get('url')!
    const page = await fetch(pageUrl)
    const discovered = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(await page.text())?.[1]?.replaceAll('&amp;', '&')
    const linkHeader = /^<([^>]+)>; rel="alternate"; type="application\/json\+oembed"$/.exec(page.headers.get('link') ?? '')?.[1]
    if (discovered === undefined || discovered !== linkHeader) return send(hostPage('No oEmbed discovery', '<p>missing</p>'))
    const oembed = await (await fetch(`${discovered}&maxwidth=${width}`)).json() as { html: string }
    return send(hostPage('Embedded by oEmbed discovery', oembed.html))
  }
  if (url.pathname === '/diagram') {
    const path = `${api}/v1/roadmaps/mlops/versions/${EDITION}/diagram`
    return send(hostPage('Embedded as a picture', `<img id="svg" src="${path}.svg" alt="The MLOps roadmap"><img id="png" src="${path}.png?scale=2" alt="The MLOps roadmap, as a PNG" width="480">`))
  }
  response.writeHead(404).end()
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  app = await buildTestApp()
  await app.listen({ port: 0, host: '127.0.0.1' })
  api = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  hostServer = createServer((request, response) => {
    hostHandler(request, response).catch((error: unknown) => { response.writeHead(500).end(String(error)) })
  })
  await new Promise<void>((resolve) => hostServer.listen(0, '127.0.0.1', resolve))
  // `localhost` against the API's 127.0.0.1: another site, not only another origin, as a real blog would be.
  host = `http://localhost:${(hostServer.address() as AddressInfo).port}`
  snapshot = await (await fetch(`${api}/v1/roadmaps/mlops/versions/${EDITION}`)).json() as Snapshot
  steps = flatten(snapshot.steps)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => hostServer?.close(resolve))
  await app?.close()
})

/** A fresh page that records every console error, page error, failed request and HTTP error status. */
async function openPage (options: BrowserContextOptions = {}): Promise<{ page: Page, problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 }, ...options })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`) })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`))
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`) })
  return { page, problems }
}

async function screenshot (page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage })
}

async function expectEveryStepShown (page: Page): Promise<void> {
  const frame = page.frameLocator('iframe')
  const headings = frame.getByRole('heading', { level: 2 }).or(frame.getByRole('heading', { level: 3 }))
  expect(await headings.allTextContents()).toEqual(steps.map((step) => `${step.number} ${step.title}`))
  for (const step of steps) {
    expect(await frame.getByRole('heading', { name: `${step.number} ${step.title}`, exact: true }).isVisible(), step.id).toBe(true)
  }
}

async function expectLinksToResources (page: Page): Promise<void> {
  const frame = page.frameLocator('iframe')
  const resourceUrl = new Map(snapshot.resources.map((resource) => [resource.id, resource.url]))
  const homepage = new Map(snapshot.tools.map((tool) => [tool.id, tool.homepage]))
  for (const step of steps) {
    const item = frame.locator(`[id="step-${step.id}"]`)
    const expectedResources = step.resources.map((id) => resourceUrl.get(id)).filter((url) => url !== undefined)
    expect(await item.locator(':scope > ul.resources a, :scope > .track > ul.resources a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), step.id).toEqual(expectedResources)
    expect(await item.locator(':scope > ul.chips a, :scope > .track > ul.chips a').evaluateAll((links) => links.map((link) => link.getAttribute('href'))), step.id)
      .toEqual(step.tools.map((id) => homepage.get(id)).filter((url) => url !== undefined))
  }
  const apiLinks = await frame.locator('footer a[href^="http://127.0.0.1"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))
  expect(apiLinks).toEqual([`${api}/v1/roadmaps/mlops/versions/${EDITION}`, `${api}/v1/roadmaps/mlops/versions/${EDITION}/diagram.svg`])
  for (const link of apiLinks) expect((await fetch(link)).status, link).toBe(200)
}

describe('the embed page in Chromium', () => {
  it('shows every step with links to the right resources in an iframe on another origin, light and dark', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage()
      await page.goto(`${host}/iframe?theme=${theme}`, { waitUntil: 'load' })
      await expectEveryStepShown(page)
      await expectLinksToResources(page)
      const background = await page.frameLocator('iframe').locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)
      expect(background).toBe(theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(11, 17, 32)')
      await screenshot(page, `embed-iframe-${theme}`)
      expect(problems).toEqual([])
      await page.context().close()
    }
  })

  it('is inserted by oEmbed discovery from the page link and follows the reader\'s colour scheme', async () => {
    const { page, problems } = await openPage({ colorScheme: 'dark' })
    await page.goto(`${host}/oembed?url=${encodeURIComponent(`${api}/embed/mlops/${EDITION}`)}&width=700`, { waitUntil: 'load' })
    const iframe = page.locator('iframe')
    expect(await iframe.getAttribute('src')).toBe(`${api}/embed/mlops/${EDITION}`)
    expect(await iframe.getAttribute('width')).toBe('640')
    expect(await iframe.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox')
    await expectEveryStepShown(page)
    await expectLinksToResources(page)
    expect(await page.frameLocator('iframe').locator('body').evaluate((body) => getComputedStyle(body).backgroundColor)).toBe('rgb(11, 17, 32)')
    await screenshot(page, 'embed-oembed-auto-dark')
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('fits a 280 px column without horizontal scrolling', async () => {
    const { page, problems } = await openPage({ viewport: { width: 320, height: 800 } })
    await page.goto(`${host}/iframe?theme=light&width=280`, { waitUntil: 'load' })
    await expectEveryStepShown(page)
    const frame = page.frames().find((candidate) => candidate.url().includes('/embed/'))!
    const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    expect(overflow).toBe(0)
    await screenshot(page, 'embed-iframe-narrow')
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('shows one step with its sub-steps and walks the path by keyboard, with a visible focus ring', async () => {
    const { page, problems } = await openPage()
    const components = steps.find((step) => step.id === 'mlops-components')!
    await page.goto(`${api}/embed/mlops/${EDITION}?step=${components.id}&theme=light`, { waitUntil: 'load' })
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${components.number} ${components.title}`)
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(components.children.map((child) => `${child.number} ${child.title}`))

    await page.keyboard.press('Tab')
    const first = await page.evaluate(() => ({ text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }))
    expect(first).toEqual({ text: snapshot.roadmap.title, outline: 'solid' })
    await screenshot(page, 'embed-step-focus', true)

    const next = steps[steps.indexOf(components) + 1]!
    await page.getByRole('link', { name: `${next.number} ${next.title} →` }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`${api}/embed/mlops/${EDITION}?step=${next.id}&theme=light`)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`${next.number} ${next.title}`)
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('has no serious or critical accessibility violations (axe-core), whole and one step, light and dark', async () => {
    for (const path of [`/embed/mlops/${EDITION}?theme=light`, `/embed/mlops/${EDITION}?theme=dark`, '/embed/mlops/latest?step=model-training-and-serving&theme=dark']) {
      const { page, problems } = await openPage()
      await page.goto(`${api}${path}`, { waitUntil: 'load' })
      await page.evaluate(axe.source)
      const results = await page.evaluate(async () => await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations', 'incomplete'] }))
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`), path).toEqual([])
      // Contrast is checked, not skipped: axe could see the background behind every piece of text.
      expect(results.incomplete.filter((check) => check.id === 'color-contrast').flatMap((check) => check.nodes.map((node) => node.target.join(' '))), path).toEqual([])
      if (path.includes('theme=light')) await screenshot(page, 'embed-page-light', true)
      if (path.includes('theme=dark') && !path.includes('step')) await screenshot(page, 'embed-page-dark', true)
      expect(problems).toEqual([])
      await page.context().close()
    }
  })
})

describe('the diagram in Chromium', () => {
  it('loads in <img> on another origin at its natural size, SVG and PNG', async () => {
    const { page, problems } = await openPage()
    await page.goto(`${host}/diagram`, { waitUntil: 'load' })
    const svgSource = await (await fetch(`${api}/v1/roadmaps/mlops/versions/${EDITION}/diagram.svg`)).text()
    const [, width, height] = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svgSource)!.map(Number)
    const size = (id: string) => page.locator(`#${id}`).evaluate((image: HTMLImageElement) => ({ complete: image.complete, natural: [image.naturalWidth, image.naturalHeight], shown: [image.width, image.height] }))
    expect(await size('svg')).toEqual({ complete: true, natural: [width, height], shown: [width, height] })
    expect(await size('png')).toEqual({ complete: true, natural: [width! * 2, height! * 2], shown: [480, Math.round(480 * height! / width!)] })
    expect(problems).toEqual([])
    await page.context().close()
  })

  it('renders every step title as text, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, problems } = await openPage({ colorScheme })
      await page.goto(`${api}/v1/roadmaps/mlops/versions/${EDITION}/diagram.svg`, { waitUntil: 'load' })
      const texts = await page.locator('text').evaluateAll((elements) => elements.map((element) => element.textContent!.replace(/\s+/g, ' ').trim()))
      for (const step of steps) expect(texts, step.id).toContain(step.title)
      for (const tool of snapshot.tools.filter((entry) => entry.steps.length > 0)) expect(texts, tool.id).toContain(tool.name)
      // Laid out without measuring fonts: every title must still sit inside its node and every tool name inside its label.
      const overflowing = await page.locator('g.step').evaluateAll((groups) => groups.flatMap((group) => {
        const inside = (inner: DOMRect, outer: DOMRect) => inner.x >= outer.x && inner.x + inner.width <= outer.x + outer.width
        const node = (group.querySelector('rect') as SVGRectElement).getBBox()
        const titles = Array.from(group.querySelectorAll<SVGTextElement>('text')).filter((text) => !inside(text.getBBox(), node))
        const tools = Array.from(group.querySelectorAll<SVGTextElement>('text.tool')).filter((text) => !inside(text.getBBox(), (text.previousElementSibling as SVGRectElement).getBBox()))
        return [...titles, ...tools].map((text) => text.textContent)
      }))
      expect(overflowing).toEqual([])
      const size = { width: Number(await page.locator('svg').getAttribute('width')), height: Number(await page.locator('svg').getAttribute('height')) }
      const box = await page.locator('svg').evaluate((svg) => { const { width, height } = svg.getBoundingClientRect(); return { width, height } })
      expect(box).toEqual(size)
      const backdrop = await page.locator('svg > rect').first().evaluate((rect) => getComputedStyle(rect).fill)
      expect(backdrop).toBe(colorScheme === 'light' ? 'rgb(248, 250, 252)' : 'rgb(11, 17, 32)')
      // A full-page screenshot never settles on an SVG document; a viewport of the picture's size does the same.
      await page.setViewportSize(size)
      await screenshot(page, `diagram-${colorScheme}`)
      expect(problems).toEqual([])
      await page.context().close()
    }
  })
})
