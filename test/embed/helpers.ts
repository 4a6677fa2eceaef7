import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import type { LightMyRequestResponse } from 'fastify'
import type { Snapshot, StepNode } from '../../src/domain/api.js'
import type { App } from '../../src/app.js'
import { buildTestApp } from '../helpers/app.js'

/** Content whose every text field looks like markup: titles with & < > " ', a summary with </script>. */
export const MARKUP_CONTENT = fileURLToPath(new URL('./fixtures/markup', import.meta.url))

/** The origin app.inject requests come from (Host: localhost:80). */
export const INJECT_BASE = 'http://localhost:80'

export const EDITION = '2024-01-12'

export function flattenSteps (nodes: readonly StepNode[]): StepNode[] {
  return nodes.flatMap((node) => [node, ...flattenSteps(node.children)])
}

/** The app on the shipped content, with the edition's snapshot and its steps in reading order. */
export async function openShippedEdition (): Promise<{ app: App, snapshot: Snapshot, steps: StepNode[] }> {
  const app = await buildTestApp()
  const snapshot = await snapshotOf(app)
  return { app, snapshot, steps: flattenSteps(snapshot.steps) }
}

export async function snapshotOf (app: App, slug = 'mlops', version = EDITION): Promise<Snapshot> {
  const response = await app.inject({ url: `/v1/roadmaps/${slug}/versions/${version}`, headers: { accept: 'application/json' } })
  return response.json<Snapshot>()
}

export function decodeHtml (text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!)
}

/** The text of every element `tag` in the page, markup stripped and entities decoded. */
export function textsOf (html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => decodeHtml(match[1]!.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim())
}

export function jsonLdOf (html: string): unknown {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  if (scripts.length !== 1) throw new Error(`expected one JSON-LD block, found ${scripts.length}`)
  return JSON.parse(scripts[0]![1]!)
}

/** The sha256 CSP source of the page's one <style> element, computed from the bytes served. */
export function styleHashOf (document: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(document)?.[1]
  if (style === undefined) throw new Error('no <style> element')
  return `'sha256-${createHash('sha256').update(style).digest('base64')}'`
}

export function cspDirectives (response: LightMyRequestResponse): Record<string, string> {
  const header = String(response.headers['content-security-policy'] ?? '')
  return Object.fromEntries(header.split(';').map((directive) => directive.trim()).filter(Boolean).map((directive) => {
    const [name, ...values] = directive.split(/\s+/)
    return [name!, values.join(' ')]
  }))
}
