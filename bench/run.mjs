#!/usr/bin/env node
/*
 * Throughput benchmark on loopback, against the ceiling and the peers (`npm run bench`).
 *
 * Machines are shared and noisy, so every figure is a ratio measured in the same run:
 * - the ceiling, a raw node:http server replaying the exact bytes our server answered;
 * - for GraphQL, Apollo Server and GraphQL Yoga serving the same SDL, resolvers and content store.
 * Servers run on one core and the load generator (autocannon, in its own process) on another
 * when taskset is available. Rounds interleave the targets so drift hits them all alike.
 *
 * Settings: BENCH_DURATION (seconds per measurement, 5), BENCH_ROUNDS (3), BENCH_WARMUP
 * (seconds per target and case, 2), BENCH_CASES (comma-separated case ids or parts of them),
 * BENCH_SERVER_CPU (1) and BENCH_LOAD_CPU (0).
 * Results: bench/results/latest.json and latest.md. Missed targets do not fail the run; errors,
 * unexpected statuses and answers that differ between targets do.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { CASES, PEER_NAMES, selectCases } from './lib/throughput-cases.mjs'
import { requestKey } from './lib/throughput-ceiling.mjs'
import { findTaskset, freePort, machineDescription, processStats, replayableHeaders, send, waitForHttp } from './lib/throughput-http.mjs'
import { TARGET_NAMES, checkTargets, pairedRatio, summariseTarget, toMarkdown } from './lib/throughput-report.mjs'

const root = join(import.meta.dirname, '..')
const CONNECTIONS = 50
const DURATION_SECONDS = positiveNumber('BENCH_DURATION', 5)
const ROUNDS = positiveNumber('BENCH_ROUNDS', 3)
const WARMUP_SECONDS = positiveNumber('BENCH_WARMUP', Math.min(2, DURATION_SECONDS))
const SERVER_CPU = positiveNumber('BENCH_SERVER_CPU', 1, true)
const LOAD_CPU = positiveNumber('BENCH_LOAD_CPU', 0, true)
/** Pause between measurements, so closing sockets and GC of the last run do not spill into the next. */
const SETTLE_MS = 300

// Production settings, except request logging (none of the peers logs per request) and the
// rate limit (the load generator is one client IP; the allow list keeps the limiter in the path).
const OURS_ENV = { NODE_ENV: 'production', LOG_LEVEL: 'warn', RATE_LIMIT_ALLOW_LIST: '127.0.0.1' }

const cases = selectCases(process.env.BENCH_CASES)
const taskset = findTaskset([SERVER_CPU, LOAD_CPU])
const children = new Set()
let nextJob = 0
const scratch = mkdtempSync(join(tmpdir(), 'roadmap-bench-'))
process.on('exit', stopAll)
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { stopAll(); process.exit(130) })

try {
  await main()
} catch (error) {
  process.stderr.write(`\nbench failed: ${error.stack ?? error}\n`)
  for (const child of children) if (child.output.length > 0) process.stderr.write(`--- last output of ${child.name} ---\n${child.output.join('')}\n`)
  process.exitCode = 1
} finally {
  stopAll()
  rmSync(scratch, { recursive: true, force: true })
}

