#!/usr/bin/env node
/*
 * Reliability harness: the real server (node dist/server.js) as a child process on loopback,
 * with its own copy of content/ and load protection off by configuration, through four phases:
 *   1. soak      a mixed read workload at SOAK_CONNECTIONS for SOAK_SECONDS: no errors, p99, memory growth
 *   2. reload    content edited (valid, broken, fixed) and reloaded with SIGHUP under load: no failed
 *                request, and every response belongs to exactly one content version
 *   3. shutdown  SIGTERM under load: no truncated body, no hanging request, exit 0 within the grace period
 *   4. slow      slowloris and slow-body clients: normal traffic unaffected, slow sockets closed after
 *                REQUEST_TIMEOUT_MS
 * Writes bench/results/soak.json and soak.md (or SOAK_OUT / --out=<path without extension>) and exits 1
 * when any phase misses a criterion. `--short` runs each phase for a few seconds (CI).
 *
 * Options (flag or environment): --seconds / SOAK_SECONDS (60), --connections / SOAK_CONNECTIONS (100),
 * --reload-seconds / SOAK_RELOAD_SECONDS (20), --phases=soak,reload,shutdown,slow / SOAK_PHASES,
 * --out / SOAK_OUT, SOAK_SHUTDOWN_GRACE_MS (5000), SOAK_REQUEST_TIMEOUT_MS (2000), SOAK_SLOW_CONNECTIONS (200),
 * SOAK_MAX_EVENT_LOOP_DELAY_MS (0: load shedding off, see SERVER_ENV).
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import autocannon from 'autocannon'
import { decodedBody, latencySummary, runWorkers, send } from './lib/http-client.mjs'
import { copyContent, deadline, memorySample, root, sleep, startServer } from './lib/server-process.mjs'
import { openSlowClients } from './lib/slow-clients.mjs'
import { discover, discoveryRetries, graphqlStepQuery, mixedRequests, preflight, withConditionalRequests } from './lib/workload.mjs'

const args = process.argv.slice(2)
const flag = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3)
const short = args.includes('--short') || process.env.SOAK_SHORT === '1'
const setting = (name, envName, fallback) => {
  const text = flag(name) ?? process.env[envName]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${envName} (--${name}) must be a positive number, got ${JSON.stringify(text)}`)
  return value
}

const options = {
  short,
  soakSeconds: setting('seconds', 'SOAK_SECONDS', short ? 5 : 60),
  connections: setting('connections', 'SOAK_CONNECTIONS', 100),
  reloadSeconds: setting('reload-seconds', 'SOAK_RELOAD_SECONDS', short ? 6 : 20),
  shutdownConnections: setting('shutdown-connections', 'SOAK_SHUTDOWN_CONNECTIONS', 50),
  shutdownLoadSeconds: setting('shutdown-seconds', 'SOAK_SHUTDOWN_SECONDS', short ? 3 : 6),
  shutdownGraceMs: setting('shutdown-grace-ms', 'SOAK_SHUTDOWN_GRACE_MS', 5000),
  shutdownSlackMs: 2000,
  slowConnections: setting('slow-connections', 'SOAK_SLOW_CONNECTIONS', 200),
  slowBodyConnections: setting('slow-body-connections', 'SOAK_SLOW_BODY_CONNECTIONS', 20),
  slowSeconds: setting('slow-seconds', 'SOAK_SLOW_SECONDS', short ? 4 : 10),
  requestTimeoutMs: setting('request-timeout-ms', 'SOAK_REQUEST_TIMEOUT_MS', 2000),
  // The server checks request deadlines periodically, so a slow socket may outlive REQUEST_TIMEOUT_MS by up to this.
  requestTimeoutSlackMs: setting('request-timeout-slack-ms', 'SOAK_REQUEST_TIMEOUT_SLACK_MS', 3000),
  normalConnections: 10,
  // The p99 of normal traffic under attack may be at most this many times the p99 without it (floored, see below).
  slowP99Factor: 5,
  p99FloorMs: 20,
  phases: (flag('phases') ?? process.env.SOAK_PHASES ?? 'soak,reload,shutdown,slow').split(',').map((phase) => phase.trim()),
  out: resolve(flag('out') ?? process.env.SOAK_OUT ?? join(root, 'bench/results/soak'))
}

/*
 * Load protection off by configuration, as the point is correctness under load: rate limiting would limit 100
 * connections from one IP, and load shedding (MAX_EVENT_LOOP_DELAY_MS) answers 503 whenever the event loop
 * stalls for a second, which an oversubscribed machine does on its own. SOAK_MAX_EVENT_LOOP_DELAY_MS=1000
 * runs with the production default instead.
 */
const SERVER_ENV = { RATE_LIMIT_MAX: '0', RATE_LIMIT_ALLOW_LIST: '127.0.0.1', MAX_EVENT_LOOP_DELAY_MS: process.env.SOAK_MAX_EVENT_LOOP_DELAY_MS ?? '0', LOG_LEVEL: 'warn' }
const MiB = 1024 * 1024
// How long a reload may take to show in /health/ready: under 100 connections it is seconds, not milliseconds (see the report).
const RELOAD_WAIT_MS = 60_000

const log = (message) => process.stdout.write(`[soak] ${message}\n`)
const criterion = (name, pass, value, bound) => ({ name, pass: Boolean(pass), value, ...(bound === undefined ? {} : { bound }) })
const round1 = (value) => value === undefined ? undefined : Math.round(value * 10) / 10
const mib = (bytes) => bytes === undefined ? undefined : round1(bytes / MiB)
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('base64url')
const encodingOf = (headers) => headers['accept-encoding'] ?? 'identity'

const findings = []
const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  loadAverageAtStart: loadavg().map(round1),
  options: { ...options, out: relative(root, options.out) },
  serverEnvironment: SERVER_ENV,
  phases: [],
  findings
}

const harnessStartedAt = performance.now()
const timed = async (phase) => {
  const startedAt = performance.now()
  const result = await phase()
  return { ...result, seconds: round1((performance.now() - startedAt) / 1000) }
}
const cleanups = []
try {
  const content = copyContent()
  cleanups.push(content.remove)
  if (options.phases.includes('soak') || options.phases.includes('reload')) {
    const server = await startServer({ ...SERVER_ENV, CONTENT_DIR: content.dir })
    cleanups.push(() => server.stop())
    const roadmaps = await discover(server.origin)
    if (options.phases.includes('soak')) report.phases.push(await timed(() => soakPhase(server, roadmaps)))
    if (options.phases.includes('reload')) report.phases.push(await timed(() => reloadPhase(server, roadmaps, content.dir)))
    await server.stop()
  }
  if (options.phases.includes('shutdown')) report.phases.push(await timed(shutdownPhase))
  if (options.phases.includes('slow')) report.phases.push(await timed(slowClientsPhase))
} catch (error) {
  report.phases.push({ name: 'harness', pass: false, criteria: [criterion('the harness ran to the end', false, String(error?.stack ?? error))] })
  process.stderr.write(`${error?.stack ?? error}\n`)
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup()
}

