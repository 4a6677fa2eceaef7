#!/usr/bin/env node
/*
 * Scale benchmark: the same server on synthetic content 1×, 10× and 100× the
 * shipped size (bench/generate-content.mjs). What a request costs should depend
 * on the answer, not on how much content is loaded; boot and memory should grow
 * at most linearly with it. Latency is measured on the "probe" roadmap, the
 * shipped text in the middle of each generated set, and the sizes take turns
 * round by round so that noise from a shared machine falls on all of them alike.
 * Results: bench/results/scale.json and scale.md. Exits non-zero only on errors.
 *
 * Settings (environment): SCALE_SIZES=1,10,100  SCALE_DURATION=3 (s per round)
 * SCALE_ROUNDS=3  SCALE_CONNECTIONS=10  SCALE_BOOTS=3  SCALE_LOAD_RUNS=5
 * SCALE_CONTENT_ROOT=/tmp/roadmap-scale  SCALE_APP_DIR=<a folder with dist/ to run instead of this one>
 */
import { spawn, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, totalmem, release, platform } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { generateContent, probeIndex, roadmapSlug } from './generate-content.mjs'

const root = join(import.meta.dirname, '..')
/** Where dist/ is taken from: this checkout, or another build of it to compare with. */
const appDir = process.env.SCALE_APP_DIR ?? root
const SIZES = (process.env.SCALE_SIZES ?? '1,10,100').split(',').map(Number)
const DURATION_SECONDS = Number(process.env.SCALE_DURATION ?? 3)
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 3)
const CONNECTIONS = Number(process.env.SCALE_CONNECTIONS ?? 10)
const BOOTS = Number(process.env.SCALE_BOOTS ?? 3)
const LOAD_RUNS = Number(process.env.SCALE_LOAD_RUNS ?? 5)
const CONTENT_ROOT = process.env.SCALE_CONTENT_ROOT ?? '/tmp/roadmap-scale'
const VERSION = '2024-01-12'

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

const TARGETS = { latencyRatio: 1.2, bootMs: 3000, rssMiB: 400, growthExponent: 1.1 }

const endpoints = (slug) => [
  { name: 'one step', path: `/v1/roadmaps/${slug}/versions/${VERSION}/steps/experiment-tracking-and-model-registries`, target: true },
  { name: 'filtered page', path: `/v1/roadmaps/${slug}/versions/${VERSION}/resources?kind=book&limit=20`, target: true },
  { name: 'search', path: `/v1/roadmaps/${slug}/versions/${VERSION}/search?q=kubernetes`, target: false }
]

const servers = []
process.on('exit', () => { for (const server of servers) server.kill('SIGKILL') })

try {
  await main()
} catch (error) {
  process.stderr.write(`${error.stack ?? error}\n`)
  process.exitCode = 1
}

