/*
 * The mixed read workload, built from what the running server serves: its roadmaps,
 * versions, step and tool ids, tool categories and resource kinds. Every request names
 * the status it must get (200, or 304 for conditional GETs with a current ETag).
 */
import { send } from './http-client.mjs'

const STEP_GRAPHQL = 'query Step($slug: ID!, $version: String!, $step: ID!) { roadmap(slug: $slug) { version(id: $version) { contentHash step(id: $step) { title tools { name } } } } }'

/** Answers other than 200 met while discovering (e.g. a 503 from load shedding just after start), for the report. */
export const discoveryRetries = []

async function getJson (origin, path) {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(10_000) })
    if (response.ok) return response.json()
    const body = (await response.text()).slice(0, 300)
    if (response.status !== 503 || attempt === 5) throw new Error(`GET ${path} answered ${response.status}: ${body}`)
    discoveryRetries.push({ path, status: response.status, retryAfter: response.headers.get('retry-after'), body })
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Roadmaps, versions and, per version, ids to ask for. */
export async function discover (origin) {
  const roadmaps = []
  for (const { slug } of (await getJson(origin, '/v1/roadmaps')).items) {
    const { latest, items } = await getJson(origin, `/v1/roadmaps/${slug}/versions`)
    const versions = []
    for (const { id } of items) {
      const base = `/v1/roadmaps/${slug}/versions/${id}`
      const steps = (await getJson(origin, `${base}/steps?view=flat&limit=100`)).items
      const tools = (await getJson(origin, `${base}/tools?limit=100`)).items
      const resources = (await getJson(origin, `${base}/resources?limit=100`)).items
      versions.push({
        id,
        stepIds: steps.map((step) => step.id),
        toolIds: tools.map((tool) => tool.id),
        categories: [...new Set(tools.map((tool) => tool.category))],
        kinds: [...new Set(resources.map((resource) => resource.kind))]
      })
    }
    roadmaps.push({ slug, latest, versions })
  }
  return roadmaps
}

/** Every n-th item, up to `count` of them: a spread rather than the first few. */
function spread (items, count) {
  if (items.length <= count) return items
  const step = items.length / count
  return Array.from({ length: count }, (_, index) => items[Math.floor(index * step)])
}

export function graphqlStepQuery (slug, version, step) {
  return { query: STEP_GRAPHQL, variables: { slug, version, step } }
}

/** The request mix of the soak: one entry per request kind, with the status it must get. */
export function mixedRequests (roadmaps) {
  const requests = []
  const add = (name, path, extra = {}) => requests.push({ name, method: 'GET', path, headers: {}, expect: 200, ...extra })
  for (const roadmap of roadmaps) {
    const { slug } = roadmap
    add('roadmap', `/v1/roadmaps/${slug}`)
    add('snapshot latest alias', `/v1/roadmaps/${slug}/versions/latest`)
    for (const version of roadmap.versions) {
      const base = `/v1/roadmaps/${slug}/versions/${version.id}`
      add('snapshot identity', base)
      add('snapshot br', base, { headers: { 'accept-encoding': 'br' } })
      add('snapshot gzip', base, { headers: { 'accept-encoding': 'gzip, deflate' } })
      for (const step of spread(version.stepIds, 4)) add('step', `${base}/steps/${step}`)
      for (const tool of spread(version.toolIds, 2)) add('tool', `${base}/tools/${tool}`)
      add('steps tree', `${base}/steps`)
      add('steps depth=1', `${base}/steps?depth=1`)
      add('steps flat br', `${base}/steps?view=flat&limit=50`, { headers: { 'accept-encoding': 'br' } })
      if (version.categories[0] !== undefined) add('tools by category', `${base}/tools?category=${version.categories[0]}`)
      if (version.kinds[0] !== undefined) add('resources by kind', `${base}/resources?kind=${version.kinds[0]}&limit=50`)
      add('search', `${base}/search?q=kubernetes`)
      add('search prefix', `${base}/search?q=feature%20sto&limit=5`)
      const step = version.stepIds[Math.floor(version.stepIds.length / 2)]
      const graphql = graphqlStepQuery(slug, version.id, step)
      add('graphql POST', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(graphql) })
      add('graphql GET', `/graphql?query=${encodeURIComponent(graphql.query)}&variables=${encodeURIComponent(JSON.stringify(graphql.variables))}`)
    }
  }
  return requests
}

/** Adds, for the cacheable GETs, the same request with If-None-Match set to its current ETag, expecting 304. */
export async function withConditionalRequests (origin, requests) {
  const cacheable = requests.filter((spec) => spec.method === 'GET' && ['snapshot identity', 'snapshot br', 'step', 'graphql GET', 'search'].includes(spec.name))
  // node:http rather than fetch: fetch adds its own Accept-Encoding, and each encoding has its own ETag.
  const etags = await Promise.all(cacheable.map(async (spec) => (await send(origin, spec)).headers?.etag))
  const conditional = cacheable.flatMap((spec, index) => etags[index] === undefined ? [] : [{ ...spec, name: `${spec.name} → 304`, headers: { ...spec.headers, 'if-none-match': etags[index] }, expect: 304 }])
  return [...requests, ...conditional]
}

/** Sends each request once and returns those that do not get the status they expect (a broken workload, not a load failure). */
export async function preflight (origin, requests) {
  const outcomes = await Promise.all(requests.map((spec) => send(origin, spec)))
  return requests.flatMap((spec, index) => outcomes[index].status === spec.expect ? [] : [`${spec.method} ${spec.path} → ${outcomes[index].status ?? outcomes[index].kind} (expected ${spec.expect})`])
}