if (discoveryRetries.length > 0) findings.push(`setup: right after /health/ready answered 200, ${discoveryRetries.length} request(s) got 503 and were retried: ${JSON.stringify(discoveryRetries.slice(0, 3))}`)
report.loadAverageAtEnd = loadavg().map(round1)
report.seconds = round1((performance.now() - harnessStartedAt) / 1000)
report.pass = report.phases.length > 0 && report.phases.every((phase) => phase.pass)
writeReport(report)
log(`${report.pass ? 'PASS' : 'FAIL'}: ${report.phases.map((phase) => `${phase.name} ${phase.pass ? 'ok' : 'FAILED'}`).join(', ')}`)
if (!report.pass) process.exitCode = 1

// ---------------------------------------------------------------------------------------------
// 1. Soak: the mixed read workload through autocannon, statuses checked per request kind.

async function soakPhase (server, roadmaps) {
  const requests = await withConditionalRequests(server.origin, mixedRequests(roadmaps))
  const wrong = await preflight(server.origin, requests)
  if (wrong.length > 0) throw new Error(`the workload is broken before any load:\n${wrong.join('\n')}`)
  log(`soak: ${requests.length} request kinds, ${options.connections} connections, ${options.soakSeconds} s`)

  const tally = new Map(requests.map((spec) => [spec, { statuses: {}, unexpected: 0 }]))
  const unexpectedCodes = {}
  const memory = [await memorySample(server)]
  const sampler = setInterval(() => { void memorySample(server).then((sample) => memory.push(sample)) }, 5000)
  const result = await autocannon({
    url: server.origin,
    connections: options.connections,
    duration: options.soakSeconds,
    timeout: 10,
    requests: requests.map((spec) => ({
      method: spec.method,
      path: spec.path,
      headers: spec.headers,
      ...(spec.body === undefined ? {} : { body: spec.body }),
      onResponse: (status, body) => {
        const entry = tally.get(spec)
        entry.statuses[status] = (entry.statuses[status] ?? 0) + 1
        if (status === spec.expect) return
        entry.unexpected++
        const code = /"code":"([A-Z_]+)"/.exec(body ?? '')?.[1] ?? `status ${status}`
        unexpectedCodes[code] = (unexpectedCodes[code] ?? 0) + 1
      }
    }))
  })
  clearInterval(sampler)
  const end = await memorySample(server)
  await sleep(options.short ? 1000 : 5000)
  const settled = await memorySample(server)
  const start = memory[0]

  const byKind = {}
  for (const [spec, entry] of tally) {
    const kind = (byKind[spec.name] ??= { expect: spec.expect, statuses: {}, unexpected: 0 })
    for (const [status, count] of Object.entries(entry.statuses)) kind.statuses[status] = (kind.statuses[status] ?? 0) + count
    kind.unexpected += entry.unexpected
  }
  const unexpected = Object.values(byKind).reduce((total, kind) => total + kind.unexpected, 0)
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]))
  const badStatuses = Object.entries(statusCodes).filter(([status]) => status !== '200' && status !== '304').reduce((total, [, count]) => total + count, 0)
  const serverAlive = server.exit === undefined
  if (!serverAlive) findings.push(`soak: the server exited during the soak (${JSON.stringify(server.exit)})`)

  const figures = {
    durationSeconds: options.soakSeconds,
    connections: options.connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    throughputMiBPerSecond: mib(result.throughput.average),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    resets: result.resets ?? 0,
    statusCodes,
    unexpectedCodes,
    byKind,
    memory: {
      rssMiB: { start: mib(start.rssBytes), end: mib(end.rssBytes), afterIdle: mib(settled.rssBytes), max: mib(Math.max(...[...memory, end].map((sample) => sample.rssBytes ?? 0))), growth: mib(end.rssBytes - start.rssBytes) },
      heapUsedMiB: start.heapUsedBytes === undefined || end.heapUsedBytes === undefined
        ? 'not sampled: the server has no /metrics with nodejs_heap_size_used_bytes'
        : { start: mib(start.heapUsedBytes), end: mib(end.heapUsedBytes), afterIdle: mib(settled.heapUsedBytes), growth: mib(end.heapUsedBytes - start.heapUsedBytes) },
      externalMiB: start.externalBytes === undefined ? undefined : { start: mib(start.externalBytes), end: mib(end.externalBytes), growth: mib(end.externalBytes - start.externalBytes) },
      samples: [...memory, end, settled].map((sample) => ({ atSeconds: round1((sample.at - start.at) / 1000), rssMiB: mib(sample.rssBytes), heapUsedMiB: mib(sample.heapUsedBytes), externalMiB: mib(sample.externalBytes) }))
    }
  }
  const criteria = [
    criterion('requests made', result.requests.total > 0, result.requests.total),
    criterion('socket errors', result.errors === 0, result.errors, 0),
    criterion('timeouts', result.timeouts === 0, result.timeouts, 0),
    criterion('responses other than 200/304', badStatuses === 0, badStatuses, 0),
    criterion('responses with another status than their kind expects', unexpected === 0, unexpected === 0 ? 0 : `${unexpected} ${JSON.stringify(unexpectedCodes)}`, 0),
    criterion('server still running', serverAlive, serverAlive)
  ]
  log(`soak: ${figures.requests} requests, ${figures.requestsPerSecond} req/s, p99 ${figures.latencyMs.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, RSS ${figures.memory.rssMiB.start} → ${figures.memory.rssMiB.end} MiB`)
  return { name: 'soak', pass: criteria.every((item) => item.pass), criteria, figures }
}

// ---------------------------------------------------------------------------------------------
// 2. Reload under load: one step of the latest version edited, broken, fixed; SIGHUP after each.

