import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseSourceFile } from '../../src/content/source-file.js'
import { runs } from './support.js'

/*
 * Content files are read by a fast reader of a YAML subset (src/content/yaml-subset.ts) that
 * hands anything else to `yaml`. Differential property: for any text, what parseSourceFile
 * reads is exactly what `yaml` reads, and a text `yaml` rejects is reported as a syntax error.
 */

const RUNS = 1000

const SCALARS = [
  'word', 'two words', 'Title Case', '1', '0', '01', '-1', '+1', '1.0', '1.', '.5', '1e3', '1E-3', '0x1F', '0o17', '0b1', '.inf', '-.Inf', '.nan', '~', 'null', 'Null', 'NULL', 'true', 'False', 'yes', 'no', 'on',
  '2024-01-01', '2024-01-01T10:00:00Z', '12:30', '1:2', 'http://example.org/a?b=c#d', 'a: b', 'a:b', 'a #b', 'a#b', 'C++', 'C#', '-x', '- x', '-', '?x', '? x', ':x', 'x:', 'x :', '@x', '`x', '%x', '!x', '!!str x', '&x', '*x', '|x', '>x',
  'a, b', 'a,b', '[a]', '{a}', 'ünïcode', '😀 emoji', '"quoted"', "'single'", '"with \\"escape\\""', '"esc\\n"', "'it''s'", '"a" b', 'a "b"', "it's", '""', "''", '"', "'", '"unterminated', '"#"', "'a: b'", '\\', 'a\\b',
  '[]', '{}', '[a, b]', '[a,b]', '[ a , b ]', '[1, 2]', '[a, [b]]', '[a, "b"]', '[a: b]', '[a, ]', '[,]', '[a #b]', '{a: b}', '{a: 1, b: [c]}', '[true, null, 1.5]', 'x'.repeat(120)
]
/* What content files mostly hold: the reader's own ground, where it must not decline too often either. */
const SAFE_SCALARS = ['word', 'Two words here', 'A sentence, with a comma.', 'Docker', 'C++ and Go', '1', '42', '2024-01-12', 'https://example.org/path', '"quoted text"', "'single quoted'", '"it\'s"', "'a: b'", '[shell, git]', '[a]', '[]', '{}', '5.3', 'x-y_z']
const KEYS = ['title', 'summary', 'tools', 'order', 'a-b', 'x_y', 'A9', 'null', 'true', 'False', 'k'.repeat(100), 'k'.repeat(1030), '"quoted"', "'single'", 'with space', '1', '-dash', 'ä', 'title']

interface Builder { lines: string[], indent: number }

