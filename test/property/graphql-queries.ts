import fc from 'fast-check'
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema
} from 'graphql'
import { HOSTILE_CONSTANTS, wellFormed, type RealIds } from './support.js'

/*
 * Random GraphQL operations that are valid against the schema: fields picked from each
 * type, arguments filled from real ids and hostile strings (as literals or variables),
 * aliases, inline fragments on abstract types and, now and then, named fragments.
 * The generator reads a list of numbers as its choices, so fast-check shrinks a failing
 * query towards a smaller one by shrinking the numbers.
 */

export interface GeneratedOperation {
  query: string
  variables: Record<string, unknown>
}

export interface QueryShape {
  /** Deepest field nesting to aim for (fragments count as a level, as graphql-armor counts them). */
  maxDepth: number
}

class Choices {
  private index = 0
  constructor (private readonly values: readonly number[]) {}
  next (bound: number): number {
    const value = this.values[this.index++ % Math.max(this.values.length, 1)] ?? 0
    return bound <= 1 ? 0 : value % bound
  }

  chance (percent: number): boolean {
    return this.next(100) < percent
  }

  pick<T> (list: readonly T[]): T {
    return list[this.next(list.length)]!
  }
}

/* The shape of a GraphQL string literal: JSON's escapes are a subset of GraphQL's for well-formed text. */
const stringLiteral = (value: string) => JSON.stringify(wellFormed(value))

const toGlobalId = (text: string) => Buffer.from(text, 'utf8').toString('base64url')