async function reloadPhase (server, roadmaps, contentDir) {
  const roadmap = roadmaps[0]
  const version = roadmap.versions.find((candidate) => candidate.id === roadmap.latest)
  const stepId = version.stepIds.includes('docker') ? 'docker' : version.stepIds[Math.floor(version.stepIds.length / 2)]
  const concrete = `/v1/roadmaps/${roadmap.slug}/versions/${version.id}`
  const alias = `/v1/roadmaps/${roadmap.slug}/versions/latest`
  const stepPath = `${concrete}/steps/${stepId}`
  const graphql = graphqlStepQuery(roadmap.slug, version.id, stepId)
  const br = { 'accept-encoding': 'br' }
  const specs = [
    { name: 'snapshot', path: concrete, headers: {} },
    { name: 'snapshot', path: concrete, headers: br },
    { name: 'snapshot', path: alias, headers: {} },
    { name: 'snapshot', path: alias, headers: br },
    { name: 'step', path: stepPath, headers: {} },
    { name: 'step', path: stepPath, headers: br },
    { name: 'graphql', method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: JSON.stringify(graphql) },
    { name: 'graphql', path: `/graphql?query=${encodeURIComponent(graphql.query)}&variables=${encodeURIComponent(JSON.stringify(graphql.variables))}`, headers: {} },
    { name: 'snapshot', path: concrete, headers: {}, conditional: true },
    { name: 'step', path: stepPath, headers: {}, conditional: true },
    ...mixedRequests(roadmaps).filter((spec) => ['search', 'steps depth=1', 'resources by kind', 'tool'].includes(spec.name)).slice(0, 6).map((spec) => ({ ...spec, name: 'other' }))
  ]
  const probeSpecs = specs.filter((spec) => spec.name !== 'other' && !spec.conditional)
  const stepFile = join(contentDir, roadmap.slug, 'versions', version.id, 'steps', `${stepId}.yaml`)
  const originalYaml = readFileSync(stepFile, 'utf8')

  // What a probe (no load of its own, no reload in flight) sees: the content hash, the step title, and every ETag.
  const states = []
  const etagIndex = new Map()
  const graphqlSpec = probeSpecs.find((spec) => spec.method === 'POST')
  async function versionNow () {
    const outcome = await send(server.origin, graphqlSpec)
    const at = performance.now()
    if (outcome.kind !== 'response') return { at, error: outcome.code ?? outcome.kind }
    try {
      const version = JSON.parse(outcome.body.toString('utf8')).data?.roadmap?.version
      return { at, hash: version?.contentHash, title: version?.step?.title, error: version === undefined ? outcome.body.toString('utf8').slice(0, 300) : undefined }
    } catch {
      return { at, error: outcome.body.toString('utf8').slice(0, 300) }
    }
  }
  // Bracketed by two GraphQL reads of the version: if a reload lands in between, the ETags are not recorded and it tries again.
  async function probe (label) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const before = await versionNow()
      if (before.hash === undefined) return { label, ...before }
      const outcomes = []
      for (const spec of probeSpecs) outcomes.push({ spec, outcome: await send(server.origin, spec) })
      const after = await versionNow()
      if (after.hash !== before.hash || after.title !== before.title) continue
      for (const { spec, outcome } of outcomes) {
        if (outcome.headers?.etag !== undefined) etagIndex.set(`${spec.path}|${encodingOf(spec.headers)}|${outcome.headers.etag}`, before.hash)
      }
      return { label, hash: before.hash, title: before.title, at: before.at }
    }
    return { label, at: performance.now(), error: 'the content changed during every probe' }
  }
  const state0 = await probe('initial')
  if (state0.hash === undefined || state0.title === undefined) throw new Error(`reload: the first probe found no contentHash and step title: ${state0.error}`)
  states.push(state0)
  const editedTitle = `${state0.title} (soak edit)`

  // Per response, on the fly: failures, and what it says about the version it came from.
  const failures = { byKind: {}, samples: [] }
  const violations = { count: 0, byRule: {}, samples: [] }
  const observations = new Map()
  const bodies = new Map()
  const timeline = []
  let responses = 0
  const fail = (outcome, what) => {
    const atSeconds = round1((outcome.startedAt - runStartedAt) / 1000)
    const entry = (failures.byKind[what] ??= { count: 0, firstAtSeconds: atSeconds, lastAtSeconds: atSeconds })
    entry.count++
    entry.lastAtSeconds = atSeconds
    if (failures.samples.length < 20) failures.samples.push(`${outcome.name} at ${atSeconds} s → ${what}`)
  }
  const violate = (rule, detail) => {
    violations.count++
    violations.byRule[rule] = (violations.byRule[rule] ?? 0) + 1
    if (violations.samples.length < 20) violations.samples.push(`${rule}: ${detail}`)
  }
  const observe = (key, fields, startedAt) => {
    let entry = observations.get(key)
    if (entry === undefined) observations.set(key, (entry = { ...fields, count: 0, lastStartedAt: 0 }))
    entry.count++
    entry.lastStartedAt = Math.max(entry.lastStartedAt, startedAt)
    timeline.push(startedAt, entry)
  }
  const stepTitleIn = (nodes) => {
    for (const node of nodes ?? []) {
      if (node.id === stepId) return node.title
      const found = stepTitleIn(node.children)
      if (found !== undefined) return found
    }
    return undefined
  }
  const lastEtags = Array.from({ length: options.connections }, () => new Map())

  function inspect (spec, outcome, worker) {
    if (outcome.kind !== 'response') return fail(outcome, outcome.kind === 'error' ? `error ${outcome.code}` : outcome.kind)
    if (outcome.truncated) return fail(outcome, `truncated body (${outcome.received} of ${outcome.declared} bytes)`)
    responses++
    const encoding = encodingOf(spec.headers)
    const etag = outcome.headers.etag
    const sent = spec.headers['if-none-match']
    if (outcome.status === 304) {
      if (sent === undefined) return fail(outcome, '304 without If-None-Match')
      if (etag !== sent) violate('304 with another ETag than the one asked for', `${spec.path} sent ${sent}, got ${etag}`)
      observe(`304|${spec.path}|${encoding}|${sent}`, { type: '304', path: spec.path, encoding, etag: sent }, outcome.startedAt)
      return
    }
    if (outcome.status !== 200) return fail(outcome, `status ${outcome.status} ${/"code":"([A-Z_]+)"/.exec(outcome.body.toString('utf8'))?.[1] ?? ''}`.trim())
    if (sent !== undefined && etag === sent) violate('200 although If-None-Match matched its ETag', `${spec.path} ${etag}`)
    if (etag !== undefined && spec.conditional) lastEtags[worker].set(spec.path, etag)
    if (spec.name === 'other') return
    let body
    try {
      body = decodedBody(outcome)
    } catch (error) {
      return fail(outcome, `undecodable ${outcome.headers['content-encoding']} body`)
    }
    if (spec.name === 'snapshot') {
      const digest = sha256(body)
      let parsed = bodies.get(digest)
      if (parsed === undefined) {
        const snapshot = JSON.parse(body.toString('utf8'))
        bodies.set(digest, (parsed = { hash: snapshot.version?.contentHash, title: stepTitleIn(snapshot.steps) }))
      }
      observe(`snapshot|${spec.path}|${encoding}|${etag}|${parsed.hash}|${digest}`, { type: 'snapshot', path: spec.path, encoding, etag, hash: parsed.hash, digest, title: parsed.title }, outcome.startedAt)
    } else if (spec.name === 'step') {
      const title = JSON.parse(body.toString('utf8')).step?.title
      observe(`step|${spec.path}|${encoding}|${etag}|${title}`, { type: 'step', path: spec.path, encoding, etag, title }, outcome.startedAt)
    } else {
      const answer = JSON.parse(body.toString('utf8'))
      if (answer.errors !== undefined) return fail(outcome, `GraphQL errors ${JSON.stringify(answer.errors).slice(0, 200)}`)
      const hash = answer.data?.roadmap?.version?.contentHash
      const title = answer.data?.roadmap?.version?.step?.title
      observe(`graphql|${spec.method ?? 'GET'}|${encoding}|${etag}|${hash}|${title}`, { type: 'graphql', path: spec.path, method: spec.method ?? 'GET', encoding, etag, hash, title }, outcome.startedAt)
    }
  }

  // The edits, at fixed points of the run, each followed by SIGHUP and a check of what the server now serves.
  // /health/ready reports reload counters (content.reloads, content.failedReloads) when the server has them:
  // then each SIGHUP is waited for until its reload is counted; without them, by polling what is served.
  const reloads = []
  async function readiness () {
    try {
      const response = await fetch(`${server.origin}/health/ready`, { signal: AbortSignal.timeout(5000) })
      return { status: response.status, body: await response.json() }
    } catch (error) {
      return { error: error.cause?.code ?? error.message }
    }
  }
  async function counters () {
    const content = (await readiness()).body?.content
    return typeof content?.reloads === 'number' ? { reloads: content.reloads, failedReloads: content.failedReloads, lastFailure: content.lastFailure } : undefined
  }
  const settledCount = (value) => value === undefined ? 0 : value.reloads + value.failedReloads
  async function hangUp (label, signals = 1) {
    const before = await counters()
    const rejectionLogged = server.waitForLog(/reload rejected/i, RELOAD_WAIT_MS)
    const sentAt = performance.now()
    for (let index = 0; index < signals; index++) { server.child.kill('SIGHUP'); if (signals > 1) await sleep(50) }
    let after
    let settledAt
    if (before !== undefined) {
      let lastChangeAt = performance.now()
      let last = settledCount(before)
      for (;;) {
        await sleep(100)
        after = await counters()
        const now = performance.now()
        if (settledCount(after) !== last) { last = settledCount(after); lastChangeAt = now }
        const moved = last - settledCount(before)
        if (moved >= signals || (moved > 0 && now - lastChangeAt > 2000) || now - sentAt > RELOAD_WAIT_MS || server.exit !== undefined) { settledAt = moved > 0 ? lastChangeAt : undefined; break }
      }
    }
    const logLine = await Promise.race([rejectionLogged, deadline(before === undefined ? 5000 : 300)])
    return {
      label,
      sentAt,
      countersBefore: before,
      countersAfter: after,
      countedAfterMs: settledAt === undefined ? undefined : Math.round(settledAt - sentAt),
      accepted: after === undefined ? undefined : after.reloads - before.reloads,
      rejected: after === undefined ? undefined : after.failedReloads - before.failedReloads,
      rejectionLogLine: logLine?.line?.slice(0, 300)
    }
  }
  async function waitForHash (predicate, timeoutMs) {
    const deadline = performance.now() + timeoutMs
    for (;;) {
      const state = await probe('poll')
      if (predicate(state) || performance.now() > deadline || server.exit !== undefined) return state
      await sleep(50)
    }
  }
  const describe = (state) => ({ hash: state.hash, title: state.title, ...(state.error ? { error: state.error } : {}) })
  const runStartedAt = performance.now()
  let scriptDone = false
  // Each edit waits for the reload before it; a slow reload pushes the next one (and the end of the load) later.
  const at = (fraction) => sleep(Math.max(0, runStartedAt + fraction * options.reloadSeconds * 1000 - performance.now()))
  const editedYaml = originalYaml.replace(/^title: .*$/m, `title: ${JSON.stringify(editedTitle)}`)
  const script = (async () => {
    await at(0.2)
    writeFileSync(stepFile, editedYaml)
    const valid = await hangUp('valid edit')
    const state1 = await waitForHash((state) => state.hash !== undefined && state.hash !== state0.hash, RELOAD_WAIT_MS)
    states.push({ ...state1, label: 'after valid edit' })
    reloads.push({ ...valid, ...describe(state1), servedAfterMs: Math.round(state1.at - valid.sentAt), pass: state1.hash !== state0.hash && state1.title === editedTitle && (valid.accepted === undefined || valid.accepted === 1) })

    await at(0.45)
    writeFileSync(stepFile, originalYaml.replace(/^title: .*$/m, 'title: [unclosed, {flow'))
    const invalid = await hangUp('invalid edit')
    const state2 = await probe('after invalid edit')
    states.push(state2)
    const rejected = invalid.rejected === undefined ? invalid.rejectionLogLine !== undefined : invalid.rejected === 1 && invalid.accepted === 0 && invalid.countersAfter.lastFailure !== undefined
    reloads.push({ ...invalid, ...describe(state2), pass: rejected && state2.hash === state1.hash && state2.title === editedTitle })

    await at(0.7)
    writeFileSync(stepFile, editedYaml)
    const fixed = await hangUp('fixed again')
    if (fixed.countersBefore === undefined) await sleep(1000)
    const state3 = await probe('after the fix')
    states.push(state3)
    reloads.push({ ...fixed, ...describe(state3), pass: state3.hash === state1.hash && state3.title === editedTitle && (fixed.accepted === undefined || (fixed.accepted === 1 && fixed.countersAfter.lastFailure === undefined)) })

    // A burst of signals, in the full run: reloads queue rather than overlap, and the content stays the same.
    if (!options.short) {
      await at(0.85)
      const burst = await hangUp('three SIGHUPs 50 ms apart, no change', 3)
      if (burst.countersBefore === undefined) await sleep(1000)
      const state4 = await probe('after three quick SIGHUPs')
      states.push(state4)
      reloads.push({ ...burst, ...describe(state4), pass: state4.hash === state1.hash && state4.title === editedTitle && (burst.accepted === undefined || (burst.accepted >= 1 && burst.rejected === 0)) })
    }
    // A last second of load on the settled content, then the workers stop.
    await sleep(1000)
    return state1
  })().then((state1) => ({ state1 }), (error) => ({ error })).finally(() => { scriptDone = true })

  log(`reload: ${options.connections} connections, ${options.reloadSeconds} s, editing ${relative(contentDir, stepFile)}`)
  const memoryStart = await memorySample(server)
  let exitedAt
  await runWorkers({
    origin: server.origin,
    connections: options.connections,
    timeoutMs: 10_000,
    shouldStop: () => {
      if (server.exit !== undefined) exitedAt ??= performance.now()
      return (scriptDone && performance.now() - runStartedAt > options.reloadSeconds * 1000) || (exitedAt !== undefined && performance.now() - exitedAt > 500)
    },
    next: (worker, iteration) => {
      const spec = specs[(worker + iteration) % specs.length]
      if (!spec.conditional) return spec
      const etag = lastEtags[worker].get(spec.path)
      return etag === undefined ? spec : { ...spec, headers: { ...spec.headers, 'if-none-match': etag } }
    },
    onOutcome: (outcome, worker, spec) => inspect(spec, outcome, worker)
  })
  const { state1, error: scriptError } = await script
  if (scriptError !== undefined) findings.push(`reload: the edit script failed: ${scriptError.stack ?? scriptError}`)
  const memoryEnd = server.exit === undefined ? await memorySample(server) : undefined

  // Afterwards: every observation checked against what the probes saw.
  const titleByHash = new Map(states.filter((state) => state.hash !== undefined).map((state) => [state.hash, state.title]))
  const hashesOfEtagKey = new Map()
  const digestsOfHash = new Map()
  const addTo = (map, key, value) => { if (!map.has(key)) map.set(key, new Set()); map.get(key).add(value) }
  for (const entry of observations.values()) {
    if (entry.type === '304') {
      if (!etagIndex.has(`${entry.path}|${entry.encoding}|${entry.etag}`)) violate('304 for an ETag no version has', `${entry.path} ${entry.etag}`)
      continue
    }
    const expectedHash = entry.etag === undefined ? undefined : etagIndex.get(`${entry.path}|${entry.encoding}|${entry.etag}`)
    if (entry.type === 'snapshot' || entry.type === 'graphql') {
      if (!titleByHash.has(entry.hash)) violate('contentHash of no known version', `${entry.type} ${entry.path} ${entry.hash}`)
      else if (titleByHash.get(entry.hash) !== entry.title) violate('step title does not belong to the contentHash beside it', `${entry.type} ${entry.path}: ${entry.hash} with "${entry.title}"`)
      if (entry.etag !== undefined && expectedHash !== entry.hash) violate('ETag belongs to another version than the body', `${entry.type} ${entry.path} ${entry.encoding} ${entry.etag}: body ${entry.hash}, ETag of ${expectedHash ?? 'no known version'}`)
      if (entry.etag !== undefined) addTo(hashesOfEtagKey, `${entry.path}|${entry.encoding}|${entry.etag}`, entry.hash)
    }
    if (entry.type === 'snapshot') addTo(digestsOfHash, entry.hash, entry.digest)
    if (entry.type === 'step') {
      if (![...titleByHash.values()].includes(entry.title)) violate('step title of no known version', `${entry.path} "${entry.title}"`)
      if (expectedHash === undefined) violate('step ETag of no known version', `${entry.path} ${entry.encoding} ${entry.etag}`)
      else if (titleByHash.get(expectedHash) !== entry.title) violate('step title does not belong to the version of its ETag', `${entry.path} ${entry.encoding}: "${entry.title}" with the ETag of "${titleByHash.get(expectedHash)}"`)
    }
  }
  for (const [key, hashes] of hashesOfEtagKey) if (hashes.size > 1) violate('one ETag for two contentHashes', `${key}: ${[...hashes].join(', ')}`)
  for (const [hash, digests] of digestsOfHash) if (digests.size > 1) violate('one contentHash for two snapshot bodies', `${hash}: ${digests.size} bodies`)
  const etagsPerHash = new Map()
  for (const [key, hash] of etagIndex) addTo(etagsPerHash, `${key.split('|').slice(0, 2).join('|')}|${hash}`, key)
  for (const [key, etags] of etagsPerHash) if (etags.size > 1) violate('one contentHash under two ETags of one URL and encoding', key)
  // Once a probe has seen the new version, no request started after it may get the old one.
  let stale = 0
  const switchedAt = states.find((state) => state.hash !== undefined && state.hash !== state0.hash)?.at
  if (switchedAt !== undefined) {
    for (let index = 0; index < timeline.length; index += 2) {
      const [startedAt, entry] = [timeline[index], timeline[index + 1]]
      if (startedAt <= switchedAt) continue
      const hash = entry.type === 'step' || entry.type === '304' ? etagIndex.get(`${entry.path}|${entry.encoding}|${entry.etag}`) : entry.hash
      if (hash === state0.hash) stale++
    }
  }
  if (stale > 0) violate('old version served after the new one was seen', `${stale} responses`)

  const failed = Object.values(failures.byKind).reduce((total, entry) => total + entry.count, 0)
  const serverAlive = server.exit === undefined
  if (!serverAlive) findings.push(`reload: the server exited during the reload phase (${JSON.stringify(server.exit)}); last log lines: ${server.log.slice(-3).map((entry) => entry.line.slice(0, 200)).join(' | ')}`)
  const distinctHashes = new Set([...observations.values()].filter((entry) => entry.hash !== undefined).map((entry) => entry.hash))
  const reloadCriterion = (index, name) => {
    const entry = reloads[index]
    const counted = entry?.accepted === undefined ? '' : `, counted in /health/ready after ${entry.countedAfterMs} ms (accepted +${entry.accepted}, rejected +${entry.rejected})`
    return criterion(name, entry?.pass === true, entry === undefined ? 'not reached' : `${entry.pass ? 'yes' : 'no'}: "${entry.title}" ${entry.hash?.slice(0, 20)}…${counted}`)
  }
  const criteria = [
    criterion('responses inspected', responses > 0, responses),
    criterion('failed requests (errors, resets, timeouts, truncated, statuses other than 200/304)', failed === 0, failed, 0),
    criterion('responses not matching exactly one content version', violations.count === 0, violations.count, 0),
    reloadCriterion(0, 'valid edit + SIGHUP: new contentHash and title served'),
    reloadCriterion(1, 'invalid edit + SIGHUP: reload rejected, last good content kept'),
    reloadCriterion(2, 'fixed again + SIGHUP: accepted, same contentHash as the valid edit'),
    ...(options.short ? [] : [reloadCriterion(3, 'three quick SIGHUPs: content unchanged')]),
    criterion('content versions seen in responses', distinctHashes.size <= 2, distinctHashes.size, '≤ 2'),
    criterion('server still running', serverAlive, serverAlive)
  ]
  if (reloads[1] !== undefined && reloads[1].rejectionLogLine === undefined) findings.push('reload: no "reload rejected" log line after the invalid edit')
  const figures = {
    durationSeconds: options.reloadSeconds,
    connections: options.connections,
    responses,
    failures,
    violations,
    staleAfterSwitch: stale,
    states: states.map((state) => ({ label: state.label, hash: state.hash, title: state.title, atSeconds: round1((state.at - runStartedAt) / 1000), ...(state.error ? { error: state.error } : {}) })),
    reloads: reloads.map(({ sentAt, ...rest }) => ({ ...rest, sentAtSeconds: round1((sentAt - runStartedAt) / 1000) })),
    observations: [...observations.values()].map(({ lastStartedAt, ...rest }) => rest),
    rssMiB: { start: mib(memoryStart.rssBytes), end: mib(memoryEnd?.rssBytes) },
    editedStep: { file: relative(contentDir, stepFile), from: state0.title, to: editedTitle, newHash: state1?.hash }
  }
  log(`reload: ${responses} responses, ${failed} failed, ${violations.count} inconsistent, reloads ${reloads.map((entry) => entry.label).join(' / ')}`)
  return { name: 'reload', pass: criteria.every((item) => item.pass), criteria, figures }
}