/** A YAML-like document in the shape content files have, with the odd corner from every construct. */
const yamlText: fc.Arbitrary<string> = fc.array(fc.nat({ max: 1000 }), { minLength: 20, maxLength: 200 }).map((numbers) => {
  let index = 0
  const next = (bound: number) => (numbers[index++ % numbers.length] ?? 0) % bound
  const pick = <T>(list: readonly T[]) => list[next(list.length)]!
  const pad = (indent: number) => ' '.repeat(indent)

  function scalarLines (builder: Builder, head: string) {
    const form = next(8)
    if (form === 0) {
      // A block scalar, sometimes with blank, more-indented, comment-like or trailing-space lines.
      builder.lines.push(`${head} ${pick(['|', '>', '|-', '>-', '|', '>', '|+', '>2', '|#'])}`)
      for (let count = 1 + next(3); count > 0; count--) {
        const extra = next(10) === 0 ? '  ' : ''
        builder.lines.push(next(6) === 0 ? '' : `${pad(builder.indent + 2)}${extra}${pick(['line', 'more text', 'A longer line of text.', '# not a comment', 'trailing ', 'a: b', '- item'])}`)
      }
    } else if (form === 1) {
      // A plain or quoted scalar folded over several lines.
      const open = pick(['', '"', "'"])
      builder.lines.push(`${head} ${open}${pick(['start', 'a b', 'x'])}`)
      for (let count = 1 + next(2); count > 0; count--) builder.lines.push(next(5) === 0 ? '' : `${pad(builder.indent + 2 + next(2))}${pick(['more', 'words here', 'a: b', '# c', '- d', 'end'])}`)
      if (open !== '') builder.lines.push(`${pad(builder.indent + 2)}done${open}`)
    } else {
      builder.lines.push(`${head} ${next(3) === 0 ? pick(SCALARS) : pick(SAFE_SCALARS)}${next(12) === 0 ? pick([' ', '  # comment', '\t', ' #']) : ''}`)
    }
  }

  let keys = 0
  function mapping (builder: Builder, depth: number) {
    for (let count = 1 + next(4); count > 0; count--) {
      // Mostly distinct plain keys; now and then an odd one, or one used twice.
      const key = next(6) === 0 ? pick(KEYS) : `${pick(['title', 'summary', 'tools', 'order', 'url'])}${keys++}`
      const head = `${pad(builder.indent)}${key}:`
      const kind = depth >= 3 ? 0 : next(6)
      if (kind === 0 || kind === 1) scalarLines(builder, head)
      else if (kind === 2) {
        builder.lines.push(head)
        mapping({ lines: builder.lines, indent: builder.indent + 2 + next(2) }, depth + 1)
      } else if (kind === 3 || kind === 4) {
        builder.lines.push(head)
        sequence({ lines: builder.lines, indent: builder.indent + (next(2) === 0 ? 0 : 2) }, depth + 1)
      } else builder.lines.push(next(2) === 0 ? head : `${head}${pick(['', ' ', '  '])}`)
      if (next(16) === 0) builder.lines.push(pick(['', '', '# comment', `${pad(builder.indent)}# comment`, '   ', '---', '...', '\t']))
    }
  }

  function sequence (builder: Builder, depth: number) {
    for (let count = 1 + next(3); count > 0; count--) {
      const head = `${pad(builder.indent)}-`
      const kind = depth >= 3 ? 0 : next(4)
      if (kind === 0 || kind === 1) scalarLines(builder, head)
      else if (kind === 2) {
        // A mapping inside a sequence item: `- key: value` and its siblings below.
        const inner: Builder = { lines: [], indent: builder.indent + 2 }
        mapping(inner, depth + 1)
        const [first, ...rest] = inner.lines
        builder.lines.push(`${head} ${first!.trimStart()}`, ...rest)
      } else builder.lines.push(pick([head, `${head} -`, `${head}  ${pick(SCALARS)}`, `${head}${pick(SCALARS)}`]))
    }
  }

  const builder: Builder = { lines: next(5) === 0 ? ['# $schema: ../schema.json'] : [], indent: 0 }
  mapping(builder, 0)
  // Now and then a stray edit to one line: indentation, a tab, a trailing space.
  if (next(8) === 0) {
    const at = next(builder.lines.length)
    builder.lines[at] = `${pick([' ', '\t', '  ', '- '])}${builder.lines[at]!}`
  }
  return builder.lines.join('\n') + pick(['\n', '', '\n\n'])
})

describe('the content YAML reader', () => {
  it(`reads every text exactly as yaml does, and reports what yaml rejects (${RUNS} runs)`, () => {
    fc.assert(fc.property(yamlText, (text) => {
      const reference = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
      const file = parseSourceFile('file.yaml', text)
      if (reference.errors.length > 0) {
        expect(file.syntaxErrors.length, `yaml rejects: ${reference.errors[0]!.message}\n${text}`).toBeGreaterThan(0)
        return
      }
      let expected: unknown
      try {
        expected = reference.toJS()
      } catch {
        expect(file.syntaxErrors.length, text).toBeGreaterThan(0)
        return
      }
      expect(file.syntaxErrors, text).toEqual([])
      expect(file.data, text).toEqual(expected)
    }), runs(RUNS))
  })
})
