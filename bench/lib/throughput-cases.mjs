/*
 * The benchmarked requests and their targets. Every case is measured against the ceiling (a raw
 * node:http server replaying our exact response); GraphQL cases also against Apollo Server and
 * GraphQL Yoga serving the same SDL, resolvers and store. Targets are ratios measured in the same
 * run, so a noisy machine moves both sides of each figure alike.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const VERSION_PATH = '/v1/roadmaps/mlops/versions/2024-01-12'
const STEP = 'experiment-tracking-and-model-registries'

/** The page that shows a whole roadmap: every step of the latest version, its tools, its resources' titles and links. */
export const ROADMAP_PAGE_QUERY = `query RoadmapPage($slug: ID!) {
  roadmap(slug: $slug) {
    title
    version {
      versionId
      title
      published
      steps {
        ...StepCard
        children { ...StepCard }
      }
    }
  }
}

fragment StepCard on Step {
  slug
  number
  title
  summary
  tools { slug name category homepage }
  resources { slug kind title url }
}
`

/** Everything a step page shows, the same as the REST step detail: the documented example, as written. */
export const STEP_PAGE_QUERY = readFileSync(join(root, 'schema/examples/step-page.graphql'), 'utf8')

const graphqlPost = (query, variables, operationName) => ({
  method: 'POST',
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables, operationName })
})

/** Apollo's automatic persisted queries: the hash alone, over GET, once the query is registered. */
function persistedGet (query, variables, operationName) {
  const sha256Hash = createHash('sha256').update(query).digest('hex')
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } })
  return {
    method: 'GET',
    path: `/graphql?extensions=${encodeURIComponent(extensions)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
    // Apollo's CSRF prevention refuses a GET without a non-simple header; every target gets the same one.
    headers: { 'x-apollo-operation-name': operationName },
    // Registration: the full query with its hash, as a client sends it after PersistedQueryNotFound.
    register: { ...graphqlPost(query, variables, operationName), body: JSON.stringify({ query, variables, operationName, extensions: JSON.parse(extensions) }) }
  }
}

const CEILING_FRACTION = (fraction) => ({ kind: 'ceiling', min: fraction, label: `req/s ≥ ${fraction.toFixed(2)} × ceiling` })
const PEER_MULTIPLE = (peer, multiple) => ({ kind: 'peer', peer, min: multiple, label: `req/s ≥ ${multiple} × ${PEER_NAMES[peer]}` })
/** Applies to every case: tail latency under the same 50 connections. */
const P99_TARGET = { kind: 'p99', max: 2, label: 'p99 ≤ 2 × ceiling p99' }

export const PEER_NAMES = { apollo: 'Apollo Server', yoga: 'GraphQL Yoga' }

const REST_SNAPSHOT_TARGETS = [CEILING_FRACTION(0.9), P99_TARGET]
const ROADMAP_PAGE_TARGETS = [CEILING_FRACTION(0.5), PEER_MULTIPLE('apollo', 8), PEER_MULTIPLE('yoga', 6), P99_TARGET]

export const CASES = [
  { id: 'rest-snapshot', name: 'REST full snapshot (identity)', request: { method: 'GET', path: VERSION_PATH, headers: {} }, status: 200, targets: REST_SNAPSHOT_TARGETS },
  { id: 'rest-snapshot-br', name: 'REST full snapshot (br)', request: { method: 'GET', path: VERSION_PATH, headers: { 'accept-encoding': 'br' } }, status: 200, targets: REST_SNAPSHOT_TARGETS },
  { id: 'rest-step', name: 'REST one step', request: { method: 'GET', path: `${VERSION_PATH}/steps/${STEP}`, headers: {} }, status: 200, targets: REST_SNAPSHOT_TARGETS },
  { id: 'rest-list', name: 'REST filtered list (books)', request: { method: 'GET', path: `${VERSION_PATH}/resources?kind=book&limit=50`, headers: {} }, status: 200, targets: REST_SNAPSHOT_TARGETS },
  { id: 'rest-search', name: 'REST search', request: { method: 'GET', path: `${VERSION_PATH}/search?q=kubernetes`, headers: {} }, status: 200, targets: [CEILING_FRACTION(0.5), P99_TARGET] },
  // If-None-Match is filled in with the ETag our server gives the snapshot.
  { id: 'rest-304', name: 'REST revalidation → 304', request: { method: 'GET', path: VERSION_PATH, headers: {} }, conditional: true, status: 304, targets: REST_SNAPSHOT_TARGETS },
  { id: 'gql-roadmap-page', name: 'GraphQL roadmap page (POST)', request: graphqlPost(ROADMAP_PAGE_QUERY, { slug: 'mlops' }, 'RoadmapPage'), status: 200, peers: ['apollo', 'yoga'], targets: ROADMAP_PAGE_TARGETS },
  { id: 'gql-one-step', name: 'GraphQL one step (POST)', request: graphqlPost(STEP_PAGE_QUERY, { slug: 'mlops', version: '2024-01-12', step: STEP }, 'StepPage'), status: 200, peers: ['apollo', 'yoga'], targets: [CEILING_FRACTION(0.6), PEER_MULTIPLE('apollo', 5), PEER_MULTIPLE('yoga', 5), P99_TARGET] },
  {
    id: 'gql-roadmap-page-apq',
    name: 'GraphQL roadmap page (APQ GET)',
    request: persistedGet(ROADMAP_PAGE_QUERY, { slug: 'mlops' }, 'RoadmapPage'),
    status: 200,
    peers: ['apollo', 'yoga'],
    // Yoga serves APQ only with @graphql-yoga/plugin-apq, which is not installed.
    unavailable: { yoga: '@graphql-yoga/plugin-apq is not installed' },
    // The brief sets targets for the roadmap-page query; the same ones are applied to its APQ form.
    targets: ROADMAP_PAGE_TARGETS
  }
]

/** BENCH_CASES: comma-separated case ids or parts of them (`rest`, `gql-one-step`); empty means all. */
export function selectCases (filter) {
  const wanted = (filter ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '')
  if (wanted.length === 0) return CASES
  const selected = CASES.filter((item) => wanted.some((part) => item.id.includes(part)))
  if (selected.length === 0) throw new Error(`BENCH_CASES=${filter} matches no case; cases: ${CASES.map((item) => item.id).join(', ')}`)
  return selected
}
