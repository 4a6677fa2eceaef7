import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VersionEntry } from '../content/store.js'
import { EXPORT_FORMATS, exportFormats, exportVersion, type ExportFile, type ExportFormat } from '../content/export.js'
import { NotAcceptableError } from '../errors.js'
import { createEncodedBodyCache } from '../plugins/compression.js'
import { versionCacheTarget } from '../plugins/http-caching.js'
import { VersionParams, commonProblems, notModified, problemResponse } from './params.js'

const FormatSchema = Type.Unsafe<ExportFormat>({
  type: 'string',
  enum: EXPORT_FORMATS,
  description: '`json` (the snapshot), `md` (a Markdown checklist) or `csv` (the resources).'
})

const exportResponses = {
  200: {
    description: 'The version as a file (sent with Content-Disposition: attachment).',
    content: {
      'application/json': { schema: Type.Ref('Snapshot') },
      'text/markdown': { schema: Type.String({ description: 'The roadmap as a GitHub-flavoured Markdown checklist.' }) },
      'text/csv': { schema: Type.String({ description: 'RFC 4180 CSV with a header row: one line per resource.' }) }
    }
  },
  ...notModified,
  ...commonProblems
}

const MEDIA_TYPES = EXPORT_FORMATS.map((format) => exportFormats[format].mediaType)

const exportsRoutes: FastifyPluginAsyncTypebox = async function (fastify) {
  // Compressed once per file, like the snapshots; the JSON export is the snapshot, so it shares their bytes.
  const encodedFile = createEncodedBodyCache((file: ExportFile) => file.body)
  const encoded = (version: VersionEntry, file: ExportFile) => file.format === 'json' ? fastify.encodedSnapshot(version) : encodedFile(file)

  fastify.get('/v1/roadmaps/:slug/versions/:version/export', {
    schema: {
      operationId: 'exportVersion',
      tags: ['versions'],
      summary: 'Download a version',
      description: 'The version as a file: `format` picks JSON, Markdown or CSV; without it the `Accept` header decides (JSON when anything goes). Each format has its own ETag; a concrete version is cached for good.',
      params: VersionParams,
      querystring: Type.Object({ format: Type.Optional(FormatSchema) }, { additionalProperties: false }),
      response: {
        ...exportResponses,
        406: problemResponse('No format in Accept can be produced (application/problem+json).', {
          type: '/problems/not-acceptable',
          title: 'Not acceptable',
          status: 406,
          detail: 'This route can produce application/json, text/markdown, text/csv',
          instance: '/v1/roadmaps/mlops/versions/2024-01-12/export',
          code: 'ROADMAP_ERR_NOT_ACCEPTABLE'
        })
      }
    }
  }, async function (request, reply) {
    reply.header('vary', 'accept')
    const format = request.query.format ?? negotiate(request)
    return sendExport(reply, request.params, format)
  })

  fastify.get('/v1/roadmaps/:slug/versions/:version/export.:format', {
    schema: {
      operationId: 'exportVersionAs',
      tags: ['versions'],
      summary: 'Download a version in a named format',
      description: 'Like `exportVersion`, with the format as the file suffix: `export.json`, `export.md` or `export.csv`.',
      params: Type.Object({ ...VersionParams.properties, format: FormatSchema }),
      response: exportResponses
    }
  }, async function (request, reply) {
    return sendExport(reply, request.params, request.params.format)
  })

  async function sendExport (reply: FastifyReply, params: { slug: string, version: string }, format: ExportFormat) {
    const store = fastify.contentStore
    const version = store.getVersion(params.slug, params.version)
    if (reply.cacheAs({ ...versionCacheTarget(store, params.version, version, reply.request.url), variant: format })) return reply
    const file = exportVersion(version, format)
    reply.header('content-disposition', `attachment; filename="${file.filename}"`)
    return reply.sendEncoded(await encoded(version, file), file.contentType)
  }
}

function negotiate (request: FastifyRequest): ExportFormat {
  const mediaType = request.accepts().type(MEDIA_TYPES)
  if (mediaType === false) throw new NotAcceptableError(MEDIA_TYPES.join(', '))
  return EXPORT_FORMATS[MEDIA_TYPES.indexOf(mediaType as typeof MEDIA_TYPES[number])]!
}

export default exportsRoutes
