import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'
import { TOOLBOX, buildToolboxApp } from './toolbox.js'

const MLOPS = '/v1/roadmaps/mlops/versions'

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8; variant=GFM',
  csv: 'text/csv; charset=utf-8; header=present'
}

describe('version exports of the shipped editions', () => {
  let app: App
  beforeAll(async () => { app = await buildTestApp() })
  afterAll(() => app.close())

  it('downloads the JSON snapshot as mlops-<version>.json, byte for byte the snapshot', async () => {
    const response = await app.inject(`${MLOPS}/2024-01-12/export.json`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe(CONTENT_TYPES.json)
    expect(response.headers['content-disposition']).toBe('attachment; filename="mlops-2024-01-12.json"')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.body).toBe((await app.inject(`${MLOPS}/2024-01-12`)).body)
  })

  it('names the file after the concrete version when asked for latest', async () => {
    const response = await app.inject(`${MLOPS}/latest/export.md`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-disposition']).toBe('attachment; filename="mlops-2024-01-12.md"')
    expect(response.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(response.headers['content-location']).toBe(`${MLOPS}/2024-01-12/export.md`)
    expect(response.body).toBe((await app.inject(`${MLOPS}/2024-01-12/export.md`)).body)
  })

  it('renders Markdown with a checklist of the sections and a checkbox per resource, linked where the edition links it', async () => {
    const markdown = (await app.inject(`${MLOPS}/2024-01-12/export.md`)).body
    const lines = markdown.split('\n')
    expect(lines[0]).toBe('# MLOps roadmap 2024')
    expect(markdown).toContain('Version **2024-01-12**, published 2024-01-12')
    expect(markdown).toContain('- Source: [MLOps Roadmap 2024](https://github.com/marvelousmlops/mlops-roadmap-2024/blob/52a7b05/README.md)')
    // Six sections and ten sub-sections, in the README's order and capitalisation.
    const progress = lines.slice(lines.indexOf('## Progress') + 2, lines.indexOf('## 1 Programming') - 1)
    expect(progress).toEqual([
      '- [ ] 1 Programming',
      '  - [ ] 1.1 Python & IDEs',
      '  - [ ] 1.2 Bash Basics & Command Line Editors',
      '- [ ] 2 Containerization and Kubernetes',
      '  - [ ] 2.1 Docker',
      '  - [ ] 2.2 Kubernetes',
      '- [ ] 3 Machine Learning Fundamentals',
      '- [ ] 4 MLOps Principles',
      '- [ ] 5 MLOps Components',
      '  - [ ] 5.1 Version Control & CI/CD Pipelines',
      '  - [ ] 5.2 Orchestration',
      '  - [ ] 5.3 Experiment Tracking and Model Registries',
      '  - [ ] 5.4 Data Lineage and Feature Stores',
      '  - [ ] 5.5 Model Training & Serving',
      '  - [ ] 5.6 Monitoring & Observability',
      '- [ ] 6 Infrastructure as Code: Terraform'
    ])
    expect(lines).toContain('### 1.1 Python & IDEs')
    expect(lines).toContain('- [ ] [Fast.ai](https://course.fast.ai) (course)')
    expect(lines).toContain('- [ ] [Learn Python 3](https://www.codecademy.com/learn/learn-python-3) (course)')
    expect(lines.filter((line) => line.startsWith('- [ ] ') && line.includes('Python Crash Course'))).toEqual([
      '- [ ] [Python Crash Course](https://www.amazon.com/stores/Eric-Matthes/author/B01DPU378I) (book, by Eric Matthes, 3rd Edition)'
    ])
  })

  it('renders the article, which lost its links, with plain titles', async () => {
    const markdown = (await app.inject(`${MLOPS}/2023-12-21/export.md`)).body
    expect(markdown).toContain('- [ ] Python Crash Course: A Hands-On, Project-Based Introduction to Programming (book, by Eric Matthes, 3rd Edition)')
    expect(markdown).toContain('- [ ] [realpython.com](https://realpython.com) (tutorial)')
    expect(markdown).toContain('### 1.2 Bash basics & command line editors')
  })

  it('lists the resources as RFC 4180 CSV with a header row, one record per resource', async () => {
    const response = await app.inject(`${MLOPS}/2023-12-21/export.csv`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe(CONTENT_TYPES.csv)
    expect(response.headers['content-disposition']).toBe('attachment; filename="mlops-2023-12-21.csv"')
    const records = response.body.split('\r\n')
    expect(records.at(-1)).toBe('')
    expect(records[0]).toBe('id,kind,title,subtitle,authors,edition,provider,url,steps,tools')
    const snapshot = (await app.inject(`${MLOPS}/2023-12-21`)).json<{ resources: Array<{ id: string }> }>()
    expect(records.length - 2).toBe(snapshot.resources.length)
    expect(records.slice(1, -1).map((record) => record.split(',')[0])).toEqual(snapshot.resources.map((resource) => resource.id))
    // A field with a comma is quoted.
    expect(records).toContain('python-crash-course,book,Python Crash Course,"A Hands-On, Project-Based Introduction to Programming",Eric Matthes,3rd Edition,,,python-and-ides,python')
    expect(records).toContain('realpython-com,tutorial,realpython.com,,,,,https://realpython.com,python-and-ides,python')
  })

  it('sends exports and diffs compressed when the client accepts it, decoding to the same bytes', async () => {
    for (const url of [`${MLOPS}/2024-01-12/export.md`, `${MLOPS}/2024-01-12/export.json`, '/v1/roadmaps/mlops/diff?from=2023-12-21&to=2024-01-12']) {
      const identity = await app.inject(url)
      const br = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
      const gzip = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } })
      expect(br.headers['content-encoding'], url).toBe('br')
      expect(gzip.headers['content-encoding'], url).toBe('gzip')
      expect(brotliDecompressSync(br.rawPayload).toString('utf8'), url).toBe(identity.body)
      expect(gunzipSync(gzip.rawPayload).toString('utf8'), url).toBe(identity.body)
      expect(br.headers['etag']).not.toBe(identity.headers['etag'])
    }
  })

  it('gives each format its own ETag, and revalidates each', async () => {
    const etags = new Set<string>()
    for (const format of ['json', 'md', 'csv']) {
      const url = `${MLOPS}/2024-01-12/export.${format}`
      const etag = String((await app.inject(url)).headers['etag'])
      etags.add(etag)
      const revalidated = await app.inject({ url, headers: { 'if-none-match': etag } })
      expect(revalidated.statusCode).toBe(304)
      expect(revalidated.body).toBe('')
    }
    expect(etags.size).toBe(3)
    const negotiated = await app.inject({ url: `${MLOPS}/2024-01-12/export`, headers: { accept: 'text/csv' } })
    const asMarkdown = await app.inject({ url: `${MLOPS}/2024-01-12/export`, headers: { accept: 'text/markdown' } })
    expect(negotiated.headers['etag']).not.toBe(asMarkdown.headers['etag'])
    expect((await app.inject({ url: `${MLOPS}/2024-01-12/export`, headers: { accept: 'text/csv', 'if-none-match': String(asMarkdown.headers['etag']) } })).statusCode).toBe(200)
  })
})

