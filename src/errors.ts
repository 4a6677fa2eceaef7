import createError from '@fastify/error'

/*
 * One vocabulary of error codes for REST (problem+json `code`) and GraphQL
 * (`extensions.code`). Each code has a problem type page at /problems/{slug}.
 */
export const problemCatalog = {
  ROADMAP_ERR_ROADMAP_NOT_FOUND: { status: 404, title: 'Roadmap not found', description: 'No roadmap has this slug. GET /v1/roadmaps lists the roadmaps served.' },
  ROADMAP_ERR_VERSION_NOT_FOUND: { status: 404, title: 'Version not found', description: 'The roadmap has no version with this id. Version ids are edition dates (YYYY-MM-DD) or `latest`.' },
  ROADMAP_ERR_STEP_NOT_FOUND: { status: 404, title: 'Step not found', description: 'The version has no step with this id.' },
  ROADMAP_ERR_TOOL_NOT_FOUND: { status: 404, title: 'Tool not found', description: 'The version has no tool with this id.' },
  ROADMAP_ERR_RESOURCE_NOT_FOUND: { status: 404, title: 'Resource not found', description: 'The version has no resource with this id.' },
  ROADMAP_ERR_NOT_EMBEDDABLE: { status: 404, title: 'Not an embeddable URL', description: 'The oEmbed `url` is not an embed page this server serves: /embed/{slug}/{version}, optionally with `step` and `theme`.' },
  ROADMAP_ERR_FORMAT_NOT_IMPLEMENTED: { status: 501, title: 'Format not implemented', description: 'The oEmbed provider answers in JSON only; ask with `format=json` or leave `format` out.' },
  ROADMAP_ERR_ROUTE_NOT_FOUND: { status: 404, title: 'Route not found', description: 'No route matches this method and path. See /openapi.json for the routes served.' },
  ROADMAP_ERR_INVALID_PARAMETER: { status: 400, title: 'Invalid parameter', description: 'A path, query or body parameter is missing or has a value outside what the route accepts.' },
  ROADMAP_ERR_INVALID_CURSOR: { status: 400, title: 'Invalid cursor', description: 'The pagination cursor was not issued for this list. Start again without a cursor.' },
  ROADMAP_ERR_INVALID_QUERY: { status: 400, title: 'Invalid GraphQL query', description: 'The GraphQL document does not parse, or asks for a type, field or argument the schema does not have. `errors[].message` and `locations` say what and where; the schema is at schema/*.graphql.' },
  ROADMAP_ERR_QUERY_TOO_LARGE: { status: 400, title: 'GraphQL query too large', description: 'The query text is longer than GRAPHQL_MAX_QUERY_BYTES, or has more tokens than GRAPHQL_MAX_TOKENS. Ask for fewer fields, or split the query.' },
  ROADMAP_ERR_QUERY_TOO_DEEP: { status: 400, title: 'GraphQL query too deep', description: 'Fields are nested deeper than GRAPHQL_MAX_DEPTH. Fetch the deep part with a second query starting from `node(id:)`.' },
  ROADMAP_ERR_QUERY_TOO_COMPLEX: { status: 400, title: 'GraphQL query too complex', description: 'The estimated cost (one per field, times the page size of each enclosing list) is over GRAPHQL_MAX_COST. Ask for smaller pages (`first`) or fewer nested lists.' },
  ROADMAP_ERR_TOO_MANY_ALIASES: { status: 400, title: 'Too many GraphQL aliases', description: 'The operation uses more aliases than GRAPHQL_MAX_ALIASES.' },
  ROADMAP_ERR_TOO_MANY_OPERATIONS: { status: 400, title: 'Too many GraphQL operations', description: 'The request carries more operations than GRAPHQL_MAX_OPERATIONS, counting the entries of a batch and the operations of one document.' },
  ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND: { status: 400, title: 'Persisted query not found', description: 'The server does not know this query hash (message `PersistedQueryNotFound`, as Apollo clients expect). Send the request again with the full `query` and the same `extensions.persistedQuery`.' },
  ROADMAP_ERR_BAD_REQUEST: { status: 400, title: 'Bad request', description: 'The request could not be read: a malformed URL, body or header.' },
  ROADMAP_ERR_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed', description: 'The path exists but does not accept this method. The `Allow` header lists the methods it does accept; the API is read-only except for POST /graphql.' },
  ROADMAP_ERR_NOT_ACCEPTABLE: { status: 406, title: 'Not acceptable', description: 'None of the media types in Accept can be produced by this route.' },
  ROADMAP_ERR_PAYLOAD_TOO_LARGE: { status: 413, title: 'Payload too large', description: 'The request body is larger than the server accepts.' },
  ROADMAP_ERR_URI_TOO_LONG: { status: 414, title: 'URI too long', description: 'The request URI or one of its parameters is longer than the server accepts.' },
  ROADMAP_ERR_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type', description: 'The request body has a media type the route does not read.' },
  ROADMAP_ERR_RATE_LIMITED: { status: 429, title: 'Rate limited', description: 'This client IP made more requests than RATE_LIMIT_MAX within RATE_LIMIT_WINDOW. Wait the seconds given in `Retry-After`; `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` describe the window on every response it counts.' },
  ROADMAP_ERR_NOT_READY: { status: 503, title: 'Not ready', description: 'The server has not finished loading its content.' },
  ROADMAP_ERR_UNDER_PRESSURE: { status: 503, title: 'Server under pressure', description: 'The server is overloaded (its event loop lags more than MAX_EVENT_LOOP_DELAY_MS) and turns requests away until it recovers. Retry after the seconds given in `Retry-After`.' },
  ROADMAP_ERR_INTERNAL: { status: 500, title: 'Internal server error', description: 'Something failed on our side. The error is logged; retrying may help.' }
} as const satisfies Record<string, { status: number, title: string, description: string }>

