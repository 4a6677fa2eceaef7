/*
 * Small helpers for bench/run.mjs: one-off raw HTTP requests (bytes as sent, nothing decoded),
 * free ports, readiness polling and per-process CPU time and RSS from /proc.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'

/** Headers that differ per response or per connection; everything else is replayed byte for byte. */
export const HOP_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding'])

/** One request on a fresh connection; the body comes back exactly as sent (still compressed for br). */
export function send ({ port, method = 'GET', path, headers = {}, body }) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(body)
    const outgoing = request({
      host: '127.0.0.1',
      port,
      method,
      path,
      agent: false,
      headers: payload === undefined ? headers : { ...headers, 'content-length': payload.length }
    }, (response) => {
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode, rawHeaders: response.rawHeaders, headers: response.headers, body: Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(payload)
  })
}

/** The raw header list without hop-by-hop and per-response headers, as [name, value, name, value…]. */
export function replayableHeaders (rawHeaders) {
  const kept = []
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (!HOP_HEADERS.has(rawHeaders[index].toLowerCase())) kept.push(rawHeaders[index], rawHeaders[index + 1])
  }
  return kept
}

/** Polls until the port answers HTTP (any status, or `status` when given). */
export async function waitForHttp (port, path, { status, timeoutMs = 30_000, exited } = {}) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (exited?.()) throw new Error(`server for ${path} on port ${port} exited before it was ready`)
    try {
      const response = await send({ port, path })
      if (status === undefined || response.status === status) return
      last = `status ${response.status}`
    } catch (error) {
      last = error.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`port ${port} ${path} was not ready after ${timeoutMs} ms (${last})`)
}

export function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

let clockTicks
/** USER_HZ, the unit of utime and stime in /proc/<pid>/stat (100 on Linux almost everywhere). */
export function clockTicksPerSecond () {
  if (clockTicks === undefined) {
    try { clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100 } catch { clockTicks = 100 }
  }
  return clockTicks
}

/** CPU seconds (user + system) a process has used so far, and its resident set size in bytes. */
export function processStats (pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = Number(fields[11]) + Number(fields[12]) // utime (14) + stime (15), 1-based from pid
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return { cpuSeconds: ticks / clockTicksPerSecond(), rssBytes: rssKiB * 1024 }
}

/** The `taskset` binary when present and the machine has the cores asked for; undefined otherwise. */
export function findTaskset (cores) {
  try {
    const path = execFileSync('which', ['taskset'], { encoding: 'utf8' }).trim()
    const online = Number(execFileSync('nproc', { encoding: 'utf8' }).trim())
    return path !== '' && cores.every((core) => core < online) ? path : undefined
  } catch {
    return undefined
  }
}

export function machineDescription () {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown'
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  return { cpu: model, cores, node: process.version, platform: `${process.platform} ${process.arch}`, loadAverageAtStart: load }
}
