import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { FIRST, LATEST, SECOND, allTools, buildFieldGuideApp, getJson, onePage, problem, resources, steps, tools } from './field-guide.js'

let app: App
beforeAll(async () => { app = await buildFieldGuideApp() })
afterAll(async () => { await app.close() })

describe('GET /v1/roadmaps/{slug}/versions/{version}/tools', () => {
  it('lists every tool in order of first mention', async () => {
    const { response, body } = await getJson(app, `${SECOND}/tools`)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(body).toEqual(onePage(allTools))
  })

  it('lists the tools of the version asked for', async () => {
    expect((await getJson(app, `${FIRST}/tools`)).body).toEqual(onePage([
      { ...tools.bash, steps: ['shell'], resources: ['linux-command-line'] },
      { ...tools.docker, steps: ['containers'] }
    ]))
  })

  it('filters by category', async () => {
    expect((await getJson(app, `${SECOND}/tools?category=monitoring`)).body).toEqual(onePage([tools.prometheus]))
    expect((await getJson(app, `${SECOND}/tools?category=ml-platform`)).body).toEqual(onePage([]))
  })

  it('filters by the step that names the tool', async () => {
    expect((await getJson(app, `${SECOND}/tools?step=monitoring`)).body).toEqual(onePage([tools.prometheus, tools.grafana]))
    expect((await getJson(app, `${SECOND}/tools?step=shell&category=editor`)).body).toEqual(onePage([tools.vim]))
    expect((await getJson(app, `${SECOND}/tools?step=foundations`)).body).toEqual(onePage([]))
  })

  it('answers 400 naming the parameter for an unknown category or step', async () => {
    const category = await getJson<{ invalidParams: Array<{ in: string, name: string }> }>(app, `${SECOND}/tools?category=cooking`)
    expect(category.response.statusCode).toBe(400)
    expect(category.response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(category.body).toMatchObject({ code: 'ROADMAP_ERR_INVALID_PARAMETER', detail: expect.stringContaining('"category"') })
    expect(new Set(category.body.invalidParams.map((param) => `${param.in}:${param.name}`))).toEqual(new Set(['query:category']))

    const step = await getJson(app, `${SECOND}/tools?step=cooking`)
    expect(step.body).toEqual(problem(400, 'ROADMAP_ERR_INVALID_PARAMETER', 'Parameter "step" refers to step "cooking", which field-guide/2024-02-01 does not have', `${SECOND}/tools?step=cooking`))
  })
})

describe('GET /v1/roadmaps/{slug}/versions/{version}/tools/{toolId}', () => {
  it('serves a tool with the steps that name it and the resources about it', async () => {
    const { response, body } = await getJson(app, `${LATEST}/tools/bash`)
    expect(response.statusCode).toBe(200)
    expect(body).toEqual({ tool: tools.bash, steps: [steps.shell, steps.shellScripting], resources: [resources.linuxCommandLine, resources.bashGuide] })
  })

  it('tells a tool from a step with the same id', async () => {
    expect((await getJson(app, `${SECOND}/tools/docker`)).body).toEqual({ tool: tools.docker, steps: [steps.docker], resources: [resources.dockerHandbook] })
  })

  it('answers 404 with the id for a tool the version does not have', async () => {
    const { response, body } = await getJson(app, `${FIRST}/tools/grafana`)
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8')
    expect(body).toEqual(problem(404, 'ROADMAP_ERR_TOOL_NOT_FOUND', 'Version field-guide/2024-01-01 has no tool "grafana"', `${FIRST}/tools/grafana`))
  })
})