async function main () {
  // The orchestrator only waits while a measurement runs; it shares the load generator's core.
  if (taskset !== undefined) await run(taskset, ['-cp', String(LOAD_CPU), String(process.pid)])
  const peersWanted = [...new Set(cases.flatMap(availablePeers))]

  const ours = await startServer('ours', ['dist/server.js'], { ...OURS_ENV, HOST: '127.0.0.1' }, '/health/ready', 200)
  const peers = Object.fromEntries(await Promise.all(peersWanted.map(async (peer) =>
    [peer, await startServer(peer, [`bench/peers/${peer}.mjs`], { NODE_ENV: 'production' }, '/graphql', undefined, true)])))
  const load = startProcess('load generator', ['bench/lib/throughput-load.mjs'], {}, LOAD_CPU, true)

  log(`recording our answers for ${cases.length} case(s)`)
  const recordings = await recordOurAnswers(ours.port)
  const ceiling = await startCeiling(recordings)
  await checkCeiling(ceiling.port, recordings)
  await checkPeers(peers, recordings)
  const targets = { ours, ceiling, ...peers }
  const targetsOf = (item) => ['ours', 'ceiling', ...availablePeers(item).filter((peer) => peers[peer] !== undefined)]

  const measure = async (item, name, seconds, round) => {
    const target = targets[name]
    const before = processStats(target.child.pid)
    const loadBefore = processStats(load.pid)
    const started = performance.now()
    const result = await loadJob(load, {
      url: `http://127.0.0.1:${target.port}${item.request.path}`,
      method: item.request.method,
      headers: item.request.headers,
      body: item.request.body,
      connections: CONNECTIONS,
      duration: seconds
    })
    const wallSeconds = (performance.now() - started) / 1000
    const after = processStats(target.child.pid)
    const loadAfter = processStats(load.pid)
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
    return {
      round,
      ...result,
      cpuPercent: 100 * (after.cpuSeconds - before.cpuSeconds) / wallSeconds,
      // Responses per CPU-second of the server: what each request costs it, whatever share of the core it got.
      requestsPerCpuSecond: after.cpuSeconds > before.cpuSeconds ? result.responses / (after.cpuSeconds - before.cpuSeconds) : undefined,
      rssBytes: after.rssBytes,
      loadGeneratorCpuPercent: 100 * (loadAfter.cpuSeconds - loadBefore.cpuSeconds) / wallSeconds,
      problems: problemsIn(item, result)
    }
  }

  const measurements = cases.reduce((sum, item) => sum + targetsOf(item).length, 0)
  log(`warm-up: ${WARMUP_SECONDS} s per target and case; then ${ROUNDS} round(s) of ${measurements} measurements × ${DURATION_SECONDS} s (about ${Math.ceil(measurements * (WARMUP_SECONDS + ROUNDS * DURATION_SECONDS + (ROUNDS + 1) * 0.5) / 60)} min)`)
  for (const item of cases) {
    for (const name of targetsOf(item)) {
      const sample = await measure(item, name, WARMUP_SECONDS, 0)
      if (sample.problems.length > 0) throw new Error(`${item.id} on ${name} during warm-up: ${sample.problems.join('; ')}`)
    }
  }

  const samples = new Map(cases.map((item) => [item.id, Object.fromEntries(targetsOf(item).map((name) => [name, []]))]))
  const problems = []
  for (let round = 1; round <= ROUNDS; round++) {
    for (const item of cases) {
      const names = targetsOf(item)
      // Rotate who goes first each round, so no target always runs right after another's heaviest load.
      const order = names.map((_, index) => names[(index + round - 1) % names.length])
      const line = []
      for (const name of order) {
        const sample = await measure(item, name, DURATION_SECONDS, round)
        samples.get(item.id)[name].push(sample)
        for (const problem of sample.problems) problems.push(`${item.id} on ${name}, round ${round}: ${problem}`)
        line.push(`${name} ${Math.round(sample.requestsPerSecond)} req/s (CPU ${Math.round(sample.cpuPercent)} %)`)
      }
      log(`round ${round}/${ROUNDS} ${item.id}: ${line.join(', ')}`)
    }
  }

  const results = cases.map((item) => {
    const perTarget = samples.get(item.id)
    const figures = {
      targets: Object.fromEntries(Object.entries(perTarget).map(([name, list]) => [name, summariseTarget(list)])),
      ratios: Object.fromEntries(Object.entries(perTarget).filter(([name]) => name !== 'ours').map(([name, list]) => [name, pairedRatio(perTarget.ours, list)])),
      cpuCostRatios: Object.fromEntries(Object.entries(perTarget).filter(([name]) => name !== 'ours').map(([name, list]) => [name, pairedRatio(perTarget.ours, list, 'requestsPerCpuSecond')])),
      unavailable: { ...(item.unavailable ?? {}) }
    }
    const recording = recordings.get(item.id)
    return {
      id: item.id,
      name: item.name,
      request: { method: item.request.method, path: item.request.path, headers: item.request.headers, bodyBytes: item.request.body === undefined ? 0 : Buffer.byteLength(item.request.body) },
      status: recording.status,
      responseBytes: recording.body.length,
      peers: item.peers ?? [],
      ...figures,
      checks: checkTargets(item, figures),
      samples: perTarget
    }
  })

  const report = {
    date: new Date().toISOString(),
    command: commandLine(),
    machine: machineDescription(),
    settings: {
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      rounds: ROUNDS,
      cases: cases.length === CASES.length ? 'all' : cases.map((item) => item.id).join(', '),
      placement: taskset === undefined
        ? 'taskset not available: servers and load generator share all cores (figures less reliable)'
        : `taskset: every server process on CPU ${SERVER_CPU} (only the measured one is busy), the load generator (autocannon in a child process) and this orchestrator on CPU ${LOAD_CPU}`,
      oursEnv: OURS_ENV,
      peers: {
        apollo: '@apollo/server standalone (node:http + cors + body-parser), NODE_ENV=production, defaults: document store (parse/validate LRU), APQ (in-memory LRU), CSRF prevention, cache-control plugin; no JIT, no response cache',
        yoga: 'graphql-yoga createYoga on node:http createServer, NODE_ENV=production, graphiql and landing page off, defaults: parser and validation cache (LRU), CORS, masked errors; no JIT, no response cache, no APQ plugin installed'
      }
    },
    notes: notesFor(results, problems),
    problems,
    results
  }
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(join(root, 'bench/results/latest.md'), toMarkdown(report))
  log('wrote bench/results/latest.json and bench/results/latest.md')
  for (const result of results) {
    const missed = result.checks.filter((check) => check.met === false).map((check) => check.label)
    const versus = Object.entries(result.ratios).filter(([, ratio]) => ratio !== undefined).map(([name, ratio]) => `${ratio.median.toFixed(2)} × ${TARGET_NAMES[name]}`)
    log(`${result.id}: ours ${Math.round(result.targets.ours.requestsPerSecond?.median ?? 0)} req/s, ${versus.join(', ')}${missed.length > 0 ? ` — missed: ${missed.join('; ')}` : ''}`)
  }
  if (problems.length > 0) {
    process.stderr.write(`\n${problems.length} measurement(s) saw errors or unexpected statuses:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n`)
    process.exitCode = 1
  }
}

