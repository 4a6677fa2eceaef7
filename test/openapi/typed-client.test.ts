import createClient from 'openapi-fetch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import type { paths } from '../generated/openapi.js'
import { buildFieldGuideApp, resources, steps, tools } from '../routes/field-guide.js'

/*
 * A consumer's view of the contract: a client typed from the committed openapi/openapi.json
 * (openapi-typescript + openapi-fetch) against a real server. The type checker runs over this
 * file, so a route whose schema drifts from what it returns breaks the build here.
 */

let app: App
let client: ReturnType<typeof createClient<paths>>
beforeAll(async () => {
  app = await buildFieldGuideApp()
  const address = await app.listen({ port: 0, host: '127.0.0.1' })
  client = createClient<paths>({ baseUrl: address })
})
afterAll(async () => { await app.close() })

const version = { slug: 'field-guide', version: 'latest' }

describe('a client generated from the OpenAPI document', () => {
  it('reads a step page with its breadcrumbs, neighbours, tools and resources', async () => {
    const { data, error, response } = await client.GET('/v1/roadmaps/{slug}/versions/{version}/steps/{stepId}', {
      params: { path: { ...version, stepId: 'shell-scripting' } }
    })
    expect(error).toBeUndefined()
    expect(response.headers.get('content-location')).toBe('/v1/roadmaps/field-guide/versions/2024-02-01/steps/shell-scripting')
    expect(data!.breadcrumbs.map((step) => step.title)).toEqual([steps.foundations.title, steps.shell.title])
    expect(data!.previous?.id).toBe('shell')
    expect(data!.next?.id).toBe('version-control')
    expect(data!.tools).toEqual([tools.bash])
    expect(data!.resources).toEqual([resources.bashGuide])
  })

  it('pages through a filtered list with the cursors it is given', async () => {
    const names: string[] = []
    let cursor: string | undefined
    do {
      const { data } = await client.GET('/v1/roadmaps/{slug}/versions/{version}/resources', {
        params: { path: version, query: { kind: 'book', limit: 1, ...(cursor === undefined ? {} : { cursor }) } }
      })
      names.push(...data!.items.map((resource) => resource.title))
      cursor = data!.nextCursor ?? undefined
    } while (cursor !== undefined)
    expect(names).toEqual([resources.linuxCommandLine.title, resources.proGit.title, resources.kubernetesUpAndRunning.title])
  })

  it('searches and gets typed hits', async () => {
    const { data } = await client.GET('/v1/roadmaps/{slug}/versions/{version}/search', { params: { path: version, query: { q: 'grafana' } } })
    const kinds: Array<'step' | 'tool' | 'resource'> = data!.items.map((hit) => hit.kind)
    expect(kinds[0]).toBe('tool')
    expect(data!.items[0]).toMatchObject({ id: 'grafana', snippet: '<mark>Grafana</mark>' })
  })

  it('reads the full snapshot, compressed on the wire', async () => {
    const { data, response } = await client.GET('/v1/roadmaps/{slug}/versions/{version}', { params: { path: { slug: 'field-guide', version: '2024-01-01' } } })
    expect(['br', 'gzip']).toContain(response.headers.get('content-encoding'))
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(data!.version.id).toBe('2024-01-01')
    expect(data!.steps.map((step) => step.children.map((child) => child.id))).toEqual([['shell'], []])
  })

  it('gets a typed problem for a bad filter value and for an unknown id', async () => {
    const badKind = await client.GET('/v1/roadmaps/{slug}/versions/{version}/resources', {
      // @ts-expect-error the contract only allows the resource kinds it lists
      params: { path: version, query: { kind: 'podcast' } }
    })
    expect(badKind.response.status).toBe(400)
    expect(badKind.response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(badKind.error?.invalidParams?.map((param) => param.name)).toContain('kind')

    const unknown = await client.GET('/v1/roadmaps/{slug}/versions/{version}/tools/{toolId}', { params: { path: { ...version, toolId: 'emacs' } } })
    expect(unknown.response.status).toBe(404)
    expect(unknown.error).toMatchObject({ code: 'ROADMAP_ERR_TOOL_NOT_FOUND', detail: 'Version field-guide/2024-02-01 has no tool "emacs"' })
  })
})
