import { cp, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { Value } from '@sinclair/typebox/value'
import type { TObject } from '@sinclair/typebox'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { contentFileSchemas, type ContentFileKind } from '../../src/domain/content.js'
import { loadContent, type ContentLoadResult } from '../../src/content/pipeline.js'
import { fixtureDir } from '../helpers/app.js'
import { runs } from './support.js'

/*
 * Random edits to a small valid content tree (test/fixtures/content/valid, copied once):
 * whatever the edit, loadContent never throws, every issue it reports points at a real
 * place (file, line, column) with a message, and an edit known to break the content is
 * reported. The edited file is restored after each run instead of copying the tree again.
 */

const RUNS = 200

let contentDir: string
let original: Map<string, Buffer>
let files: string[]

async function listFiles (directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort()
}

beforeAll(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'roadmap-content-property-'))
  await cp(fixtureDir('valid'), contentDir, { recursive: true })
  files = await listFiles(contentDir)
  original = new Map(await Promise.all(files.map(async (file) => [file, await readFile(file)] as const)))
  const untouched = await loadContent(contentDir)
  if (!untouched.ok) throw new Error(`the copied fixture does not load: ${JSON.stringify(untouched.issues)}`)
})
afterAll(async () => { await rm(contentDir, { recursive: true, force: true }) })

/** Puts the tree back as it was: renamed folders back, files restored, new files removed. */
async function restore (renamed: Array<[from: string, to: string]>) {
  for (const [from, to] of renamed.reverse()) await rename(to, from)
  for (const file of await listFiles(contentDir)) if (!original.has(file)) await unlink(file)
  for (const [file, bytes] of original) {
    const now = await readFile(file).catch(() => undefined)
    if (now === undefined || !now.equals(bytes)) await writeFile(file, bytes)
  }
}

function kindOf (file: string): ContentFileKind {
  const name = basename(file)
  if (name === 'roadmap.yaml') return 'roadmap'
  if (name === 'version.yaml') return 'version'
  return ({ steps: 'step', tools: 'tool', resources: 'resource' } as const)[basename(dirname(file)) as 'steps' | 'tools' | 'resources']
}

const isEntity = (file: string) => ['steps', 'tools', 'resources'].includes(basename(dirname(file)))
const idOf = (file: string) => basename(file).replace(/\.ya?ml$/, '')
const schemaOf = (file: string) => contentFileSchemas[kindOf(file)] as unknown as TObject

const VALUES = { string: 'some text', number: 42, list: ['a', 'b'], map: { a: 1 }, null: null, boolean: true, empty: '' } as const