/** Our answer to every case, exactly as sent: status, headers (but Date and connection headers), body. */
async function recordOurAnswers (port) {
  const recordings = new Map()
  for (const item of cases) {
    if (item.conditional) {
      const first = await send({ port, ...item.request })
      const etag = first.headers.etag
      if (etag === undefined) throw new Error(`${item.id}: ${item.request.path} gave no ETag to revalidate`)
      item.request.headers = { ...item.request.headers, 'if-none-match': etag }
    }
    if (item.request.register !== undefined) {
      const registered = await send({ port, ...item.request.register })
      if (registered.status !== 200) throw new Error(`${item.id}: registering the persisted query answered ${registered.status}: ${registered.body}`)
    }
    // The second answer is the one recorded: the first may still build caches.
    await send({ port, ...item.request })
    const answer = await send({ port, ...item.request })
    if (answer.status !== item.status) throw new Error(`${item.id}: our server answered ${answer.status}, expected ${item.status}: ${answer.body.toString().slice(0, 500)}`)
    if (item.status === 200 && item.request.path.startsWith('/graphql')) {
      const parsed = JSON.parse(answer.body)
      if (parsed.errors !== undefined || parsed.data == null) throw new Error(`${item.id}: our GraphQL answer has errors: ${answer.body.toString().slice(0, 500)}`)
    }
    recordings.set(item.id, { item, status: answer.status, headers: replayableHeaders(answer.rawHeaders), body: answer.body })
  }
  return recordings
}

