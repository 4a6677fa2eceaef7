/*
 * A keep-alive node:http client that accounts for every request exactly: whether the
 * connection was refused, reset before any response, answered, or cut mid-body, and
 * whether the body that arrived is as long as its Content-Length. autocannon counts;
 * this tells what happened to each request.
 */
import { Agent, request as httpRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export function createAgent (maxSockets) {
  return new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' })
}

/**
 * Sends one request and resolves (never rejects) with its outcome:
 *   kind 'response': headers arrived; `complete` tells whether the whole body did (`truncated` otherwise)
 *   kind 'refused': ECONNREFUSED; 'reset': the connection closed before response headers; 'timeout': no answer in timeoutMs;
 *   kind 'error': anything else (code in `code`).
 */
export function send (origin, spec, { agent, timeoutMs = 10_000 } = {}) {
  return new Promise((resolve) => {
    const startedAt = performance.now()
    const body = spec.body === undefined ? undefined : Buffer.from(spec.body)
    const headers = { ...spec.headers, ...(body === undefined ? {} : { 'content-length': String(body.length) }) }
    let settled = false
    let response
    const finish = (outcome) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ name: spec.name, startedAt, endedAt: performance.now(), latencyMs: performance.now() - startedAt, reusedSocket: request.reusedSocket === true, ...outcome })
    }
    const request = httpRequest(`${origin}${spec.path}`, { method: spec.method ?? 'GET', headers, agent }, (incoming) => {
      response = incoming
      const chunks = []
      let received = 0
      incoming.on('data', (chunk) => { chunks.push(chunk); received += chunk.length })
      const done = () => {
        const declared = incoming.headers['content-length'] === undefined ? undefined : Number(incoming.headers['content-length'])
        const complete = incoming.complete && (declared === undefined || declared === received)
        finish({ kind: 'response', status: incoming.statusCode, headers: incoming.headers, body: Buffer.concat(chunks), received, declared, complete, truncated: !complete })
      }
      incoming.on('end', done)
      incoming.on('error', done)
      incoming.on('close', done)
    })
    request.on('error', (error) => {
      if (response !== undefined) return // the response's own close/error handler accounts for it
      const code = error.code ?? error.message
      const kind = code === 'ECONNREFUSED' ? 'refused' : code === 'ECONNRESET' || code === 'EPIPE' || /socket hang up/.test(error.message) ? 'reset' : 'error'
      finish({ kind, code })
    })
    const timer = setTimeout(() => {
      finish({ kind: 'timeout', status: response?.statusCode, code: 'CLIENT_TIMEOUT' })
      request.destroy()
    }, timeoutMs)
    request.end(body)
  })
}

/** The body as the server meant it: br and gzip decoded. Throws on a corrupt body. */
export function decodedBody (outcome) {
  const encoding = outcome.headers['content-encoding']
  if (encoding === 'br') return brotliDecompressSync(outcome.body)
  if (encoding === 'gzip') return gunzipSync(outcome.body)
  return outcome.body
}

/**
 * Runs `connections` loops until `shouldStop()`; each sends `next(worker, iteration)` and hands the outcome,
 * the worker and the request sent to `onOutcome`.
 * `pauseAfterFailureMs` keeps a loop from spinning once the server is gone.
 */
export async function runWorkers ({ origin, connections, next, onOutcome, shouldStop, timeoutMs, pauseAfterFailureMs = 20 }) {
  const agent = createAgent(connections)
  const loops = Array.from({ length: connections }, async (_, worker) => {
    for (let iteration = 0; !shouldStop(); iteration++) {
      const spec = next(worker, iteration)
      const outcome = await send(origin, spec, { agent, timeoutMs })
      onOutcome(outcome, worker, spec)
      if (outcome.kind !== 'response') await new Promise((resolve) => setTimeout(resolve, pauseAfterFailureMs))
    }
  })
  await Promise.all(loops)
  agent.destroy()
}

/** p50/p90/p99/max of a list of milliseconds, rounded to 0.1 ms. */
export function latencySummary (values) {
  if (values.length === 0) return { count: 0 }
  const sorted = Float64Array.from(values).sort()
  const at = (fraction) => round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)])
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[sorted.length - 1]) }
}

const round = (value) => Math.round(value * 10) / 10
