#!/usr/bin/env node
/*
 * Throughput benchmark on loopback. Machines are shared and noisy, so every
 * scenario is measured against a raw node:http server sending the very same
 * bytes and headers in the same run, and the target is a ratio, not a time.
 * Results: bench/results/latest.json and latest.md.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import autocannon from 'autocannon'

const root = join(import.meta.dirname, '..')
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 5)
const CONNECTIONS = 32

/*
 * minRatio: our requests/s divided by the raw server's, below which the run fails. Set at about
 * two thirds of what we measure, as regression guards: the gap to raw node:http is the per-request
 * cost of the plugin stack (security headers, CORS, compression negotiation, validation, caching),
 * of which @fastify/helmet alone is the largest share (see README, Benchmarks).
 */
const scenarios = [
  { name: 'snapshot (identity)', path: '/v1/roadmaps/mlops/versions/2024-01-12', headers: {}, minRatio: 0.3 },
  { name: 'snapshot (br, pre-compressed)', path: '/v1/roadmaps/mlops/versions/2024-01-12', headers: { 'accept-encoding': 'br' }, minRatio: 0.4 },
  { name: 'snapshot via latest', path: '/v1/roadmaps/mlops/versions/latest', headers: {}, minRatio: 0.3 },
  { name: 'step detail', path: '/v1/roadmaps/mlops/versions/2024-01-12/steps/experiment-tracking-and-model-registries', headers: {}, minRatio: 0.12 },
  { name: 'resources list, filtered', path: '/v1/roadmaps/mlops/versions/2024-01-12/resources?kind=book&limit=50', headers: {}, minRatio: 0.12 },
  { name: 'search', path: '/v1/roadmaps/mlops/versions/2024-01-12/search?q=kubernetes', headers: {}, minRatio: 0.2 },
  { name: 'GraphQL GET, step with tools', path: `/graphql?query=${encodeURIComponent('{ roadmap(slug: "mlops") { version(id: "2024-01-12") { step(id: "docker") { title tools { name } } } } }')}`, headers: {}, minRatio: 0.12 },
  { name: 'conditional GET → 304', path: '/v1/roadmaps/mlops/versions/2024-01-12', headers: {}, conditional: true, minRatio: 0.15 }
]

const port = await freePort()
const rawPort = await freePort()
const server = spawn(process.execPath, ['dist/server.js'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] })
await waitFor(`http://127.0.0.1:${port}/health/ready`)