async function startCeiling (recordings) {
  const file = join(scratch, 'recordings.json')
  writeFileSync(file, JSON.stringify([...recordings.values()].map(({ item, status, headers, body }) => ({
    key: requestKey(item.request.method, item.request.path, lowerCaseKeys(item.request.headers), item.request.body === undefined ? '' : Buffer.from(item.request.body).toString('latin1')),
    status,
    headers,
    body: body.toString('base64')
  }))))
  const port = await freePort()
  const child = startProcess('ceiling', ['bench/lib/throughput-ceiling.mjs', file, String(port)], {}, SERVER_CPU)
  await waitForHttp(port, '/', { exited: () => child.exitCode !== null })
  return { port, child }
}

/** The ceiling must send what we sent: same status, same headers, same bytes. */
async function checkCeiling (port, recordings) {
  for (const [id, recording] of recordings) {
    const answer = await send({ port, ...recording.item.request })
    const headers = replayableHeaders(answer.rawHeaders)
    if (answer.status !== recording.status || !answer.body.equals(recording.body) || JSON.stringify(headers) !== JSON.stringify(recording.headers)) {
      throw new Error(`${id}: the ceiling does not replay our answer (status ${answer.status} vs ${recording.status}, ${answer.body.length} vs ${recording.body.length} bytes, headers ${JSON.stringify(headers)} vs ${JSON.stringify(recording.headers)})`)
    }
  }
}

/** Peers must answer every GraphQL case with the same `data` as ours, without errors, before any load. */
async function checkPeers (peers, recordings) {
  for (const [id, recording] of recordings) {
    const { item } = recording
    for (const peer of availablePeers(item)) {
      const port = peers[peer].port
      if (item.request.register !== undefined) {
        const miss = await send({ port, ...item.request })
        if (!miss.body.toString().includes('PersistedQueryNotFound')) throw new Error(`${id}: ${PEER_NAMES[peer]} did not ask for the persisted query: ${miss.status} ${miss.body.toString().slice(0, 300)}`)
        const registered = await send({ port, ...item.request.register })
        if (registered.status !== 200) throw new Error(`${id}: registering the persisted query on ${PEER_NAMES[peer]} answered ${registered.status}: ${registered.body.toString().slice(0, 300)}`)
      }
      const answer = await send({ port, ...item.request })
      const ours = JSON.parse(recording.body).data
      let theirs
      try { theirs = JSON.parse(answer.body) } catch { theirs = undefined }
      if (answer.status !== 200 || theirs?.errors !== undefined || JSON.stringify(theirs?.data) !== JSON.stringify(ours)) {
        writeFileSync(join(tmpdir(), `bench-mismatch-${id}-${peer}.json`), answer.body)
        throw new Error(`${id}: ${PEER_NAMES[peer]} answers differently from ours (status ${answer.status}, ${answer.body.length} bytes, ${answer.body.toString().slice(0, 300)}…); saved to ${join(tmpdir(), `bench-mismatch-${id}-${peer}.json`)}`)
      }
    }
  }
}

/** The peers a case is measured on: those that can serve it at all. */
function availablePeers (item) {
  return (item.peers ?? []).filter((peer) => item.unavailable?.[peer] === undefined)
}

