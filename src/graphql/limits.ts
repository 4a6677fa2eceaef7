import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import type { FastifyRequest } from 'fastify'
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  getDirectiveValues,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type GraphQLCompositeType,
  type GraphQLField,
  type FieldNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule
} from 'graphql'
import type { GraphQLLimits } from '../config.js'
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../content/pagination.js'
import {
  InvalidParameterError,
  QueryTooComplexError,
  QueryTooDeepError,
  QueryTooLargeError,
  TooManyAliasesError,
  TooManyOperationsError
} from '../errors.js'

/*
 * Protection limits. The cheap ones (operation count, query bytes) run before parsing;
 * the rest are validation rules, so they run once per distinct query text and
 * mercurius caches a refusal like any other validation error. Nothing here executes a resolver.
 */

/**
 * Route preHandler: counts batched operations, measures query text and checks its form before anything is parsed.
 * `queryFromHash` finds the text of a persisted query, for a GET that sends only its hash.
 */
export function checkRequestSize (limits: GraphQLLimits, queryFromHash?: (sha256Hash: string) => Promise<string | undefined>) {
  // GET is the cacheable path and repeats the same few operations: each is parsed to check it once.
  const checkedGetOperations = new Set<string>()
  return async function (request: FastifyRequest) {
    const payload = request.method === 'POST' ? request.body : request.query
    const operations: unknown[] = Array.isArray(payload) ? payload : [payload]
    if (operations.length > limits.maxOperations) throw new TooManyOperationsError(operations.length, limits.maxOperations)
    for (const operation of operations) {
      const query = (operation as { query?: unknown } | null)?.query
      const bytes = typeof query === 'string' ? Buffer.byteLength(query, 'utf8') : 0
      if (bytes > limits.maxQueryBytes) throw new QueryTooLargeError(bytes, limits.maxQueryBytes)
      if (typeof query === 'string') refuseJsonDocument(query)
    }
    if (request.method === 'GET') {
      const { query, variables, operationName, extensions } = (payload ?? {}) as Record<string, unknown>
      checkVariablesText(variables)
      const text = typeof query === 'string' ? query : await persistedQueryText(extensions, queryFromHash)
      const key = `${String(operationName)}\u0000${text}`
      if (text !== undefined && !checkedGetOperations.has(key)) {
        checkGetOperation(text, operationName, limits.maxTokens)
        if (checkedGetOperations.size >= CHECKED_GET_OPERATIONS) checkedGetOperations.clear()
        checkedGetOperations.add(key)
      }
    }
  }
}

const CHECKED_GET_OPERATIONS = 1024

/*
 * Mercurius picks the operation of a GET itself and fails with a TypeError (a 500) when there is none
 * to pick: an unknown operationName, several operations and no name, or only fragments. POST gets
 * graphql-js' error for these; GET gets the same error here.
 */
function checkGetOperation (query: string, operationName: unknown, maxTokens: number) {
  let document
  try {
    document = parse(query, { maxTokens })
  } catch {
    // Mercurius answers a syntax error itself.
    return
  }
  const name = typeof operationName === 'string' && operationName !== '' ? operationName : undefined
  if (getOperationAST(document, name) !== null) return
  if (name !== undefined) throw new GraphQLError(`Unknown operation named "${name}".`)
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length
  throw new GraphQLError(operations === 0 ? 'Must provide an operation.' : 'Must provide operation name if query contains multiple operations.')
}

