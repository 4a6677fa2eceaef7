/*
 * The diff-editions fixture (test/fixtures/content/diff-editions/toolbox): three small editions
 * whose differences cover every kind of change, with the steps, tools and resources the API
 * serves for them typed by hand from the YAML files.
 *
 * 2024-01-01 -> 2024-02-01: steps kubernetes and tooling added, virtual-machines removed,
 *   shell-use renamed (capitalisation), editors moved from basics (1.2) to tooling (3.1);
 *   tool kubernetes added, vagrant removed, vim renamed; resource kubernetes-course added,
 *   vagrant-book removed, shell-book's edition, docker-course's URL, vim-guide's kind and URL changed.
 * 2024-02-01 -> 2024-03-01: kubernetes and docker swap places under containers, tool kubernetes
 *   changes category, shell-cheat-sheet is added to shell-use, docker-course loses its URL,
 *   kubernetes-course gains an author.
 */
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

export const TOOLBOX = '/v1/roadmaps/toolbox'

export function buildToolboxApp (options: { publicUrl?: string } = {}): Promise<App> {
  return buildTestApp({ fixture: 'diff-editions', ...options })
}

export const firstEdition = {
  steps: {
    virtualMachines: { id: 'virtual-machines', number: '2.2', title: 'Virtual machines', summary: 'Run whole machines before containers.', parent: 'containers', order: 2, depth: 2, tools: ['vagrant'], resources: ['vagrant-book'] }
  },
  tools: {
    vagrant: { id: 'vagrant', name: 'Vagrant', category: 'infrastructure-as-code', description: 'Describes virtual machines as code.', steps: ['virtual-machines'], resources: ['vagrant-book'] }
  },
  resources: {
    vagrantBook: { id: 'vagrant-book', kind: 'book', title: 'Vagrant: Up and Running', authors: ['John Doe'], tools: ['vagrant'], steps: ['virtual-machines'] }
  }
}

export const secondEdition = {
  steps: {
    kubernetes: { id: 'kubernetes', number: '2.2', title: 'Kubernetes', summary: 'Run containers on a cluster.', parent: 'containers', order: 2, depth: 2, tools: ['kubernetes'], resources: ['kubernetes-course'] },
    tooling: { id: 'tooling', number: '3', title: 'Tooling', summary: 'The tools you work in all day.', parent: null, order: 3, depth: 1, tools: [], resources: [] }
  },
  tools: {
    kubernetes: { id: 'kubernetes', name: 'Kubernetes', category: 'container-orchestration', homepage: 'https://kubernetes.io', description: 'Schedules containers across a cluster.', steps: ['kubernetes'], resources: ['kubernetes-course'] }
  },
  resources: {
    kubernetesCourse: { id: 'kubernetes-course', kind: 'course', title: 'Kubernetes course', authors: [], url: 'https://example.org/courses/kubernetes', tools: ['kubernetes'], steps: ['kubernetes'] }
  }
}

export const thirdEdition = {
  resources: {
    shellCheatSheet: { id: 'shell-cheat-sheet', kind: 'website', title: 'Shell cheat sheet: [bash] & *zsh*', authors: [], url: 'https://example.org/shell_(cheat)_sheet', tools: ['shell'], steps: ['shell-use'] }
  }
}

/** The whole diff body from 2024-01-01 to 2024-02-01, except the two version summaries. */
export const firstToSecond = {
  roadmap: 'toolbox',
  summary: {
    steps: { added: 2, removed: 1, changed: 2, unchanged: 3 },
    tools: { added: 1, removed: 1, changed: 1, unchanged: 2 },
    resources: { added: 1, removed: 1, changed: 3, unchanged: 0 }
  },
  steps: {
    added: [secondEdition.steps.kubernetes, secondEdition.steps.tooling],
    removed: [firstEdition.steps.virtualMachines],
    changed: [
      { id: 'shell-use', title: 'Shell Use', changes: [{ field: 'title', from: 'Shell use', to: 'Shell Use' }] },
      {
        id: 'editors',
        title: 'Editors',
        changes: [
          { field: 'number', from: '1.2', to: '3.1' },
          { field: 'parent', from: 'basics', to: 'tooling' },
          { field: 'order', from: 2, to: 1 }
        ]
      }
    ]
  },
  tools: {
    added: [secondEdition.tools.kubernetes],
    removed: [firstEdition.tools.vagrant],
    changed: [{ id: 'vim', title: 'VIM', changes: [{ field: 'name', from: 'Vim', to: 'VIM' }] }]
  },
  resources: {
    added: [secondEdition.resources.kubernetesCourse],
    removed: [firstEdition.resources.vagrantBook],
    changed: [
      { id: 'shell-book', title: 'The Shell Book', changes: [{ field: 'edition', from: '1st Edition', to: '2nd Edition' }] },
      { id: 'docker-course', title: 'Docker for beginners', changes: [{ field: 'url', from: 'https://example.org/docker-course', to: 'https://example.org/courses/docker' }] },
      {
        id: 'vim-guide',
        title: 'Vim guide',
        changes: [
          { field: 'kind', from: 'tutorial', to: 'article' },
          { field: 'url', from: null, to: 'https://example.org/vim-guide' }
        ]
      }
    ]
  }
}

/** The whole diff body from 2024-02-01 to 2024-03-01, except the two version summaries. */
export const secondToThird = {
  roadmap: 'toolbox',
  summary: {
    steps: { added: 0, removed: 0, changed: 3, unchanged: 4 },
    tools: { added: 0, removed: 0, changed: 1, unchanged: 3 },
    resources: { added: 1, removed: 0, changed: 2, unchanged: 2 }
  },
  steps: {
    added: [],
    removed: [],
    changed: [
      {
        id: 'shell-use',
        title: 'Shell Use',
        changes: [{ field: 'resources', from: ['shell-book'], to: ['shell-cheat-sheet', 'shell-book'], added: ['shell-cheat-sheet'], removed: [] }]
      },
      { id: 'kubernetes', title: 'Kubernetes', changes: [{ field: 'number', from: '2.2', to: '2.1' }, { field: 'order', from: 2, to: 1 }] },
      { id: 'docker', title: 'Docker', changes: [{ field: 'number', from: '2.1', to: '2.2' }, { field: 'order', from: 1, to: 2 }] }
    ]
  },
  tools: {
    added: [],
    removed: [],
    changed: [{ id: 'kubernetes', title: 'Kubernetes', changes: [{ field: 'category', from: 'container-orchestration', to: 'cluster-management' }] }]
  },
  resources: {
    added: [thirdEdition.resources.shellCheatSheet],
    removed: [],
    changed: [
      { id: 'kubernetes-course', title: 'Kubernetes course', changes: [{ field: 'authors', from: [], to: ['Techworld with Nana'], added: ['Techworld with Nana'], removed: [] }] },
      { id: 'docker-course', title: 'Docker for beginners', changes: [{ field: 'url', from: 'https://example.org/courses/docker', to: null }] }
    ]
  }
}
