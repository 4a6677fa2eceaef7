import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml'

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

export function parseSourceFile (path: string, text: string): SourceFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const syntaxErrors = document.errors.map((error) => {
    const position = lineCounter.linePos(error.pos[0])
    return { line: position.line, column: position.col, message: error.message.split('\n')[0] ?? error.message }
  })
  const data = syntaxErrors.length > 0 ? undefined : document.toJS()
  return {
    path,
    data,
    syntaxErrors,
    locate: (fieldPath, options) => {
      const offset = findOffset(document, fieldPath, options?.key ?? false)
      const position = lineCounter.linePos(offset)
      return { line: position.line, column: position.col }
    }
  }
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
