import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { Snapshot, StepNode } from '../../src/domain/api.js'
import { EDITION, INJECT_BASE, openShippedEdition } from './helpers.js'

/*
 * The properties schema.org defines for each type we emit (its own and inherited
 * ones, as listed on schema.org), so a misspelt or misplaced property fails here.
 */
const THING = ['name', 'description', 'url', 'identifier', 'alternateName', 'image', 'sameAs']
const CREATIVE_WORK = [...THING, 'author', 'publisher', 'provider', 'datePublished', 'inLanguage', 'version', 'isBasedOn', 'isPartOf', 'mentions', 'citation', 'text', 'alternativeHeadline', 'learningResourceType', 'position']
const ITEM_LIST = [...THING, 'itemListElement', 'numberOfItems', 'itemListOrder']
const LIST_ITEM = [...THING, 'position', 'item']
const VOCABULARY: Record<string, readonly string[]> = {
  HowTo: [...CREATIVE_WORK, 'step', 'tool', 'supply', 'totalTime', 'yield'],
  HowToSection: [...CREATIVE_WORK, ...ITEM_LIST, ...LIST_ITEM],
  HowToStep: [...CREATIVE_WORK, ...ITEM_LIST, ...LIST_ITEM],
  HowToTool: [...LIST_ITEM, 'requiredQuantity'],
  Book: [...CREATIVE_WORK, 'bookEdition', 'isbn', 'numberOfPages'],
  Course: [...CREATIVE_WORK, 'courseCode', 'coursePrerequisites'],
  VideoObject: [...CREATIVE_WORK, 'duration', 'uploadDate', 'thumbnailUrl', 'contentUrl'],
  SoftwareSourceCode: [...CREATIVE_WORK, 'codeRepository', 'programmingLanguage'],
  Article: [...CREATIVE_WORK, 'articleBody', 'wordCount'],
  LearningResource: [...CREATIVE_WORK, 'teaches', 'educationalLevel'],
  CreativeWork: CREATIVE_WORK,
  Person: [...THING, 'givenName', 'familyName'],
  Organization: [...THING, 'legalName']
}

type Node = Record<string, unknown>

/** Every node with a @type, anywhere in the document. */
function nodesOf (value: unknown): Node[] {
  if (Array.isArray(value)) return value.flatMap(nodesOf)
  if (value === null || typeof value !== 'object') return []
  const node = value as Node
  return [...(typeof node['@type'] === 'string' ? [node] : []), ...Object.values(node).flatMap(nodesOf)]
}

function vocabularyErrors (document: unknown): string[] {
  return nodesOf(document).flatMap((node) => {
    const type = node['@type'] as string
    const allowed = VOCABULARY[type]
    if (allowed === undefined) return [`unknown type ${type}`]
    return Object.keys(node).filter((key) => !key.startsWith('@') && !allowed.includes(key)).map((key) => `${type} has no property ${key}`)
  })
}

interface LdStep { '@type': string, '@id': string, identifier: string, position: number, name: string, text: string, url: string, numberOfItems?: number, itemListElement?: LdStep[], mentions?: Node[], citation?: Node[] }

let app: App
let snapshot: Snapshot
let steps: StepNode[]
beforeAll(async () => { ({ app, snapshot, steps } = await openShippedEdition()) })
afterAll(async () => { await app.close() })

const snapshotUrl = `/v1/roadmaps/mlops/versions/${EDITION}`
const asJsonLd = (accept = 'application/ld+json', url = snapshotUrl) => app.inject({ url, headers: { accept } })

