import { describe, expect, it } from 'vitest'
import { loadContent } from '../../src/content/pipeline.js'
import { formatIssue } from '../../src/content/validate.js'
import { fixtureDir } from '../helpers/app.js'

const V = 'demo/versions/2024-01-01'

/* Each fixture breaks one rule; the report must name the file, line, column, field and problem exactly. */
const cases: Record<string, string[]> = {
  'schema-wrong-type': [`${V}/steps/shell-use.yaml:4:8 order: expected integer`],
  'unknown-field': [`${V}/tools/shell.yaml:4:1 hompage: unknown field "hompage": allowed fields are name, category, homepage, description`],
  'missing-field': [`${V}/resources/shell-book.yaml:1:1 title: is required (the title as the source prints it)`],
  'duplicate-id': [`${V}/tools/shell.yml:1:1 duplicate tool id "shell": test/fixtures/content/duplicate-id/${V}/tools/shell.yaml has the same id`],
  'dangling-reference': [`${V}/steps/shell-use.yaml:6:16 tools[1]: refers to tool "bash", which does not exist in version 2024-01-01`],
  'orphan-tool': [`${V}/tools/zsh.yaml:1:1 tool "zsh" is not named by any step of version 2024-01-01`],
  'orphan-resource': [`${V}/resources/shell-tips.yaml:1:1 resource "shell-tips" is not recommended by any step of version 2024-01-01`],
  'duplicate-order': [
    `${V}/steps/advanced.yaml:3:8 order: 1 is also the order of "basics" under the top level`,
    `${V}/steps/basics.yaml:3:8 order: 1 is also the order of "advanced" under the top level`
  ],
  'missing-order': [`${V}/steps/advanced.yaml:3:8 order: leaves a gap: no step has order 2 under the top level`],
  'number-mismatch': [`${V}/steps/shell-use.yaml:1:9 number: is "1.2" but its parent and order make it "1.1"`],
  'parent-cycle': [
    `${V}/steps/basics.yaml:4:9 parent: makes a cycle: basics -> shell-use -> basics`,
    `${V}/steps/shell-use.yaml:3:9 parent: makes a cycle: shell-use -> basics -> shell-use`
  ],
  'non-http-url': [`${V}/resources/shell-book.yaml:5:6 url: must be an http(s) URL, not "ftp://example.org/shell-book"`],
  'tracking-parameter': [`${V}/resources/shell-book.yaml:5:6 url: has the tracking parameter "utm_source": store the canonical URL without it`],
  'version-without-metadata': [`${V}/version.yaml:1:1 is missing: every version needs metadata (title, published, source, notes)`],
  'latest-nowhere': ['demo/roadmap.yaml:8:9 latest: points to version "2024-02-01", which does not exist (versions: 2024-01-01)'],
  'yaml-syntax-error': [`${V}/tools/shell.yaml:3:1 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`]
}

describe('content validation', () => {
  it('accepts the valid fixture and the shipped content', async () => {
    expect((await loadContent(fixtureDir('valid'))).ok).toBe(true)
    const shipped = await loadContent('content')
    expect(shipped.ok ? [] : shipped.issues.map(formatIssue)).toEqual([])
  })

  for (const [name, expected] of Object.entries(cases)) {
    it(`reports ${name} with its file, line and field`, async () => {
      const result = await loadContent(fixtureDir(name))
      expect(result.ok).toBe(false)
      const lines = result.ok ? [] : result.issues.map(formatIssue)
      expect(lines).toEqual(expected.map((line) => `test/fixtures/content/${name}/${line}`))
    })
  }

  it('reports every problem at once, sorted by file and line', async () => {
    const result = await loadContent(fixtureDir('many-problems'))
    const lines = result.ok ? [] : result.issues.map(formatIssue)
    expect(lines).toEqual([
      'test/fixtures/content/many-problems/demo/roadmap.yaml:8:9 latest: points to version "2025-01-01", which does not exist (versions: 2024-01-01)',
      `test/fixtures/content/many-problems/${V}/steps/shell-use.yaml:6:16 tools[1]: refers to tool "bash", which does not exist in version 2024-01-01`,
      expect.stringMatching(new RegExp(`^test/fixtures/content/many-problems/${V}/tools/zsh.yaml:2:11 category: must be one of "programming-language", .*, not "terminal"$`))
    ])
  })

  it('reports an empty content folder', async () => {
    const result = await loadContent(fixtureDir('does-not-exist'))
    expect(result.ok ? [] : result.issues.map(formatIssue)).toEqual(['test/fixtures/content/does-not-exist:1:1 holds no roadmap: expected content/<slug>/roadmap.yaml'])
  })
})
