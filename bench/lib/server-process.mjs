/*
 * The real server (node dist/server.js) as a child process on a free loopback port,
 * with what a harness needs around it: readiness, its log lines, memory, and its exit.
 */
import { spawn } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const root = join(import.meta.dirname, '..', '..')

/** A port the kernel just handed out on 127.0.0.1 (released before returning, as bench/run.mjs does). */
export function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => resolve(port)) })
    probe.on('error', reject)
  })
}

/** A private copy of content/ the harness may edit; `remove()` deletes it. */
export function copyContent (source = join(root, 'content')) {
  const dir = mkdtempSync(join(tmpdir(), 'soak-content-'))
  cpSync(source, dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * Starts dist/server.js with `env` on top of the parent's environment and waits for /health/ready.
 * The child's stdout and stderr (pino JSON lines and any crash) are kept in `log` and can be watched with `waitForLog`.
 */
export async function startServer (env = {}) {
  const port = await freePort()
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const log = []
  const watchers = new Set()
  const onLine = (stream) => (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      const entry = { at: Date.now(), stream, line }
      log.push(entry)
      for (const watcher of watchers) watcher(entry)
    }
  }
  child.stdout.on('data', onLine('stdout'))
  child.stderr.on('data', onLine('stderr'))
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() }))
  })
  const server = {
    child,
    pid: child.pid,
    port,
    origin: `http://127.0.0.1:${port}`,
    log,
    exited,
    exit: undefined,
    /** Resolves with the first log entry (from now on) whose line matches, or undefined after timeoutMs. */
    waitForLog (pattern, timeoutMs) {
      return new Promise((resolve) => {
        const watcher = (entry) => { if (pattern.test(entry.line)) finish(entry) }
        // Unreferenced: a watch nobody waits for any more must not keep the harness running.
        const timer = setTimeout(() => finish(undefined), timeoutMs).unref()
        function finish (entry) { clearTimeout(timer); watchers.delete(watcher); resolve(entry) }
        watchers.add(watcher)
      })
    },
    /** Stops the child if it still runs (SIGTERM, then SIGKILL after killAfterMs) and waits for it. */
    async stop (killAfterMs = 15_000) {
      if (server.exit === undefined) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        await exited
        clearTimeout(timer)
      }
      return exited
    }
  }
  void exited.then((exit) => { server.exit = exit })
  const ready = await Promise.race([waitForOk(`${server.origin}/health/ready`, 30_000), exited.then(() => false)])
  if (ready !== true) {
    await server.stop()
    const output = log.map((entry) => entry.line).join('\n')
    throw new Error(`the server did not become ready (exit ${JSON.stringify(server.exit)}):\n${output.slice(-4000)}`)
  }
  return server
}

async function waitForOk (url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try { if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return true } catch {}
    await sleep(100)
  }
  return false
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** A sleep that does not keep the process alive: for the losing side of a race. */
export const deadline = (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref())

/** Resident set size of a process in bytes, from /proc (Linux); undefined elsewhere or once it has exited. */
export function rssBytes (pid) {
  try {
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kib === undefined ? undefined : Number(kib) * 1024
  } catch {
    return undefined
  }
}

/** Values of prom-client default metrics from the server's /metrics, or undefined when it has none. */
export async function processMetrics (origin, names) {
  try {
    const response = await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5000) })
    if (!response.ok) return undefined
    const text = await response.text()
    return Object.fromEntries(names.map((name) => {
      const value = new RegExp(`^${name}(?:\\{[^}]*\\})?\\s+([0-9.e+]+)`, 'm').exec(text)?.[1]
      return [name, value === undefined ? undefined : Number(value)]
    }))
  } catch {
    return undefined
  }
}

/** RSS from /proc and, when the server has /metrics, used heap and external (Buffer) memory, taken together. */
export async function memorySample (server) {
  const metrics = await processMetrics(server.origin, ['nodejs_heap_size_used_bytes', 'nodejs_external_memory_bytes'])
  return { at: Date.now(), rssBytes: rssBytes(server.pid), heapUsedBytes: metrics?.nodejs_heap_size_used_bytes, externalBytes: metrics?.nodejs_external_memory_bytes }
}
