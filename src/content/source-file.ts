import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml'
import { parseYamlSubset } from './yaml-subset.js'

export interface SourcePosition { line: number, column: number }

/** A parsed YAML file that can point at the line of any field inside it. */
export interface SourceFile {
  /** Path shown to authors, relative to the working directory when possible. */
  path: string
  data: unknown
  syntaxErrors: Array<SourcePosition & { message: string }>
  /** Position of a field's value, or of its key with `{ key: true }`; a missing field points at its parent. */
  locate: (fieldPath: ReadonlyArray<string | number>, options?: { key?: boolean }) => SourcePosition
}

/*
 * Most files are in the plain subset of YAML that parseYamlSubset reads without building a
 * document; the rest, problems included, go through `yaml`. Positions are only needed to report a
 * problem, so the document with its source ranges is built when one is asked for.
 */
export function parseSourceFile (path: string, text: string): SourceFile {
  let positioned: PositionedDocument | undefined
  const withPositions = () => (positioned ??= parseWithPositions(text))
  const locate: SourceFile['locate'] = (fieldPath, options) => {
    const { document, lineCounter } = withPositions()
    const offset = findOffset(document, fieldPath, options?.key ?? false)
    const position = lineCounter.linePos(offset)
    return { line: position.line, column: position.col }
  }
  const simple = parseYamlSubset(text)
  if (simple !== undefined) return { path, data: simple.value, syntaxErrors: [], locate }
  const { document, lineCounter } = withPositions()
  const syntaxErrors = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0])
    return { line: position.line, column: position.col, message: error.message.split('\n')[0] ?? error.message }
  })
  let data: unknown
  if (syntaxErrors.length === 0) {
    try {
      data = document.toJS()
    } catch (error) {
      // toJS throws on an alias with no anchor before it, and on alias counts that look like a resource exhaustion attack.
      const position = lineCounter.linePos(aliasOffset(document))
      syntaxErrors.push({ line: position.line, column: position.col, message: (error as Error).message })
    }
  }
  return { path, data, syntaxErrors, locate }
}

interface PositionedDocument { document: Document, lineCounter: LineCounter }

function parseWithPositions (text: string): PositionedDocument {
  const lineCounter = new LineCounter()
  return { document: parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }), lineCounter }
}

/** Where the first alias that names no earlier anchor is, else the first alias. */
function aliasOffset (document: Document): number {
  let first: number | undefined
  let unresolved: number | undefined
  visit(document, {
    Alias (_key, node) {
      first ??= node.range?.[0]
      if (node.resolve(document) === undefined) {
        unresolved = node.range?.[0]
        return visit.BREAK
      }
      return undefined
    }
  })
  return unresolved ?? first ?? document.contents?.range?.[0] ?? 0
}

/*
 * Walks as deep as the path exists: a missing field points at the object that
 * should hold it, an unknown field at its key.
 */
function findOffset (document: Document, fieldPath: ReadonlyArray<string | number>, atKey: boolean): number {
  let node: Node | null = document.contents
  let offset = node?.range?.[0] ?? 0
  for (const [index, segment] of fieldPath.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment))
      if (pair === undefined) break
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset
      if (atKey && index === fieldPath.length - 1) break
      node = (pair.value as Node | null) ?? null
      if (node?.range !== undefined && node.range !== null && !isMap(node) && !isSeq(node)) offset = node.range[0]
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined
      if (item === undefined) break
      node = item
      offset = item.range?.[0] ?? offset
    } else {
      break
    }
  }
  return offset
}
