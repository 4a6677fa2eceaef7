/*
 * Real queries against the two-edition `demo` fixture (test/graphql/fixtures/content),
 * asserting whole `data` payloads written by hand from the YAML files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { buildGraphQLApp, codesOf, data, globalId, post } from './helpers.js'

let app: App
const contentHash: Record<string, string> = {}

beforeAll(async () => {
  app = await buildGraphQLApp()
  // The hash is the store's; REST and GraphQL must give the same one.
  const versions = (await app.inject({ url: '/v1/roadmaps/demo/versions' })).json<{ items: Array<{ id: string, contentHash: string }> }>()
  for (const version of versions.items) contentHash[version.id] = version.contentHash
})

afterAll(async () => { await app.close() })

const ref = (slug: string) => ({ slug })

describe('Query.roadmaps and Query.roadmap', () => {
  it('lists every roadmap with all its fields', async () => {
    expect(await data(app, `{
      roadmaps {
        id slug title description authors { name url } publisher links { title url }
        latestVersion versionCount versions { versionId }
      }
    }`)).toEqual({
      roadmaps: [{
        id: globalId('Roadmap:demo'),
        slug: 'demo',
        title: 'Demo roadmap',
        description: 'Two small editions for the GraphQL tests.',
        authors: [{ name: 'Ada Author', url: 'https://example.org/ada' }],
        publisher: 'Example Press',
        links: [{ title: 'Home', url: 'https://example.org/demo' }],
        latestVersion: '2024-02-01',
        versionCount: 2,
        versions: [{ versionId: '2024-01-01' }, { versionId: '2024-02-01' }]
      }]
    })
  })

  it('finds a roadmap by slug, gives null for an unknown one and an error for a malformed one', async () => {
    expect(await data(app, '{ roadmap(slug: "demo") { slug title } }')).toEqual({ roadmap: { slug: 'demo', title: 'Demo roadmap' } })
    expect(await data(app, '{ roadmap(slug: "nothing-here") { slug } }')).toEqual({ roadmap: null })

    const { status, body } = await post(app, '{ roadmap(slug: "Not A Slug") { slug } }')
    expect(status).toBe(200)
    expect(body).toEqual({
      data: { roadmap: null },
      errors: [{
        message: 'Parameter "slug" must be a lower-case kebab-case id',
        locations: [{ line: 1, column: 3 }],
        path: ['roadmap'],
        extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' }
      }]
    })
  })
})

describe('Roadmap.version: latest and concrete versions', () => {
  const versionFields = `
    id versionId title published notes contentHash stepCount toolCount resourceCount
    source { type title publisher url repository commit path }
    roadmap { slug }
  `

  it('resolves `latest` (the default) to the newest edition, with its concrete id', async () => {
    const latest = await data(app, `{ roadmap(slug: "demo") { version { ${versionFields} } } }`)
    expect(latest).toEqual({
      roadmap: {
        version: {
          id: globalId('RoadmapVersion:demo/2024-02-01'),
          versionId: '2024-02-01',
          title: 'Demo, second edition',
          published: '2024-02-01',
          notes: ['Adds a section on containers.', 'Recommends a shell cheat sheet.'],
          contentHash: contentHash['2024-02-01'],
          stepCount: 4,
          toolCount: 2,
          resourceCount: 4,
          source: { type: 'repository', title: 'Demo repository', publisher: null, url: null, repository: 'example/demo', commit: 'abcdef1', path: 'README.md' },
          roadmap: { slug: 'demo' }
        }
      }
    })
    expect(await data(app, `{ roadmap(slug: "demo") { version(id: "latest") { ${versionFields} } } }`)).toEqual(latest)
    expect(await data(app, `{ roadmap(slug: "demo") { version(id: "2024-02-01") { ${versionFields} } } }`)).toEqual(latest)
  })

  it('serves an older edition by its id, with its own content', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version(id: "2024-01-01") { ${versionFields} steps { slug } } } }`)).toEqual({
      roadmap: {
        version: {
          id: globalId('RoadmapVersion:demo/2024-01-01'),
          versionId: '2024-01-01',
          title: 'Demo, first edition',
          published: '2024-01-01',
          notes: ['First edition.'],
          contentHash: contentHash['2024-01-01'],
          stepCount: 2,
          toolCount: 1,
          resourceCount: 1,
          source: { type: 'article', title: 'Demo article', publisher: 'Example Blog', url: 'https://example.org/demo/first', repository: null, commit: null, path: null },
          roadmap: { slug: 'demo' },
          steps: [{ slug: 'basics' }]
        }
      }
    })
    expect(contentHash['2024-01-01']).not.toBe(contentHash['2024-02-01'])
  })

  it('lists every version, oldest first, each resolving its own content', async () => {
    expect(await data(app, '{ roadmap(slug: "demo") { versions { versionId stepCount steps(depth: 2) { slug } } } }')).toEqual({
      roadmap: {
        versions: [
          { versionId: '2024-01-01', stepCount: 2, steps: [ref('shell-use')] },
          { versionId: '2024-02-01', stepCount: 4, steps: [ref('shell-use'), ref('docker')] }
        ]
      }
    })
  })

  it('gives null for a date the roadmap has no edition for, and an error for an id that is not a version id', async () => {
    expect(await data(app, '{ roadmap(slug: "demo") { version(id: "2023-06-01") { versionId } } }')).toEqual({ roadmap: { version: null } })
    const { body } = await post(app, '{ roadmap(slug: "demo") { version(id: "yesterday") { versionId } } }')
    expect(body.data).toEqual({ roadmap: { version: null } })
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Parameter "id" must be a version id (YYYY-MM-DD) or "latest"', path: ['roadmap', 'version'], extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' } })])
  })
})

describe('RoadmapVersion.steps and step', () => {
  it('gives the top-level sections by default, and flattened filtered lists with parent and depth', async () => {
    const steps = (args: string) => data(app, `{ roadmap(slug: "demo") { version { steps${args} { slug number title depth } } } }`)
    const section = (slug: string, number: string, title: string, depth: number) => ({ slug, number, title, depth })
    expect(await steps('')).toEqual({ roadmap: { version: { steps: [section('basics', '1', 'Basics', 1), section('containers', '2', 'Containers', 1)] } } })
    expect(await steps('(depth: 2)')).toEqual({ roadmap: { version: { steps: [section('shell-use', '1.1', 'Shell use', 2), section('docker', '2.1', 'Docker', 2)] } } })
    expect(await steps('(parent: "containers")')).toEqual({ roadmap: { version: { steps: [section('docker', '2.1', 'Docker', 2)] } } })
    expect(await steps('(parent: "containers", depth: 1)')).toEqual({ roadmap: { version: { steps: [] } } })
  })

  it('refuses a parent the version does not have and a depth below 1, with the REST codes', async () => {
    const unknownParent = await post(app, '{ roadmap(slug: "demo") { version { steps(parent: "nowhere") { slug } } } }')
    expect(unknownParent.body.errors).toEqual([expect.objectContaining({
      message: 'Parameter "parent" refers to step "nowhere", which demo/2024-02-01 does not have',
      extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' }
    })])
    const badDepth = await post(app, '{ roadmap(slug: "demo") { version { steps(depth: 0) { slug } } } }')
    expect(codesOf(badDepth.body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
  })

  it('gives a step with every field and its neighbours', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version { step(id: "docker") {
      id slug number title summary order depth
      parent { slug } children { slug } ancestors { slug } previous { slug } next { slug }
      tools { slug } resources { slug } version { versionId }
    } } } }`)).toEqual({
      roadmap: {
        version: {
          step: {
            id: globalId('Step:demo/2024-02-01/docker'),
            slug: 'docker',
            number: '2.1',
            title: 'Docker',
            summary: 'Build and run Docker images.',
            order: 1,
            depth: 2,
            parent: ref('containers'),
            children: [],
            ancestors: [ref('containers')],
            previous: ref('containers'),
            next: null,
            tools: [ref('docker')],
            resources: [ref('docker-docs'), ref('docker-course')],
            version: { versionId: '2024-02-01' }
          }
        }
      }
    })
    expect(await data(app, '{ roadmap(slug: "demo") { version { step(id: "basics") { parent { slug } children { slug } ancestors { slug } previous { slug } next { slug } } } } }')).toEqual({
      roadmap: { version: { step: { parent: null, children: [ref('shell-use')], ancestors: [], previous: null, next: ref('shell-use') } } }
    })
  })

  it('gives null for a step the version does not have', async () => {
    expect(await data(app, '{ roadmap(slug: "demo") { version(id: "2024-01-01") { step(id: "docker") { slug } } } }')).toEqual({ roadmap: { version: { step: null } } })
  })

  it('walks version → step → tools → steps and resources', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version { step(id: "basics") {
      title
      tools { name category steps { slug title tools { slug } } resources { title kind } }
    } } } }`)).toEqual({
      roadmap: {
        version: {
          step: {
            title: 'Basics',
            tools: [{
              name: 'Shell',
              category: 'SHELL',
              steps: [{ slug: 'basics', title: 'Basics', tools: [ref('shell')] }, { slug: 'shell-use', title: 'Shell use', tools: [ref('shell')] }],
              resources: [{ title: 'The Shell Book', kind: 'BOOK' }, { title: 'Shell Cheat Sheet', kind: 'WEBSITE' }]
            }]
          }
        }
      }
    })
  })
})

describe('RoadmapVersion.tools and tool', () => {
  const toolFields = 'id slug name category homepage description steps { slug } resources { slug } version { versionId }'
  const docker = {
    id: globalId('Tool:demo/2024-02-01/docker'),
    slug: 'docker',
    name: 'Docker',
    category: 'CONTAINERIZATION',
    homepage: 'https://www.docker.com',
    description: 'Builds and runs containers.',
    steps: [ref('docker')],
    resources: [ref('docker-docs'), ref('docker-course')],
    version: { versionId: '2024-02-01' }
  }
  const shell = {
    id: globalId('Tool:demo/2024-02-01/shell'),
    slug: 'shell',
    name: 'Shell',
    category: 'SHELL',
    homepage: null,
    description: 'A command interpreter.',
    steps: [ref('basics'), ref('shell-use')],
    resources: [ref('shell-book'), ref('shell-cheats')],
    version: { versionId: '2024-02-01' }
  }

  it('gives a connection of every tool, in order of first mention', async () => {
    const result = await data(app, `{ roadmap(slug: "demo") { version { tools { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { ${toolFields} } } } } } }`)
    expect(result).toEqual({
      roadmap: { version: { tools: { totalCount: 2, pageInfo: { hasNextPage: false, hasPreviousPage: false }, edges: [{ node: shell }, { node: docker }] } } }
    })
  })

  it('filters by category and by step', async () => {
    const slugs = async (args: string) => {
      const result = await data(app, `{ roadmap(slug: "demo") { version { tools(${args}) { totalCount edges { node { slug } } } } } }`)
      return (result['roadmap'] as { version: { tools: unknown } }).version.tools
    }
    expect(await slugs('category: CONTAINERIZATION')).toEqual({ totalCount: 1, edges: [{ node: ref('docker') }] })
    expect(await slugs('step: "shell-use"')).toEqual({ totalCount: 1, edges: [{ node: ref('shell') }] })
    expect(await slugs('category: EDITOR')).toEqual({ totalCount: 0, edges: [] })
  })

  it('gives one tool by id, or null', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version { tool(id: "docker") { ${toolFields} } } } }`)).toEqual({ roadmap: { version: { tool: docker } } })
    expect(await data(app, '{ roadmap(slug: "demo") { version(id: "2024-01-01") { tool(id: "docker") { slug } } } }')).toEqual({ roadmap: { version: { tool: null } } })
  })
})

describe('RoadmapVersion.resources and resource', () => {
  const resourceFields = 'slug kind title subtitle authors edition provider url description steps { slug } tools { slug }'
  const resources = {
    'shell-book': { slug: 'shell-book', kind: 'BOOK', title: 'The Shell Book', subtitle: null, authors: ['Jane Doe'], edition: '2nd Edition', provider: null, url: 'https://example.org/shell-book', description: null, steps: [ref('basics')], tools: [ref('shell')] },
    'shell-cheats': { slug: 'shell-cheats', kind: 'WEBSITE', title: 'Shell Cheat Sheet', subtitle: 'Every command on one page', authors: [], edition: null, provider: 'example.org', url: 'https://example.org/cheats', description: 'A one-page summary of shell commands.', steps: [ref('shell-use')], tools: [ref('shell')] },
    'docker-docs': { slug: 'docker-docs', kind: 'WEBSITE', title: 'Docker Docs', subtitle: null, authors: [], edition: null, provider: null, url: 'https://docs.docker.com', description: null, steps: [ref('docker')], tools: [ref('docker')] },
    'docker-course': { slug: 'docker-course', kind: 'COURSE', title: 'Docker for Beginners', subtitle: null, authors: ['John Roe', 'Jane Doe'], edition: null, provider: 'Example Academy', url: null, description: null, steps: [ref('docker')], tools: [ref('docker')] }
  }

  it('pages through every resource to the end, one at a time', async () => {
    const seen: unknown[] = []
    let after: string | null = null
    for (let page = 0; page < 10; page++) {
      const result = await data(app, `query ($after: String) { roadmap(slug: "demo") { version { resources(first: 1, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${resourceFields} } }
      } } } }`, { after })
      const connection = (result['roadmap'] as { version: { resources: { totalCount: number, pageInfo: Record<string, unknown>, edges: Array<{ cursor: string, node: unknown }> } } }).version.resources
      expect(connection.totalCount).toBe(4)
      expect(connection.edges).toHaveLength(1)
      expect(connection.pageInfo).toEqual({
        hasNextPage: page < 3,
        hasPreviousPage: page > 0,
        startCursor: connection.edges[0]!.cursor,
        endCursor: connection.edges[0]!.cursor
      })
      seen.push(connection.edges[0]!.node)
      if (connection.pageInfo['hasNextPage'] !== true) break
      after = connection.pageInfo['endCursor'] as string
    }
    expect(seen).toEqual([resources['shell-book'], resources['shell-cheats'], resources['docker-docs'], resources['docker-course']])
  })

  it('filters by kind, step and tool together', async () => {
    const slugs = async (args: string) => {
      const result = await data(app, `{ roadmap(slug: "demo") { version { resources(${args}) { totalCount edges { node { slug } } } } } }`)
      return (result['roadmap'] as { version: { resources: unknown } }).version.resources
    }
    expect(await slugs('kind: WEBSITE')).toEqual({ totalCount: 2, edges: [{ node: ref('shell-cheats') }, { node: ref('docker-docs') }] })
    expect(await slugs('tool: "docker", kind: COURSE')).toEqual({ totalCount: 1, edges: [{ node: ref('docker-course') }] })
    expect(await slugs('step: "shell-use"')).toEqual({ totalCount: 1, edges: [{ node: ref('shell-cheats') }] })
  })

  it('gives one resource by id, or null', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version { resource(id: "docker-course") { ${resourceFields} } } } }`)).toEqual({ roadmap: { version: { resource: resources['docker-course'] } } })
    expect(await data(app, '{ roadmap(slug: "demo") { version { resource(id: "no-such-book") { slug } } } }')).toEqual({ roadmap: { version: { resource: null } } })
  })

  it('refuses page sizes outside 1..100 and cursors it did not issue', async () => {
    for (const first of [0, 101]) {
      const { body } = await post(app, `{ roadmap(slug: "demo") { version { resources(first: ${first}) { totalCount } } } }`)
      expect(body.errors).toEqual([expect.objectContaining({ message: 'Parameter "first" must be between 1 and 100', extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' } })])
    }
    const { body } = await post(app, '{ roadmap(slug: "demo") { version { resources(after: "bm90LWEtY3Vyc29y") { totalCount } } } }')
    expect(body.errors).toEqual([expect.objectContaining({ message: 'Parameter "after" is not a cursor issued for this list', extensions: { code: 'ROADMAP_ERR_INVALID_CURSOR' } })])
  })

  it('refuses filters naming a step or tool the version does not have', async () => {
    const { body } = await post(app, '{ roadmap(slug: "demo") { version(id: "2024-01-01") { resources(tool: "docker") { totalCount } } } }')
    expect(body.errors).toEqual([expect.objectContaining({
      message: 'Parameter "tool" refers to tool "docker", which demo/2024-01-01 does not have',
      extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' }
    })])
  })
})

describe('RoadmapVersion.search', () => {
  const hits = `totalCount pageInfo { hasNextPage } edges { snippet node {
    __typename
    ... on Step { slug title }
    ... on Tool { slug name }
    ... on Resource { slug title }
  } }`

  it('ranks steps, tools and resources together, each hit resolving to its object', async () => {
    expect(await data(app, `{ roadmap(slug: "demo") { version { search(query: "docker") { ${hits} } } } }`)).toEqual({
      roadmap: {
        version: {
          search: {
            totalCount: 4,
            pageInfo: { hasNextPage: false },
            edges: [
              { snippet: '<mark>Docker</mark>', node: { __typename: 'Step', slug: 'docker', title: 'Docker' } },
              { snippet: '<mark>Docker</mark>', node: { __typename: 'Tool', slug: 'docker', name: 'Docker' } },
              { snippet: '<mark>Docker</mark> Docs', node: { __typename: 'Resource', slug: 'docker-docs', title: 'Docker Docs' } },
              { snippet: '<mark>Docker</mark> for Beginners', node: { __typename: 'Resource', slug: 'docker-course', title: 'Docker for Beginners' } }
            ]
          }
        }
      }
    })
  })

  it('matches prefixes and authors', async () => {
    expect(await data(app, '{ roadmap(slug: "demo") { version { search(query: "jan") { edges { snippet node { ... on Resource { slug } } } } } } }')).toEqual({
      roadmap: { version: { search: { edges: [{ snippet: '<mark>Jane</mark> Doe', node: ref('shell-book') }, { snippet: 'John Roe, <mark>Jane</mark> Doe', node: ref('docker-course') }] } } }
    })
  })

  it('pages through hits whose ids collide across kinds (step and tool `docker`)', async () => {
    const seen: string[] = []
    let after: string | null = null
    do {
      const result = await data(app, 'query ($after: String) { roadmap(slug: "demo") { version { search(query: "docker", first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { __typename ... on Step { slug } ... on Tool { slug } ... on Resource { slug } } } } } } }', { after })
      const search = (result['roadmap'] as { version: { search: { pageInfo: { hasNextPage: boolean, endCursor: string }, edges: Array<{ node: { __typename: string, slug: string } }> } } }).version.search
      seen.push(...search.edges.map(({ node }) => `${node.__typename}:${node.slug}`))
      after = search.pageInfo.hasNextPage ? search.pageInfo.endCursor : null
    } while (after !== null && seen.length < 10)
    expect(seen).toEqual(['Step:docker', 'Tool:docker', 'Resource:docker-docs', 'Resource:docker-course'])
  })

  it('refuses a blank or over-long query', async () => {
    for (const query of ['   ', 'x'.repeat(201)]) {
      const { body } = await post(app, 'query ($q: String!) { roadmap(slug: "demo") { version { search(query: $q) { totalCount } } } }', { q: query })
      expect(codesOf(body)).toEqual(['ROADMAP_ERR_INVALID_PARAMETER'])
    }
  })
})

describe('Query.node', () => {
  it('refetches every type by the global id a query gave', async () => {
    const ids = await data(app, `{ roadmap(slug: "demo") { id version {
      id
      step(id: "docker") { id }
      tool(id: "docker") { id }
      resource(id: "shell-cheats") { id }
    } } }`)
    const roadmap = ids['roadmap'] as { id: string, version: { id: string, step: { id: string }, tool: { id: string }, resource: { id: string } } }
    const refetch = (id: string) => data(app, `query ($id: ID!) { node(id: $id) {
      id __typename
      ... on Roadmap { slug title }
      ... on RoadmapVersion { versionId title }
      ... on Step { slug title version { versionId } }
      ... on Tool { slug name version { versionId } }
      ... on Resource { slug title version { versionId } }
    } }`, { id })
    expect(await refetch(roadmap.id)).toEqual({ node: { id: globalId('Roadmap:demo'), __typename: 'Roadmap', slug: 'demo', title: 'Demo roadmap' } })
    expect(await refetch(roadmap.version.id)).toEqual({ node: { id: globalId('RoadmapVersion:demo/2024-02-01'), __typename: 'RoadmapVersion', versionId: '2024-02-01', title: 'Demo, second edition' } })
    expect(await refetch(roadmap.version.step.id)).toEqual({ node: { id: globalId('Step:demo/2024-02-01/docker'), __typename: 'Step', slug: 'docker', title: 'Docker', version: { versionId: '2024-02-01' } } })
    expect(await refetch(roadmap.version.tool.id)).toEqual({ node: { id: globalId('Tool:demo/2024-02-01/docker'), __typename: 'Tool', slug: 'docker', name: 'Docker', version: { versionId: '2024-02-01' } } })
    expect(await refetch(roadmap.version.resource.id)).toEqual({ node: { id: globalId('Resource:demo/2024-02-01/shell-cheats'), __typename: 'Resource', slug: 'shell-cheats', title: 'Shell Cheat Sheet', version: { versionId: '2024-02-01' } } })
  })

  it('keeps the concrete version in ids read through `latest`, so they stay valid', async () => {
    const throughLatest = await data(app, '{ roadmap(slug: "demo") { version { step(id: "basics") { id } } } }')
    const concrete = await data(app, '{ roadmap(slug: "demo") { version(id: "2024-02-01") { step(id: "basics") { id } } } }')
    expect(throughLatest).toEqual(concrete)
    expect(throughLatest).toEqual({ roadmap: { version: { step: { id: globalId('Step:demo/2024-02-01/basics') } } } })
    expect(await data(app, `{ node(id: "${globalId('Step:demo/2024-01-01/basics')}") { ... on Step { version { versionId } } } }`)).toEqual({ node: { version: { versionId: '2024-01-01' } } })
  })

  it('gives null for an id of something that does not exist, and an error for an id it never issued', async () => {
    for (const text of ['Roadmap:gone', 'RoadmapVersion:demo/2020-01-01', 'Step:demo/2024-01-01/docker', 'Tool:demo/2024-01-01/docker', 'Resource:demo/2024-01-01/docker-docs']) {
      expect(await data(app, `{ node(id: "${globalId(text)}") { id } }`)).toEqual({ node: null })
    }
    for (const id of ['not base64!', globalId('Planet:earth'), globalId('Step:demo/2024-01-01'), globalId('Step:demo//basics')]) {
      const { body } = await post(app, 'query ($id: ID!) { node(id: $id) { id } }', { id })
      expect(body).toEqual({
        data: { node: null },
        errors: [{ message: 'Parameter "id" is not a global id this API issued', locations: [{ line: 1, column: 20 }], path: ['node'], extensions: { code: 'ROADMAP_ERR_INVALID_PARAMETER' } }]
      })
    }
  })
})