export type ProblemCode = keyof typeof problemCatalog

export function problemSlug (code: ProblemCode): string {
  return code.replace(/^ROADMAP_ERR_/, '').toLowerCase().replaceAll('_', '-')
}

export function problemTypeUri (code: ProblemCode): string {
  return `/problems/${problemSlug(code)}`
}

export const RoadmapNotFoundError = createError<[string]>('ROADMAP_ERR_ROADMAP_NOT_FOUND', 'No roadmap "%s"', 404)
export const VersionNotFoundError = createError<[string, string]>('ROADMAP_ERR_VERSION_NOT_FOUND', 'Roadmap "%s" has no version "%s"', 404)
export const StepNotFoundError = createError<[string, string]>('ROADMAP_ERR_STEP_NOT_FOUND', 'Version %s has no step "%s"', 404)
export const ToolNotFoundError = createError<[string, string]>('ROADMAP_ERR_TOOL_NOT_FOUND', 'Version %s has no tool "%s"', 404)
export const ResourceNotFoundError = createError<[string, string]>('ROADMAP_ERR_RESOURCE_NOT_FOUND', 'Version %s has no resource "%s"', 404)
export const InvalidCursorError = createError<[string]>('ROADMAP_ERR_INVALID_CURSOR', 'Parameter "%s" is not a cursor issued for this list', 400)
export const InvalidParameterError = createError<[string, string]>('ROADMAP_ERR_INVALID_PARAMETER', 'Parameter "%s" %s', 400)
export const NotEmbeddableError = createError<[string]>('ROADMAP_ERR_NOT_EMBEDDABLE', 'No embed page is served at "%s"', 404)
export const QueryTooLargeError = createError<[number, number]>('ROADMAP_ERR_QUERY_TOO_LARGE', 'The query is %d bytes long; the limit is %d bytes', 400)
export const QueryTooDeepError = createError<[string]>('ROADMAP_ERR_QUERY_TOO_DEEP', '%s', 400)
export const QueryTooComplexError = createError<[number, number]>('ROADMAP_ERR_QUERY_TOO_COMPLEX', 'The query may cost %d; the limit is %d', 400)
export const TooManyAliasesError = createError<[string]>('ROADMAP_ERR_TOO_MANY_ALIASES', '%s', 400)
export const TooManyOperationsError = createError<[number, number]>('ROADMAP_ERR_TOO_MANY_OPERATIONS', 'The request carries %d operations; the limit is %d', 400)
export const NotAcceptableError = createError<[string]>('ROADMAP_ERR_NOT_ACCEPTABLE', 'This route can produce %s', 406)
export const MethodNotAllowedError = createError<[string, string, string]>('ROADMAP_ERR_METHOD_NOT_ALLOWED', '%s %s is not allowed; this path accepts %s', 405)
export const RateLimitedError = createError<[string]>('ROADMAP_ERR_RATE_LIMITED', 'Rate limit exceeded, retry in %s', 429)

export function isProblemCode (code: unknown): code is ProblemCode {
  return typeof code === 'string' && Object.hasOwn(problemCatalog, code)
}
