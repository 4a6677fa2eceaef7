import { createHash } from 'node:crypto'
import type { ResourceKind } from '../domain/content.js'

/*
 * The one stylesheet of the embed pages. It is inlined and allowed by its hash in
 * the page's Content-Security-Policy, so the page needs no 'unsafe-inline' and
 * makes no request of its own. Every colour pair meets WCAG AA in both themes.
 */

interface Palette {
  bg: string
  surface: string
  fg: string
  muted: string
  line: string
  accent: string
  accentFg: string
  link: string
  chipBg: string
  chipFg: string
  chipBorder: string
  focus: string
}

const LIGHT: Palette = {
  bg: '#ffffff',
  surface: '#f8fafc',
  fg: '#0f172a',
  muted: '#475569',
  line: '#e2e8f0',
  accent: '#4338ca',
  accentFg: '#ffffff',
  link: '#3730a3',
  chipBg: '#eef2ff',
  chipFg: '#312e81',
  chipBorder: '#c7d2fe',
  focus: '#c2410c'
}

const DARK: Palette = {
  bg: '#0b1120',
  surface: '#111a2e',
  fg: '#e2e8f0',
  muted: '#a3b1c6',
  line: '#26324a',
  accent: '#a5b4fc',
  accentFg: '#0b1120',
  link: '#c7d2fe',
  chipBg: '#1e1b4b',
  chipFg: '#e0e7ff',
  chipBorder: '#3730a3',
  focus: '#fbbf24'
}

/** Badge colours per resource kind: [light background, light text, dark background, dark text]. */
const KIND_COLOURS: Record<ResourceKind, readonly [string, string, string, string]> = {
  book: ['#fef3c7', '#78350f', '#422006', '#fde68a'],
  course: ['#dcfce7', '#14532d', '#052e16', '#86efac'],
  'skill-track': ['#dcfce7', '#14532d', '#052e16', '#86efac'],
  video: ['#fee2e2', '#7f1d1d', '#450a0a', '#fca5a5'],
  tutorial: ['#e0f2fe', '#0c4a6e', '#082f49', '#7dd3fc'],
  practice: ['#e0f2fe', '#0c4a6e', '#082f49', '#7dd3fc'],
  repository: ['#ede9fe', '#4c1d95', '#2e1065', '#c4b5fd'],
  roadmap: ['#fce7f3', '#831843', '#500724', '#f9a8d4'],
  assessment: ['#fce7f3', '#831843', '#500724', '#f9a8d4'],
  article: ['#f1f5f9', '#1e293b', '#1e293b', '#cbd5e1'],
  website: ['#f1f5f9', '#1e293b', '#1e293b', '#cbd5e1'],
  topic: ['#f1f5f9', '#1e293b', '#1e293b', '#cbd5e1']
}

