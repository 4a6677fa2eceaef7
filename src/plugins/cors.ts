import fastifyCors from '@fastify/cors'
import fp from 'fastify-plugin'

/* @see https://github.com/fastify/fastify-cors — public read-only data: any origin may read it. */

export default fp(async function cors (fastify) {
  await fastify.register(fastifyCors, {
    origin: '*',
    // POST only exists on /graphql; every other route answers it with 405 problem+json and Allow.
    methods: ['GET', 'HEAD', 'POST'],
    // Without these a browser script cannot read the pagination links, the validators it needs for
    // If-None-Match, or the file name of an export.
    exposedHeaders: ['ETag', 'Link', 'Content-Location', 'Content-Disposition'],
    // Preflights (e.g. for If-None-Match) are answered from the browser's cache for a day.
    maxAge: 86_400,
    // The strict check answers a malformed preflight with a text/plain 400; every OPTIONS gets the CORS headers instead.
    strictPreflight: false
  })
}, { name: 'cors', fastify: '5.x' })
