import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql'
import type { MercuriusContext } from 'mercurius'
import { Counter, Gauge, Registry, collectDefaultMetrics, type Metric } from 'prom-client'
import { isProblemCode } from '../errors.js'

/* @see https://github.com/siimon/prom-client — Prometheus metrics at /metrics, in the text format (version 0.0.4). */

export const METRICS_PATH = '/metrics'
const GRAPHQL_PATH = '/graphql'

/** The route label of requests no route matched, so that scanners cannot create a series per URL. */
export const NOT_FOUND_ROUTE = 'not_found'
/** The operation label of GraphQL requests refused before a valid document named one. */
export const UNKNOWN_OPERATION = 'unknown'
/** Operation names past MAX_OPERATION_NAMES: clients choose them, so they are bounded like any label. */
export const OTHER_OPERATION = 'other'
const MAX_OPERATION_NAMES = 200
const MAX_OPERATION_NAME_LENGTH = 100

// Most answers take well under a millisecond; the upper buckets catch a stalled event loop.
const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const STATUS_CLASSES = ['1xx', '2xx', '3xx', '4xx', '5xx']

interface Sample {
  metricName?: string
  labels: Record<string, string | number>
  value: number
}

/** One route × method × status class, kept in plain numbers: updating it allocates nothing. */
class ResponseSeries {
  count = 0
  sum = 0
  notModified = 0
  /** Observations per bucket, not cumulative; the last slot is above every bound. */
  readonly buckets = new Float64Array(DURATION_BUCKETS.length + 1)
  constructor (readonly labels: Readonly<Record<'route' | 'method' | 'status_class', string>>) {}
}

class ResponseMetrics {
  readonly series: ResponseSeries[] = []
  private readonly byRoute = new Map<string, Map<string, Array<ResponseSeries | undefined>>>()

  record (route: string, method: string, status: number, elapsedMs: number): void {
    let byMethod = this.byRoute.get(route)
    if (byMethod === undefined) this.byRoute.set(route, byMethod = new Map())
    let byClass = byMethod.get(method)
    if (byClass === undefined) byMethod.set(method, byClass = [])
    const statusClass = status >= 100 && status < 600 ? Math.trunc(status / 100) - 1 : 4
    let series = byClass[statusClass]
    if (series === undefined) {
      series = byClass[statusClass] = new ResponseSeries({ route, method, status_class: STATUS_CLASSES[statusClass]! })
      this.series.push(series)
    }
    const seconds = elapsedMs / 1000
    let bucket = 0
    while (bucket < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[bucket]!) bucket++
    series.buckets[bucket]!++
    series.count++
    series.sum += seconds
    if (status === 304) series.notModified++
  }
}

/**
 * A metric the registry scrapes like its own (it reads `name`, `help`, `type` and calls `get`), computed
 * from numbers kept outside prom-client: its Histogram hashes the label values on every observation,
 * about a microsecond and a few allocations per request.
 */
function scrapedMetric (name: string, help: string, type: 'counter' | 'histogram', samples: () => Sample[]): Metric {
  const metric = {
    name,
    help,
    type,
    aggregator: 'sum',
    get: async () => ({ name, help, type, aggregator: 'sum', values: samples() }),
    reset: () => {}
  }
  return metric as unknown as Metric
}

function histogramSamples (name: string, series: readonly ResponseSeries[]): Sample[] {
  const samples: Sample[] = []
  for (const { labels, buckets, count, sum } of series) {
    let cumulative = 0
    DURATION_BUCKETS.forEach((bound, index) => {
      cumulative += buckets[index]!
      samples.push({ metricName: `${name}_bucket`, labels: { ...labels, le: bound }, value: cumulative })
    })
    samples.push({ metricName: `${name}_bucket`, labels: { ...labels, le: '+Inf' }, value: count })
    samples.push({ metricName: `${name}_sum`, labels, value: sum })
    samples.push({ metricName: `${name}_count`, labels, value: count })
  }
  return samples
}

let processRegistry: Registry | undefined

/**
 * CPU, memory, event loop lag, GC: one set per process, however many apps it builds (the tests build
 * hundreds). collectDefaultMetrics starts an event-loop monitor and a GC observer that are never
 * stopped, so it runs once, on a registry of its own that every app's /metrics appends.
 */
function processMetrics (): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