function problemsIn (item, result) {
  const problems = []
  const unexpected = Object.entries(result.statuses).filter(([status]) => Number(status) !== item.status)
  if (unexpected.length > 0) problems.push(`unexpected statuses ${unexpected.map(([status, count]) => `${status}×${count}`).join(', ')} (expected ${item.status})`)
  if (result.errors > 0) problems.push(`${result.errors} connection errors`)
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`)
  if (result.responses === 0) problems.push('no responses')
  return problems
}

function notesFor (results, problems) {
  const notes = [
    'Ceiling: a bare node:http server replaying the status, headers and body bytes our server sent for the same request (compressed bytes for br; the 304 as sent), only Date and connection headers regenerated by node; it reads a POST body before answering, answers a GET at once.',
    'Peers serve schema/*.graphql with our own resolvers (dist/graphql/resolvers.js) over a store from the same loadContent(); their context is { store, reads } with a no-op `reads` (our server uses it to derive ETag/Cache-Control for GET /graphql, which the peers do not do). Their answers were checked equal to ours (`data`, no errors) before measuring.',
    'Apollo: @apollo/server standalone with its defaults (document store: parse/validate cache; APQ; CSRF prevention, so every GraphQL GET carries x-apollo-operation-name, sent to all targets alike); no JIT, no response cache.',
    'Yoga: createYoga on node:http with its defaults (parser and validation cache, CORS); no JIT, no response cache; APQ needs @graphql-yoga/plugin-apq, not installed, so its APQ figure is n/a.',
    `Ours: mercurius with graphql-jit after the first run of a query, a parsed-query LRU and APQ${existsSync(join(root, 'dist/graphql/response-cache.js')) ? ', and a response cache (dist/graphql/response-cache.js), which the peers lack: repeated identical queries are answered from it' : ''}.`,
    'The APQ case gets the roadmap-page targets (Yoga n/a).'
  ]
  const generatorBound = results.filter((result) => (result.targets.ceiling?.loadGeneratorCpuPercent.median ?? 0) >= 90)
  if (generatorBound.length > 0) {
    notes.push(`The load generator used ≥ 90 % of its core while measuring the ceiling in: ${generatorBound.map((result) => `${result.id} (${Math.round(result.targets.ceiling.loadGeneratorCpuPercent.median)} %)`).join(', ')}. There the ceiling figure is partly the load generator's limit, so ratios to it read high.`)
  }
  if (problems.length > 0) notes.push(`${problems.length} measurement(s) saw errors or unexpected statuses; see "problems" in latest.json.`)
  return notes
}

async function startServer (name, args, env, readyPath, readyStatus, portAsArgument = false) {
  const port = await freePort()
  const child = startProcess(name, portAsArgument ? [...args, String(port)] : args, portAsArgument ? env : { ...env, PORT: String(port) }, SERVER_CPU)
  await waitForHttp(port, readyPath, { status: readyStatus, timeoutMs: 60_000, exited: () => child.exitCode !== null })
  return { port, child }
}

/** Starts `node <args>` pinned to a core when taskset is there (taskset execs node, so the pid is node's). */
function startProcess (name, args, env, cpu, ipc = false) {
  const command = taskset ?? process.execPath
  const argv = taskset === undefined ? args : ['-c', String(cpu), process.execPath, ...args]
  const child = spawn(command, argv, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])] })
  child.name = name
  child.output = []
  const keep = (chunk) => {
    child.output.push(chunk.toString())
    if (child.output.length > 40) child.output.shift()
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  child.on('exit', (code, signal) => {
    if (!child.stopping) {
      process.stderr.write(`${name} exited unexpectedly (${signal ?? code})\n${child.output.join('')}\n`)
      process.exitCode = 1
    }
  })
  children.add(child)
  return child
}

function loadJob (child, job) {
  const id = ++nextJob
  return new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message.id !== id) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      if (message.error !== undefined) reject(new Error(`load generator: ${message.error}`))
      else resolve(message.result)
    }
    const onExit = () => reject(new Error('the load generator exited'))
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.send({ id, ...job })
  })
}

function stopAll () {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.stopping = true
      child.kill('SIGTERM')
    }
  }
  children.clear()
}

function run (command, args) {
  return new Promise((resolve, reject) => {
    spawn(command, args, { stdio: 'ignore' }).on('exit', (code) => code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))).on('error', reject)
  })
}

function lowerCaseKeys (headers) {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]))
}

function positiveNumber (name, fallback, allowZero = false) {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new Error(`${name}=${text}: must be a ${allowZero ? 'non-negative' : 'positive'} number`)
  return value
}

function commandLine () {
  const set = ['BENCH_DURATION', 'BENCH_ROUNDS', 'BENCH_WARMUP', 'BENCH_CASES', 'BENCH_SERVER_CPU', 'BENCH_LOAD_CPU'].filter((name) => process.env[name] !== undefined)
  return [...set.map((name) => `${name}=${process.env[name]}`), 'npm run bench'].join(' ')
}

function log (message) {
  process.stdout.write(`${message}\n`)
}
