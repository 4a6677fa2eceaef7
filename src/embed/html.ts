import type { Resource, RoadmapSummary, StepNode, Tool } from '../domain/api.js'
import type { ResourceKind } from '../domain/content.js'
import { escapeHtml as html, type VersionEntry } from '../content/store.js'
import { jsonLdScriptContent, stepNodeOf, stepToJsonLd, toJsonLd } from './json-ld.js'
import { diagramPath, embedPath, oembedPath, snapshotPath, type EmbedTheme } from './links.js'
import { EMBED_CSS } from './style.js'

export interface EmbedPageInput {
  roadmap: RoadmapSummary
  version: VersionEntry
  /** The version as the URL names it: a concrete id or `latest`; links keep it so an embed of `latest` stays on latest. */
  requestedVersion: string
  step?: string | undefined
  theme: EmbedTheme
  baseUrl: string
}

export const RESOURCE_KIND_LABELS: Record<ResourceKind, string> = {
  book: 'Book',
  course: 'Course',
  'skill-track': 'Skill track',
  video: 'Video',
  tutorial: 'Tutorial',
  practice: 'Practice',
  repository: 'Repository',
  roadmap: 'Roadmap',
  assessment: 'Assessment',
  article: 'Article',
  website: 'Website',
  topic: 'Topic'
}

/** The embed page for a whole version, or for one step with its sub-steps when `step` is given. */
export function renderEmbedPage (input: EmbedPageInput): string {
  const { roadmap, version, requestedVersion, step, theme, baseUrl } = input
  const pageUrl = `${baseUrl}${embedPath({ slug: roadmap.slug, version: requestedVersion, step, theme })}`
  const link = (target: { step?: string }) => `${baseUrl}${embedPath({ slug: roadmap.slug, version: requestedVersion, theme, ...target })}`
  const parts = new PageParts(version)

  let title: string
  let body: string
  let structuredData: string
  if (step === undefined) {
    title = `${roadmap.title} (edition ${version.id})`
    structuredData = jsonLdScriptContent(toJsonLd(roadmap, version, baseUrl))
    body = [
      '<header>',
      `<p class="eyebrow">Roadmap · edition ${html(version.summary.published)}</p>`,
      `<h1>${html(roadmap.title)}</h1>`,
      parts.byline(roadmap),
      `<p class="intro">${html(roadmap.description)}</p>`,
      '</header>',
      `<ol class="path" aria-label="Steps of ${html(roadmap.title)}">`,
      ...version.stepTree.map((node) => parts.section(node)),
      '</ol>'
    ].join('\n')
  } else {
    const node = stepNodeOf(version, step)
    const previous = version.previousOf(node.id)
    const next = version.nextOf(node.id)
    title = `${node.number} ${node.title} · ${roadmap.title}`
    structuredData = jsonLdScriptContent(stepToJsonLd(roadmap, version, node.id, baseUrl))
    body = [
      '<header>',
      `<p class="eyebrow">Step ${html(node.number)} of <a href="${html(link({}))}">${html(roadmap.title)}</a></p>`,
      `<h1>${html(node.number)} ${html(node.title)}</h1>`,
      parts.byline(roadmap),
      '</header>',
      parts.details(node),
      node.children.length === 0 ? '' : `<ol class="substeps" aria-label="Sub-steps of ${html(node.title)}">\n${node.children.map((child) => parts.subStep(child, 'h2')).join('\n')}\n</ol>`,
      '<nav class="step-nav" aria-label="Steps">',
      previous === null ? '' : `<a class="previous" href="${html(link({ step: previous.id }))}">← ${html(previous.number)} ${html(previous.title)}</a>`,
      next === null ? '' : `<a class="next" href="${html(link({ step: next.id }))}">${html(next.number)} ${html(next.title)} →</a>`,
      '</nav>'
    ].join('\n')
  }

  return document({
    title,
    theme,
    head: [
      `<link rel="canonical" href="${html(`${baseUrl}${embedPath({ slug: roadmap.slug, version: version.id, step })}`)}">`,
      `<link rel="alternate" type="application/json+oembed" href="${html(`${baseUrl}${oembedPath(pageUrl)}`)}" title="${html(title)}">`,
      `<link rel="alternate" type="application/json" href="${html(`${baseUrl}${snapshotPath(roadmap.slug, version.id)}`)}" title="JSON snapshot">`,
      `<meta name="description" content="${html(roadmap.description)}">`,
      `<script type="application/ld+json">${structuredData}</script>`
    ],
    body: `<main class="page">\n${body}\n</main>\n${footer(roadmap, version, baseUrl)}`
  })
}