describe('the snapshot as schema.org JSON-LD', () => {
  it('is served for Accept: application/ld+json on the snapshot URL', async () => {
    const response = await asJsonLd()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8')
    expect(String(response.headers.vary).toLowerCase().split(/,\s*/)).toContain('accept')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('is a HowTo using only properties schema.org defines for each type', async () => {
    const document = (await asJsonLd()).json<Node>()
    expect(vocabularyErrors(document)).toEqual([])
    expect(document).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'HowTo',
      '@id': `${INJECT_BASE}${snapshotUrl}`,
      url: `${INJECT_BASE}/embed/mlops/${EDITION}`,
      name: snapshot.roadmap.title,
      version: EDITION,
      datePublished: snapshot.version.published,
      inLanguage: 'en',
      author: [{ '@type': 'Person', name: 'Maria Vechtomova' }],
      publisher: { '@type': 'Organization', name: 'Marvelous MLOps' },
      isBasedOn: { '@type': 'CreativeWork', url: snapshot.version.source.url },
      image: `${INJECT_BASE}${snapshotUrl}/diagram.svg`
    })
    expect((document['tool'] as Node[]).map((tool) => tool['name'])).toEqual(snapshot.tools.map((tool) => tool.name))
  })

  it('lists every step as an ordered ItemList: sections with sub-steps, positions from 1', async () => {
    const document = (await asJsonLd()).json<{ step: LdStep[] }>()
    const flatten = (list: LdStep[]): LdStep[] => list.flatMap((step) => [step, ...flatten(step.itemListElement ?? [])])
    expect(flatten(document.step).map((step) => step.identifier)).toEqual(steps.map((step) => step.id))
    const checkList = (list: LdStep[]) => {
      expect(list.map((step) => step.position)).toEqual(list.map((_step, index) => index + 1))
      for (const step of list) {
        const source = steps.find((candidate) => candidate.id === step.identifier)!
        expect(step).toMatchObject({ name: source.title, text: source.summary, url: `${INJECT_BASE}/embed/mlops/${EDITION}?step=${source.id}`, '@id': `${INJECT_BASE}${snapshotUrl}/steps/${source.id}` })
        if (source.children.length > 0) {
          expect(step['@type']).toBe('HowToSection')
          expect(step.numberOfItems).toBe(source.children.length)
          checkList(step.itemListElement!)
        } else {
          expect(step['@type']).toBe('HowToStep')
          expect(step.itemListElement).toBeUndefined()
        }
      }
    }
    checkList(document.step)
  })

  it('cites each step\'s resources typed for what they are, and mentions its tools', async () => {
    const document = (await asJsonLd()).json<{ step: LdStep[] }>()
    const flatten = (list: LdStep[]): LdStep[] => list.flatMap((step) => [step, ...flatten(step.itemListElement ?? [])])
    const expectedType: Record<string, string> = { book: 'Book', course: 'Course', 'skill-track': 'Course', video: 'VideoObject', repository: 'SoftwareSourceCode', article: 'Article' }
    for (const step of flatten(document.step)) {
      const source = steps.find((candidate) => candidate.id === step.identifier)!
      expect((step.citation ?? []).map((resource) => resource['identifier']), step.identifier).toEqual(source.resources)
      for (const cited of step.citation ?? []) {
        const resource = snapshot.resources.find((candidate) => candidate.id === cited['identifier'])!
        expect(cited).toMatchObject({ '@type': expectedType[resource.kind] ?? 'LearningResource', name: resource.title, learningResourceType: resource.kind })
        expect(cited['url']).toBe(resource.url)
        if (resource.kind === 'book' && resource.edition !== undefined) expect(cited['bookEdition']).toBe(resource.edition)
      }
      expect((step.mentions ?? []).map((tool) => tool['name'])).toEqual(source.tools.map((id) => snapshot.tools.find((tool) => tool.id === id)!.name))
    }
  })

  it('follows content negotiation: JSON stays the default', async () => {
    const kind = async (accept: string | undefined) => String((await app.inject({ url: snapshotUrl, headers: accept === undefined ? {} : { accept } })).headers['content-type'])
    expect(await kind(undefined)).toBe('application/json; charset=utf-8')
    expect(await kind('*/*')).toBe('application/json; charset=utf-8')
    expect(await kind('application/json')).toBe('application/json; charset=utf-8')
    expect(await kind('application/*')).toBe('application/json; charset=utf-8')
    expect(await kind('application/json, application/ld+json;q=0.5')).toBe('application/json; charset=utf-8')
    expect(await kind('application/ld+json;q=0')).toBe('application/json; charset=utf-8')
    expect(await kind('application/ld+json, application/json;q=0.9')).toBe('application/ld+json; charset=utf-8')
    expect(await kind('application/json;q=0.5, application/ld+json')).toBe('application/ld+json; charset=utf-8')
    expect(await kind('application/LD+JSON')).toBe('application/ld+json; charset=utf-8')
  })

  it('has its own ETag, revalidates, and resolves `latest` like the JSON snapshot', async () => {
    const ld = await asJsonLd()
    const json = await app.inject({ url: snapshotUrl })
    expect(ld.headers.etag).not.toBe(json.headers.etag)
    expect((await app.inject({ url: snapshotUrl, headers: { accept: 'application/ld+json', 'if-none-match': String(ld.headers.etag) } })).statusCode).toBe(304)
    const latest = await asJsonLd('application/ld+json', '/v1/roadmaps/mlops/versions/latest')
    expect(latest.headers['content-location']).toBe(snapshotUrl)
    expect(latest.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=600')
    expect(latest.json()).toEqual(ld.json())
  })

  it('answers problem+json for an unknown roadmap or version', async () => {
    for (const [url, code] of [['/v1/roadmaps/mlops/versions/2001-01-01', 'ROADMAP_ERR_VERSION_NOT_FOUND'], ['/v1/roadmaps/cooking/versions/latest', 'ROADMAP_ERR_ROADMAP_NOT_FOUND'], ['/v1/roadmaps/mlops/versions/soon', 'ROADMAP_ERR_INVALID_PARAMETER']] as const) {
      const response = await asJsonLd('application/ld+json', url)
      expect(response.headers['content-type'], url).toBe('application/problem+json; charset=utf-8')
      expect(response.json(), url).toMatchObject({ code })
    }
  })
})