function variables (palette: Palette, mode: 'light' | 'dark'): string {
  const kinds = Object.entries(KIND_COLOURS).map(([kind, [lightBg, lightFg, darkBg, darkFg]]) =>
    `--kind-${kind}-bg:${mode === 'light' ? lightBg : darkBg};--kind-${kind}-fg:${mode === 'light' ? lightFg : darkFg}`)
  return [
    `color-scheme:${mode}`,
    ...Object.entries(palette).map(([name, value]) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}:${value}`),
    ...kinds
  ].join(';')
}

const kindRules = Object.keys(KIND_COLOURS).map((kind) => `.kind-${kind}{background:var(--kind-${kind}-bg);color:var(--kind-${kind}-fg)}`).join('')

export const EMBED_CSS = [
  `:root{${variables(LIGHT, 'light')}}`,
  `:root.theme-dark{${variables(DARK, 'dark')}}`,
  `@media (prefers-color-scheme:dark){:root.theme-auto{${variables(DARK, 'dark')}}}`,
  '*,::before,::after{box-sizing:border-box}',
  'html{-webkit-text-size-adjust:100%;text-size-adjust:100%}',
  'body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;overflow-wrap:anywhere}',
  '.page{max-width:780px;margin:0 auto;padding:20px 16px 8px}',
  'a{color:var(--link);text-underline-offset:2px}',
  'a:hover{text-decoration-thickness:2px}',
  'a:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}',
  '.eyebrow{margin:0 0 4px;font-size:12px;font-weight:600;letter-spacing:.06em;text-transform:uppercase;color:var(--muted)}',
  'h1{margin:0 0 4px;font-size:clamp(21px,5.5vw,28px);line-height:1.2;letter-spacing:-.01em}',
  'h2,h3{margin:0;line-height:1.3}',
  'h2{font-size:18px}',
  'h3{font-size:16px}',
  '.byline{margin:0 0 10px;color:var(--muted);font-size:14px}',
  '.intro{margin:0 0 20px}',
  '.path,.substeps,.chips,.resources{list-style:none;margin:0;padding:0}',
  '.path>li{position:relative;padding-left:50px}',
  // The path is a border, not a pseudo-element, so contrast checkers can see the background behind every word.
  '.track{margin-left:-33px;padding:0 0 22px 31px;border-left:2px solid var(--line)}',
  '.path>li:last-child>.track{padding-bottom:8px;border-left-color:transparent}',
  '.num{position:absolute;left:0;top:0;display:flex;align-items:center;justify-content:center;width:36px;height:36px;border-radius:50%;background:var(--accent);color:var(--accent-fg);font-size:15px;font-weight:700}',
  '.path>li>h2{padding-top:6px}',
  '.summary{margin:4px 0 10px}',
  '.chips{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 10px}',
  '.chip{display:inline-block;padding:1px 10px;border:1px solid var(--chip-border);border-radius:999px;background:var(--chip-bg);color:var(--chip-fg);font-size:13px;font-weight:500;text-decoration:none}',
  'a.chip:hover{border-color:var(--accent)}',
  '.resources{display:grid;gap:6px;margin:0 0 10px}',
  '.resources>li{display:flex;align-items:baseline;gap:8px}',
  '.badge{flex:none;min-width:100px;padding:1px 6px;border-radius:4px;font-size:11px;font-weight:700;letter-spacing:.04em;text-align:center;text-transform:uppercase}',
  '.meta{color:var(--muted);font-size:14px}',
  '.substeps{display:grid;gap:10px;margin:4px 0 0}',
  '.substeps>li{padding:12px 14px 4px;border:1px solid var(--line);border-radius:12px;background:var(--surface)}',
  '.substeps h3{margin-bottom:2px}',
  '.subnum{margin-right:2px;color:var(--accent);font-variant-numeric:tabular-nums}',
  '.step-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px 16px;margin:16px 0 4px;font-size:14px}',
  '.step-nav .next{margin-left:auto;text-align:right}',
  'footer{max-width:780px;margin:0 auto;padding:10px 16px 16px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}',
  'footer p{margin:0}',
  '.sep{padding:0 6px}',
  '.error{max-width:560px;margin:0 auto;padding:32px 16px}',
  kindRules,
  '@media (max-width:420px){.page{padding:14px 12px 4px}.path>li{padding-left:40px}.num{width:30px;height:30px;font-size:13px}.track{margin-left:-26px;padding-left:24px}.path>li>h2{padding-top:3px}.resources>li{flex-direction:column;gap:1px}.badge{min-width:0}}',
  '@media (prefers-reduced-motion:no-preference){a{transition:text-decoration-thickness .1s}}'
].join('\n')

export const EMBED_CSS_HASH = `sha256-${createHash('sha256').update(EMBED_CSS).digest('base64')}`

/** Nothing but the inline stylesheet and data: images may load; any origin may frame the page. */
export const EMBED_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${EMBED_CSS_HASH}'`,
  "img-src 'self' data:",
  'frame-ancestors *',
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')
