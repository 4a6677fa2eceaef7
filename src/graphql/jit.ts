import { Kind, valueFromASTUntyped, type DocumentNode, type ValueNode } from 'graphql'
import type { PreExecutionHookResponse } from 'mercurius'

/*
 * Mercurius runs a query with graphql-jit from its second run, and two things graphql-jit
 * does differently from graphql-js would change answers. This preExecution hook evens them out:
 * - graphql-jit compiles the one operation it is first run with, and mercurius keeps the compiled
 *   query by query text alone, so a document with several operations would answer every operation
 *   name with the first one's answer. Handing mercurius the document as a "modified" one keeps it interpreted.
 * - graphql-jit reports a non-null variable with a default (`$version: String! = "latest"`) as not
 *   provided when it is left out, where graphql-js uses the default. The default is filled in.
 */

interface Plan {
  interpret: boolean
  /** Non-null variables with a default value, and that value. */
  defaults: Array<[name: string, value: unknown]>
}

const plans = new WeakMap<DocumentNode, Plan>()

function planFor (document: DocumentNode): Plan {
  let plan = plans.get(document)
  if (plan === undefined) {
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
    const defaults = operations.length === 1
      ? (operations[0]!.variableDefinitions ?? [])
          .filter((variable) => variable.type.kind === Kind.NON_NULL_TYPE && variable.defaultValue !== undefined)
          .map((variable): [string, unknown] => [variable.variable.name.value, valueFromASTUntyped(variable.defaultValue as ValueNode)])
      : []
    plan = { interpret: operations.length > 1, defaults }
    plans.set(document, plan)
  }
  return plan
}

export function evenOutJit (_schema: unknown, document: DocumentNode, _context: unknown, variables: Record<string, unknown> | undefined): PreExecutionHookResponse<Error> | undefined {
  const { interpret, defaults } = planFor(document)
  if (interpret) return { document }
  const missing = defaults.filter(([name]) => variables == null || !Object.hasOwn(variables, name))
  if (missing.length === 0) return undefined
  return { variables: { ...variables, ...Object.fromEntries(missing) } }
}