// ---------------------------------------------------------------------------------------------
// 3. Shutdown under load: SIGTERM mid-run, every request accounted for.

async function shutdownPhase () {
  const content = copyContent()
  cleanups.push(content.remove)
  const server = await startServer({ ...SERVER_ENV, CONTENT_DIR: content.dir, SHUTDOWN_GRACE_MS: String(options.shutdownGraceMs) })
  cleanups.push(() => server.stop())
  const roadmaps = await discover(server.origin)
  const specs = mixedRequests(roadmaps).filter((spec) => ['snapshot identity', 'snapshot br', 'step', 'graphql POST', 'search', 'steps tree'].includes(spec.name))
  log(`shutdown: ${options.shutdownConnections} connections, SIGTERM after ${options.shutdownLoadSeconds / 2} s, grace ${options.shutdownGraceMs} ms`)

  const outcomes = []
  const sigterm = { at: undefined }
  let exitedAt
  const startedAt = performance.now()
  const hardDeadline = () => sigterm.at !== undefined && performance.now() - sigterm.at > options.shutdownGraceMs + options.shutdownSlackMs + 3000
  const load = runWorkers({
    origin: server.origin,
    connections: options.shutdownConnections,
    timeoutMs: options.shutdownGraceMs + options.shutdownSlackMs,
    shouldStop: () => {
      if (server.exit !== undefined) exitedAt ??= performance.now()
      return (exitedAt !== undefined && performance.now() - exitedAt > 1000) || hardDeadline()
    },
    next: (worker, iteration) => specs[(worker * 7 + iteration) % specs.length],
    onOutcome: (outcome) => { outcomes.push(outcome) }
  })
  await sleep(options.shutdownLoadSeconds * 500)
  sigterm.at = performance.now()
  const sigtermWallClock = Date.now()
  server.child.kill('SIGTERM')
  const exit = await Promise.race([server.exited, deadline(options.shutdownGraceMs + options.shutdownSlackMs + 5000).then(() => undefined)])
  await load
  const exitAfterMs = exit === undefined ? undefined : exit.at - sigtermWallClock
  if (exitAfterMs !== undefined) exitedAt = sigterm.at + exitAfterMs

  const accounting = {
    total: outcomes.length,
    beforeSigterm: { ok: 0, other: 0 },
    inFlightAtSigterm: { ok: 0, status503: 0, refused: 0, reset: 0, truncated: 0, other: 0 },
    afterSigterm: { ok: 0, status503: 0, refused: 0, reset: 0, truncated: 0, timeout: 0, other: 0 },
    afterExit: { refused: 0, other: 0 },
    contentTypesOf503: {},
    // A reset before any response byte on a kept-alive socket: the server closed it as idle while the request was on its way (never read, safe to retry).
    resetsOnReusedSocket: 0,
    samples: []
  }
  const note = (message) => { if (accounting.samples.length < 20) accounting.samples.push(message) }
  for (const outcome of outcomes) {
    const when = outcome.startedAt < sigterm.at ? (outcome.endedAt < sigterm.at ? 'beforeSigterm' : 'inFlightAtSigterm') : exitedAt !== undefined && outcome.startedAt > exitedAt ? 'afterExit' : 'afterSigterm'
    const bucket = accounting[when]
    let result
    if (outcome.kind === 'response') {
      let intact = outcome.complete
      if (intact && outcome.headers['content-encoding'] !== undefined) {
        try { decodedBody(outcome) } catch { intact = false }
      }
      if (!intact) result = 'truncated'
      else if (outcome.status === 200) result = 'ok'
      else if (outcome.status === 503) {
        result = 'status503'
        const type = outcome.headers['content-type'] ?? 'none'
        accounting.contentTypesOf503[type] = (accounting.contentTypesOf503[type] ?? 0) + 1
      } else result = 'other'
    } else result = outcome.kind === 'refused' || outcome.kind === 'reset' || outcome.kind === 'timeout' ? outcome.kind : 'other'
    if (when === 'beforeSigterm' && result !== 'ok') result = 'other'
    if (when === 'afterExit' && result !== 'refused') result = 'other'
    if (result === 'timeout' && when !== 'afterSigterm') result = 'other'
    bucket[result] = (bucket[result] ?? 0) + 1
    if (result === 'reset' && outcome.reusedSocket) accounting.resetsOnReusedSocket++
    if (result === 'other' || result === 'truncated' || result === 'timeout') note(`${when}: ${outcome.name} → ${outcome.kind} ${outcome.status ?? outcome.code ?? ''}${outcome.truncated ? ` truncated ${outcome.received}/${outcome.declared}` : ''}`)
  }
  const truncated = accounting.inFlightAtSigterm.truncated + accounting.afterSigterm.truncated
  const others = accounting.beforeSigterm.other + accounting.inFlightAtSigterm.other + accounting.afterSigterm.other + accounting.afterExit.other
  const non503Problem = Object.keys(accounting.contentTypesOf503).filter((type) => !type.startsWith('application/problem+json'))
  if (non503Problem.length > 0) findings.push(`shutdown: 503 responses while closing are ${non503Problem.join(', ')}, not application/problem+json (Fastify's return503OnClosing answers before any hook or error handler runs)`)
  const bound = options.shutdownGraceMs + options.shutdownSlackMs
  const criteria = [
    criterion('requests completed before SIGTERM', accounting.beforeSigterm.ok > 0, accounting.beforeSigterm.ok),
    criterion('responses with headers but a truncated or corrupt body', truncated === 0, truncated, 0),
    criterion('requests left hanging (no answer within grace + slack)', accounting.afterSigterm.timeout === 0, accounting.afterSigterm.timeout, 0),
    criterion('other failures (errors before SIGTERM, statuses other than 200/503, non-refusals after exit)', others === 0, others, 0),
    criterion('connection attempts after exit refused', accounting.afterExit.refused > 0 && accounting.afterExit.other === 0, accounting.afterExit.refused),
    criterion('exit code', exit?.code === 0, exit === undefined ? 'did not exit' : exit.code ?? `signal ${exit.signal}`, 0),
    criterion('exit after SIGTERM (ms)', exitAfterMs !== undefined && exitAfterMs <= bound, exitAfterMs, `≤ ${bound}`)
  ]
  log(`shutdown: ${outcomes.length} requests, exit ${exit?.code ?? exit?.signal ?? 'none'} after ${exitAfterMs} ms, truncated ${truncated}, refused after exit ${accounting.afterExit.refused}`)
  return {
    name: 'shutdown',
    pass: criteria.every((item) => item.pass),
    criteria,
    figures: {
      connections: options.shutdownConnections,
      sigtermAfterSeconds: round1((sigterm.at - startedAt) / 1000),
      shutdownGraceMs: options.shutdownGraceMs,
      exit: exit === undefined ? undefined : { code: exit.code, signal: exit.signal, afterMs: exitAfterMs },
      accounting,
      serverLogTail: server.log.slice(-5).map((entry) => entry.line.slice(0, 300))
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Slow clients: normal traffic before and during a slowloris / slow-body attack; slow sockets cut off.

async function slowClientsPhase () {
  const content = copyContent()
  cleanups.push(content.remove)
  const server = await startServer({ ...SERVER_ENV, CONTENT_DIR: content.dir, REQUEST_TIMEOUT_MS: String(options.requestTimeoutMs) })
  cleanups.push(() => server.stop())
  const roadmaps = await discover(server.origin)
  const requests = mixedRequests(roadmaps).filter((spec) => ['roadmap', 'snapshot br', 'step', 'search', 'graphql POST', 'steps depth=1'].includes(spec.name))
  const normal = () => autocannon({
    url: server.origin,
    connections: options.normalConnections,
    duration: options.slowSeconds,
    timeout: 10,
    requests: requests.map(({ method, path, headers, body }) => ({ method, path, headers, ...(body === undefined ? {} : { body }) }))
  })
  const summary = (result) => ({ requests: result.requests.total, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx })

  // Once through every request first, so the baseline does not pay for first-time work (JIT, compression of a version).
  const wrong = await preflight(server.origin, requests.map((spec) => ({ ...spec, expect: 200 })))
  if (wrong.length > 0) throw new Error(`the workload is broken before any load:\n${wrong.join('\n')}`)
  log(`slow clients: baseline ${options.slowSeconds} s at ${options.normalConnections} connections`)
  const baseline = summary(await normal())
  log(`slow clients: ${options.slowConnections} slowloris + ${options.slowBodyConnections} slow-body connections, REQUEST_TIMEOUT_MS=${options.requestTimeoutMs}`)
  const attack = openSlowClients({ port: server.port, headerCount: options.slowConnections, bodyCount: options.slowBodyConnections })
  const duringAttack = summary(await normal())
  const cutoffBound = options.requestTimeoutMs + options.requestTimeoutSlackMs
  // A full run waits long enough to measure when the server does cut slow sockets (Node's own defaults: 60 s
  // headers timeout, checked every 30 s); the short run gives up just past the bound.
  const waitUntil = Math.max(...attack.records.map((record) => record.openedAt)) + (options.short ? cutoffBound + 1000 : Math.max(cutoffBound + 1000, 95_000))
  while (attack.openCount() > 0 && Date.now() < waitUntil) await sleep(100)
  const stillOpen = attack.openCount()
  attack.stop()

  const closedByServer = attack.records.filter((record) => record.closedBy === 'server')
  const lifetimes = closedByServer.map((record) => record.closedAt - (record.connectedAt ?? record.openedAt))
  const byKind = (kind) => {
    const records = attack.records.filter((record) => record.kind === kind)
    const closed = records.filter((record) => record.closedBy === 'server')
    return {
      opened: records.length,
      connected: records.filter((record) => record.connectedAt !== undefined).length,
      closedByServer: closed.length,
      answered408: closed.filter((record) => record.firstReply.startsWith('HTTP/1.1 408')).length,
      firstReplies: [...new Set(closed.map((record) => record.firstReply.split('\r\n')[0] || '(nothing, just closed)'))],
      closedAfterMs: latencySummary(closed.map((record) => record.closedAt - (record.connectedAt ?? record.openedAt)))
    }
  }
  const p99Bound = options.slowP99Factor * Math.max(baseline.p99, options.p99FloorMs)
  const serverAlive = server.exit === undefined
  const criteria = [
    criterion('normal traffic errors and timeouts, without the attack', baseline.errors + baseline.timeouts === 0 && baseline.non2xx === 0, baseline.errors + baseline.timeouts + baseline.non2xx, 0),
    criterion('normal traffic errors and timeouts, during the attack', duringAttack.errors + duringAttack.timeouts === 0 && duringAttack.non2xx === 0, duringAttack.errors + duringAttack.timeouts + duringAttack.non2xx, 0),
    criterion('normal traffic p99 during the attack (ms)', duringAttack.p99 <= p99Bound, duringAttack.p99, `≤ ${p99Bound} (${options.slowP99Factor} × max(baseline p99 ${baseline.p99}, ${options.p99FloorMs}))`),
    criterion('slow connections closed by the server', stillOpen === 0 && closedByServer.length === attack.records.length, `${closedByServer.length} of ${attack.records.length}`),
    criterion('slowest close after connecting (ms)', lifetimes.length > 0 && Math.max(...lifetimes) <= cutoffBound, lifetimes.length === 0 ? 'none closed' : Math.max(...lifetimes), `≤ ${cutoffBound} (REQUEST_TIMEOUT_MS + ${options.requestTimeoutSlackMs})`),
    criterion('no slow connection closed before REQUEST_TIMEOUT_MS', lifetimes.every((lifetime) => lifetime >= options.requestTimeoutMs - 100), lifetimes.length === 0 ? 'none closed' : Math.min(...lifetimes), `≥ ${options.requestTimeoutMs - 100}`),
    criterion('server still running', serverAlive, serverAlive)
  ]
  if (stillOpen > 0 || (lifetimes.length > 0 && Math.max(...lifetimes) > cutoffBound)) {
    findings.push(`slow clients: with REQUEST_TIMEOUT_MS=${options.requestTimeoutMs}, ${attack.records.length - stillOpen} of ${attack.records.length} slow connections were closed by the server within ${Math.round((Date.now() - Math.min(...attack.records.map((record) => record.openedAt))) / 1000)} s (slowest ${lifetimes.length === 0 ? '-' : Math.max(...lifetimes)} ms, bound ${cutoffBound} ms). Node checks request deadlines every http.Server connectionsCheckingInterval (default 30000 ms), fixed when the server is created; Fastify sets requestTimeout afterwards and passes \`http\` options through, so buildApp needs http: { connectionsCheckingInterval } well below REQUEST_TIMEOUT_MS`)
  }
  await server.stop()
  log(`slow clients: p99 ${baseline.p99} → ${duringAttack.p99} ms, errors ${duringAttack.errors}, closed by server ${closedByServer.length}/${attack.records.length}, slowest ${lifetimes.length === 0 ? '-' : Math.max(...lifetimes)} ms`)
  return {
    name: 'slow clients',
    pass: criteria.every((item) => item.pass),
    criteria,
    figures: {
      requestTimeoutMs: options.requestTimeoutMs,
      normalConnections: options.normalConnections,
      secondsPerMeasurement: options.slowSeconds,
      baseline,
      duringAttack,
      slowloris: byKind('headers'),
      slowBody: byKind('body'),
      stillOpenWhenGivenUp: stillOpen
    }
  }
}

// ---------------------------------------------------------------------------------------------

function writeReport (result) {
  const base = options.out
  mkdirSync(dirname(base), { recursive: true })
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`)
  const lines = [
    `# Soak and fault harness ${result.date}`, '',
    `Node ${result.node}, ${result.cpus} CPUs (load average ${result.loadAverageAtStart.join(' ')} at start, ${result.loadAverageAtEnd.join(' ')} at end), loopback, ${result.options.short ? 'short run' : 'full run'} of ${result.seconds} s. Overall: **${result.pass ? 'pass' : 'FAIL'}**.`, '',
    `Server settings on top of the defaults: ${Object.entries(result.serverEnvironment).map(([key, value]) => `${key}=${value}`).join(', ')} (and per phase CONTENT_DIR, SHUTDOWN_GRACE_MS, REQUEST_TIMEOUT_MS as noted).`, ''
  ]
  for (const phase of result.phases) {
    lines.push(`## ${phase.name}: ${phase.pass ? 'pass' : 'FAIL'}${phase.seconds === undefined ? '' : ` (${phase.seconds} s)`}`, '', '| criterion | value | bound | pass |', '|---|---|---|---|')
    for (const item of phase.criteria) lines.push(`| ${item.name} | ${JSON.stringify(item.value)} | ${item.bound ?? ''} | ${item.pass ? 'yes' : 'NO'} |`)
    lines.push('', ...figureLines(phase), '')
  }
  if (result.findings.length > 0) lines.push('## Findings', '', ...result.findings.map((finding) => `- ${finding}`), '')
  writeFileSync(`${base}.md`, lines.join('\n'))
  log(`wrote ${relative(root, base)}.json and .md`)
}

function figureLines (phase) {
  const f = phase.figures
  if (f === undefined) return []
  if (phase.name === 'soak') {
    const heap = typeof f.memory.heapUsedMiB === 'string' ? f.memory.heapUsedMiB : `${f.memory.heapUsedMiB.start} → ${f.memory.heapUsedMiB.end} MiB (growth ${f.memory.heapUsedMiB.growth} MiB)`
    return [
      `${f.connections} connections for ${f.durationSeconds} s: ${f.requests} requests (${f.requestsPerSecond} req/s, ${f.throughputMiBPerSecond} MiB/s), latency p50 ${f.latencyMs.p50} / p90 ${f.latencyMs.p90} / p99 ${f.latencyMs.p99} / max ${f.latencyMs.max} ms; statuses ${JSON.stringify(f.statusCodes)}.`,
      `Server RSS ${f.memory.rssMiB.start} → ${f.memory.rssMiB.end} MiB (growth ${f.memory.rssMiB.growth} MiB, max ${f.memory.rssMiB.max}, ${f.memory.rssMiB.afterIdle} after a pause). Heap used: ${heap}.${f.memory.externalMiB === undefined ? '' : ` External (Buffers): ${f.memory.externalMiB.start} → ${f.memory.externalMiB.end} MiB.`} Samples every 5 s are in the JSON report.`
    ]
  }
  if (phase.name === 'reload') {
    return [
      `${f.connections} connections for ${f.durationSeconds} s: ${f.responses} responses inspected; failures ${JSON.stringify(f.failures.byKind)}; inconsistencies ${JSON.stringify(f.violations.byRule)}; old version after the switch: ${f.staleAfterSwitch}.`,
      `Edited ${f.editedStep.file}: "${f.editedStep.from}" → "${f.editedStep.to}".`, '',
      '| reload | result |', '|---|---|',
      ...f.reloads.map((entry) => `| ${entry.label} | ${entry.pass ? 'pass' : 'FAIL'}: "${entry.title}" ${entry.hash?.slice(0, 20)}…, sent at ${entry.sentAtSeconds} s${entry.accepted === undefined ? '' : `, accepted +${entry.accepted} / rejected +${entry.rejected} after ${entry.countedAfterMs} ms`}${entry.servedAfterMs === undefined ? '' : `, served after ${entry.servedAfterMs} ms`}${entry.rejectionLogLine === undefined ? '' : ', rejection logged'} |`), '',
      'Versions seen by probes: ' + f.states.map((state) => `${state.label} ${state.hash?.slice(0, 18)}… "${state.title}" at ${state.atSeconds} s`).join('; ') + '.'
    ]
  }
  if (phase.name === 'shutdown') {
    return [
      `${f.connections} connections, SIGTERM after ${f.sigtermAfterSeconds} s, SHUTDOWN_GRACE_MS=${f.shutdownGraceMs}; exit ${JSON.stringify(f.exit)}.`,
      `Requests: ${f.accounting.total}; before SIGTERM ${JSON.stringify(f.accounting.beforeSigterm)}; in flight at SIGTERM ${JSON.stringify(f.accounting.inFlightAtSigterm)}; after SIGTERM ${JSON.stringify(f.accounting.afterSigterm)}; after exit ${JSON.stringify(f.accounting.afterExit)}; 503 content types ${JSON.stringify(f.accounting.contentTypesOf503)}.`
    ]
  }
  if (phase.name === 'slow clients') {
    const kind = (label, k) => `${label}: ${k.closedByServer}/${k.opened} closed by the server (${k.answered408} with 408), after ${k.closedAfterMs.p50 ?? '-'} ms median, ${k.closedAfterMs.max ?? '-'} ms max; first reply ${JSON.stringify(k.firstReplies)}.`
    return [
      `Normal traffic (${f.normalConnections} connections, ${f.secondsPerMeasurement} s each): without attack p99 ${f.baseline.p99} ms (${f.baseline.requestsPerSecond} req/s, errors ${f.baseline.errors}); during attack p99 ${f.duringAttack.p99} ms (${f.duringAttack.requestsPerSecond} req/s, errors ${f.duringAttack.errors}, timeouts ${f.duringAttack.timeouts}).`,
      kind('Slowloris', f.slowloris),
      kind('Slow body', f.slowBody)
    ]
  }
  return []
}
