import { Type, type IntegerOptions, type TSchema } from '@sinclair/typebox'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../content/pagination.js'
import { SLUG_PATTERN, VERSION_REF_PATTERN } from '../domain/content.js'

/** A step, tool or resource id (or a roadmap slug) in a path or query parameter. */
export const idParameter = (description: string, example: string) =>
  Type.String({ pattern: SLUG_PATTERN, maxLength: 100, description, examples: [example] })

export const RoadmapParams = Type.Object({
  slug: idParameter('The roadmap slug.', 'mlops')
})

export const VersionParams = Type.Object({
  ...RoadmapParams.properties,
  version: Type.String({ pattern: VERSION_REF_PATTERN, description: 'A version id (the edition date) or `latest`.', examples: ['2024-01-12', 'latest'] })
})

const itemId = (kind: string, example: string) => idParameter(`The ${kind} id, stable across versions.`, example)

export const StepParams = Type.Object({ ...VersionParams.properties, stepId: itemId('step', 'experiment-tracking-and-model-registries') })
export const ToolParams = Type.Object({ ...VersionParams.properties, toolId: itemId('tool', 'mlflow') })
export const ResourceParams = Type.Object({ ...VersionParams.properties, resourceId: itemId('resource', 'designing-machine-learning-systems') })

/**
 * An integer query parameter. Ajv coerces the strings "Infinity" and "1e999" to an infinite number
 * and then skips minimum and maximum for it (ajv#2212, fastify#6718); the `allOf` checks the coerced value again.
 */
export const integerParameter = (options: IntegerOptions & { minimum: number, maximum: number }) =>
  Type.Integer({ ...options, allOf: [{ type: 'integer' }] })

/** Query parameters of every paginated list. */
export const PageQuery = {
  limit: Type.Optional(integerParameter({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `Items per page: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
    examples: [DEFAULT_PAGE_SIZE]
  })),
  cursor: Type.Optional(Type.String({
    minLength: 1,
    maxLength: 512,
    description: 'Where the page starts: a `nextCursor` or `prevCursor` from an earlier page (also in the `Link` header). Omit it for the first page.',
    examples: ['YTpkb2NrZXI']
  }))
}

export const ProblemRef = Type.Ref('Problem')

const header = (description: string, example: string) => Type.String({ description, examples: [example] })

const cacheHeaders = {
  ETag: header('Strong validator of this representation; send it back in `If-None-Match` to get a 304.', '"k2pVbq6Ffm0vB0uQh3u3a8lUq5Zkq7lU8nRWmTtFhE4"'),
  'Cache-Control': header('`public, max-age=31536000, immutable` for a concrete version; a short max-age with stale-while-revalidate for `latest` and for lists.', 'public, max-age=31536000, immutable'),
  Vary: header('Responses differ by the negotiated content coding.', 'accept-encoding')
}

const versionHeaders = {
  ...cacheHeaders,
  'Content-Location': header('Only when the URL says `latest`: the same resource at its concrete-version URL.', '/v1/roadmaps/mlops/versions/2024-01-12')
}

const pageHeaders = {
  ...versionHeaders,
  Link: header('RFC 8288 links to the neighbouring pages: `rel="next"` and `rel="prev"`, each present when that page exists.', '</v1/roadmaps/mlops/versions/latest/tools?cursor=YTpkb2NrZXI>; rel="next"')
}

/** A 200 whose body comes from one version: documents the caching headers it carries. */
export function versionResponse<T extends TSchema> (schema: T, description: string) {
  return { ...schema, description, headers: versionHeaders }
}

/** A 200 page of a list: the items, the total, the cursors and the Link header. */
export function pageResponse (item: TSchema, description: string) {
  return {
    ...Type.Object({
      items: Type.Array(item, { description: 'This page, in the list\'s stable order.' }),
      totalCount: Type.Integer({ minimum: 0, description: 'How many items match, over all pages.' }),
      nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the next page; null on the last page.' }),
      prevCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as `cursor` for the previous page; null on the first page.' })
    }, { additionalProperties: false }),
    description,
    headers: pageHeaders
  }
}

/** A 200 not tied to one version (lists of roadmaps and versions): it changes only when content is reloaded. */
export function catalogResponse<T extends TSchema> (schema: T, description: string) {
  return { ...schema, description, headers: cacheHeaders }
}

/** A problem+json response for the OpenAPI document, with one example. */
export const problemResponse = (description: string, example: Record<string, unknown>) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemRef, examples: { [String(example['code'])]: { value: example } } } }
})

export const notModified = {
  304: {
    type: 'null',
    description: 'Not Modified: the `If-None-Match` validator still matches. No body; the caching headers are repeated.',
    headers: versionHeaders
  }
} as const

/** The error responses every route under /v1 can give. */
export const commonProblems = {
  400: problemResponse('A parameter is invalid: the problem names it (application/problem+json).', {
    type: '/problems/invalid-parameter',
    title: 'Invalid parameter',
    status: 400,
    detail: 'query parameter "limit" must be <= 100',
    instance: '/v1/roadmaps/mlops/versions/latest/tools?limit=500',
    code: 'ROADMAP_ERR_INVALID_PARAMETER',
    invalidParams: [{ in: 'query', name: 'limit', reason: 'must be <= 100' }]
  }),
  404: problemResponse('The roadmap, version or item does not exist: the problem names the id (application/problem+json).', {
    type: '/problems/version-not-found',
    title: 'Version not found',
    status: 404,
    detail: 'Roadmap "mlops" has no version "2020-01-01"',
    instance: '/v1/roadmaps/mlops/versions/2020-01-01',
    code: 'ROADMAP_ERR_VERSION_NOT_FOUND'
  })
}
