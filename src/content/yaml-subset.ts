/*
 * Reads the plain subset of YAML that content files are written in — block mappings and sequences,
 * plain, quoted (without escapes) and block (| >) scalars, one-line flow sequences of plain words,
 * [] and {} — several times faster than a full
 * parse and without building a document. It gives exactly the value `yaml` would, or undefined for
 * anything it is not sure about (anchors, tags, flow collections, escapes, comments after the
 * content, tabs, more-indented block lines, numbers other than plain integers...), which the caller
 * then hands to the full parser: problems and their positions always come from `yaml` itself.
 */

const DECLINED = Symbol('declined')
const decline = (): never => { throw DECLINED }

/* Outside printable text: C0 controls but the newline (tab and CR included), DEL, C1, BOM, line and paragraph separators, non-characters. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSUPPORTED_CHARACTER = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/
/* A key starting with a letter is always a string key (no numbers); `yaml` rejects implicit keys over 1024 characters. */
const KEY = /([A-Za-z][A-Za-z0-9_-]{0,99}):(?: +|$)/y
const NON_STRING_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/
const BLOCK_HEADER = /^([|>])(-?)$/
/* The first character of a plain scalar: not an indicator, not a space. */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/
/* A plain scalar's next line may start with more of them: the scalar has begun. */
const PLAIN_CONTINUATION_START = /^[^-?:#\s]/
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/
/* A one-line flow sequence of plain scalars, e.g. `tools: [shell, git]`. */
const FLOW_SEQUENCE = /^\[([^[\]{}"'#:&*!|>%@`?\\]*)\]$/
/* What the YAML 1.2 core schema reads as null, a boolean or a number (yaml/dist/schema/{common,core}). */
const CORE_NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/
]

const MAYBE_NOT_STRING = new Set('~0123456789+-.nNtTfF')

/** The value of a YAML document in the content subset, or undefined when it is outside it. */
export function parseYamlSubset (text: string): { value: unknown } | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined
  try {
    return { value: new SubsetParser(text.split('\n')).document() }
  } catch (error) {
    if (error === DECLINED) return undefined
    throw error
  }
}

class SubsetParser {
  private index = 0

  constructor (private readonly lines: string[]) {}

  document (): unknown {
    // Comments only before the content (the $schema line); a comment anywhere else goes to the full parser.
    while (this.index < this.lines.length && /^ *(?:#.*)?$/.test(this.lines[this.index]!)) this.index++
    if (this.index === this.lines.length || indentOf(this.lines[this.index]!) !== 0) decline()
    const value = this.map(0, 0)
    if (this.next() !== undefined) decline()
    return value
  }

  /** Moves past blank lines to the next line of content and returns its indentation; undefined at the end. */
  private next (): number | undefined {
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!
      const indent = indentOf(line)
      if (indent < line.length) {
        if (line[indent] === '#') decline()
        return indent
      }
      this.index++
    }
    return undefined
  }

  /** A block mapping whose keys sit at column `indent`; the first key starts at `column` of the current line. */
  private map (indent: number, column: number): Record<string, unknown> {
    const result: Record<string, unknown> = {}
    for (;;) {
      const line = this.lines[this.index]!
      KEY.lastIndex = column
      const match = KEY.exec(line) ?? decline()
      const key = match[1]!
      if (NON_STRING_KEY.test(key) || Object.hasOwn(result, key)) decline()
      const rest = line.slice(KEY.lastIndex)
      result[key] = rest === '' ? this.valueBelow(indent) : this.inlineValue(rest, indent)
      const next = this.next()
      if (next === undefined || next < indent) return result
      if (next > indent) decline()
      column = indent
    }
  }

  /** The value of `key:` with nothing after it: a nested collection on the next lines, or null. */
  private valueBelow (indent: number): unknown {
    this.index++
    const next = this.next()
    if (next === undefined || next < indent) return null
    const line = this.lines[this.index]!
    if (isSequenceItem(line, next)) return this.sequence(next)
    if (next === indent) return null
    KEY.lastIndex = next
    if (KEY.test(line)) return this.map(next, next)
    return decline()
  }

  private sequence (indent: number): unknown[] {
    const items: unknown[] = []
    for (;;) {
      const line = this.lines[this.index]!
      const start = indent + 1 + indentOf(line.slice(indent + 1))
      if (start === indent + 1 || start >= line.length) decline()
      KEY.lastIndex = start
      if (KEY.test(line)) items.push(this.map(start, start))
      else if (line[start] === '-') decline()
      else items.push(this.inlineValue(line.slice(start), indent))
      const next = this.next()
      if (next === undefined || next < indent) return items
      if (next > indent) decline()
      if (!isSequenceItem(this.lines[this.index]!, next)) return items
    }
  }

  /** A scalar (or [] / {}) that starts on the current line, in a collection at column `indent`. */
  private inlineValue (rest: string, indent: number): unknown {
    const text = rest.trimEnd()
    this.index++
    if (text === '[]') return []
    if (text === '{}') return {}
    if (text[0] === '[') return flowSequence(text)
    if (text[0] === '"' || text[0] === "'") return this.quotedScalar(text, indent)
    const header = text[0] === '|' || text[0] === '>' ? BLOCK_HEADER.exec(text) : null
    if (header !== null) return this.blockScalar(header[1] === '|', header[2] === '-', indent)
    return this.plainScalar(text, indent)
  }

  private plainScalar (first: string, indent: number): unknown {
    checkPlainLine(first)
    let value = first
    let blankLines = 0
    for (let index = this.index; index < this.lines.length; index++) {
      const line = this.lines[index]!
      const lineIndent = indentOf(line)
      if (lineIndent === line.length) { blankLines++; continue }
      if (lineIndent <= indent) break
      const text = line.trim()
      checkPlainLine(text, PLAIN_CONTINUATION_START)
      value += blankLines === 0 ? ` ${text}` : `${'\n'.repeat(blankLines)}${text}`
      blankLines = 0
      this.index = index + 1
    }
    return resolvePlain(value)
  }

  /** A quoted scalar without escapes (no \\ in double quotes, no '' in single quotes), on one line or folded over several. */
  private quotedScalar (text: string, indent: number): string {
    const quote = text[0]!
    const closing = text.indexOf(quote, 1)
    const escaped = (part: string) => quote === '"' && part.includes('\\')
    if (closing !== -1) {
      if (closing !== text.length - 1 || escaped(text)) decline()
      return text.slice(1, -1)
    }
    let value = text.slice(1)
    if (value.trim() === '' || escaped(value)) decline()
    let blankLines = 0
    for (; this.index < this.lines.length; this.index++) {
      const line = this.lines[this.index]!
      const lineIndent = indentOf(line)
      if (lineIndent === line.length) { blankLines++; continue }
      if (lineIndent <= indent) decline()
      const part = line.slice(lineIndent).trimEnd()
      const end = part.indexOf(quote)
      const segment = end === -1 ? part : part.slice(0, end)
      if (segment === '' || escaped(segment) || (end !== -1 && end !== part.length - 1)) decline()
      value += blankLines === 0 ? ` ${segment}` : `${'\n'.repeat(blankLines)}${segment}`
      blankLines = 0
      if (end !== -1) {
        this.index++
        return value
      }
    }
    return decline()
  }

  /** A literal (|) or folded (>) scalar, clipped or stripped (-), every line at the same indentation. */
  private blockScalar (literal: boolean, strip: boolean, indent: number): string {
    const first = this.lines[this.index]
    const blockIndent = first === undefined ? 0 : indentOf(first)
    if (first === undefined || blockIndent <= indent || blockIndent === first.length) decline()
    let value = ''
    let blankLines = 0
    for (let index = this.index; index < this.lines.length; index++) {
      const line = this.lines[index]!
      const lineIndent = indentOf(line)
      if (lineIndent === line.length) {
        if (lineIndent > blockIndent) decline()
        blankLines++
        continue
      }
      if (lineIndent < blockIndent) break
      const text = line.slice(blockIndent)
      if (lineIndent > blockIndent || text[0] === '#' || text.at(-1) === ' ') decline()
      if (value === '') value = text
      else if (literal) value += `${'\n'.repeat(blankLines + 1)}${text}`
      else value += blankLines === 0 ? ` ${text}` : `${'\n'.repeat(blankLines)}${text}`
      blankLines = 0
      this.index = index + 1
    }
    return strip ? value : `${value}\n`
  }
}

function flowSequence (text: string): unknown[] {
  const items = (FLOW_SEQUENCE.exec(text) ?? decline())[1]!.split(',').map((item) => item.trim())
  return items.map((item) => {
    if (!PLAIN_START.test(item)) decline()
    return resolvePlain(item)
  })
}

function resolvePlain (value: string): string | number {
  // Everything the core schema reads as not a string starts with one of these, or is empty.
  if (value !== '' && !MAYBE_NOT_STRING.has(value[0]!)) return value
  if (INTEGER.test(value)) return Number(value)
  if (CORE_NON_STRING.some((pattern) => pattern.test(value))) decline()
  return value
}

function checkPlainLine (text: string, start = PLAIN_START): void {
  if (!start.test(text) || text.includes(': ') || text.includes(' #') || text.endsWith(':')) decline()
}

function isSequenceItem (line: string, indent: number): boolean {
  return line[indent] === '-' && (line.length === indent + 1 || line[indent + 1] === ' ')
}

function indentOf (line: string): number {
  let indent = 0
  while (line.charCodeAt(indent) === 32) indent++
  return indent
}