type Edit =
  | { kind: 'delete-field', pick: number }
  | { kind: 'retype-field', pick: number, to: keyof typeof VALUES }
  | { kind: 'unknown-field' }
  | { kind: 'duplicate-entry', pick: number }
  | { kind: 'break-syntax', line: number, how: 'quote' | 'bracket' | 'brace' | 'duplicate-key' | 'indent' | 'tab' | 'colons' | 'dash' | 'alias' }
  | { kind: 'copy-file', as: 'same-id' | 'new-name' }
  | { kind: 'empty' }
  | { kind: 'junk', at: number, bytes: Uint8Array | 'bom' | 'nul' | 'invalid-utf8' }
  | { kind: 'delete-file' }
  | { kind: 'rename-file', to: string }
  | { kind: 'rename-version-folder', to: string }
  | { kind: 'replace-text', at: number, length: number, text: string }

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('delete-field' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype-field' as const), pick: fc.nat(), to: fc.constantFrom(...Object.keys(VALUES) as Array<keyof typeof VALUES>) }),
  fc.record({ kind: fc.constant('unknown-field' as const) }),
  fc.record({ kind: fc.constant('duplicate-entry' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('break-syntax' as const), line: fc.nat(), how: fc.constantFrom('quote', 'bracket', 'brace', 'duplicate-key', 'indent', 'tab', 'colons', 'dash', 'alias') }),
  fc.record({ kind: fc.constant('copy-file' as const), as: fc.constantFrom('same-id', 'new-name') }),
  fc.record({ kind: fc.constant('empty' as const) }),
  fc.record({ kind: fc.constant('junk' as const), at: fc.nat(), bytes: fc.oneof(fc.constantFrom('bom' as const, 'nul' as const, 'invalid-utf8' as const), fc.uint8Array({ minLength: 1, maxLength: 16 })) }),
  fc.record({ kind: fc.constant('delete-file' as const) }),
  fc.record({ kind: fc.constant('rename-file' as const), to: fc.constantFrom('Bad Name', 'UPPER', '-dash', 'under_score', 'a--b', '.hidden', 'x'.repeat(150)) }),
  fc.record({ kind: fc.constant('rename-version-folder' as const), to: fc.constantFrom('v1', '2024-13-01', '2024-01-1', 'latest', '2023-12-31') }),
  fc.record({ kind: fc.constant('replace-text' as const), at: fc.nat(), length: fc.integer({ min: 0, max: 20 }), text: fc.string({ unit: 'grapheme', maxLength: 20 }) })
)

/** Applies an edit to one file; answers whether the content is then certainly invalid. */
async function apply (edit: Edit, file: string, renamed: Array<[string, string]>): Promise<boolean> {
  const text = original.get(file)!.toString('utf8')
  const document = parseDocument(text)
  const data = document.toJS() as Record<string, unknown>
  const keys = Object.keys(data)
  const schema = schemaOf(file)
  const lines = text.split('\n')
  switch (edit.kind) {
    case 'delete-field': {
      const key = keys[edit.pick % keys.length]!
      document.delete(key)
      await writeFile(file, document.toString())
      // A required field with a default (an empty list) may be left out.
      return (schema.required ?? []).includes(key) && !('default' in schema.properties[key]!)
    }
    case 'retype-field': {
      const key = keys[edit.pick % keys.length]!
      document.set(key, VALUES[edit.to])
      await writeFile(file, document.toString())
      return !Value.Check(schema.properties[key]!, VALUES[edit.to])
    }
    case 'unknown-field':
      document.set('bogusField', 'x')
      await writeFile(file, document.toString())
      return schema.additionalProperties === false
    case 'duplicate-entry': {
      const lists = keys.filter((key) => Array.isArray(data[key]) && (data[key] as unknown[]).length > 0)
      if (lists.length === 0) return false
      const key = lists[edit.pick % lists.length]!
      const list = data[key] as unknown[]
      document.set(key, [...list, list[0]])
      await writeFile(file, document.toString())
      // A step naming a tool or resource twice is an error; other lists may repeat.
      return kindOf(file) === 'step' && (key === 'tools' || key === 'resources')
    }
    case 'break-syntax': {
      const at = edit.line % (lines.length + 1)
      const inserted: Record<typeof edit.how, string | undefined> = {
        quote: 'broken: "unterminated',
        bracket: 'broken: [a, b',
        brace: 'broken: {a: 1',
        'duplicate-key': lines[0],
        colons: ': : :',
        dash: '- item',
        alias: 'broken: *nowhere',
        indent: undefined,
        tab: undefined
      }
      const line = inserted[edit.how]
      if (line !== undefined) lines.splice(at, 0, line)
      else if (at < lines.length) lines[at] = `${edit.how === 'tab' ? '\t' : '   '}${lines[at]}`
      await writeFile(file, lines.join('\n'))
      return ['quote', 'bracket', 'brace', 'duplicate-key', 'alias'].includes(edit.how)
    }
    case 'copy-file': {
      if (!isEntity(file)) return false
      await writeFile(join(dirname(file), edit.as === 'same-id' ? `${idOf(file)}.yml` : `${idOf(file)}-copy.yaml`), text)
      // The same id twice; or, under a new id, a step with the same order, or a tool or resource no step names.
      return true
    }
    case 'empty':
      await writeFile(file, '')
      return true
    case 'junk': {
      const bytes = edit.bytes === 'bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : edit.bytes === 'nul' ? Buffer.from([0]) : edit.bytes === 'invalid-utf8' ? Buffer.from([0xff, 0xfe, 0xc3]) : Buffer.from(edit.bytes)
      const source = original.get(file)!
      const at = edit.bytes === 'bom' ? 0 : edit.at % (source.length + 1)
      await writeFile(file, Buffer.concat([source.subarray(0, at), bytes, source.subarray(at)]))
      return false
    }
    case 'delete-file':
      await unlink(file)
      // Metadata is required; an entity another file refers to leaves a dangling reference.
      return !isEntity(file) || isReferenced(file)
    case 'rename-file':
      if (!isEntity(file)) return false
      await rename(file, join(dirname(file), `${edit.to}.yaml`))
      // A hidden file is not read at all, which leaves the references to it dangling.
      return edit.to.startsWith('.') ? isReferenced(file) : true
    case 'rename-version-folder': {
      const versionDir = join(contentDir, 'demo', 'versions', '2024-01-01')
      const target = join(dirname(versionDir), edit.to)
      await rename(versionDir, target)
      renamed.push([versionDir, target])
      // `latest` and `published` name 2024-01-01, and the folder name is the version id.
      return true
    }
    case 'replace-text': {
      const at = edit.at % (text.length + 1)
      await writeFile(file, text.slice(0, at) + edit.text + text.slice(at + edit.length))
      return false
    }
  }
}

/** Whether another file names this entity (as a parent, or in a list of tools or resources). */
function isReferenced (file: string): boolean {
  const id = idOf(file)
  return [...original].some(([other, bytes]) => {
    if (other === file || !isEntity(other)) return false
    const data = parseDocument(bytes.toString('utf8')).toJS() as Record<string, unknown>
    return data['parent'] === id || [data['tools'], data['resources']].some((list) => Array.isArray(list) && list.includes(id))
  })
}

async function issueBreaches (result: ContentLoadResult): Promise<string[]> {
  if (result.ok) return []
  const found: string[] = []
  if (result.issues.length === 0) found.push('not ok, but no issues')
  for (const issue of result.issues) {
    const where = JSON.stringify(issue)
    const path = resolve(issue.file)
    if (typeof issue.file !== 'string' || issue.file === '') found.push(`no file: ${where}`)
    else if (path !== contentDir && !path.startsWith(`${contentDir}${sep}`)) found.push(`file outside the content folder: ${where}`)
    else {
      // A missing file (roadmap.yaml, version.yaml) is reported at its path; its folder exists.
      const exists = await stat(path).catch(() => undefined)
      const parent = await stat(dirname(path)).catch(() => undefined)
      if (exists === undefined && parent?.isDirectory() !== true) found.push(`file does not exist: ${where}`)
      if (exists?.isFile() === true) {
        const lineCount = (await readFile(path, 'utf8')).split('\n').length
        if (issue.line > lineCount + 1) found.push(`line ${issue.line} past the end (${lineCount} lines): ${where}`)
      }
    }
    if (!Number.isInteger(issue.line) || issue.line < 1) found.push(`line: ${where}`)
    if (!Number.isInteger(issue.column) || issue.column < 1) found.push(`column: ${where}`)
    if (typeof issue.field !== 'string') found.push(`field: ${where}`)
    if (typeof issue.message !== 'string' || issue.message.trim() === '') found.push(`message: ${where}`)
  }
  return found
}

describe('the content loader under random edits', () => {
  it(`never throws, reports every problem at a real place, and catches known breakage (${RUNS} runs)`, async () => {
    let rejected = 0
    await fc.assert(fc.asyncProperty(fc.nat(), editArbitrary, async (pick, edit) => {
      const file = files[pick % files.length]!
      const renamed: Array<[string, string]> = []
      try {
        const breaks = await apply(edit, file, renamed)
        let result: ContentLoadResult | undefined
        let thrown: unknown
        try {
          result = await loadContent(contentDir)
        } catch (error) {
          thrown = error
        }
        const context = `${relative(contentDir, file)} ${JSON.stringify(edit)}`
        expect(thrown, `loadContent threw after ${context}`).toBeUndefined()
        expect(await issueBreaches(result!), context).toEqual([])
        if (breaks) expect(result!.ok, `${context} must be reported`).toBe(false)
        if (!result!.ok) rejected++
      } finally {
        await restore(renamed)
      }
    }), runs(RUNS))
    // Most edits break the content; the loader must have said so for them.
    expect(rejected).toBeGreaterThan(RUNS / 2)
    expect((await loadContent(contentDir)).ok).toBe(true)
  })
})
