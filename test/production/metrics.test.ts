import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp, fixtureDir } from '../helpers/app.js'

interface Sample { name: string, labels: Record<string, string>, value: number }

/** Parses the Prometheus text format into samples; comments and blank lines are skipped. */
function parseExposition (text: string): Sample[] {
  return text.split('\n').filter((line) => line !== '' && !line.startsWith('#')).map((line) => {
    const match = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (match === null) throw new Error(`not a sample line: ${line}`)
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key!, value!]))
    return { name: match[1]!, labels, value: Number(match[3]) }
  })
}

/** The value of the one sample with this name whose labels include `labels`; undefined when there is none. */
function valueOf (samples: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`)
  return found[0]?.value
}

async function scrape (app: App): Promise<Sample[]> {
  const response = await app.inject('/metrics')
  expect(response.statusCode).toBe(200)
  return parseExposition(response.body)
}

const VERSION = '/v1/roadmaps/demo/versions/2024-01-01'
const TOOLS_ROUTE = '/v1/roadmaps/:slug/versions/:version/tools'

describe('GET /metrics', () => {
  let app: App
  beforeAll(async () => { app = await buildTestApp({ fixture: 'valid' }) })
  afterAll(async () => { await app.close() })

  it('answers in the Prometheus text format, never cached', async () => {
    const response = await app.inject('/metrics')
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(response.body).toContain('# TYPE http_request_duration_seconds histogram')
    expect(response.body).toContain('# TYPE http_requests_total counter')
  })

  it('counts requests by route pattern, method and status class, never by URL', async () => {
    const before = await scrape(app)
    const tools = { route: TOOLS_ROUTE, method: 'GET', status_class: '2xx' }
    const countBefore = valueOf(before, 'http_requests_total', tools) ?? 0
    for (const url of [`${VERSION}/tools`, '/v1/roadmaps/demo/versions/latest/tools?limit=1']) expect((await app.inject(url)).statusCode).toBe(200)
    expect((await app.inject({ method: 'HEAD', url: `${VERSION}/tools` })).statusCode).toBe(200)
    expect((await app.inject(`${VERSION}/tools/nope`)).statusCode).toBe(404)
    expect((await app.inject('/secret-scanner-probe/wp-admin.php')).statusCode).toBe(404)

    const after = await scrape(app)
    expect(valueOf(after, 'http_requests_total', tools)).toBe(countBefore + 2)
    expect(valueOf(after, 'http_requests_total', { ...tools, method: 'HEAD' })).toBeGreaterThanOrEqual(1)
    expect(valueOf(after, 'http_requests_total', { route: '/v1/roadmaps/:slug/versions/:version/tools/:toolId', method: 'GET', status_class: '4xx' })).toBeGreaterThanOrEqual(1)
    expect(valueOf(after, 'http_requests_total', { route: 'not_found', method: 'GET', status_class: '4xx' })).toBeGreaterThanOrEqual(1)
    const routes = new Set(after.filter((sample) => sample.name === 'http_requests_total').map((sample) => sample.labels['route']))
    expect([...routes].filter((route) => route !== 'not_found' && route !== '*' && !route!.startsWith('/'))).toEqual([])
    expect([...routes].some((route) => route!.includes('wp-admin') || route!.includes('demo') || route!.includes('?'))).toBe(false)
  })

  it('measures durations in a histogram whose buckets add up to the count', async () => {
    await app.inject(`${VERSION}/tools`)
    const samples = await scrape(app)
    const series = { route: TOOLS_ROUTE, method: 'GET', status_class: '2xx' }
    const count = valueOf(samples, 'http_request_duration_seconds_count', series)!
    expect(count).toBeGreaterThanOrEqual(1)
    expect(valueOf(samples, 'http_request_duration_seconds_bucket', { ...series, le: '+Inf' })).toBe(count)
    expect(valueOf(samples, 'http_request_duration_seconds_sum', series)).toBeGreaterThan(0)
    const buckets = samples.filter((sample) => sample.name === 'http_request_duration_seconds_bucket' && sample.labels['route'] === TOOLS_ROUTE && sample.labels['method'] === 'GET' && sample.labels['status_class'] === '2xx')
    const values = buckets.map((sample) => sample.value)
    expect(values).toEqual([...values].sort((a, b) => a - b))
    expect(valueOf(samples, 'http_requests_total', series)).toBe(count)
  })

  it('leaves its own scrapes out', async () => {
    await scrape(app)
    const samples = await scrape(app)
    expect(samples.filter((sample) => sample.labels['route'] === '/metrics')).toEqual([])
  })

  it('counts 304 Not Modified answers apart, for the revalidation ratio', async () => {
    const first = await app.inject(`${VERSION}/steps`)
    const etag = first.headers.etag as string
    const before = valueOf(await scrape(app), 'http_responses_not_modified_total', { route: '/v1/roadmaps/:slug/versions/:version/steps', method: 'GET' }) ?? 0
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await app.inject({ url: `${VERSION}/steps`, headers: { 'if-none-match': etag } })).statusCode).toBe(304)
    }
    const after = await scrape(app)
    expect(valueOf(after, 'http_responses_not_modified_total', { route: '/v1/roadmaps/:slug/versions/:version/steps', method: 'GET' })).toBe(before + 2)
    expect(valueOf(after, 'http_requests_total', { route: '/v1/roadmaps/:slug/versions/:version/steps', method: 'GET', status_class: '3xx' })).toBe(before + 2)
  })

  it('counts GraphQL operations by name and outcome', async () => {
    const post = (payload: object) => app.inject({ method: 'POST', url: '/graphql', payload })
    expect((await post({ query: 'query RoadmapSlugs { roadmaps { slug } }' })).statusCode).toBe(200)
    expect((await post({ query: 'query RoadmapSlugs { roadmaps { slug } }' })).statusCode).toBe(200)
    expect((await post({ query: 'query BadVersion { roadmap(slug: "demo") { version(id: "yesterday") { id } } }' })).json().errors[0].extensions.code).toBe('ROADMAP_ERR_INVALID_PARAMETER')
    expect((await post({ query: 'query First { roadmaps { slug } } query Second { roadmap(slug: "demo") { slug } }', operationName: 'Second' })).statusCode).toBe(200)
    expect((await post({ query: '{ roadmaps { slug } }' })).statusCode).toBe(200)
    // Refused before running: no document, so no operation name.
    expect((await post({ query: 'query Broken { roadmaps { nope } }' })).json().errors[0].extensions.code).toBe('ROADMAP_ERR_INVALID_QUERY')
    const batch = await post([{ query: 'query InBatch { roadmaps { slug } }' }, { query: '{ roadmaps {' }])
    expect(batch.statusCode).toBe(200)
    expect(batch.json()[1].errors[0].extensions.code).toBe('ROADMAP_ERR_INVALID_QUERY')

    const samples = await scrape(app)
    const operations = (operation: string, outcome: string) => valueOf(samples, 'graphql_operations_total', { operation, outcome })
    expect(operations('RoadmapSlugs', 'ok')).toBe(2)
    expect(operations('BadVersion', 'ROADMAP_ERR_INVALID_PARAMETER')).toBe(1)
    expect(operations('Second', 'ok')).toBe(1)
    expect(operations('First', 'ok')).toBeUndefined()
    expect(operations('anonymous', 'ok')).toBe(1)
    expect(operations('InBatch', 'ok')).toBe(1)
    expect(operations('unknown', 'ROADMAP_ERR_INVALID_QUERY')).toBe(2)
  })

  it('describes the content served', async () => {
    const samples = await scrape(app)
    const versions = app.contentStore.roadmaps.flatMap((roadmap) => roadmap.versions.map((version) => ({ roadmap: roadmap.slug, version: version.id, content_hash: version.contentHash })))
    expect(versions.length).toBeGreaterThan(0)
    for (const labels of versions) expect(valueOf(samples, 'roadmap_content_info', labels)).toBe(1)
    expect(samples.filter((sample) => sample.name === 'roadmap_content_info')).toHaveLength(versions.length)
    expect(valueOf(samples, 'roadmap_content_reloads_total', { result: 'accepted' })).toBe(0)
    expect(valueOf(samples, 'roadmap_content_reloads_total', { result: 'rejected' })).toBe(0)
    expect(valueOf(samples, 'roadmap_content_last_reload_failed')).toBe(0)
    expect(valueOf(samples, 'roadmap_content_loaded_timestamp_seconds')).toBeCloseTo(Date.parse(app.contentStatus.loadedAt) / 1000)
  })

  it('includes the process metrics', async () => {
    const samples = await scrape(app)
    for (const name of ['process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(valueOf(samples, name), name).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('content reload metrics', () => {
  let dir: string
  let app: App
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'roadmap-metrics-'))
    await cp(fixtureDir('valid'), dir, { recursive: true })
    app = await buildTestApp({ contentDir: dir })
  })
  afterAll(async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('count accepted and rejected reloads, flag a failed last reload, and follow the content hash', async () => {
    const step = join(dir, 'demo/versions/2024-01-01/steps/basics.yaml')
    const original = await readFile(step, 'utf8')
    const hashBefore = app.contentStore.roadmaps[0]!.versions[0]!.contentHash

    await writeFile(step, original.replace(/^title: .*$/m, 'title: Basics, revised'))
    expect((await app.reloadContent()).ok).toBe(true)
    const hashAfter = app.contentStore.roadmaps[0]!.versions[0]!.contentHash
    expect(hashAfter).not.toBe(hashBefore)
    let samples = await scrape(app)
    expect(valueOf(samples, 'roadmap_content_reloads_total', { result: 'accepted' })).toBe(1)
    expect(valueOf(samples, 'roadmap_content_info', { roadmap: 'demo', version: '2024-01-01' })).toBe(1)
    expect(samples.find((sample) => sample.name === 'roadmap_content_info')?.labels['content_hash']).toBe(hashAfter)

    await writeFile(step, original.replace(/^tools: .*$/m, 'tools: [ghost]'))
    expect((await app.reloadContent()).ok).toBe(false)
    samples = await scrape(app)
    expect(valueOf(samples, 'roadmap_content_reloads_total', { result: 'rejected' })).toBe(1)
    expect(valueOf(samples, 'roadmap_content_last_reload_failed')).toBe(1)
    expect(samples.find((sample) => sample.name === 'roadmap_content_info')?.labels['content_hash']).toBe(hashAfter)

    await writeFile(step, original)
    expect((await app.reloadContent()).ok).toBe(true)
    samples = await scrape(app)
    expect(valueOf(samples, 'roadmap_content_reloads_total', { result: 'accepted' })).toBe(2)
    expect(valueOf(samples, 'roadmap_content_last_reload_failed')).toBe(0)
  })
})

describe('metrics settings', () => {
  it('keep each app’s counts to itself', async () => {
    const [first, second] = await Promise.all([buildTestApp({ fixture: 'valid' }), buildTestApp({ fixture: 'valid' })])
    await first.inject('/v1/roadmaps')
    await first.inject('/v1/roadmaps')
    await second.inject('/v1/roadmaps')
    const series = { route: '/v1/roadmaps', method: 'GET', status_class: '2xx' }
    expect(valueOf(await scrape(first), 'http_requests_total', series)).toBe(2)
    expect(valueOf(await scrape(second), 'http_requests_total', series)).toBe(1)
    await Promise.all([first.close(), second.close()])
  })

  it('METRICS=false serves no /metrics', async () => {
    const app = await buildTestApp({ fixture: 'valid', metrics: false })
    const response = await app.inject('/metrics')
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    await app.close()
  })

  it('/metrics is not part of the OpenAPI document', async () => {
    const app = await buildTestApp({ fixture: 'valid' })
    const document = (await app.inject('/openapi.json')).json<{ paths: Record<string, unknown> }>()
    expect(Object.keys(document.paths)).not.toContain('/metrics')
    await app.close()
  })
})

/* Identifiers in a PromQL expression that are not metric names. */
const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless', 'inf', 'nan'])

/** Metric names a PromQL expression reads: label matchers, ranges, grouping clauses and function names removed. */
function metricNamesIn (expression: string): string[] {
  const stripped = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
  return [...stripped.matchAll(/(?<![\w$:])([A-Za-z_:][\w:]*)(?![\w:]|\s*\()/g)].map(([, name]) => name!).filter((name) => !PROMQL_WORDS.has(name.toLowerCase()))
}

describe('the sample Grafana dashboard', () => {
  it('reads only metrics /metrics exposes', async () => {
    const dashboard = JSON.parse(await readFile('deploy/grafana/roadmap-api-dashboard.json', 'utf8')) as { panels: Array<{ title: string, panels?: unknown[], targets?: Array<{ expr: string }> }> }
    const panels = dashboard.panels.flatMap((panel) => [panel, ...((panel.panels ?? []) as typeof dashboard.panels)])
    const expressions = panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr))
    expect(expressions.length).toBeGreaterThanOrEqual(8)
    const used = new Set(expressions.flatMap(metricNamesIn))
    expect(used.size).toBeGreaterThanOrEqual(8)

    // Some traffic of every kind the dashboard charts: a route, an error, a 304, GraphQL.
    const app = await buildTestApp({ fixture: 'valid' })
    const etag = (await app.inject(`${VERSION}/tools`)).headers.etag as string
    await app.inject({ url: `${VERSION}/tools`, headers: { 'if-none-match': etag } })
    await app.inject('/nowhere')
    await app.inject({ method: 'POST', url: '/graphql', payload: { query: 'query Slugs { roadmaps { slug } }' } })
    const exposition = (await app.inject('/metrics')).body
    await app.close()
    const exposed = new Set(parseExposition(exposition).map((sample) => sample.name))

    expect([...used].filter((name) => !exposed.has(name))).toEqual([])
  })
})