describe('choosing an export format', () => {
  let app: App
  beforeAll(async () => { app = await buildToolboxApp() })
  afterAll(() => app.close())

  const exportOf = (query: string, accept?: string) =>
    app.inject({ url: `${TOOLBOX}/versions/2024-03-01/export${query}`, headers: accept === undefined ? {} : { accept } })

  it('follows Accept, its q-values and wildcards, and says it varies on Accept', async () => {
    const cases: Array<[string | undefined, keyof typeof CONTENT_TYPES]> = [
      [undefined, 'json'],
      ['*/*', 'json'],
      ['text/markdown', 'md'],
      ['text/csv', 'csv'],
      ['text/*', 'md'],
      ['text/csv;q=0.9, text/markdown;q=0.5', 'csv'],
      ['image/png, application/json;q=0.1', 'json']
    ]
    for (const [accept, format] of cases) {
      const response = await exportOf('', accept)
      expect(response.statusCode, String(accept)).toBe(200)
      expect(response.headers['content-type'], String(accept)).toBe(CONTENT_TYPES[format])
      expect(response.headers['content-disposition']).toBe(`attachment; filename="toolbox-2024-03-01.${format}"`)
      expect(String(response.headers['vary'])).toMatch(/(^|, )accept(,|$)/)
    }
  })

  it('lets format= win over Accept', async () => {
    const response = await exportOf('?format=csv', 'text/markdown')
    expect(response.headers['content-type']).toBe(CONTENT_TYPES.csv)
    expect(response.body).toBe((await exportOf('.csv')).body)
  })

  it('answers 406 in problem+json when Accept allows none of the formats', async () => {
    const response = await exportOf('', 'application/pdf, image/*')
    expect(response.statusCode).toBe(406)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(response.json()).toEqual({
      type: '/problems/not-acceptable',
      title: 'Not acceptable',
      status: 406,
      detail: 'This route can produce application/json, text/markdown, text/csv',
      instance: `${TOOLBOX}/versions/2024-03-01/export`,
      code: 'ROADMAP_ERR_NOT_ACCEPTABLE'
    })
  })

  it('answers an unknown format or version with problem+json', async () => {
    const suffix = await exportOf('.pdf')
    expect(suffix.statusCode).toBe(400)
    expect(suffix.json()).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'path', name: 'format', reason: 'must be equal to one of the allowed values' }] })
    const query = await exportOf('?format=xlsx')
    expect(query.json()).toMatchObject({ status: 400, invalidParams: [{ in: 'query', name: 'format' }] })
    const version = await app.inject(`${TOOLBOX}/versions/2023-01-01/export.md`)
    expect(version.statusCode).toBe(404)
    expect(version.json()).toMatchObject({ code: 'ROADMAP_ERR_VERSION_NOT_FOUND' })
  })

  it('escapes Markdown in titles and keeps URLs with parentheses one link', async () => {
    const markdown = (await exportOf('.md')).body
    expect(markdown).toContain('- [ ] [Shell cheat sheet: \\[bash\\] & \\*zsh\\*](https://example.org/shell_%28cheat%29_sheet) (website)')
    expect(markdown).toContain('- [ ] Docker for beginners (course)')
    expect(markdown).toContain('Tools: [Kubernetes](https://kubernetes.io)')
    expect(markdown).toContain('- Authors: [Test Author](https://example.org/author)')
  })

  it('lists the resources in order of first recommendation, lists joined, empty fields for what is absent', async () => {
    const csv = (await exportOf('.csv')).body
    expect(csv.split('\r\n')).toEqual([
      'id,kind,title,subtitle,authors,edition,provider,url,steps,tools',
      'shell-cheat-sheet,website,Shell cheat sheet: [bash] & *zsh*,,,,,https://example.org/shell_(cheat)_sheet,shell-use,shell',
      'shell-book,book,The Shell Book,,Jane Doe,2nd Edition,,,shell-use,shell',
      'kubernetes-course,course,Kubernetes course,,Techworld with Nana,,,https://example.org/courses/kubernetes,kubernetes,kubernetes',
      'docker-course,course,Docker for beginners,,,,,,docker,docker',
      'vim-guide,article,Vim guide,,,,,https://example.org/vim-guide,editors,vim',
      ''
    ])
  })
})