// Capture the exact responses once, then have the raw server replay them.
const recorded = []
for (const scenario of scenarios) {
  const response = await fetch(`http://127.0.0.1:${port}${scenario.path}`, { headers: scenario.headers })
  const body = Buffer.from(await response.arrayBuffer())
  const headers = Object.fromEntries([...response.headers].filter(([key]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(key)))
  if (scenario.conditional) scenario.headers = { ...scenario.headers, 'if-none-match': headers.etag }
  recorded.push({ status: scenario.conditional ? 304 : response.status, headers, body: scenario.conditional ? Buffer.alloc(0) : await rawBody(scenario, port) ?? body })
}
const raw = spawn(process.execPath, ['--input-type=module', '-e', `
  import { createServer } from 'node:http'
  const recorded = JSON.parse(process.env.RECORDED).map((entry) => ({ ...entry, body: Buffer.from(entry.body, 'base64') }))
  const byKey = new Map(recorded.map((entry) => [entry.key, entry]))
  createServer((request, response) => {
    const conditional = request.headers['if-none-match'] ? 'c' : ''
    const entry = byKey.get(request.url + '|' + (request.headers['accept-encoding'] ?? '') + '|' + conditional) ?? byKey.get(request.url + '||' + conditional)
    if (entry === undefined) { response.writeHead(404).end(); return }
    response.writeHead(entry.status, { ...entry.headers, 'content-length': entry.body.length })
    response.end(entry.body)
  }).listen(${rawPort}, '127.0.0.1')
`], { env: { ...process.env, RECORDED: JSON.stringify(recorded.map((entry, index) => ({ key: `${scenarios[index].path}|${scenarios[index].headers['accept-encoding'] ?? ''}|${scenarios[index].conditional ? 'c' : ''}`, status: entry.status, headers: entry.headers, body: entry.body.toString('base64') }))) }, stdio: 'inherit' })
await waitFor(`http://127.0.0.1:${rawPort}${scenarios[0].path}`)

const results = []
for (const [index, scenario] of scenarios.entries()) {
  if (recorded[index].status >= 400) { results.push({ name: scenario.name, skipped: `route answered ${recorded[index].status}` }); continue }
  const ours = await load(port, scenario)
  const baseline = await load(rawPort, scenario)
  const ratio = ours.requests.average / baseline.requests.average
  results.push({
    name: scenario.name,
    path: scenario.path,
    bytes: recorded[index].body.length,
    oursRps: Math.round(ours.requests.average),
    rawRps: Math.round(baseline.requests.average),
    ratio: Math.round(ratio * 100) / 100,
    minRatio: scenario.minRatio,
    oursP99Ms: ours.latency.p99,
    rawP99Ms: baseline.latency.p99,
    errors: ours.errors + ours.non2xx - (scenario.conditional ? ours.non2xx : 0),
    pass: ratio >= scenario.minRatio && ours.errors === 0
  })
  process.stdout.write(`${scenario.name}: ${Math.round(ours.requests.average)} vs raw ${Math.round(baseline.requests.average)} req/s (ratio ${ratio.toFixed(2)}, target ≥ ${scenario.minRatio})\n`)
}
const rssKiB = Number((await import('node:fs')).readFileSync(`/proc/${server.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0)
server.kill('SIGTERM')
raw.kill('SIGTERM')

const report = { date: new Date().toISOString(), node: process.version, durationSeconds: DURATION_SECONDS, connections: CONNECTIONS, serverRssAfterLoadMiB: Math.round(rssKiB / 1024), results }
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`)
writeFileSync(join(root, 'bench/results/latest.md'), [
  `# Benchmark ${report.date}`, '',
  `Node ${report.node}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per side, loopback. Server RSS after load: ${report.serverRssAfterLoadMiB} MiB.`, '',
  '| scenario | bytes | ours req/s | raw req/s | ratio | target | ours p99 ms | pass |',
  '|---|---:|---:|---:|---:|---:|---:|---|',
  ...results.map((result) => result.skipped ? `| ${result.name} | | | | | | | skipped: ${result.skipped} |` : `| ${result.name} | ${result.bytes} | ${result.oursRps} | ${result.rawRps} | ${result.ratio} | ≥ ${result.minRatio} | ${result.oursP99Ms} | ${result.pass ? 'yes' : 'NO'} |`),
  ''
].join('\n'))
process.stdout.write(`wrote bench/results/latest.json and latest.md (server RSS ${report.serverRssAfterLoadMiB} MiB)\n`)
if (results.some((result) => result.pass === false)) process.exitCode = 1

async function rawBody (scenario, serverPort) {
  // fetch() decodes compressed bodies; the raw server must send the compressed bytes.
  if (scenario.headers['accept-encoding'] === undefined) return undefined
  const { request } = await import('node:http')
  return new Promise((resolve, reject) => {
    request(`http://127.0.0.1:${serverPort}${scenario.path}`, { headers: scenario.headers }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => resolve(Buffer.concat(chunks)))
    }).on('error', reject).end()
  })
}

function load (targetPort, scenario) {
  return autocannon({ url: `http://127.0.0.1:${targetPort}${scenario.path}`, headers: scenario.headers, connections: CONNECTIONS, duration: DURATION_SECONDS })
}

async function waitFor (url) {
  for (let attempt = 0; attempt < 100; attempt++) {
    try { if ((await fetch(url)).ok) return } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} never answered`)
}

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
    probe.on('error', reject)
  })
}
