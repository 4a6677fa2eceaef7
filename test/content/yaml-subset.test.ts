import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { parseYamlSubset } from '../../src/content/yaml-subset.js'
import { FIXTURES_DIR, SHIPPED_CONTENT } from '../helpers/app.js'

/* The fast reader must give exactly what `yaml` gives, or decline: it never decides alone. */
function expectSameAsYaml (text: string): boolean {
  const fast = parseYamlSubset(text)
  if (fast === undefined) return false
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
  expect(document.errors.map((error) => error.message), text).toEqual([])
  expect(fast.value, text).toStrictEqual(document.toJS())
  return true
}

function yamlFiles (directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(directory, name))
}

const KEYS = ['title', 'a', 'b-c', 'x_1', 'null', 'True', 'constructor', 'k'.repeat(101)]
const SCALARS = [
  'word', 'two words', 'Title: colon', 'x #y', 'a#b', 'https://example.org/a?b=c#d', "it's", 'say "hi"', '0', '15', '007', '1.5', '1e3', '0x1F', '0o7',
  '.inf', '~', 'null', 'true', 'yes', '-x', '- x', '?x', ':x', 'a:', '#x', '[]', '{}', '[a, b]', '[a, 1]', '[a, ~]', '{a: 1}', '&a x', '*a', '!t x', '>', '|', '>-', '|-', '>+',
  '%x', '@x', '`x', 'a \\ b', "a '' b", 'é ünï', '日本', 'a  b', 'x ', '2024-01-01', 'a - b', 'a [x] y'
]

const scalar = fc.constantFrom(...SCALARS)
const indent = fc.constantFrom(0, 1, 2, 3, 4, 6)
/* Lines put together with little regard for structure: mostly declined, and never wrongly accepted. */
const looseDocument = fc.array(fc.tuple(indent, fc.constantFrom('key', 'empty-key', 'item', 'item-key', 'text', 'blank', 'comment'), fc.constantFrom(...KEYS), scalar), { minLength: 1, maxLength: 10 })
  .map((lines) => lines.map(([spaces, kind, key, value]) => {
    const pad = ' '.repeat(spaces)
    switch (kind) {
      case 'key': return `${pad}${key}: ${value}`
      case 'empty-key': return `${pad}${key}:`
      case 'item': return `${pad}- ${value}`
      case 'item-key': return `${pad}- ${key}: ${value}`
      case 'text': return `${pad}${value}`
      case 'blank': return pad
      default: return `${pad}# comment`
    }
  }).join('\n'))

/* Mostly well-formed documents: maps, sequences and scalars in every style the reader knows, with uneven indentation. */
type Node = { scalar: string, style: string } | { map: Array<[string, Node]> } | { seq: Node[] }
const { node } = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ scalar, style: fc.constantFrom('plain', 'folded-plain', 'double', 'single', 'multi-double', 'folded', 'literal', 'folded-strip', 'literal-strip') }),
    fc.record({ map: fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(0, 5)), tie('node')), { minLength: 1, maxLength: 4 }) }),
    fc.record({ seq: fc.array(tie('node'), { maxLength: 3 }) })
  )
}))

function render (value: Node, column: number, step: number, lines: string[], prefix: string): void {
  if ('scalar' in value) {
    const words = value.scalar.split(' ')
    const inner = ' '.repeat(column + step)
    switch (value.style) {
      case 'double': lines.push(`${prefix}"${value.scalar}"`); return
      case 'single': lines.push(`${prefix}'${value.scalar}'`); return
      case 'multi-double': lines.push(`${prefix}"${words[0]}`, ...words.slice(1, -1).map((word) => `${inner}${word}`), `${inner}${words.length > 1 ? words.at(-1) : ''}"`); return
      case 'folded-plain': lines.push(`${prefix}${words[0]}`, ...words.slice(1).map((word) => `${inner}${word}`)); return
      case 'plain': lines.push(`${prefix}${value.scalar}`); return
      default: {
        const header = { folded: '>', literal: '|', 'folded-strip': '>-', 'literal-strip': '|-' }[value.style]
        lines.push(`${prefix}${header}`, ...words.map((word, index) => index === 1 ? '' : `${inner}${word}`))
        return
      }
    }
  }
  if ('map' in value) {
    value.map.forEach(([key, child], index) => {
      const start = index === 0 ? prefix : ' '.repeat(column)
      if ('scalar' in child) render(child, column, step, lines, `${start}${key}: `)
      else {
        lines.push(`${start}${key}:`)
        render(child, 'seq' in child && step % 2 === 0 ? column : column + step, step, lines, ' '.repeat(column + step))
      }
    })
    return
  }
  if (value.seq.length === 0) { lines.push(`${prefix}[]`); return }
  if (prefix.trim() !== '') lines.push(prefix.trimEnd())
  for (const item of value.seq) {
    const dash = `${' '.repeat(column)}- `
    if ('seq' in item) lines.push(`${dash}[]`)
    else render(item, column + 2, step, lines, dash)
  }
}

const structuredDocument = fc.tuple(fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(0, 5)), node), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), fc.boolean())
  .map(([map, step, schemaComment]) => {
    const lines = schemaComment ? ['# yaml-language-server: $schema=x'] : []
    render({ map }, 0, step, lines, '')
    return `${lines.join('\n')}\n`
  })

describe('YAML subset reader', () => {
  it('reads every shipped content file exactly as yaml does', () => {
    const files = yamlFiles(SHIPPED_CONTENT)
    expect(files.filter((file) => !expectSameAsYaml(readFileSync(file, 'utf8')))).toEqual([])
  })

  it('gives what yaml gives, or declines, on every fixture', () => {
    for (const file of yamlFiles(FIXTURES_DIR)) expectSameAsYaml(readFileSync(file, 'utf8'))
  })

  it('declines what it does not read itself', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: 1.5\n', 'a: yes # no\n', 'a: b\n# late comment\n', 'a:\tb\n', 'a: "x\\ny"\n', 'a: {b: 1}\n', '- a\n', '---\na: 1\n', 'a: 1\na: 2\n', 'a: >+\n  x\n']) {
      expect(parseYamlSubset(text), text).toBeUndefined()
    }
  })

  it('never disagrees with yaml on loosely assembled lines', () => {
    fc.assert(fc.property(looseDocument, (text) => { expectSameAsYaml(text) }), { numRuns: 1500, seed: 1 })
  })

  it('never disagrees with yaml on documents in its own styles', () => {
    let accepted = 0
    fc.assert(fc.property(structuredDocument, (text) => { if (expectSameAsYaml(text)) accepted++ }), { numRuns: 1500, seed: 2 })
    expect(accepted).toBeGreaterThan(150)
  })

  it('never disagrees with yaml on shipped files with a few characters changed', () => {
    const texts = yamlFiles(SHIPPED_CONTENT).map((file) => readFileSync(file, 'utf8'))
    const edit = fc.tuple(fc.nat(), fc.constantFrom(' ', '  ', '-', '- ', ':', ': ', '#', ' #', '\n', '\n\n', '"', "'", '>', '|', '[', ']', '&', '!', '1', '.', '~', '\n  ', '\n- ', ''), fc.nat({ max: 4 }))
    fc.assert(fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 3 }), (which, edits) => {
      let text = texts[which]!
      for (const [at, insert, remove] of edits) {
        const position = at % (text.length + 1)
        text = text.slice(0, position) + insert + text.slice(position + remove)
      }
      expectSameAsYaml(text)
    }), { numRuns: 1500, seed: 3 })
  })
})