async function persistedQueryText (extensions: unknown, queryFromHash: ((sha256Hash: string) => Promise<string | undefined>) | undefined) {
  if (typeof extensions !== 'string' || queryFromHash === undefined) return undefined
  let hash: unknown
  try {
    hash = (JSON.parse(extensions) as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash
  } catch {
    return undefined
  }
  return typeof hash === 'string' ? await queryFromHash(hash) : undefined
}

/*
 * Mercurius reads a query text that is not GraphQL as a JSON syntax tree, and graphql-js
 * validation crashes on anything but a well-formed one (`{"query": "5"}` was a 500). This API
 * takes GraphQL text only: JSON (which never parses as GraphQL) gets its GraphQL syntax error.
 */
function refuseJsonDocument (query: string) {
  if (!/^\s*[[{"\d-]|^\s*(true|false|null)\s*$/.test(query)) return
  try {
    JSON.parse(query)
  } catch {
    return
  }
  parse(query, { maxTokens: 64 })
}

/* GET carries variables as JSON text; mercurius hands any JSON value on to graphql-js, which asserts on a non-object (a 500). */
function checkVariablesText (variables: unknown) {
  if (typeof variables !== 'string' || variables === '') return
  let value: unknown
  try {
    value = JSON.parse(variables)
  } catch {
    // Mercurius answers text that is not JSON itself.
    return
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new InvalidParameterError('variables', 'must be a JSON object')
}

/** A coded error for validation to report, so the error formatter gives it the same code as REST would. */
function limitError (error: Error & { code: string }): GraphQLError {
  return new GraphQLError(error.message, { originalError: error })
}

/* graphql-armor rules throw "Syntax Error: …" by default; report a coded error instead and keep validating. */
const armorMessage = (error: GraphQLError) => error.message.replace(/^Syntax Error: /, '')

export function limitRules (limits: GraphQLLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [(context, error) => context?.reportError(limitError(new QueryTooDeepError(armorMessage(error))))]
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [(context, error) => context?.reportError(limitError(new TooManyAliasesError(armorMessage(error))))]
    }),
    operationCountRule(limits.maxOperations),
    costLimitRule(limits.maxCost)
  ]
}

function operationCountRule (maxOperations: number): ValidationRule {
  return (context) => ({
    Document (document) {
      const count = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length
      if (count > maxOperations) context.reportError(limitError(new TooManyOperationsError(count, maxOperations)))
    }
  })
}

/**
 * Estimated cost: one per field, times the size of every list around it. A connection
 * counts as its `first` argument (a variable counts as the largest page, since the cost is
 * worked out once per query text, before variables are read); a plain list counts as the
 * `@listSize(assumedSize:)` its schema field declares.
 */
export function costLimitRule (maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition (operation) {
      const cost = selectionCost(context, operation.selectionSet, context.getSchema().getRootType(operation.operation) ?? undefined, new Map(), new Set())
      if (cost > maxCost) context.reportError(limitError(new QueryTooComplexError(cost, maxCost)))
    }
  })
}

function selectionCost (
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLCompositeType | undefined,
  fragmentCosts: Map<string, number>,
  fragmentsInPath: Set<string>
): number {
  const schema = context.getSchema()
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const field = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[selection.name.value] : undefined
      // __typename costs nothing; an unknown field is reported by the spec rules.
      if (field === undefined) continue
      const fieldType = getNamedType(field.type)
      const childCost = selection.selectionSet === undefined
        ? 0
        : selectionCost(context, selection.selectionSet, isCompositeType(fieldType) ? fieldType : undefined, fragmentCosts, fragmentsInPath)
      cost += 1 + listSize(context, field, selection) * childCost
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition === undefined ? parentType : schema.getType(selection.typeCondition.name.value)
      cost += selectionCost(context, selection.selectionSet, isCompositeType(type) ? type : undefined, fragmentCosts, fragmentsInPath)
    } else {
      const name = selection.name.value
      const fragment = context.getFragment(name)
      // A cycle is reported by NoFragmentCyclesRule; here it just stops the walk.
      if (fragment == null || fragmentsInPath.has(name)) continue
      // Memoised, so fragments spreading fragments many times over cost linear time to price.
      let fragmentCost = fragmentCosts.get(name)
      if (fragmentCost === undefined) {
        const type = schema.getType(fragment.typeCondition.name.value)
        fragmentCost = selectionCost(context, fragment.selectionSet, isCompositeType(type) ? type : undefined, fragmentCosts, new Set([...fragmentsInPath, name]))
        fragmentCosts.set(name, fragmentCost)
      }
      cost += fragmentCost
    }
  }
  return cost
}

function listSize (context: ValidationContext, field: GraphQLField<unknown, unknown>, node: FieldNode): number {
  if (field.args.some((argument) => argument.name === 'first')) {
    const first = node.arguments?.find((argument) => argument.name.value === 'first')?.value
    if (first === undefined || first.kind === Kind.NULL) return DEFAULT_PAGE_SIZE
    if (first.kind === Kind.INT) return Math.min(Math.max(Number(first.value), 0), MAX_PAGE_SIZE)
    return MAX_PAGE_SIZE
  }
  const directive = context.getSchema().getDirective('listSize')
  const declared = directive == null || field.astNode == null ? undefined : getDirectiveValues(directive, field.astNode)
  return typeof declared?.['assumedSize'] === 'number' ? declared['assumedSize'] : 1
}
