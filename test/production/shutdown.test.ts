import { connect, type Socket } from 'node:net'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildDist, killIfRunning, startServerProcess, type ServerProcess } from './server-process.js'

const QUERY = JSON.stringify({ query: '{ roadmap(slug: "mlops") { title latestVersion } }' })
const ANSWER = { data: { roadmap: { title: 'MLOps roadmap 2024', latestVersion: '2024-01-12' } } }

interface RawResponse { status: number, headers: Record<string, string>, body: string }

/** A raw connection, so the test decides when each byte of a request goes out and sees when the server closes it. */
function openConnection (port: number): Promise<{ socket: Socket, received: () => string, closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let data = ''
    socket.setEncoding('utf8').on('data', (chunk: string) => { data += chunk })
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()))
    socket.once('connect', () => resolve({ socket, received: () => data, closed }))
    socket.once('error', reject)
  })
}

function parseResponse (text: string): RawResponse {
  const [head, ...rest] = text.split('\r\n\r\n')
  const [statusLine, ...lines] = head!.split('\r\n')
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
  return { status: Number(statusLine!.split(' ')[1]), headers, body: rest.join('\r\n\r\n') }
}

const postHead = (length: number) => `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function readinessAfterShutdownStarted (server: ServerProcess): Promise<number | string> {
  try {
    return (await fetch(server.url('/health/ready'))).status
  } catch (error) {
    return ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code ?? String(error)
  }
}

describe('shutdown of node dist/server.js', () => {
  let server: ServerProcess | undefined
  beforeAll(buildDist, 180_000)
  afterEach(() => killIfRunning(server))

  it('on SIGTERM: stops taking traffic, finishes the request in flight, closes keep-alive connections, exits 0 within the grace period', async () => {
    const graceMs = 5000
    server = await startServerProcess({ SHUTDOWN_GRACE_MS: String(graceMs) })

    // An idle keep-alive connection: one request answered, the connection left open.
    const idle = await openConnection(server.port)
    idle.socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
    while (!idle.received().includes('{"status":"ok"}')) await sleep(10)
    expect(parseResponse(idle.received()).headers.connection).toBe('keep-alive')

    // A request in flight: its headers are sent and the server has started it, but its body is still uploading.
    const slow = await openConnection(server.port)
    const body = Buffer.from(QUERY)
    slow.socket.write(postHead(body.length))
    slow.socket.write(body.subarray(0, 10))
    await server.waitForLog((line) => line.msg === 'incoming request' && (line['req'] as { url: string }).url === '/graphql')

    const signalled = performance.now()
    server.child.kill('SIGTERM')
    await server.waitForLog((line) => line.msg === 'shutting down')
    expect([503, 'ECONNREFUSED']).toContain(await readinessAfterShutdownStarted(server))
    await idle.closed

    // The rest of the body trickles in over about a second; the server is still waiting for it.
    for (let offset = 10; offset < body.length; offset += Math.ceil((body.length - 10) / 10)) {
      await sleep(100)
      expect(server.child.exitCode).toBe(null)
      slow.socket.write(body.subarray(offset, offset + Math.ceil((body.length - 10) / 10)))
    }
    await slow.closed
    const answer = parseResponse(slow.received())
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    // The response tells the client not to reuse the connection, and the server closes it after the response.
    expect(answer.headers.connection).toBe('close')
    expect(JSON.parse(answer.body)).toEqual(ANSWER)

    expect(await server.exited).toEqual({ code: 0, signal: null })
    const shutdownMs = performance.now() - signalled
    console.info(`SIGTERM to exit, with a request uploading for ~1 s: ${shutdownMs.toFixed(0)} ms`)
    expect(shutdownMs).toBeLessThan(graceMs)
    expect(await server.waitForLog((line) => line.msg === 'server closed')).toMatchObject({ durationMs: expect.any(Number) })
    expect(server.stderr()).toBe('')
  }, 120_000)

  it('on SIGINT with nothing in flight: exits 0 at once', async () => {
    server = await startServerProcess()
    expect((await fetch(server.url('/health/ready'))).status).toBe(200)
    const signalled = performance.now()
    server.child.kill('SIGINT')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    const shutdownMs = performance.now() - signalled
    console.info(`SIGINT to exit, idle server: ${shutdownMs.toFixed(0)} ms`)
    expect(shutdownMs).toBeLessThan(2000)
  }, 120_000)

  it('enforces SHUTDOWN_GRACE_MS: a request whose body never ends does not hold the process; it exits 1 and says why', async () => {
    const graceMs = 500
    server = await startServerProcess({ SHUTDOWN_GRACE_MS: String(graceMs) })
    const stuck = await openConnection(server.port)
    stuck.socket.write(postHead(QUERY.length))
    stuck.socket.write(QUERY.slice(0, 10))
    await server.waitForLog((line) => line.msg === 'incoming request' && (line['req'] as { url: string }).url === '/graphql')

    const signalled = performance.now()
    server.child.kill('SIGTERM')
    // close-with-grace exits with 1 when the grace period runs out: the shutdown was not clean, and the logs say so.
    expect(await server.exited).toEqual({ code: 1, signal: null })
    const shutdownMs = performance.now() - signalled
    console.info(`SIGTERM to exit with a stuck request, SHUTDOWN_GRACE_MS=${graceMs}: ${shutdownMs.toFixed(0)} ms`)
    expect(shutdownMs).toBeGreaterThanOrEqual(graceMs)
    expect(shutdownMs).toBeLessThan(graceMs + 3000)
    expect(await server.waitForLog((line) => line.msg === 'requests still open after the shutdown grace period, exiting anyway')).toMatchObject({ level: 50, graceMs })
    await stuck.closed
    // The stuck client got no answer: its connection ended with the process.
    expect(stuck.received()).toBe('')
  }, 120_000)
})
