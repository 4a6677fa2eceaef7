import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ConfigSchema } from '../../src/config.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Compiles src/ to dist/, what `node dist/server.js` (the container's CMD) runs. */
export async function buildDist (): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile('npm', ['run', 'build'], { cwd: ROOT }, (error, stdout, stderr) => {
      if (error === null) resolve()
      else reject(new Error(`npm run build failed:\n${stdout}${stderr}`))
    })
  })
}

export interface LogLine { level: number, msg: string, [key: string]: unknown }

export interface ServerProcess {
  child: ChildProcess
  port: number
  url: (path: string) => string
  /** Every JSON log line so far. */
  logs: LogLine[]
  stderr: () => string
  /** Resolves with the first log line (past or future) that matches. */
  waitForLog: (matches: (line: LogLine) => boolean, timeoutMs?: number) => Promise<LogLine>
  exited: Promise<{ code: number | null, signal: NodeJS.Signals | null }>
}

/**
 * Starts `node dist/server.js` on 127.0.0.1 and a port the system picks, with only the settings given
 * (none inherited from the test's environment), and resolves once it listens.
 */
export async function startServerProcess (settings: Record<string, string> = {}, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !(key in ConfigSchema.properties)))
  const child = spawn(process.execPath, ['dist/server.js'], {
    cwd: ROOT,
    env: { ...inherited, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...settings },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const logs: LogLine[] = []
  const waiters = new Set<{ matches: (line: LogLine) => boolean, resolve: (line: LogLine) => void }>()
  let stderr = ''
  let pending = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop()!
    for (const text of lines) {
      if (!text.startsWith('{')) continue
      const line = JSON.parse(text) as LogLine
      logs.push(line)
      for (const waiter of waiters) if (waiter.matches(line)) { waiters.delete(waiter); waiter.resolve(line) }
    }
  })
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk })
  const exited = new Promise<{ code: number | null, signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }))
  })

  function waitForLog (matches: (line: LogLine) => boolean, timeoutMs = 10_000): Promise<LogLine> {
    const seen = logs.find(matches)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const waiter = { matches, resolve: (line: LogLine) => { clearTimeout(timer); resolve(line) } }
      const timer = setTimeout(() => {
        waiters.delete(waiter)
        reject(new Error(`no matching log line within ${timeoutMs} ms; logs:\n${logs.map((line) => JSON.stringify(line)).join('\n')}\n${stderr}`))
      }, timeoutMs)
      waiters.add(waiter)
    })
  }

  const listening = await Promise.race([
    waitForLog((line) => line.msg.startsWith('Server listening at '), startTimeoutMs),
    exited.then(({ code }) => { throw new Error(`server exited with ${code} before listening:\n${stderr}`) })
  ])
  const port = Number(new URL(listening.msg.slice('Server listening at '.length)).port)
  return { child, port, url: (path) => `http://127.0.0.1:${port}${path}`, logs, stderr: () => stderr, waitForLog, exited }
}

/** Ends a server a test left running (a failed assertion), so no process outlives the test file. */
export function killIfRunning (server: ServerProcess | undefined): void {
  if (server !== undefined && server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
}