async function main () {
  const fingerprint = contentFingerprint()
  const runs = []
  for (const size of SIZES) {
    const contentDir = await ensureContent(size, fingerprint)
    const slug = roadmapSlug(probeIndex(size))
    log(`${size}×: content at ${contentDir}, probe roadmap ${slug}`)
    const load = await measureLoad(contentDir, slug, size >= 100 ? Math.max(3, Math.ceil(LOAD_RUNS / 2)) : LOAD_RUNS)
    log(`${size}×: load+validate+index median ${load.medianMs} ms (read ${load.phases.readMs}, validate ${load.phases.validateMs}, store ${load.phases.storeMs}); store heap ${load.storeHeapMiB} MiB`)
    const boots = []
    const bootCpu = []
    let server
    try {
      for (let boot = 0; boot < BOOTS; boot++) {
        if (server !== undefined) await stop(server)
        server = await bootServer(contentDir)
        boots.push(server.bootMs)
        bootCpu.push(server.bootCpuMs)
      }
    } catch (error) {
      // Recorded, and the run goes on with the other sizes; the exit code says it failed.
      log(`${size}×: ${error.message}`)
      runs.push({ size, contentDir, slug, files: countFiles(contentDir), load, failed: error.message, firstRequestMs: {}, latency: {} })
      process.exitCode = 1
      continue
    }
    const rssAfterBootMiB = rssMiB(server.child.pid)
    const heap = await scrapeHeap(server.port)
    const firstRequests = {}
    for (const endpoint of [...endpoints(slug)].reverse()) {
      // Another version than the one measured below, so that these are first requests for real.
      const path = endpoint.path.replace(VERSION, '2023-12-27')
      const started = performance.now()
      const response = await fetch(`http://127.0.0.1:${server.port}${path}`)
      await response.arrayBuffer()
      firstRequests[endpoint.name] = round(performance.now() - started, 1)
    }
    for (const endpoint of endpoints(slug)) await checkEndpoint(server.port, endpoint)
    log(`${size}×: boot ${boots.map((ms) => `${ms} ms`).join(', ')}; RSS ${rssAfterBootMiB} MiB, heap ${heap?.usedMiB ?? '?'} MiB (${heap?.source ?? 'no /metrics'})`)
    runs.push({ size, contentDir, slug, files: countFiles(contentDir), load, bootMs: Math.round(median(boots)), boots, bootCpuMs: Math.round(median(bootCpu)), rssAfterBootMiB, heapUsedMiB: heap?.usedMiB ?? load.storeHeapMiB, firstMetricsScrapeMs: heap?.scrapeMs, rssAfterScrapeMiB: rssMiB(server.child.pid), heapSource: heap?.source ?? 'in-process: heap held by the store after gc (no /metrics)', firstRequestMs: firstRequests, server, latency: {} })
  }

  // Latency: every server stays up; each round runs each endpoint on each size in turn.
  const serving = runs.filter((run) => run.failed === undefined)
  for (const run of serving) for (const endpoint of endpoints(run.slug)) await measure(run.server.port, endpoint.path, 1)
  const samples = new Map()
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index] of endpoints('').entries()) {
      for (const run of serving) {
        const endpoint = endpoints(run.slug)[index]
        const result = await measure(run.server.port, endpoint.path, DURATION_SECONDS)
        const key = `${run.size}|${endpoint.name}`
        samples.set(key, [...(samples.get(key) ?? []), result])
        log(`round ${round + 1}/${ROUNDS} ${run.size}× ${endpoint.name}: p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.rps} req/s`)
      }
    }
  }
  for (const run of serving) {
    for (const endpoint of endpoints(run.slug)) {
      const rounds = samples.get(`${run.size}|${endpoint.name}`)
      run.latency[endpoint.name] = { p50: round(median(rounds.map((r) => r.p50)), 3), p99: round(median(rounds.map((r) => r.p99)), 3), rps: Math.round(median(rounds.map((r) => r.rps))), rounds }
    }
    run.rssAfterTrafficMiB = rssMiB(run.server.child.pid)
    await stop(run.server)
    delete run.server
  }

  const report = buildReport(runs)
  writeFileSync(join(root, 'bench/results/scale.json'), `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(join(root, 'bench/results/scale.md'), renderMarkdown(report))
  log(`wrote bench/results/scale.json and scale.md: ${report.targets.filter((target) => target.pass).length}/${report.targets.length} targets met`)
}

/* ---------- content ---------- */

function contentFingerprint () {
  const hash = createHash('sha256').update(readFileSync(join(root, 'bench/generate-content.mjs')))
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(directory, entry.name)
      if (entry.isDirectory()) walk(path)
      else hash.update(path).update(readFileSync(path))
    }
  }
  walk(join(root, 'content/mlops'))
  return hash.digest('hex').slice(0, 16)
}

async function ensureContent (size, fingerprint) {
  const contentDir = join(CONTENT_ROOT, `content-${size}x`)
  const marker = `${contentDir}.json`
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).fingerprint === fingerprint) return contentDir
  const started = performance.now()
  const result = await generateContent(contentDir, size)
  writeFileSync(marker, JSON.stringify({ fingerprint, ...result }))
  log(`${size}×: generated ${result.files} files in ${Math.round(performance.now() - started)} ms`)
  return contentDir
}

function countFiles (directory) {
  return readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length
}

/* ---------- in-process load, validate, index ---------- */

async function measureLoad (contentDir, slug, repetitions) {
  const dist = (path) => JSON.stringify(pathToFileURL(join(appDir, 'dist', path)).href)
  const script = `
    import { loadContent } from ${dist('content/pipeline.js')}
    import { loadContentSources } from ${dist('content/load.js')}
    import { validateContent } from ${dist('content/validate.js')}
    import { createContentStore } from ${dist('content/store.js')}
    const [dir, slug, runs] = [process.argv[1], process.argv[2], Number(process.argv[3])]
    const now = () => performance.now()
    const totals = []
    const cpu = []
    for (let i = 0; i < runs; i++) {
      globalThis.gc()
      const started = now()
      const cpuStarted = process.cpuUsage()
      const result = await loadContent(dir)
      totals.push(now() - started)
      const used = process.cpuUsage(cpuStarted)
      cpu.push((used.user + used.system) / 1000)
      if (!result.ok) { console.error(result.issues.slice(0, 5)); process.exit(3) }
    }
    const phases = { readMs: [], validateMs: [], storeMs: [] }
    for (let i = 0; i < runs; i++) {
      globalThis.gc()
      const a = now(); const sources = await loadContentSources(dir)
      const b = now(); const validation = validateContent(sources)
      const c = now(); createContentStore(validation.roadmaps)
      const d = now()
      phases.readMs.push(b - a); phases.validateMs.push(c - b); phases.storeMs.push(d - c)
    }
    globalThis.gc()
    const before = process.memoryUsage().heapUsed
    const result = await loadContent(dir)
    globalThis.gc()
    const after = process.memoryUsage()
    const started = now()
    const hits = result.store.getVersion(slug, '2023-12-21').search('kubernetes').length
    const firstSearchMs = now() - started
    // Versions may be built on first use: build them all, to see the cost and the memory of everything.
    const building = now()
    for (const roadmap of result.store.roadmaps) for (const version of roadmap.versions) void version.snapshotJson
    const buildAllMs = now() - building
    globalThis.gc()
    const built = process.memoryUsage().heapUsed
    process.stdout.write(JSON.stringify({ totals, cpu, phases, storeHeap: after.heapUsed - before, storeHeapBuilt: built - before, buildAllMs, heapUsed: after.heapUsed, rss: after.rss, firstSearchMs, hits }))
  `
  const output = await runNode(['--expose-gc', '--input-type=module', '-e', script, contentDir, slug, String(repetitions)])
  const measured = JSON.parse(output)
  return {
    repetitions,
    medianMs: round(median(measured.totals)),
    runsMs: measured.totals.map((ms) => round(ms)),
    cpuMedianMs: round(median(measured.cpu)),
    phases: { readMs: round(median(measured.phases.readMs)), validateMs: round(median(measured.phases.validateMs)), storeMs: round(median(measured.phases.storeMs)) },
    storeHeapMiB: round(measured.storeHeap / 2 ** 20, 1),
    storeHeapAllBuiltMiB: round(measured.storeHeapBuilt / 2 ** 20, 1),
    buildAllVersionsMs: round(measured.buildAllMs, 1),
    firstSearchInProcessMs: round(measured.firstSearchMs, 2)
  }
}

function runNode (args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: appDir, stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk) => { output += chunk })
    child.on('error', reject)
    child.on('exit', (code) => code === 0 ? resolve(output) : reject(new Error(`node ${args[0]} … exited with ${code}`)))
  })
}

/* ---------- server ---------- */

async function bootServer (contentDir) {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: appDir,
    env: { ...process.env, CONTENT_DIR: contentDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', CONTENT_WATCH: 'false' },
    stdio: ['ignore', 'inherit', 'pipe']
  })
  // Passed through, and the end kept: why a server did not start goes into the report.
  let stderr = ''
  child.stderr.on('data', (chunk) => { process.stderr.write(chunk); stderr = (stderr + chunk).slice(-2000) })
  const server = { child, port, exited: new Promise((resolve) => child.once('exit', resolve)) }
  servers.push(child)
  const deadline = started + 120_000
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${contentDir} exited with ${child.exitCode} before it was ready: ${stderr.trim().split('\n').at(-1)}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`)
      await response.arrayBuffer()
      if (response.status === 200) return { ...server, bootMs: Math.round(performance.now() - started), bootCpuMs: cpuMs(child.pid) }
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`server on ${contentDir} not ready after 120 s`)
}

