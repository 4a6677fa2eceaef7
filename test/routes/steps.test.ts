import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { FIRST, LATEST, SECOND, allResources, buildFieldGuideApp, getJson, onePage, problem, resources, stepTree, steps, tools } from './field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

describe('GET /v1/roadmaps/{slug}/versions/{version}/steps', () => {
  it('serves the step tree by default', async () => {
    const { response, body } = await getJson(app, `${SECOND}/steps`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(body).toEqual(onePage(stepTree))
  })

  it('serves the tree of the version asked for', async () => {
    const { body } = await getJson(app, `${FIRST}/steps`)
    expect(body).toEqual(onePage([
      {
        ...steps.foundations,
        children: [{ ...steps.shell, summary: 'Drive the machine from a terminal.', tools: ['bash'], resources: ['linux-command-line'], children: [] }]
      },
      { ...steps.containers, tools: ['docker'], resources: ['docker-handbook'], children: [] }
    ]))
  })

  it('lists every step without nesting, in reading order, with view=flat', async () => {
    const { body } = await getJson(app, `${SECOND}/steps?view=flat`)
    expect(body).toEqual(onePage([steps.foundations, steps.shell, steps.shellScripting, steps.versionControl, steps.containers, steps.docker, steps.orchestration, steps.monitoring]))
  })

  it('filters by parent: the sub-steps of one step, each with its own sub-tree in the tree view', async () => {
    expect((await getJson(app, `${SECOND}/steps?parent=foundations`)).body).toEqual(onePage(stepTree[0]!.children))
    expect((await getJson(app, `${SECOND}/steps?parent=foundations&view=flat`)).body).toEqual(onePage([steps.shell, steps.versionControl]))
    expect((await getJson(app, `${SECOND}/steps?parent=shell-scripting`)).body).toEqual(onePage([]))
  })

  it('filters by depth', async () => {
    expect((await getJson(app, `${SECOND}/steps?depth=1&view=flat`)).body).toEqual(onePage([steps.foundations, steps.containers, steps.monitoring]))
    expect((await getJson(app, `${SECOND}/steps?depth=2`)).body).toEqual(onePage([
      { ...steps.shell, children: [{ ...steps.shellScripting, children: [] }] },
      { ...steps.versionControl, children: [] },
      { ...steps.docker, children: [] },
      { ...steps.orchestration, children: [] }
    ]))
    expect((await getJson(app, `${SECOND}/steps?depth=3&view=flat`)).body).toEqual(onePage([steps.shellScripting]))
    expect((await getJson(app, `${SECOND}/steps?depth=4`)).body).toEqual(onePage([]))
  })

  it('combines parent and depth', async () => {
    expect((await getJson(app, `${SECOND}/steps?parent=containers&depth=2&view=flat`)).body).toEqual(onePage([steps.docker, steps.orchestration]))
    expect((await getJson(app, `${SECOND}/steps?parent=containers&depth=3&view=flat`)).body).toEqual(onePage([]))
  })

  it('answers 400 naming the parameter for an unknown parent, depth 0 or an unknown view', async () => {
    const unknownParent = await getJson(app, `${SECOND}/steps?parent=cooking`)
    expect(unknownParent.response.statusCode).toBe(400)
    expect(unknownParent.response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(unknownParent.body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'Parameter "parent" refers to step "cooking", which field-guide/2024-02-01 does not have', `${SECOND}/steps?parent=cooking`))

    const depthZero = await getJson(app, `${SECOND}/steps?depth=0`)
    expect(depthZero.body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'query parameter "depth" must be >= 1', `${SECOND}/steps?depth=0`, {
      invalidParams: [{ in: 'query', name: 'depth', reason: 'must be >= 1' }]
    }))

    const badView = await getJson<{ invalidParams: Array<{ name: string }> }>(app, `${SECOND}/steps?view=nested`)
    expect(badView.response.statusCode).toBe(400)
    expect(new Set(badView.body.invalidParams.map((param) => param.name))).toEqual(new Set(['view']))
  })
})

describe('GET /v1/roadmaps/{slug}/versions/{version}/steps/{stepId}', () => {
  it('serves a step with its breadcrumbs, children, neighbours in reading order, tools and resources', async () => {
    const { response, body } = await getJson(app, `${SECOND}/steps/shell`)
    expect(response.statusCode).toBe(200)
    expect(body).toEqual({
      step: steps.shell,
      breadcrumbs: [steps.foundations],
      children: [steps.shellScripting],
      previous: steps.foundations,
      next: steps.shellScripting,
      tools: [tools.bash, tools.vim],
      resources: [resources.linuxCommandLine, resources.vimAdventures]
    })
  })

  it('gives a deep step every ancestor, root first, and crosses sections in reading order', async () => {
    expect((await getJson(app, `${SECOND}/steps/shell-scripting`)).body).toEqual({
      step: steps.shellScripting,
      breadcrumbs: [steps.foundations, steps.shell],
      children: [],
      previous: steps.shell,
      next: steps.versionControl,
      tools: [tools.bash],
      resources: [resources.bashGuide]
    })
    expect((await getJson(app, `${SECOND}/steps/version-control`)).body).toMatchObject({ previous: steps.shellScripting, next: steps.containers })
  })

  it('has no previous step for the first and no next step for the last', async () => {
    expect((await getJson(app, `${LATEST}/steps/foundations`)).body).toEqual({
      step: steps.foundations,
      breadcrumbs: [],
      children: [steps.shell, steps.versionControl],
      previous: null,
      next: steps.shell,
      tools: [],
      resources: []
    })
    expect((await getJson(app, `${LATEST}/steps/monitoring`)).body).toEqual({
      step: steps.monitoring,
      breadcrumbs: [],
      children: [],
      previous: steps.orchestration,
      next: null,
      tools: [tools.prometheus, tools.grafana],
      resources: [allResources.at(-1)]
    })
  })

  it('answers 404 with the id for a step the version does not have, even if another version has it', async () => {
    const { response, body } = await getJson(app, `${FIRST}/steps/monitoring`)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_STEP_NOT_FOUND', 'Version field-guide/2024-01-01 has no step "monitoring"', `${FIRST}/steps/monitoring`))
  })

  it('answers 400 naming stepId for an id that cannot exist', async () => {
    const { response, body } = await getJson(app, `${SECOND}/steps/Not_An_Id`)
    expect(response.statusCode).toBe(400)
    expect(body).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', invalidParams: [{ in: 'path', name: 'stepId', reason: expect.stringContaining('pattern') }] })
  })
})
