import fastifyUnderPressure from '@fastify/under-pressure'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { buildProblem, PROBLEM_CONTENT_TYPE } from './problem-details.js'

/* @see https://github.com/fastify/under-pressure — sheds load with 503 while the event loop lags. */

export interface UnderPressureOptions {
  /** Mean event loop delay (ms) over a sampling interval above which requests are turned away. */
  maxEventLoopDelayMs: number
  /** Route patterns always answered, even under pressure. */
  exempt: readonly string[]
}

/* under-pressure's default: the event loop delay is averaged over a second. */
const SAMPLE_INTERVAL_MS = 1000
/* Long enough for the next samples to see the event loop recover. */
const RETRY_AFTER_SECONDS = 10

export default fp<UnderPressureOptions>(async function underPressure (fastify, options) {
  const exempt = new Set(options.exempt)
  /*
   * Booting (loading content, compiling schemas) blocks the event loop for seconds, and the samples taken
   * meanwhile would shed the first requests after start. Pressure counts from two samples after ready,
   * when the average covers served traffic only.
   */
  let measuringSince = Infinity
  fastify.addHook('onReady', async () => { measuringSince = performance.now() + 2 * SAMPLE_INTERVAL_MS })

  /*
   * Called only while under pressure. Returning the problem lets under-pressure send it without going
   * through the error handler, which would log every shed request as a 5xx while the server is overloaded.
   */
  function shed (request: FastifyRequest, reply: FastifyReply) {
    // Building content (at boot or on a reload) blocks the event loop in one stretch; the samples that cover it
    // say nothing about served traffic, and shedding the requests queued behind it would only fail them late.
    const now = performance.now()
    if (now < measuringSince || now < fastify.contentSettledAt + 2 * SAMPLE_INTERVAL_MS || exempt.has(request.routeOptions.url ?? '')) return undefined
    reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).type(PROBLEM_CONTENT_TYPE)
    return buildProblem('ROADMAP_ERR_UNDER_PRESSURE', `The server is overloaded; retry in ${RETRY_AFTER_SECONDS} seconds`, request.url.slice(0, 512))
  }

  await fastify.register(fastifyUnderPressure, {
    maxEventLoopDelay: options.maxEventLoopDelayMs,
    sampleInterval: SAMPLE_INTERVAL_MS,
    retryAfter: RETRY_AFTER_SECONDS,
    // under-pressure sends whatever the handler returns (its types say void).
    pressureHandler: shed as (request: FastifyRequest, reply: FastifyReply) => void,
    // No status route: /health/live and /health/ready are the probes.
    exposeStatusRoute: false
  })
}, { name: 'under-pressure', fastify: '5.x', dependencies: ['content'] })