async function stop (server) {
  server.child.kill('SIGTERM')
  await server.exited
  servers.splice(servers.indexOf(server.child), 1)
}

/** CPU time (user + system) the process has used so far: steadier than wall time on a shared machine. */
function cpuMs (pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 1000 / CLOCK_TICKS
}

function rssMiB (pid) {
  const kib = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1])
  return round(kib / 1024, 1)
}

/** Heap used, from the first scrape of /metrics when the server has it; the scrape's own time too (it reads every version's content hash). */
async function scrapeHeap (port) {
  try {
    const started = performance.now()
    const response = await fetch(`http://127.0.0.1:${port}/metrics`)
    const text = await response.text()
    const scrapeMs = round(performance.now() - started, 1)
    const bytes = response.ok ? text.match(/^nodejs_heap_size_used_bytes(?:\{[^}]*\})? ([\d.e+]+)/m)?.[1] : undefined
    return bytes === undefined ? undefined : { usedMiB: round(Number(bytes) / 2 ** 20, 1), source: '/metrics nodejs_heap_size_used_bytes (first scrape)', scrapeMs }
  } catch {
    return undefined
  }
}

async function checkEndpoint (port, endpoint) {
  const response = await fetch(`http://127.0.0.1:${port}${endpoint.path}`)
  const body = await response.json()
  if (response.status !== 200) throw new Error(`${endpoint.path} answered ${response.status}: ${JSON.stringify(body)}`)
  if (Array.isArray(body.items) && body.items.length === 0) throw new Error(`${endpoint.path} answered no items`)
}