function createRequestMetrics (registry: Registry) {
  const responses = new ResponseMetrics()
  registry.registerMetric(scrapedMetric('http_requests_total', 'HTTP requests answered, by route pattern, method and status class.', 'counter',
    () => responses.series.map((series) => ({ labels: series.labels, value: series.count }))))
  registry.registerMetric(scrapedMetric('http_request_duration_seconds', 'Time from receiving an HTTP request to the end of its response, by route pattern, method and status class.', 'histogram',
    () => histogramSamples('http_request_duration_seconds', responses.series)))
  registry.registerMetric(scrapedMetric('http_responses_not_modified_total', '304 Not Modified answers (If-None-Match matched), by route pattern and method. Ratio: divided by http_requests_total of GET and HEAD.', 'counter',
    () => responses.series.filter((series) => series.labels.status_class === '3xx').map((series) => ({ labels: { route: series.labels.route, method: series.labels.method }, value: series.notModified }))))

  return function recordResponse (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
    // The route pattern, never the URL: one series per route, whatever the parameters.
    const route = request.is404 ? NOT_FOUND_ROUTE : request.routeOptions.url ?? NOT_FOUND_ROUTE
    if (route !== METRICS_PATH) responses.record(route, request.method, reply.statusCode, reply.elapsedTime)
    done()
  }
}

function createContentMetrics (registry: Registry, fastify: FastifyInstance) {
  // Read from the store and its status when Prometheus scrapes, so a reload shows on the next scrape.
  const info = new Gauge({
    name: 'roadmap_content_info',
    help: 'The content versions served: one series per version, value 1, labelled with its content hash.',
    labelNames: ['roadmap', 'version', 'content_hash'],
    registers: [registry],
    collect () {
      this.reset()
      for (const roadmap of fastify.contentStore.roadmaps) {
        for (const version of roadmap.versions) this.set({ roadmap: roadmap.slug, version: version.id, content_hash: version.contentHash }, 1)
      }
    }
  })
  const reloads = new Counter({
    name: 'roadmap_content_reloads_total',
    help: 'Content reloads since start: accepted (swapped in) or rejected (invalid; the previous content kept serving).',
    labelNames: ['result'],
    registers: [registry],
    collect () {
      this.reset()
      this.inc({ result: 'accepted' }, fastify.contentStatus.reloads)
      this.inc({ result: 'rejected' }, fastify.contentStatus.failedReloads)
    }
  })
  const lastFailed = new Gauge({
    name: 'roadmap_content_last_reload_failed',
    help: '1 when the most recent content reload was rejected and older content is serving, else 0.',
    registers: [registry],
    collect () { this.set(fastify.contentStatus.lastFailure === undefined ? 0 : 1) }
  })
  const loadedAt = new Gauge({
    name: 'roadmap_content_loaded_timestamp_seconds',
    help: 'When the content now serving was loaded, in seconds since the epoch.',
    registers: [registry],
    collect () { this.set(Date.parse(fastify.contentStatus.loadedAt) / 1000) }
  })
  return [info, reloads, lastFailed, loadedAt]
}

/**
 * GraphQL operations by name and outcome: `ok`, or the `extensions.code` of the first error. An operation
 * that ran is counted when mercurius resolves it. Two kinds of answer never reach mercurius' hooks, so the
 * /graphql routes' onSend counts them: refusals before execution (unparsable, over a limit, unknown
 * persisted query), read from the error body; and answers replayed from the GraphQL response cache.
 */
function createGraphQLMetrics (registry: Registry) {
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations, by operation name and outcome: ok, or the error code of the first error. Operations refused before a valid document named them are "unknown".',
    labelNames: ['operation', 'outcome'],
    registers: [registry]
  })
  const names = new Set<string>()
  const operationOf = new WeakMap<MercuriusContext, string>()
  const executedPerRequest = new WeakMap<FastifyRequest, number>()

  const boundedName = (name: string) => {
    if (names.has(name)) return name
    if (names.size >= MAX_OPERATION_NAMES || name.length > MAX_OPERATION_NAME_LENGTH) return OTHER_OPERATION
    names.add(name)
    return name
  }
  const outcomeOf = (code: unknown) => isProblemCode(code) ? code : 'error'

  async function nameOperation (_schema: unknown, document: DocumentNode, context: MercuriusContext) {
    const operation = getOperationAST(document) ?? getOperationAST(document, requestedOperation(context.reply.request, (context as { operationId?: number }).operationId))
    operationOf.set(context, boundedName(operation?.name?.value ?? ANONYMOUS_OPERATION))
  }

  async function countOperation (execution: ExecutionResult, context: MercuriusContext) {
    const request = context.reply.request
    executedPerRequest.set(request, (executedPerRequest.get(request) ?? 0) + 1)
    const outcome = execution.errors === undefined || execution.errors.length === 0 ? 'ok' : outcomeOf(execution.errors[0]!.extensions?.['code'])
    operations.inc({ operation: operationOf.get(context) ?? UNKNOWN_OPERATION, outcome })
  }

  function countUnexecuted (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
    const executed = executedPerRequest.get(request) ?? 0
    const batchSize = request.method === 'POST' && Array.isArray(request.body) ? request.body.length : 0
    if (reply.statusCode >= 400 ? executed === 0 : executed < batchSize) {
      for (const code of refusedCodes(payload)) operations.inc({ operation: UNKNOWN_OPERATION, outcome: outcomeOf(code) })
    } else if (executed === 0 && batchSize === 0) {
      // Replayed from the response cache, which keeps only answers without errors.
      operations.inc({ operation: boundedName(replayedOperationName(request)), outcome: 'ok' })
    }
    done(null, payload)
  }

  return {
    addHooks (fastify: FastifyInstance) {
      fastify.graphql.addHook('preExecution', nameOperation)
      fastify.graphql.addHook('onResolution', countOperation)
    },
    onRoute (route: RouteOptions) {
      if (route.url === GRAPHQL_PATH) route.onSend = [...[route.onSend ?? []].flat(), countUnexecuted]
    }
  }
}

