import fc from 'fast-check'
import { buildApp, type App } from '../../src/app.js'
import { SHIPPED_CONTENT, TEST_APP_DEFAULTS } from '../helpers/app.js'

/*
 * Shared pieces of the property tests: the seed, the app they inject into, the
 * real ids that make valid inputs, hostile strings, and the leak check.
 *
 * The seed is pinned so `npm test` is reproducible; FC_SEED=<n> explores another
 * part of the input space (fast-check prints the seed and the shrunk counterexample
 * of any failure, so a failure found that way can be replayed exactly).
 */
export const PROPERTY_SEED = process.env['FC_SEED'] === undefined ? 20240112 : Number(process.env['FC_SEED'])

export function runs (numRuns: number): fc.Parameters<unknown> {
  return { numRuns, seed: PROPERTY_SEED }
}

/** The shipped content, with the test defaults: quiet, no rate limit and no load shedding (thousands of requests from one address). */
export async function buildPropertyApp (beforeReady?: (app: App) => void): Promise<App> {
  const app = await buildApp({ ...TEST_APP_DEFAULTS, contentDir: SHIPPED_CONTENT })
  beforeReady?.(app)
  await app.ready()
  return app
}

export interface RealIds {
  slugs: string[]
  versions: string[]
  steps: string[]
  tools: string[]
  resources: string[]
  /** Words that occur in the content, for search. */
  words: string[]
}

interface SnapshotStep { id: string, children: SnapshotStep[] }
interface Snapshot { steps: SnapshotStep[], tools: Array<{ id: string, name: string }>, resources: Array<{ id: string }> }

/** Every roadmap slug, version id, step, tool and resource id the app serves, read through the API itself. */
export async function realIds (app: App): Promise<RealIds> {
  const ids: RealIds = { slugs: [], versions: ['latest'], steps: [], tools: [], resources: [], words: [] }
  const roadmaps = (await app.inject('/v1/roadmaps')).json<{ items: Array<{ slug: string }> }>().items
  for (const { slug } of roadmaps) {
    ids.slugs.push(slug)
    const versions = (await app.inject(`/v1/roadmaps/${slug}/versions`)).json<{ items: Array<{ id: string }> }>().items
    for (const { id } of versions) {
      ids.versions.push(id)
      const snapshot = (await app.inject(`/v1/roadmaps/${slug}/versions/${id}`)).json<Snapshot>()
      const walk = (steps: SnapshotStep[]): void => { for (const step of steps) { ids.steps.push(step.id); walk(step.children) } }
      walk(snapshot.steps)
      ids.tools.push(...snapshot.tools.map((tool) => tool.id))
      ids.resources.push(...snapshot.resources.map((resource) => resource.id))
      ids.words.push(...snapshot.tools.map((tool) => tool.name.split(' ')[0]!))
    }
  }
  const unique = (list: string[]) => [...new Set(list)].sort()
  return { slugs: unique(ids.slugs), versions: unique(ids.versions), steps: unique(ids.steps), tools: unique(ids.tools), resources: unique(ids.resources), words: unique(ids.words) }
}

/** Strings chosen to break parsers, routers and lookups. */
export const HOSTILE_CONSTANTS = [
  '', ' ', '..', '../', '../../etc/passwd', '..%2f..%2f', '%2e%2e', '%00', 'a%00b', '%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%FF%FE',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', '__defineGetter__',
  '-1', '0', '1.5', '1e3', '1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '99999999999999999999999', '0x10', '00001',
  'true', 'false', 'null', 'undefined-ish', '[]', '{}', '[object', '{"a":1}',
  '<script>alert(1)</script>', "'; DROP TABLE x; --", '$' + '{7*7}', '{{7*7}}', '\\', '\\u0000', '\u0000', '\r\n', '\t', '\u202e', '\ufeff',
  '😀', '👩‍👩‍👧‍👦', 'ＭＬＯＰＳ', 'MLOPS', 'mlops ', ' mlops', 'mlops/', 'mlops%2F', 'mlops?x', 'mlops#x',
  'x'.repeat(101), 'x'.repeat(513), 'x'.repeat(5000), '-'.repeat(50), 'a--b', '-a', 'a-'
]

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('%', '.', '/', '\\', '\u0000', '?', '&', '=', '#', '+', ' ', 'a', '9', '-'), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 3000 }) }
)

/*
 * Signs that internals escaped into a response: a stack frame, a source path, or a
 * value serialised without thought. A pattern that the request itself contains is
 * an echo of the input (problem `instance`, an escaped search term), not a leak.
 */
const LEAKS: Array<[string, RegExp]> = [
  ['stack frame', /\n\s+at |\s{4}at [^\s]+ \(/],
  ['error with stack', /\b[A-Z][A-Za-z]*Error: [^\n]*\n\s+at /],
  ['absolute path', /\/work\/|\/home\/|\/tmp\/|\/usr\/|\/root\//],
  ['node_modules', /node_modules/],
  ['source file position', /\.[cm]?[jt]s:\d+/],
  ['undefined', /\bundefined\b/],
  ['[object Object]', /\[object \w+\]/],
  ['NaN', /\bNaN\b/]
]

export function leaksIn (body: string, ...echoes: string[]): string[] {
  const inputs = echoes.flatMap((echo) => [echo, safeDecode(echo), safeDecode(safeDecode(echo))])
  return LEAKS.filter(([, pattern]) => pattern.test(body) && !inputs.some((input) => pattern.test(input))).map(([name]) => name)
}

/** The text with each lone surrogate replaced, as TextEncoder would (String#toWellFormed is ES2024). */
export function wellFormed (text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}

export function safeDecode (text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return text
  }
}
