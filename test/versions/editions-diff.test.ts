/*
 * Diffs of the three shipped editions, checked against facts read from the source texts in
 * /work/shared/sources (the Medium article of 2023-12-21 and the README at 80edc5c and 52a7b05):
 * the six sections and ten sub-sections stay in place, the READMEs title-case the headings, the
 * article's prose names tools the READMEs drop, and the last README adds courses and links.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

interface FieldChange { field: string, from: unknown, to: unknown }
interface Changed { id: string, title: string, changes: FieldChange[] }
interface Counts { added: number, removed: number, changed: number, unchanged: number }
interface VersionDiff {
  from: { id: string }
  to: { id: string }
  summary: { steps: Counts, tools: Counts, resources: Counts }
  steps: { added: Array<{ id: string }>, removed: Array<{ id: string }>, changed: Changed[] }
  tools: { added: Array<{ id: string, name: string }>, removed: Array<{ id: string, name: string }>, changed: Changed[] }
  resources: { added: Array<{ id: string, title: string, url?: string }>, removed: Array<{ id: string, title: string }>, changed: Changed[] }
}

const ARTICLE = '2023-12-21'
const FIRST_README = '2023-12-27'
const LINKED_README = '2024-01-12'

/** Every tool the article names in its prose and neither README names. */
const ARTICLE_ONLY_TOOLS = ['GitLab', 'Metaflow', 'Databricks', 'AWS Sagemaker', 'Azure ML', 'Vertex AI', 'Kubeflow pipelines', 'Evidently.ai', 'NannyML']

/** Headings as the article prints them and as both READMEs print them. */
const RETITLED_SECTIONS = [
  ['Machine learning fundamentals', 'Machine Learning Fundamentals'],
  ['MLOps principles', 'MLOps Principles'],
  ['MLOps components', 'MLOps Components'],
  ['Infrastructure as code: Terraform', 'Infrastructure as Code: Terraform']
]

const STRUCTURE_FIELDS = ['number', 'parent', 'order', 'depth']

describe('diffs of the shipped MLOps editions', () => {
  let app: App
  const diff = async (from: string, to: string) => {
    const response = await app.inject(`/v1/roadmaps/mlops/diff?from=${from}&to=${to}`)
    expect(response.statusCode).toBe(200)
    return response.json<VersionDiff>()
  }
  beforeAll(async () => { app = await buildTestApp() })
  afterAll(() => app.close())

  it(`${ARTICLE} -> ${LINKED_README}: Fast.ai and Made with ML appear, Metaflow and GitLab disappear, the sections stay`, async () => {
    const body = await diff(ARTICLE, LINKED_README)
    expect(body.resources.added).toContainEqual(expect.objectContaining({ title: 'Fast.ai', url: 'https://course.fast.ai' }))
    expect(body.resources.added).toContainEqual(expect.objectContaining({ title: 'Made with ML MLOps Course', url: 'https://madewithml.com/courses/mlops/' }))
    expect(body.tools.removed.map((tool) => tool.name).sort()).toEqual([...ARTICLE_ONLY_TOOLS].sort())
    expect(body.tools.added).toEqual([])

    // Six sections and ten sub-sections in both, none added, removed or moved.
    expect(body.summary.steps.added + body.summary.steps.removed).toBe(0)
    expect(body.summary.steps.changed + body.summary.steps.unchanged).toBe(16)
    const structural = body.steps.changed.flatMap((step) => step.changes.filter((change) => STRUCTURE_FIELDS.includes(change.field)))
    expect(structural).toEqual([])
  })

  it(`${ARTICLE} -> ${FIRST_README}: the README title-cases the headings and spells FastAPI`, async () => {
    const body = await diff(ARTICLE, FIRST_README)
    const titleChanges = body.steps.changed.flatMap((step) => step.changes.filter((change) => change.field === 'title').map((change) => [change.from, change.to]))
    for (const retitled of RETITLED_SECTIONS) expect(titleChanges).toContainEqual(retitled)
    expect(body.tools.changed).toContainEqual({ id: 'fastapi', title: 'FastAPI', changes: [{ field: 'name', from: 'FastApi', to: 'FastAPI' }] })
    expect(body.resources.added).toContainEqual(expect.objectContaining({ title: 'MLCourse.ai', url: 'https://mlcourse.ai/' }))
    expect(body.resources.removed.map((resource) => resource.title)).toContain('realpython.com')
  })

  it(`${FIRST_README} -> ${LINKED_README}: links arrive, without tracking parameters, and no tool changes`, async () => {
    const body = await diff(FIRST_README, LINKED_README)
    expect(body.summary.tools).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 21 })
    expect(body.summary.steps.added + body.summary.steps.removed).toBe(0)
    expect(body.summary.resources.removed).toBe(0)
    const urlChange = (title: string) => body.resources.changed.find((resource) => resource.title === title)?.changes.find((change) => change.field === 'url')
    expect(urlChange('Learn Python 3')).toEqual({ field: 'url', from: null, to: 'https://www.codecademy.com/learn/learn-python-3' })
    // The README's link carries utm_* and gclid parameters; the stored URL does not.
    expect(urlChange('Building and deploying ML pipelines')).toEqual({
      field: 'url',
      from: null,
      to: 'https://www.datacamp.com/tutorial/kubeflow-tutorial-building-and-deploying-machine-learning-pipelines'
    })
    expect(body.resources.added.map((resource) => resource.title)).toEqual(expect.arrayContaining(['Fast.ai', 'Made with ML MLOps Course', 'Version Control Missing Semester']))
  })

  it('`latest` resolves to the linked README in a diff', async () => {
    const response = await app.inject(`/v1/roadmaps/mlops/diff?from=${ARTICLE}&to=latest`)
    expect(response.headers['content-location']).toBe(`/v1/roadmaps/mlops/diff?from=${ARTICLE}&to=${LINKED_README}`)
    expect(response.json()).toEqual(await diff(ARTICLE, LINKED_README))
  })
})
