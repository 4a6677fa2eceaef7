import { promisify } from 'node:util'
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib'
import negotiate from '@fastify/accept-negotiator'
import fastifyCompress from '@fastify/compress'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { ContentStore, VersionEntry } from '../content/store.js'

/* @see https://github.com/fastify/fastify-compress — br or gzip by Accept-Encoding; full snapshots are compressed once, ahead of requests. */

export const COMPRESSION_ENCODINGS = ['br', 'gzip'] as const
export type ContentEncoding = typeof COMPRESSION_ENCODINGS[number] | 'identity'

/** One response body in every encoding the API serves. */
export interface EncodedBody {
  identity: string
  br: Buffer
  gzip: Buffer
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The version's snapshot JSON, brotli- and gzip-compressed once per content load. */
    encodedSnapshot: (version: VersionEntry) => Promise<EncodedBody>
  }
  interface FastifyReply {
    /** Sends the representation the request's Accept-Encoding asks for, with Content-Encoding and Vary. */
    sendEncoded: (body: EncodedBody, contentType: string) => FastifyReply
  }
}

// The same aliases @fastify/compress applies, so a precompressed body and a compressed-on-the-fly one are chosen alike.
const GZIP_ALIASES = /\*|x-gzip/gu

/** The encoding @fastify/compress would pick for this request; part of every ETag, since each encoding has its own bytes. */
export function negotiateEncoding (request: FastifyRequest): ContentEncoding {
  const header = request.headers['accept-encoding']
  if (header === undefined || request.headers['x-no-compression'] !== undefined) return 'identity'
  const chosen = negotiate(header.toLowerCase().replace(GZIP_ALIASES, 'gzip'), [...COMPRESSION_ENCODINGS])
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity'
}

export function varyOnAcceptEncoding (reply: FastifyReply): void {
  const vary = reply.getHeader('vary')
  const values = vary === undefined ? [] : String(vary).split(',').map((value) => value.trim()).filter(Boolean)
  if (!values.some((value) => value.toLowerCase() === 'accept-encoding')) reply.header('vary', [...values, 'accept-encoding'].join(', '))
}

const brotli = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

export async function encodeBody (text: string): Promise<EncodedBody> {
  const bytes = Buffer.from(text, 'utf8')
  // Done once per body, so the slowest, smallest settings are worth it.
  const [br, gzipped] = await Promise.all([
    brotli(bytes, {
      params: {
        [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
        [zlibConstants.BROTLI_PARAM_QUALITY]: zlibConstants.BROTLI_MAX_QUALITY,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length
      }
    }),
    gzipAsync(bytes, { level: zlibConstants.Z_BEST_COMPRESSION })
  ])
  return { identity: text, br, gzip: gzipped }
}

/**
 * Encodes the body of each key once and remembers it for as long as the key lives: a WeakMap lets the bodies
 * of a replaced store go with it; a promise lets a request that arrives mid-compression wait for it.
 */
export function createEncodedBodyCache<K extends object> (bodyOf: (key: K) => string): (key: K) => Promise<EncodedBody> {
  const bodies = new WeakMap<K, Promise<EncodedBody>>()
  return (key) => {
    let body = bodies.get(key)
    if (body === undefined) {
      body = encodeBody(bodyOf(key))
      bodies.set(key, body)
    }
    return body
  }
}

function sendEncoded (this: FastifyReply, body: EncodedBody, contentType: string): FastifyReply {
  const encoding = negotiateEncoding(this.request)
  varyOnAcceptEncoding(this)
  this.type(contentType)
  if (encoding === 'identity') return this.send(body.identity)
  // A Content-Encoding already set makes @fastify/compress leave the payload alone.
  return this.header('content-encoding', encoding).send(body[encoding])
}

export default fp(async function compression (fastify) {
  await fastify.register(fastifyCompress, {
    global: true,
    encodings: [...COMPRESSION_ENCODINGS],
    // Compressing a few hundred bytes costs more than it saves.
    threshold: 1024
  })

  const encodedSnapshot = createEncodedBodyCache((version: VersionEntry) => version.snapshotJson)
  /*
   * In the background, one snapshot at a time, latest editions first: at boot this would hold readiness for
   * seconds with large content (brotli at its best quality), and a snapshot asked for before its turn is
   * compressed on that request anyway. zlib works on libuv's thread pool, so the event loop stays free.
   */
  const precompress = async (store: ContentStore) => {
    const latestFirst = store.roadmaps.flatMap((roadmap) => [...roadmap.versions].reverse())
    for (const version of latestFirst) await encodedSnapshot(version)
  }
  const precompressInBackground = (store: ContentStore) => {
    precompress(store).catch((err: unknown) => fastify.log.error({ err }, 'snapshot precompression failed'))
  }

  fastify.decorate('encodedSnapshot', encodedSnapshot)
  fastify.decorateReply('sendEncoded', sendEncoded)
  fastify.addHook('onReady', async () => { precompressInBackground(fastify.contentStore) })
  fastify.onContentReload(precompressInBackground)
}, { name: 'compression', fastify: '5.x', dependencies: ['content'] })