export function createQueryGenerator (schema: GraphQLSchema, ids: RealIds) {
  const globalIds = [
    ...ids.slugs.map((slug) => toGlobalId(`Roadmap:${slug}`)),
    ...ids.versions.filter((version) => version !== 'latest').flatMap((version) => [
      toGlobalId(`RoadmapVersion:mlops/${version}`),
      ...ids.steps.slice(0, 5).map((step) => toGlobalId(`Step:mlops/${version}/${step}`)),
      ...ids.tools.slice(0, 5).map((tool) => toGlobalId(`Tool:mlops/${version}/${tool}`)),
      ...ids.resources.slice(0, 5).map((resource) => toGlobalId(`Resource:mlops/${version}/${resource}`))
    ]),
    toGlobalId('Step:mlops/latest/docker'), toGlobalId('Nope:mlops'), toGlobalId('Step:'), toGlobalId('Roadmap:a/b/c')
  ]

  /** A value for an argument, by the field and argument it belongs to. */
  function argumentValue (choices: Choices, field: string, argument: GraphQLArgument): unknown {
    const type = getNamedType(argument.type)
    const hostile = choices.chance(20)
    if (isEnumType(type)) return choices.pick(type.getValues()).value as string
    if (type.name === 'Int') {
      if (hostile) return choices.pick([-1, 0, 101, 1000, 2_147_483_647, -2_147_483_648, 21])
      return argument.name === 'first' ? 1 + choices.next(5) : 1 + choices.next(3)
    }
    if (hostile) return choices.pick(HOSTILE_CONSTANTS)
    const byName: Record<string, readonly string[]> = {
      slug: ids.slugs,
      from: ids.versions,
      parent: ids.steps,
      step: ids.steps,
      tool: ids.tools,
      query: [...ids.words, ...ids.steps.slice(0, 10), 'mlops', 'pyth'],
      after: ['YTpkb2NrZXI', 'x', '']
    }
    if (argument.name === 'id') {
      if (field === 'node') return choices.pick(globalIds)
      if (field === 'version') return choices.pick(ids.versions)
      if (field === 'step') return choices.pick(ids.steps)
      if (field === 'tool') return choices.pick(ids.tools)
      if (field === 'resource') return choices.pick(ids.resources)
    }
    return choices.pick(byName[argument.name] ?? ids.slugs)
  }

  return function generate (choices: readonly number[], shape: QueryShape): GeneratedOperation {
    const choose = new Choices(choices)
    const variables: Record<string, unknown> = {}
    const variableDefinitions: string[] = []
    const fragments: string[] = []
    let aliases = 0

    function literal (value: unknown, argument: GraphQLArgument): string {
      const type = getNullableType(argument.type)
      if (isEnumType(type)) return String(value)
      return typeof value === 'number' ? String(value) : stringLiteral(String(value))
    }

    function argumentsOf (field: GraphQLField<unknown, unknown>): string {
      const parts: string[] = []
      for (const argument of field.args) {
        if (!isNonNullType(argument.type) && !choose.chance(40)) continue
        const value = argumentValue(choose, field.name, argument)
        if (choose.chance(25)) {
          const name = `v${variableDefinitions.length}`
          variableDefinitions.push(`$${name}: ${argument.type.toString()}`)
          variables[name] = value
          parts.push(`${argument.name}: $${name}`)
        } else {
          parts.push(`${argument.name}: ${literal(value, argument)}`)
        }
      }
      return parts.length === 0 ? '' : `(${parts.join(', ')})`
    }

    /** A selection set on `type` whose fields sit at `depth` (1 for the root fields). */
    function selectionSet (type: GraphQLNamedType, depth: number, aliasAll: boolean): string {
      if (isUnionType(type) || isInterfaceType(type)) {
        const possible = schema.getPossibleTypes(type)
        const parts = ['__typename']
        if (isInterfaceType(type) && depth < shape.maxDepth) parts.push(fieldSelection(type.getFields()['id']!, depth, aliasAll))
        if (depth < shape.maxDepth) {
          for (let count = 1 + choose.next(Math.min(possible.length, 3)); count > 0; count--) {
            const member = choose.pick(possible)
            // Fields of different member types may share a name with different types: aliases keep them apart.
            parts.push(`... on ${member.name} ${selectionSet(member, depth + 1, true)}`)
          }
        }
        return `{ ${parts.join(' ')} }`
      }
      const objectType = type as GraphQLObjectType
      const fields = Object.values(objectType.getFields())
      const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)))
      // At the depth limit only leaves fit; a type without any answers its name.
      const candidates = depth >= shape.maxDepth ? leaves : fields
      if (candidates.length === 0) return '{ __typename }'
      const wanted = depth <= 2 ? 1 + choose.next(3) : 1 + choose.next(2)
      const picked = new Set<GraphQLField<unknown, unknown>>()
      for (let attempt = 0; attempt < wanted * 2 && picked.size < wanted; attempt++) {
        // Deeper down, prefer leaves so that the estimated cost stays within the limit most of the time.
        picked.add(depth > 3 && leaves.length > 0 && choose.chance(60) ? choose.pick(leaves) : choose.pick(candidates))
      }
      const parts = [...picked].map((field) => fieldSelection(field, depth, aliasAll))
      if (choose.chance(10)) parts.push('__typename')
      if (depth + 1 <= shape.maxDepth && choose.chance(8)) {
        const name = `F${fragments.length}`
        fragments.push('')
        const index = fragments.length - 1
        fragments[index] = `fragment ${name} on ${objectType.name} ${selectionSet(objectType, depth + 1, true)}`
        parts.push(`...${name}`)
      }
      return `{ ${parts.join(' ')} }`
    }

    function fieldSelection (field: GraphQLField<unknown, unknown>, depth: number, aliasAll: boolean): string {
      const alias = aliasAll || choose.chance(10) ? `a${aliases++}: ` : ''
      const named = getNamedType(field.type)
      const head = `${alias}${field.name}${argumentsOf(field)}`
      if (isLeafType(named)) return head
      return `${head} ${selectionSet(named, depth + 1, false)}`
    }

    const root = schema.getQueryType()!
    const body = selectionSet(root, 1, false)
    const header = variableDefinitions.length > 0 ? `query Q(${variableDefinitions.join(', ')}) ` : choose.chance(50) ? 'query Q ' : ''
    return { query: [`${header}${body}`, ...fragments].join('\n'), variables }
  }
}

/** Enough numbers for the largest query the generator makes. */
export const choicesArbitrary = fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 400 })