const ANONYMOUS_OPERATION = 'anonymous'
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/
const LEADING_OPERATION_NAME = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/

/** The GET parameters or POST body of one operation of a request (`index` picks it from a batch). */
function operationPayload (request: FastifyRequest, index = 0): { query?: unknown, operationName?: unknown } | undefined {
  const payload: unknown = request.method === 'POST' ? request.body : request.query
  const entry: unknown = Array.isArray(payload) ? payload[index] : payload
  return typeof entry === 'object' && entry !== null ? entry : undefined
}

/** The operationName a request sent, which picks the operation of a document that holds several. */
function requestedOperation (request: FastifyRequest, index?: number): string | undefined {
  const name = operationPayload(request, index)?.operationName
  return typeof name === 'string' ? name : undefined
}

/**
 * The name of an operation answered without parsing it: the operationName sent (a cached answer had no
 * error, so it named an operation of the document), or the name in a query that starts with its operation.
 */
function replayedOperationName (request: FastifyRequest): string {
  const requested = requestedOperation(request)
  if (requested !== undefined) return GRAPHQL_NAME.test(requested) ? requested : OTHER_OPERATION
  const query = operationPayload(request)?.query
  if (typeof query !== 'string') return UNKNOWN_OPERATION
  return LEADING_OPERATION_NAME.exec(query)?.[1] ?? ANONYMOUS_OPERATION
}

/** The codes of the answers in a GraphQL body that never ran: they have `errors` but no `data`. */
function refusedCodes (payload: unknown): unknown[] {
  if (typeof payload !== 'string') return ['error']
  try {
    const body: unknown = JSON.parse(payload)
    const answers = (Array.isArray(body) ? body : [body]) as Array<{ data?: unknown, errors?: Array<{ extensions?: { code?: unknown } }> }>
    return answers.filter((answer) => answer !== null && typeof answer === 'object' && !('data' in answer)).map((answer) => answer.errors?.[0]?.extensions?.code)
  } catch {
    return ['error']
  }
}

interface ResponseCacheStats { entries: number, bytes: number, hits: number, misses: number }

/* The GraphQL plugin's cache of serialised answers, when it has one (the `graphqlResponseCache` decorator). */
function createResponseCacheMetrics (registry: Registry, stats: () => Readonly<ResponseCacheStats>) {
  const lookups = new Counter({
    name: 'graphql_response_cache_lookups_total',
    help: 'GraphQL response cache lookups: hit (answered with stored bytes, no execution) or miss.',
    labelNames: ['result'],
    registers: [registry],
    collect () {
      this.reset()
      this.inc({ result: 'hit' }, stats().hits)
      this.inc({ result: 'miss' }, stats().misses)
    }
  })
  const entries = new Gauge({ name: 'graphql_response_cache_entries', help: 'Answers held by the GraphQL response cache.', registers: [registry], collect () { this.set(stats().entries) } })
  const bytes = new Gauge({ name: 'graphql_response_cache_bytes', help: 'Approximate memory held by the GraphQL response cache.', registers: [registry], collect () { this.set(stats().bytes) } })
  return [lookups, entries, bytes]
}

declare module 'fastify' {
  interface FastifyInstance {
    /** This app's Prometheus registry (each app has its own, so apps built side by side in one process do not mix). */
    metricsRegistry: Registry
  }
}

export default fp(async function metrics (fastify) {
  const registry = new Registry()
  fastify.decorate('metricsRegistry', registry)

  fastify.addHook('onResponse', createRequestMetrics(registry))
  createContentMetrics(registry, fastify)
  const graphql = createGraphQLMetrics(registry)
  fastify.addHook('onRoute', graphql.onRoute)
  // Mercurius is registered after this plugin (it needs the routes' hooks above); its hooks can be added once everything has loaded.
  fastify.addHook('onReady', async function () {
    if (fastify.hasDecorator('graphql')) graphql.addHooks(fastify)
    if (fastify.hasDecorator('graphqlResponseCache')) {
      createResponseCacheMetrics(registry, () => (fastify as unknown as { graphqlResponseCache: ResponseCacheStats }).graphqlResponseCache)
    }
  })

  fastify.get(METRICS_PATH, { schema: { hide: true } }, async (_request, reply) => {
    const text = `${await processMetrics().metrics()}\n${await registry.metrics()}`
    return reply.header('cache-control', 'no-store').type(registry.contentType).send(text)
  })
}, { name: 'metrics', fastify: '5.x', dependencies: ['content'] })
