import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { FIRST, LATEST, SECOND, allResources, buildFieldGuideApp, getJson, onePage, problem, resources, steps, tools } from './field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

const { linuxCommandLine, vimAdventures, bashGuide, proGit, dockerHandbook, kubernetesUpAndRunning, observabilityTalk } = resources

describe('GET /v1/roadmaps/{slug}/versions/{version}/resources', () => {
  it('lists every resource in order of first recommendation', async () => {
    const { response, body } = await getJson(app, `${SECOND}/resources`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(body).toEqual(onePage(allResources))
  })

  it('filters by kind', async () => {
    expect((await getJson(app, `${SECOND}/resources?kind=book`)).body).toEqual(onePage([linuxCommandLine, proGit, kubernetesUpAndRunning]))
    expect((await getJson(app, `${SECOND}/resources?kind=course`)).body).toEqual(onePage([]))
  })

  it('filters by the step that recommends the resource', async () => {
    expect((await getJson(app, `${SECOND}/resources?step=shell`)).body).toEqual(onePage([linuxCommandLine, vimAdventures]))
    expect((await getJson(app, `${SECOND}/resources?step=docker`)).body).toEqual(onePage([dockerHandbook]))
  })

  it('filters by the tool the resource is about', async () => {
    expect((await getJson(app, `${SECOND}/resources?tool=bash`)).body).toEqual(onePage([linuxCommandLine, bashGuide]))
    expect((await getJson(app, `${SECOND}/resources?tool=grafana`)).body).toEqual(onePage([observabilityTalk]))
  })

  it('filters by whether the resource has a URL', async () => {
    expect((await getJson(app, `${SECOND}/resources?hasUrl=false`)).body).toEqual(onePage([bashGuide, kubernetesUpAndRunning]))
    expect((await getJson(app, `${SECOND}/resources?hasUrl=true`)).body).toEqual(onePage([linuxCommandLine, vimAdventures, proGit, dockerHandbook, observabilityTalk]))
  })

  it('combines filters', async () => {
    expect((await getJson(app, `${SECOND}/resources?kind=book&hasUrl=true&tool=git&step=version-control`)).body).toEqual(onePage([proGit]))
    expect((await getJson(app, `${SECOND}/resources?kind=book&tool=vim`)).body).toEqual(onePage([]))
  })

  it('answers 400 naming the parameter for an unknown kind, step or tool, or a hasUrl that is not a boolean', async () => {
    const kind = await getJson<{ invalidParams: Array<{ name: string }> }>(app, `${SECOND}/resources?kind=podcast`)
    expect(kind.response.statusCode).toBe(400)
    expect(new Set(kind.body.invalidParams.map((param) => param.name))).toEqual(new Set(['kind']))

    expect((await getJson(app, `${SECOND}/resources?step=cooking`)).body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'Parameter "step" refers to step "cooking", which field-guide/2024-02-01 does not have', `${SECOND}/resources?step=cooking`))
    expect((await getJson(app, `${FIRST}/resources?tool=git`)).body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'Parameter "tool" refers to tool "git", which field-guide/2024-01-01 does not have', `${FIRST}/resources?tool=git`))

    const hasUrl = await getJson(app, `${SECOND}/resources?hasUrl=maybe`)
    expect(hasUrl.body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'query parameter "hasUrl" must be boolean', `${SECOND}/resources?hasUrl=maybe`, {
      invalidParams: [{ in: 'query', name: 'hasUrl', reason: 'must be boolean' }]
    }))
  })
})

describe('GET /v1/roadmaps/{slug}/versions/{version}/resources/{resourceId}', () => {
  it('serves a resource with the steps that recommend it and the tools it is about', async () => {
    const { response, body } = await getJson(app, `${LATEST}/resources/observability-talk`)
    expect(response.statusCode).toBe(200)
    expect(body).toEqual({ resource: observabilityTalk, steps: [steps.monitoring], tools: [tools.prometheus, tools.grafana] })
  })

  it('keeps the optional fields the source gives and omits the others', async () => {
    expect((await getJson(app, `${SECOND}/resources/kubernetes-up-and-running`)).body).toEqual({ resource: kubernetesUpAndRunning, steps: [steps.orchestration], tools: [tools.kubernetes] })
  })

  it('answers 404 with the id for a resource the version does not have', async () => {
    const { response, body } = await getJson(app, `${FIRST}/resources/pro-git`)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_RESOURCE_NOT_FOUND', 'Version field-guide/2024-01-01 has no resource "pro-git"', `${FIRST}/resources/pro-git`))
  })
})