/** Latency from every response's own time (autocannon's histogram rounds to whole milliseconds). */
async function measure (port, path, seconds) {
  const times = []
  const instance = autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: CONNECTIONS, duration: seconds })
  instance.on('response', (_client, statusCode, _bytes, responseTime) => { if (statusCode === 200) times.push(responseTime) })
  const result = await instance
  if (result.errors > 0 || result.non2xx > 0) throw new Error(`${path}: ${result.errors} errors, ${result.non2xx} non-2xx answers`)
  times.sort((a, b) => a - b)
  return { p50: round(percentile(times, 0.5), 3), p99: round(percentile(times, 0.99), 3), rps: Math.round(result.requests.average), requests: times.length }
}

/* ---------- report ---------- */

function buildReport (runs) {
  const base = runs.find((run) => run.size === 1) ?? runs[0]
  const metrics = [
    { key: 'bootMs', label: 'boot to ready (ms)', of: (run) => run.bootMs },
    { key: 'bootCpuMs', label: 'boot CPU time, user+system (ms)', of: (run) => run.bootCpuMs },
    { key: 'loadMs', label: 'load+validate+index, in-process (ms)', of: (run) => run.load.medianMs },
    { key: 'loadCpuMs', label: 'load+validate+index CPU time (ms)', of: (run) => run.load.cpuMedianMs },
    { key: 'rssMiB', label: 'RSS after boot (MiB)', of: (run) => run.rssAfterBootMiB },
    { key: 'heapMiB', label: 'heap used after boot (MiB)', of: (run) => run.heapUsedMiB },
    { key: 'storeHeapMiB', label: 'heap held by the store after load (MiB)', of: (run) => run.load.storeHeapMiB },
    { key: 'storeHeapAllBuiltMiB', label: 'heap held by the store, every version built (MiB)', of: (run) => run.load.storeHeapAllBuiltMiB },
    { key: 'buildAllVersionsMs', label: 'building every version after load, in-process (ms)', of: (run) => run.load.buildAllVersionsMs },
    { key: 'firstSearchMs', label: 'first search of a version, HTTP (ms)', of: (run) => run.firstRequestMs.search },
    ...endpoints('').flatMap((endpoint) => [
      { key: `${endpoint.name} p50`, label: `${endpoint.name} p50 (ms)`, of: (run) => run.latency[endpoint.name]?.p50 },
      { key: `${endpoint.name} p99`, label: `${endpoint.name} p99 (ms)`, of: (run) => run.latency[endpoint.name]?.p99 }
    ])
  ]
  // A size whose server did not start has no value (null) for what needs the server, and fails those targets.
  const valueOf = (metric, run) => metric.of(run) ?? null
  const table = metrics.map((metric) => {
    const values = Object.fromEntries(runs.map((run) => [`${run.size}x`, valueOf(metric, run)]))
    const ratios = Object.fromEntries(runs.filter((run) => run !== base).map((run) => [`${run.size}x/${base.size}x`, valueOf(metric, run) === null || !(valueOf(metric, base) > 0) ? null : round(metric.of(run) / metric.of(base), 2)]))
    const points = runs.filter((run) => valueOf(metric, run) > 0).map((run) => [run.size, metric.of(run)])
    return { metric: metric.label, key: metric.key, values, ratios, growthExponent: points.length === runs.length && points.length > 1 ? round(growthExponent(points), 2) : null }
  })
  const row = (key) => table.find((entry) => entry.key === key)
  const largest = runs.at(-1)
  const targets = []
  const at = `${largest.size}x`
  const target = (name, value, pass) => targets.push({ target: name, value, pass: value !== null && value !== undefined && pass(value) })
  target(`boot grows at most linearly (fitted exponent ≤ ${TARGETS.growthExponent})`, row('bootMs').growthExponent, (value) => value <= TARGETS.growthExponent)
  target(`RSS grows at most linearly (fitted exponent ≤ ${TARGETS.growthExponent})`, row('rssMiB').growthExponent, (value) => value <= TARGETS.growthExponent)
  target(`heap grows at most linearly (fitted exponent ≤ ${TARGETS.growthExponent})`, row('heapMiB').growthExponent, (value) => value <= TARGETS.growthExponent)
  for (const endpoint of endpoints('').filter((candidate) => candidate.target)) {
    for (const quantile of ['p50', 'p99']) {
      target(`${endpoint.name} ${quantile} at ${at} within ${TARGETS.latencyRatio}× of ${base.size}x`, row(`${endpoint.name} ${quantile}`).ratios[`${at}/${base.size}x`], (value) => value <= TARGETS.latencyRatio)
    }
  }
  target(`boot at ${at} under ${TARGETS.bootMs} ms`, largest.bootMs ?? null, (value) => value < TARGETS.bootMs)
  target(`RSS at ${at} under ${TARGETS.rssMiB} MiB`, largest.rssAfterBootMiB ?? null, (value) => value < TARGETS.rssMiB)
  return {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: round(totalmem() / 2 ** 30, 1), os: `${platform()} ${release()}` },
    node: process.version,
    commit: gitCommit(),
    command: 'npm run bench:scale',
    ...(appDir === root ? {} : { appDir }),
    settings: { sizes: SIZES, connections: CONNECTIONS, durationSeconds: DURATION_SECONDS, rounds: ROUNDS, boots: BOOTS, loadRuns: LOAD_RUNS },
    sizes: runs.map((run) => ({ size: run.size, contentDir: run.contentDir, probe: run.slug, files: run.files, ...(run.failed === undefined ? {} : { failed: run.failed }), bootMs: run.bootMs, boots: run.boots, bootCpuMs: run.bootCpuMs, load: run.load, rssAfterBootMiB: run.rssAfterBootMiB, firstMetricsScrapeMs: run.firstMetricsScrapeMs, rssAfterScrapeMiB: run.rssAfterScrapeMiB, rssAfterTrafficMiB: run.rssAfterTrafficMiB, heapUsedMiB: run.heapUsedMiB, heapSource: run.heapSource, firstRequestMs: run.firstRequestMs, latency: run.latency })),
    table,
    targets
  }
}