/** A small page for an unknown roadmap, version or step, for clients that asked for HTML. */
export function renderEmbedError (status: number, title: string, detail: string): string {
  return document({
    title,
    theme: 'auto',
    head: ['<meta name="robots" content="noindex">'],
    body: `<main class="error">\n<p class="eyebrow">Error ${status}</p>\n<h1>${html(title)}</h1>\n<p>${html(detail)}</p>\n</main>`
  })
}

function document ({ title, theme, head, body }: { title: string, theme: EmbedTheme, head: string[], body: string }): string {
  return [
    '<!doctype html>',
    `<html lang="en" class="theme-${theme}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="color-scheme" content="${theme === 'auto' ? 'light dark' : theme}">`,
    `<title>${html(title)}</title>`,
    // An empty icon keeps browsers from requesting /favicon.ico for the page.
    '<link rel="icon" href="data:,">',
    ...head,
    `<style>${EMBED_CSS}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    ''
  ].join('\n')
}

function footer (roadmap: RoadmapSummary, version: VersionEntry, baseUrl: string): string {
  const { source } = version.summary
  const sourceTitle = html(source.title)
  const sourceLink = source.url === undefined ? sourceTitle : `<a href="${html(source.url)}" target="_blank" rel="noopener">${sourceTitle}</a>`
  const authors = roadmap.authors.map((author) => html(author.name)).join(', ')
  return [
    '<footer>',
    `<p>Source: ${sourceLink} by ${authors}<span class="sep" aria-hidden="true">·</span>Version ${html(version.id)}<span class="sep" aria-hidden="true">·</span>` +
      `<a href="${html(`${baseUrl}${snapshotPath(roadmap.slug, version.id)}`)}" target="_blank" rel="noopener">JSON API</a>` +
      `<span class="sep" aria-hidden="true">·</span><a href="${html(`${baseUrl}${diagramPath(roadmap.slug, version.id)}`)}" target="_blank" rel="noopener">Diagram</a></p>`,
    '</footer>'
  ].join('\n')
}

class PageParts {
  constructor (private readonly version: VersionEntry) {}

  byline (roadmap: RoadmapSummary): string {
    const authors = roadmap.authors.map((author) => html(author.name)).join(', ')
    return `<p class="byline">by ${authors}${roadmap.publisher === undefined ? '' : ` · ${html(roadmap.publisher)}`}</p>`
  }

  section (node: StepNode): string {
    return [
      `<li id="step-${html(node.id)}">`,
      `<h2><span class="num">${html(node.number)}</span> ${html(node.title)}</h2>`,
      '<div class="track">',
      this.details(node),
      node.children.length === 0 ? '' : `<ol class="substeps" aria-label="Sub-steps of ${html(node.title)}">\n${node.children.map((child) => this.subStep(child, 'h3')).join('\n')}\n</ol>`,
      '</div>',
      '</li>'
    ].filter((line) => line !== '').join('\n')
  }

  subStep (node: StepNode, heading: 'h2' | 'h3'): string {
    return [
      `<li id="step-${html(node.id)}">`,
      `<${heading}><span class="subnum">${html(node.number)}</span> ${html(node.title)}</${heading}>`,
      this.details(node),
      node.children.length === 0 ? '' : `<ol class="substeps">\n${node.children.map((child) => this.subStep(child, heading)).join('\n')}\n</ol>`,
      '</li>'
    ].filter((line) => line !== '').join('\n')
  }

  details (node: StepNode): string {
    const tools = node.tools.map((id) => this.version.getTool(id))
    const resources = node.resources.map((id) => this.version.getResource(id))
    return [
      `<p class="summary">${html(node.summary)}</p>`,
      tools.length === 0 ? '' : `<ul class="chips" aria-label="Tools">${tools.map(toolChip).join('')}</ul>`,
      resources.length === 0 ? '' : `<ul class="resources" aria-label="Resources">\n${resources.map(resourceItem).join('\n')}\n</ul>`
    ].filter((line) => line !== '').join('\n')
  }
}

function toolChip (tool: Tool): string {
  const name = html(tool.name)
  return tool.homepage === undefined
    ? `<li><span class="chip">${name}</span></li>`
    : `<li><a class="chip" href="${html(tool.homepage)}" target="_blank" rel="noopener">${name}</a></li>`
}

function resourceItem (resource: Resource): string {
  const title = html(resource.title)
  const named = resource.url === undefined ? `<span class="title">${title}</span>` : `<a href="${html(resource.url)}" target="_blank" rel="noopener">${title}</a>`
  const meta = [
    resource.subtitle,
    resource.authors.length === 0 ? undefined : resource.authors.join(', '),
    resource.edition,
    resource.provider
  ].filter((part): part is string => part !== undefined)
  return `<li><span class="badge kind-${resource.kind}">${RESOURCE_KIND_LABELS[resource.kind]}</span>` +
    `<span>${named}${meta.length === 0 ? '' : ` <span class="meta">· ${html(meta.join(' · '))}</span>`}</span></li>`
}
