/*
 * The ceiling: a bare node:http server that answers each benchmarked request with the status,
 * headers and body our server gave it (recorded once, compressed bytes for br), so the only
 * difference left is everything our server does per request. It reads a POST body before
 * answering (any server must); a GET is answered at once.
 *
 *   node bench/lib/throughput-ceiling.mjs <recordings.json> <port>
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'

/** What tells two benchmarked requests apart: method, URL, the negotiation and validator headers, the body. */
export function requestKey (method, url, headers, body) {
  return `${method} ${url}\n${headers['accept-encoding'] ?? ''}\n${headers['if-none-match'] ?? ''}\n${body}`
}

// Matches our server's keep-alive timeout, so the Keep-Alive header is the same bytes too.
const KEEP_ALIVE_TIMEOUT_MS = 72_000

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [file, port] = process.argv.slice(2)
  const responses = new Map(JSON.parse(readFileSync(file, 'utf8')).map((entry) => [entry.key, {
    status: entry.status,
    headers: entry.headers,
    body: Buffer.from(entry.body, 'base64')
  }]))

  const reply = (request, response, body) => {
    const entry = responses.get(requestKey(request.method, request.url, request.headers, body))
    if (entry === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(entry.status, entry.headers)
    response.end(entry.body)
  }

  const server = createServer((request, response) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      reply(request, response, '')
      return
    }
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => reply(request, response, Buffer.concat(chunks).toString('latin1')))
  })
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS
  server.listen(Number(port), '127.0.0.1')
}