function renderMarkdown (report) {
  const sizes = report.sizes.map((size) => `${size.size}x`)
  const ratioKeys = Object.keys(report.table[0].ratios)
  return [
    `# Scale benchmark ${report.date}`,
    '',
    `\`${report.command}\` on ${report.machine.cpu} (${report.machine.cores} cores, ${report.machine.memoryGiB} GiB, ${report.machine.os}), Node ${report.node}, commit ${report.commit}.`,
    `Content: ${report.sizes.map((size) => `${size.size}x = ${size.size} roadmap${size.size === 1 ? '' : 's'} × 3 versions, ${size.files} files`).join('; ')} (bench/generate-content.mjs).`,
    `Latency: autocannon, ${report.settings.connections} connections, ${report.settings.durationSeconds} s per round, median of ${report.settings.rounds} rounds taken in turn across sizes, on the probe roadmap (the shipped text) in the middle of each set; percentiles from every response's own time. Boot: spawn of \`node dist/server.js\` to the first 200 from /health/ready, median of ${report.settings.boots}. Heap: ${report.sizes[0].heapSource ?? 'not measured'}.${report.appDir === undefined ? '' : ` Server and pipeline from ${report.appDir}.`}`,
    '',
    `| metric | ${sizes.join(' | ')} | ${ratioKeys.join(' | ')} | fitted exponent |`,
    `|---|${sizes.map(() => '---:').join('|')}|${ratioKeys.map(() => '---:').join('|')}|---:|`,
    ...report.table.map((row) => `| ${row.metric} | ${sizes.map((size) => row.values[size] ?? '—').join(' | ')} | ${ratioKeys.map((key) => row.ratios[key] ?? '—').join(' | ')} | ${row.growthExponent ?? '—'} |`),
    '',
    'Fitted exponent: slope of log(value) against log(size); 1 is linear growth, 0 is none.',
    '',
    '| target | value | pass |',
    '|---|---:|---|',
    ...report.targets.map((target) => `| ${target.target} | ${target.value ?? 'not measured'} | ${target.pass ? 'yes' : 'NO'} |`),
    '',
    ...report.sizes.filter((size) => size.failed !== undefined).map((size) => `**${size.size}x: the server did not start** — ${size.failed}\n`),
    '| size | load+validate+index median (ms) | read+parse | validate | store + indexes | heap held by store (MiB) | first /metrics scrape (ms) | RSS after it (MiB) | RSS after traffic (MiB) | first requests, HTTP (ms) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...report.sizes.map((size) => `| ${size.size}x | ${size.load.medianMs} | ${size.load.phases.readMs} | ${size.load.phases.validateMs} | ${size.load.phases.storeMs} | ${size.load.storeHeapMiB} | ${size.firstMetricsScrapeMs ?? '—'} | ${size.rssAfterScrapeMiB ?? '—'} | ${size.rssAfterTrafficMiB ?? '—'} | ${Object.entries(size.firstRequestMs).map(([name, ms]) => `${name} ${ms}`).join(', ')} |`),
    ''
  ].join('\n')
}

/* ---------- helpers ---------- */

function growthExponent (points) {
  const xs = points.map(([x]) => Math.log(x))
  const ys = points.map(([, y]) => Math.log(Math.max(y, 1e-9)))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  const sxx = xs.reduce((sum, x) => sum + (x - mx) ** 2, 0)
  return sxx === 0 ? 0 : xs.reduce((sum, x, index) => sum + (x - mx) * (ys[index] - my), 0) / sxx
}

function percentile (sorted, fraction) {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]
}

function median (values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function round (value, digits = 0) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

function gitCommit () {
  try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim() } catch { return 'unknown' }
}

function log (message) {
  process.stdout.write(`${message}\n`)
}

function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
    probe.on('error', reject)
  })
}
