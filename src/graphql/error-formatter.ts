import type { FastifyError } from 'fastify'
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql'
import type { MercuriusContext } from 'mercurius'
import { isProblemCode, problemCatalog, type ProblemCode } from '../errors.js'
import { problemFromError } from '../plugins/problem-details.js'
import type { GraphQLContext } from './context.js'

/*
 * Every GraphQL error leaves with `extensions.code` from the one vocabulary in
 * src/errors.ts, the same string REST puts in a problem's `code`. Messages of
 * 4xx errors are kept; anything unexpected becomes ROADMAP_ERR_INTERNAL with a
 * generic message, logged with its cause, like the REST error handler does.
 */

/* Errors mercurius raises itself, by their @fastify/error code. */
const MERCURIUS_CODES: Partial<Record<string, ProblemCode>> = {
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: 'ROADMAP_ERR_PERSISTED_QUERY_NOT_FOUND',
  MER_ERR_GQL_PERSISTED_QUERY_NOT_SUPPORTED: 'ROADMAP_ERR_BAD_REQUEST',
  MER_ERR_GQL_PERSISTED_QUERY_MISMATCH: 'ROADMAP_ERR_BAD_REQUEST',
  MER_ERR_METHOD_NOT_ALLOWED: 'ROADMAP_ERR_METHOD_NOT_ALLOWED',
  MER_ERR_GQL_CSRF_PREVENTION: 'ROADMAP_ERR_BAD_REQUEST',
  // A `variables` or `extensions` query parameter that is not JSON.
  MER_ERR_GQL_VALIDATION: 'ROADMAP_ERR_BAD_REQUEST'
}

/* graphql-js parse() with `maxTokens` (sic: "more that"). */
const TOO_MANY_TOKENS = /^Syntax Error: Document contains more that (\d+) tokens/

const INTERNAL_MESSAGE = 'The server could not answer this request. It has been logged.'

interface CodedError {
  formatted: GraphQLFormattedError
  status: number
  /** Set for an unexpected error, to be logged with its stack. */
  cause?: unknown
}

export function formatGraphQLErrors (
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: MercuriusContext
): { statusCode: number, response: ExecutionResult } {
  const log = context.reply?.log ?? context.app.log
  ;(context as Partial<GraphQLContext>).reads?.fail()
  const coded = execution.errors.flatMap(unwrap).map(toCodedError)
  for (const { formatted, cause } of coded) {
    if (cause === undefined) log.info({ code: formatted.extensions?.['code'] }, 'graphql error')
    else log.error({ err: cause }, 'graphql request failed')
  }
  const errors = coded.map(({ formatted }) => formatted) as unknown as ExecutionResult['errors']
  // No data means the request never ran: answer with the status REST would give. Field errors keep 200.
  if (execution.data === undefined) return { statusCode: coded[0]?.status ?? 400, response: { errors } }
  return { statusCode: 200, response: { data: execution.data, errors } }
}

/*
 * Mercurius wraps parse and validation errors in one MER_ERR_GQL_VALIDATION error carrying them in `errors`.
 * It wraps plain Errors too (a mutation over GET: MER_ERR_METHOD_NOT_ALLOWED); one without a code of its own takes the wrapper's.
 */
function unwrap (error: GraphQLError): Array<GraphQLError | Error> {
  const wrapper = error.originalError as (Error & { errors?: unknown, code?: unknown, statusCode?: unknown }) | undefined
  const inner = wrapper?.errors
  if (!Array.isArray(inner) || inner.length === 0) return [error]
  return (inner as Array<GraphQLError | Error & { code?: unknown }>).map((item) => item instanceof GraphQLError || item.code !== undefined
    ? item
    : Object.assign(new Error(item.message), { code: wrapper!.code, statusCode: wrapper!.statusCode }))
}

function toCodedError (error: GraphQLError | Error): CodedError {
  const graphqlError = error instanceof GraphQLError ? error : undefined
  const cause = graphqlError === undefined ? error : rootCause(graphqlError)
  const where = {
    ...(graphqlError?.locations === undefined ? {} : { locations: graphqlError.locations }),
    ...(graphqlError?.path === undefined ? {} : { path: graphqlError.path })
  }
  if (cause === undefined) {
    // Parsing, validation and variable coercion: graphql-js errors without a cause, told apart by their wording.
    const tokens = TOO_MANY_TOKENS.exec(error.message)
    if (tokens !== null) return coded('ROADMAP_ERR_QUERY_TOO_LARGE', `The query has more than ${tokens[1]} tokens; the limit is ${tokens[1]}`, where)
    const code: ProblemCode = error.message.startsWith('Variable "$') ? 'ROADMAP_ERR_INVALID_PARAMETER' : 'ROADMAP_ERR_INVALID_QUERY'
    return coded(code, error.message, where)
  }
  const causeCode = (cause as { code?: unknown }).code
  const mercuriusCode = typeof causeCode === 'string' ? MERCURIUS_CODES[causeCode] : undefined
  if (mercuriusCode !== undefined) return coded(mercuriusCode, cause.message, where)
  const problem = problemFromError(cause as FastifyError, '')
  if (problem.status >= 500) return { ...coded('ROADMAP_ERR_INTERNAL', INTERNAL_MESSAGE, where), cause }
  return coded(isProblemCode(problem.code) ? problem.code : 'ROADMAP_ERR_BAD_REQUEST', problem.detail, where, problem.status)
}

/** The error a resolver or plugin threw, under graphql-js' wrapping; undefined when graphql-js raised it itself. */
function rootCause (error: GraphQLError): Error | undefined {
  let cause = error.originalError ?? undefined
  while (cause instanceof GraphQLError) cause = cause.originalError ?? undefined
  return cause
}

function coded (code: ProblemCode, message: string, where: Pick<GraphQLFormattedError, 'locations' | 'path'>, status: number = problemCatalog[code].status): CodedError {
  return { formatted: { message, ...where, extensions: { code } }, status }
}
