import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { stringify as toYaml } from 'yaml'
import { SHORT_CACHE_CONTROL } from './http-caching.js'

/* @see https://github.com/fastify/fastify-swagger — the OpenAPI 3.1 document is built from the route schemas, nothing is written by hand. */

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string, license: string }

export const OPENAPI_TAGS = [
  { name: 'roadmaps', description: 'The roadmaps served and their metadata.' },
  { name: 'versions', description: 'Editions of a roadmap. A concrete version is immutable; `latest` resolves to the newest.' },
  { name: 'steps', description: 'The steps of a version, as a tree or a flat list, and one step with its surroundings.' },
  { name: 'tools', description: 'The tools a version names.' },
  { name: 'resources', description: 'The books, courses, articles and other resources a version recommends.' },
  { name: 'search', description: 'Ranked full-text search within a version.' },
  { name: 'embeds', description: 'HTML embeds, diagrams and oEmbed for showing a roadmap on another site.' },
  { name: 'problems', description: 'The error types the API answers with.' },
  { name: 'health', description: 'Liveness and readiness probes.' }
]

const DESCRIPTION = `Versioned roadmap content: every edition of a roadmap, its step tree, tools and resources.

**Versions.** Every route under \`/v1/roadmaps/{slug}/versions/{version}\` accepts a version id (the edition date) or \`latest\`.
A concrete version never changes: its responses carry \`Cache-Control: public, max-age=31536000, immutable\`.
\`latest\` is cached briefly (\`max-age=60, stale-while-revalidate=600\`) and names the concrete URL in \`Content-Location\`.

**Validation.** Every 200 has a strong \`ETag\`; send it in \`If-None-Match\` to get \`304 Not Modified\`.
Responses are compressed with br or gzip when \`Accept-Encoding\` allows it.

**Pagination.** Lists take \`limit\` (20 by default, at most 100) and an opaque \`cursor\`; the body has \`nextCursor\` and \`prevCursor\`,
and the \`Link\` header carries the same pages as \`rel="next"\` and \`rel="prev"\`. Order is stable.

**Errors.** Every 4xx is \`application/problem+json\` (RFC 9457) with a stable \`code\` and, for invalid input, the parameter it concerns.
\`GET /problems\` lists every code.

**CORS.** Any origin may \`GET\` and \`HEAD\`.`

// Swagger UI loads only its own scripts and styles and calls back to this origin; its React code sets inline styles.
const DOCS_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export interface OpenApiDocuments {
  json: string
  yaml: string
  etag: string
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document serialised once the routes are known, byte for byte what openapi/ commits. */
    openapiDocuments: () => OpenApiDocuments
  }
}

export default fp(async function openapi (fastify) {
  await fastify.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roadmap API',
        version: packageJson.version,
        description: DESCRIPTION,
        license: { name: packageJson.license, identifier: packageJson.license }
      },
      servers: [{ url: '/', description: 'The server this document was fetched from.' }],
      tags: OPENAPI_TAGS
    },
    // Schemas registered with addSchema become components named by their $id, not def-0, def-1…
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => typeof json['$id'] === 'string' ? json['$id'] : `def-${index}`
    }
  })

  await fastify.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: DOCS_CONTENT_SECURITY_POLICY,
    // No validator badge: it would load an image from validator.swagger.io, which the CSP forbids.
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0, tryItOutEnabled: true, validatorUrl: null },
    theme: { title: 'Roadmap API reference' }
  })

  let documents: OpenApiDocuments | undefined
  const openapiDocuments = () => {
    if (documents === undefined) {
      const document = fastify.swagger()
      const json = `${JSON.stringify(document, null, 2)}\n`
      documents = { json, yaml: toYaml(document, { lineWidth: 0 }), etag: createHash('sha256').update(json).digest('base64url') }
    }
    return documents
  }
  fastify.decorate('openapiDocuments', openapiDocuments)

  const served = (format: 'json' | 'yaml', type: string) => async function (_request: unknown, reply: FastifyReply) {
    const current = openapiDocuments()
    if (reply.cacheAs({ contentHashes: [current.etag], immutable: false, cacheControl: SHORT_CACHE_CONTROL })) return reply
    return reply.type(type).send(current[format])
  }
  fastify.get('/openapi.json', { schema: { hide: true } }, served('json', 'application/json; charset=utf-8'))
  fastify.get('/openapi.yaml', { schema: { hide: true } }, served('yaml', 'application/yaml; charset=utf-8'))
}, { name: 'openapi', fastify: '5.x', dependencies: ['http-caching'] })
