/*
 * Slow clients on raw sockets: slowloris (a request line and headers that never end, one
 * byte a second) and slow bodies (complete headers, then a body trickled one byte a second).
 * Each socket records when, and how, the server ended it.
 */
import { connect } from 'node:net'

const SLOW_BODY_LENGTH = 100_000

/**
 * Opens `headerCount` slowloris and `bodyCount` slow-body connections to port on 127.0.0.1.
 * Returns `sockets` (live records) and `stop()`, which ends the trickle and destroys those still open.
 */
export function openSlowClients ({ port, headerCount, bodyCount, intervalMs = 1000 }) {
  const sockets = []
  const open = (kind, preamble) => {
    const record = { kind, openedAt: Date.now(), connectedAt: undefined, closedAt: undefined, closedBy: undefined, bytesSent: 0, firstReply: '', error: undefined }
    const socket = connect(port, '127.0.0.1', () => {
      record.connectedAt = Date.now()
      socket.write(preamble)
      record.bytesSent += preamble.length
    })
    socket.on('data', (chunk) => { if (record.firstReply.length < 80) record.firstReply += chunk.toString('latin1').slice(0, 80 - record.firstReply.length) })
    socket.on('error', (error) => { record.error ??= error.code ?? error.message })
    socket.on('close', () => {
      record.closedAt = Date.now()
      record.closedBy ??= 'server'
    })
    sockets.push({ record, socket })
  }
  for (let index = 0; index < headerCount; index++) {
    open('headers', `GET /v1/roadmaps?slow=${index} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `)
  }
  for (let index = 0; index < bodyCount; index++) {
    open('body', `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${SLOW_BODY_LENGTH}\r\n\r\n{"query":"{ __typename }","padding":"`)
  }
  const trickle = setInterval(() => {
    for (const { record, socket } of sockets) {
      if (record.closedAt !== undefined || record.connectedAt === undefined || !socket.writable) continue
      socket.write('a')
      record.bytesSent++
    }
  }, intervalMs)
  return {
    records: sockets.map(({ record }) => record),
    openCount: () => sockets.filter(({ record }) => record.closedAt === undefined).length,
    stop () {
      clearInterval(trickle)
      for (const { record, socket } of sockets) {
        if (record.closedAt === undefined) { record.closedBy = 'client'; socket.destroy() }
      }
    }
  }
}
