/*
 * The field-guide fixture (test/routes/fixtures/content) and what the API should serve for it,
 * typed by hand from the YAML files: two versions, steps three levels deep, a step and a tool
 * sharing the id "docker", resources with and without a URL.
 */
import { fileURLToPath } from 'node:url'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

export const FIELD_GUIDE_CONTENT = fileURLToPath(new URL('./fixtures/content', import.meta.url))
export const FIRST = '/v1/roadmaps/field-guide/versions/2024-01-01'
export const SECOND = '/v1/roadmaps/field-guide/versions/2024-02-01'
export const LATEST = '/v1/roadmaps/field-guide/versions/latest'

export function buildFieldGuideApp (contentDir = FIELD_GUIDE_CONTENT): Promise<App> {
  return buildTestApp({ contentDir })
}

export async function getJson<T = unknown> (app: App, url: string, headers: Record<string, string> = {}): Promise<{ response: LightMyRequestResponse, body: T }> {
  const response = await app.inject({ method: 'GET', url, headers })
  return { response, body: (response.body === '' ? undefined : response.json()) as T }
}

export const steps = {
  foundations: { id: 'foundations', number: '1', title: 'Foundations', summary: 'What every operator learns first.', parent: null, order: 1, depth: 1, tools: [], resources: [] },
  shell: { id: 'shell', number: '1.1', title: 'The shell', summary: 'Drive the machine from a terminal and edit files in place.', parent: 'foundations', order: 1, depth: 2, tools: ['bash', 'vim'], resources: ['linux-command-line', 'vim-adventures'] },
  shellScripting: { id: 'shell-scripting', number: '1.1.1', title: 'Shell scripting', summary: 'Automate repeated chores with small scripts.', parent: 'shell', order: 1, depth: 3, tools: ['bash'], resources: ['bash-guide'] },
  versionControl: { id: 'version-control', number: '1.2', title: 'Version control', summary: 'Record every change and share it with a team.', parent: 'foundations', order: 2, depth: 2, tools: ['git'], resources: ['pro-git'] },
  containers: { id: 'containers', number: '2', title: 'Containers', summary: 'Package an application with its dependencies.', parent: null, order: 2, depth: 1, tools: [], resources: [] },
  docker: { id: 'docker', number: '2.1', title: 'Docker', summary: 'Build an image and run it anywhere.', parent: 'containers', order: 1, depth: 2, tools: ['docker'], resources: ['docker-handbook'] },
  orchestration: { id: 'orchestration', number: '2.2', title: 'Orchestration', summary: 'Schedule containers across a cluster of machines.', parent: 'containers', order: 2, depth: 2, tools: ['kubernetes'], resources: ['kubernetes-up-and-running'] },
  monitoring: { id: 'monitoring', number: '3', title: 'Monitoring', summary: 'Collect metrics and draw dashboards to see how services behave.', parent: null, order: 3, depth: 1, tools: ['prometheus', 'grafana'], resources: ['observability-talk'] }
}

/** Every step of 2024-02-01 in reading order. */
export const readingOrder = [steps.foundations, steps.shell, steps.shellScripting, steps.versionControl, steps.containers, steps.docker, steps.orchestration, steps.monitoring]

export const stepTree = [
  {
    ...steps.foundations,
    children: [
      { ...steps.shell, children: [{ ...steps.shellScripting, children: [] }] },
      { ...steps.versionControl, children: [] }
    ]
  },
  { ...steps.containers, children: [{ ...steps.docker, children: [] }, { ...steps.orchestration, children: [] }] },
  { ...steps.monitoring, children: [] }
]

export const tools = {
  bash: { id: 'bash', name: 'Bash', category: 'shell', homepage: 'https://example.org/bash', description: 'The GNU shell.', steps: ['shell', 'shell-scripting'], resources: ['linux-command-line', 'bash-guide'] },
  vim: { id: 'vim', name: 'Vim', category: 'editor', description: 'A modal text editor found on nearly every server.', steps: ['shell'], resources: ['vim-adventures'] },
  git: { id: 'git', name: 'Git', category: 'version-control', homepage: 'https://example.org/git', description: 'Distributed version control.', steps: ['version-control'], resources: ['pro-git'] },
  docker: { id: 'docker', name: 'Docker', category: 'containerization', description: 'Builds and runs container images.', steps: ['docker'], resources: ['docker-handbook'] },
  kubernetes: { id: 'kubernetes', name: 'Kubernetes', category: 'container-orchestration', description: 'Runs containers across a cluster and keeps them running.', steps: ['orchestration'], resources: ['kubernetes-up-and-running'] },
  prometheus: { id: 'prometheus', name: 'Prometheus', category: 'monitoring', description: 'Scrapes and stores time series metrics.', steps: ['monitoring'], resources: ['observability-talk'] },
  grafana: { id: 'grafana', name: 'Grafana', category: 'visualization', description: 'Dashboards over metrics stores such as Prometheus.', steps: ['monitoring'], resources: ['observability-talk'] }
}

/** In order of first mention. */
export const allTools = [tools.bash, tools.vim, tools.git, tools.docker, tools.kubernetes, tools.prometheus, tools.grafana]

export const resources = {
  linuxCommandLine: { id: 'linux-command-line', kind: 'book', title: 'The Linux Command Line', authors: ['William Shotts'], url: 'https://example.org/tlcl', tools: ['bash'], steps: ['shell'] },
  vimAdventures: { id: 'vim-adventures', kind: 'practice', title: 'Vim Adventures', authors: [], url: 'https://example.org/vim-adventures', tools: ['vim'], steps: ['shell'] },
  bashGuide: { id: 'bash-guide', kind: 'tutorial', title: 'Bash Guide for Beginners', authors: ['Machtelt Garrels'], tools: ['bash'], steps: ['shell-scripting'] },
  proGit: { id: 'pro-git', kind: 'book', title: 'Pro Git', authors: ['Scott Chacon', 'Ben Straub'], edition: '2nd Edition', url: 'https://example.org/pro-git', tools: ['git'], steps: ['version-control'] },
  dockerHandbook: { id: 'docker-handbook', kind: 'article', title: 'The Docker Handbook', authors: ['Farhan Chowdhury'], url: 'https://example.org/docker-handbook', tools: ['docker'], steps: ['docker'] },
  kubernetesUpAndRunning: { id: 'kubernetes-up-and-running', kind: 'book', title: 'Kubernetes Up and Running', subtitle: 'Dive into the Future of Infrastructure', authors: ['Brendan Burns', 'Joe Beda', 'Kelsey Hightower'], tools: ['kubernetes'], steps: ['orchestration'] },
  observabilityTalk: { id: 'observability-talk', kind: 'video', title: 'Dashboards that answer questions', authors: ['Test Speaker'], url: 'https://example.org/observability-talk', tools: ['prometheus', 'grafana'], steps: ['monitoring'] }
}

/** In order of first recommendation. */
export const allResources = [resources.linuxCommandLine, resources.vimAdventures, resources.bashGuide, resources.proGit, resources.dockerHandbook, resources.kubernetesUpAndRunning, resources.observabilityTalk]

/** A full page with no neighbours. */
export function onePage<T> (items: T[]) {
  return { items, totalCount: items.length, nextCursor: null, prevCursor: null }
}

export function problem (status: number, code: string, detail: string, instance: string, extra: Record<string, unknown> = {}) {
  const slug = code.replace(/^ROADMAP_ERR_/, '').toLowerCase().replaceAll('_', '-')
  return { type: `/problems/${slug}`, status, code, detail, instance, title: expect.any(String), ...extra }
}
