import { FormatRegistry } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { JsonFeedItemSchema, JsonFeedSchema } from '../../src/domain/changelog.js'
import { buildTestApp } from '../helpers/app.js'
import { TOOLBOX, buildToolboxApp, firstToSecond, secondToThird } from './toolbox.js'

interface VersionSummary { id: string, published: string, notes: string[], href: string }

const PUBLIC_URL = 'https://roadmaps.example.org'

// JSON Feed 1.1 requires absolute URLs and RFC 3339 dates.
FormatRegistry.Set('uri', (value) => /^https?:\/\//.test(value) && URL.canParse(value))
FormatRegistry.Set('date-time', (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/.test(value))

describe('GET /v1/roadmaps/{slug}/changelog on the diff-editions fixture', () => {
  let app: App
  let versions: VersionSummary[]
  beforeAll(async () => {
    app = await buildToolboxApp({ publicUrl: PUBLIC_URL })
    versions = (await app.inject(`${TOOLBOX}/versions`)).json<{ items: VersionSummary[] }>().items
  })
  afterAll(() => app.close())

  it('lists every version newest first with its notes and the summary of its diff from the one before', async () => {
    const response = await app.inject(`${TOOLBOX}/changelog`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(response.headers['link']).toBe(`<${TOOLBOX}/changelog.atom>; rel="alternate"; type="application/atom+xml", <${TOOLBOX}/changelog.json>; rel="alternate"; type="application/feed+json"`)
    expect(response.json()).toEqual({
      roadmap: { slug: 'toolbox', title: 'Toolbox roadmap', authors: [{ name: 'Test Author', url: 'https://example.org/author' }], href: TOOLBOX },
      latest: '2024-03-01',
      feeds: { atom: `${TOOLBOX}/changelog.atom`, json: `${TOOLBOX}/changelog.json` },
      items: [
        { version: versions[2], previous: '2024-02-01', summary: secondToThird.summary, diffHref: `${TOOLBOX}/diff?from=2024-02-01&to=2024-03-01` },
        { version: versions[1], previous: '2024-01-01', summary: firstToSecond.summary, diffHref: `${TOOLBOX}/diff?from=2024-01-01&to=2024-02-01` },
        { version: versions[0], previous: null, summary: null, diffHref: null }
      ]
    })
    const etag = String(response.headers['etag'])
    expect((await app.inject({ url: `${TOOLBOX}/changelog`, headers: { 'if-none-match': etag } })).statusCode).toBe(304)
  })

  it('serves a well-formed Atom feed with one entry per version, identified by its concrete URL', async () => {
    const response = await app.inject(`${TOOLBOX}/changelog.atom`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    expect(XMLValidator.validate(response.body)).toBe(true)

    const { feed } = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['entry', 'link'].includes(name) }).parse(response.body) as {
      feed: {
        xmlns: string
        id: string
        title: string
        updated: string
        author: { name: string }
        link: Array<{ rel?: string, href: string }>
        entry: Array<{ id: string, title: { '#text': string }, updated: string, published: string, link: Array<{ href: string }>, summary: { '#text': string }, content: { '#text': string, type: string } }>
      }
    }
    expect(feed.xmlns).toBe('http://www.w3.org/2005/Atom')
    expect(feed.id).toBe(`${PUBLIC_URL}${TOOLBOX}`)
    expect(feed.title).toBe('Toolbox roadmap: changelog')
    expect(feed.updated).toBe('2024-03-01T00:00:00.000Z')
    expect(feed.author.name).toBe('Test Author')
    expect(feed.link).toContainEqual({ rel: 'self', href: `${PUBLIC_URL}${TOOLBOX}/changelog.atom` })

    expect(feed.entry.map((entry) => entry.id)).toEqual(['2024-03-01', '2024-02-01', '2024-01-01'].map((id) => `${PUBLIC_URL}${TOOLBOX}/versions/${id}`))
    expect(feed.entry.map((entry) => entry.title['#text'])).toEqual(['2024-03-01: Toolbox, third edition', '2024-02-01: Toolbox, second edition', '2024-01-01: Toolbox, first edition'])
    expect(feed.entry.map((entry) => entry.updated)).toEqual(['2024-03-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'])
    expect(feed.entry.map((entry) => entry.link[0]!.href)).toEqual(feed.entry.map((entry) => entry.id))
    expect(feed.entry.map((entry) => entry.summary['#text'])).toEqual([
      'Since 2024-02-01: steps: 3 changed; tools: 1 changed; resources: 1 added, 2 changed.',
      'Since 2024-01-01: steps: 2 added, 1 removed, 2 changed; tools: 1 added, 1 removed, 1 changed; resources: 1 added, 1 removed, 3 changed.',
      'First version: 6 steps, 4 tools, 4 resources.'
    ])
    const second = feed.entry[1]!.content
    expect(second.type).toBe('html')
    expect(second['#text']).toContain('<p>Virtual machines give way to Kubernetes; editors get a section of their own.</p>')
    expect(second['#text']).toContain(`<a href="${PUBLIC_URL}${TOOLBOX}/diff?from=2024-01-01&amp;to=2024-02-01">What changed</a>`)
  })

  it('serves a JSON Feed 1.1 whose items match the Atom entries', async () => {
    const response = await app.inject(`${TOOLBOX}/changelog.json`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8')
    const feed = response.json<{ version: string, items: Array<Record<string, unknown>> }>()
    expect([...Value.Errors(JsonFeedSchema, [JsonFeedItemSchema], feed)].map((error) => `${error.path} ${error.message}`)).toEqual([])
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Toolbox roadmap: changelog',
      home_page_url: `${PUBLIC_URL}${TOOLBOX}`,
      feed_url: `${PUBLIC_URL}${TOOLBOX}/changelog.json`,
      authors: [{ name: 'Test Author', url: 'https://example.org/author' }],
      language: 'en'
    })
    expect(feed.items[2]).toEqual({
      id: `${PUBLIC_URL}${TOOLBOX}/versions/2024-01-01`,
      url: `${PUBLIC_URL}${TOOLBOX}/versions/2024-01-01`,
      external_url: 'https://example.org/toolbox/first',
      title: '2024-01-01: Toolbox, first edition',
      content_html: [
        '<p>First edition, with a section on virtual machines.</p>',
        '<p>First version: 6 steps, 4 tools, 4 resources.</p>',
        `<p><a href="${PUBLIC_URL}${TOOLBOX}/versions/2024-01-01/export.md">Markdown checklist</a> · <a href="${PUBLIC_URL}${TOOLBOX}/versions/2024-01-01">JSON snapshot</a></p>`
      ].join('\n'),
      content_text: 'First edition, with a section on virtual machines.\n\nFirst version: 6 steps, 4 tools, 4 resources.',
      summary: 'First version: 6 steps, 4 tools, 4 resources.',
      date_published: '2024-01-01T00:00:00.000Z'
    })
    expect(feed.items.map((item) => item['date_published'])).toEqual(['2024-03-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'])
  })

  it('answers an unknown roadmap with problem+json in every format', async () => {
    for (const suffix of ['', '.atom', '.json']) {
      const response = await app.inject(`/v1/roadmaps/cooking/changelog${suffix}`)
      expect(response.statusCode).toBe(404)
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
      expect(response.json()).toMatchObject({ code: 'ROADMAP_ERR_ROADMAP_NOT_FOUND', instance: `/v1/roadmaps/cooking/changelog${suffix}` })
    }
  })
})

describe('changelog feeds without PUBLIC_URL', () => {
  let app: App
  beforeAll(async () => { app = await buildTestApp() })
  afterAll(() => app.close())

  it('take absolute links from the request host, with the same ids in Atom and JSON Feed', async () => {
    const headers = { host: 'api.example.net:8080' }
    const json = (await app.inject({ url: '/v1/roadmaps/mlops/changelog.json', headers })).json<{ items: Array<{ id: string }> }>()
    expect(json.items.map((item) => item.id)).toEqual(['2024-01-12', '2023-12-27', '2023-12-21'].map((id) => `http://api.example.net:8080/v1/roadmaps/mlops/versions/${id}`))
    const atom = (await app.inject({ url: '/v1/roadmaps/mlops/changelog.atom', headers })).body
    const ids = [...atom.matchAll(/<entry>\s*<title[^>]*>.*?<\/title>\s*<id>([^<]+)<\/id>/gs)].map((match) => match[1])
    expect(ids).toEqual(json.items.map((item) => item.id))

    // The same path on another host has other links, so another ETag.
    const elsewhere = await app.inject({ url: '/v1/roadmaps/mlops/changelog.atom', headers: { host: 'mirror.example.net' } })
    const here = await app.inject({ url: '/v1/roadmaps/mlops/changelog.atom', headers })
    expect(elsewhere.headers['etag']).not.toBe(here.headers['etag'])
  })

  it('summarise each shipped edition against the one before', async () => {
    const changelog = (await app.inject('/v1/roadmaps/mlops/changelog')).json<{ items: Array<{ version: { id: string, notes: string[] }, previous: string | null, summary: { tools: { removed: number } } | null }> }>()
    expect(changelog.items.map((item) => [item.version.id, item.previous])).toEqual([['2024-01-12', '2023-12-27'], ['2023-12-27', '2023-12-21'], ['2023-12-21', null]])
    // The first README drops the nine tools only the article's prose names.
    expect(changelog.items[1]!.summary!.tools.removed).toBe(9)
    expect(changelog.items[2]!.summary).toBeNull()
  })

  it('refuse a Host header that makes no URL', async () => {
    const response = await app.inject({ url: '/v1/roadmaps/mlops/changelog.atom', headers: { host: 'bad host' } })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', detail: 'Parameter "host" is not a valid host name' })
  })
})
