import type { RoadmapSummary, StepNode, Tool } from '../domain/api.js'
import { escapeHtml as xml, type VersionEntry } from '../content/store.js'
import { snapshotPath } from './links.js'
import { textWidth, wrapText } from './text-metrics.js'

/*
 * The roadmap as a picture: top-level sections on a vertical path down the
 * middle, their sub-sections branching off left and right in reading order,
 * the tools of each step as small labels. The shape is one spine with short
 * branches, so the layout is computed here in a few lines rather than by a graph
 * layout engine, and the output is the same bytes for the same content on every
 * machine: integer coordinates, no generated ids, no dates, no measured fonts.
 */

export const DIAGRAM_CONTENT_TYPE = 'image/svg+xml; charset=utf-8'

const WIDTH = 960
const MARGIN = 32
const SPINE_X = WIDTH / 2
// Fonts with Arial's metrics first, so the widths the layout assumes are the widths drawn.
const FONT_FAMILY = 'Arial, Helvetica, \'Liberation Sans\', \'Helvetica Neue\', \'DejaVu Sans\', sans-serif'

const SECTION = { width: 360, padding: 14, numberRadius: 15, titleSize: 16, lineHeight: 21 }
const SUB = { width: 380, padding: 12, titleSize: 14, lineHeight: 19 }
const CHIP = { size: 12, height: 20, gap: 6, padding: 8 }
const GAP = { afterSection: 18, betweenRows: 14, afterGroup: 30, afterLeaf: 34 }

/** Light colours are presentation attributes (what any renderer shows); dark ones apply in browsers that prefer dark. */
const COLOURS = {
  background: ['#f8fafc', '#0b1120'],
  frame: ['#e2e8f0', '#26324a'],
  heading: ['#0f172a', '#e2e8f0'],
  muted: ['#475569', '#a3b1c6'],
  spine: ['#c7d2fe', '#3730a3'],
  connector: ['#a5b4fc', '#4f46e5'],
  section: ['#4338ca', '#4f46e5'],
  sectionText: ['#ffffff', '#ffffff'],
  sectionNumber: ['#ffffff', '#e0e7ff'],
  sectionNumberText: ['#4338ca', '#312e81'],
  sectionChip: ['#e0e7ff', '#c7d2fe'],
  sectionChipText: ['#312e81', '#1e1b4b'],
  sub: ['#ffffff', '#111a2e'],
  subBorder: ['#c7d2fe', '#334155'],
  subText: ['#0f172a', '#e2e8f0'],
  pill: ['#eef2ff', '#1e1b4b'],
  pillText: ['#3730a3', '#c7d2fe'],
  chip: ['#f1f5f9', '#1e293b'],
  chipBorder: ['#e2e8f0', '#334155'],
  chipText: ['#334155', '#cbd5e1']
} as const
type Colour = keyof typeof COLOURS

/** The class and light-colour attributes of an element; the classes let the dark style override the colours. */
function paint ({ fill, stroke, className }: { fill?: Colour, stroke?: Colour, className?: string }): string {
  const classes = [className, fill, stroke === undefined ? undefined : `${stroke}-line`].filter((name) => name !== undefined)
  return [
    `class="${classes.join(' ')}"`,
    fill === undefined ? undefined : `fill="${COLOURS[fill][0]}"`,
    stroke === undefined ? undefined : `stroke="${COLOURS[stroke][0]}"`
  ].filter((attribute) => attribute !== undefined).join(' ')
}
const darkStyle = Object.entries(COLOURS).map(([name, [, dark]]) => `.${name}{fill:${dark}}.${name}-line{stroke:${dark}}`).join('')

export interface Diagram {
  svg: string
  width: number
  height: number
}

interface Box { x: number, y: number, width: number, height: number }

export function renderDiagram (roadmap: RoadmapSummary, version: VersionEntry): Diagram {
  const spine: string[] = []
  const nodes: string[] = []
  const spineStops: number[] = []
  let y = 124

  for (const section of version.stepTree) {
    const tools = section.tools.map((id) => version.getTool(id))
    const box = { x: SPINE_X - SECTION.width / 2, y, width: SECTION.width, height: 0 }
    const drawn = sectionNode(section, tools, box)
    nodes.push(drawn.svg)
    spineStops.push(y + drawn.height / 2)
    y += drawn.height

    if (section.children.length === 0) {
      y += GAP.afterLeaf
      continue
    }
    y += GAP.afterSection
    for (let row = 0; row < section.children.length; row += 2) {
      const pair = section.children.slice(row, row + 2)
      let rowHeight = 0
      pair.forEach((child, index) => {
        const onLeft = index === 0
        const childBox = { x: onLeft ? MARGIN : WIDTH - MARGIN - SUB.width, y, width: SUB.width, height: 0 }
        const drawnChild = subNode(child, child.tools.map((id) => version.getTool(id)), childBox)
        const anchorY = y + SUB.padding + 11
        const edgeX = onLeft ? childBox.x + SUB.width : childBox.x
        spine.push(`<path d="M${SPINE_X} ${anchorY}H${edgeX}" ${paint({ stroke: 'connector' })} stroke-width="2" stroke-dasharray="5 4" fill="none"/>`)
        spine.push(`<circle cx="${SPINE_X}" cy="${anchorY}" r="4" ${paint({ fill: 'connector' })}/>`)
        spineStops.push(anchorY)
        nodes.push(drawnChild.svg)
        rowHeight = Math.max(rowHeight, drawnChild.height)
      })
      y += rowHeight + GAP.betweenRows
    }
    y += GAP.afterGroup - GAP.betweenRows
  }

  const spinePath = spineStops.length === 0
    ? ''
    : `<path d="M${SPINE_X} ${Math.min(...spineStops)}V${Math.max(...spineStops)}" ${paint({ stroke: 'spine' })} stroke-width="4" stroke-linecap="round" fill="none"/>`
  const footerY = y - 8
  const height = footerY + 56
  const { source } = version.summary
  const title = `${roadmap.title} · edition ${version.id}`
  const byline = [roadmap.authors.map((author) => author.name).join(', '), roadmap.publisher, count(version.steps.length, 'step'), count(version.tools.length, 'tool'), count(version.resources.length, 'resource')]
    .filter((part): part is string => part !== undefined).join(' · ')
  const description = `${roadmap.title}, edition ${version.id}: ${version.stepTree.map((node) => `${node.number} ${node.title}`).join(', ')}.`

  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="diagram-title diagram-desc" font-family="${xml(FONT_FAMILY)}">`,
    `<title id="diagram-title">${xml(title)}</title>`,
    `<desc id="diagram-desc">${xml(description)}</desc>`,
    `<style>@media (prefers-color-scheme:dark){${darkStyle}}</style>`,
    `<rect x="0.5" y="0.5" width="${WIDTH - 1}" height="${height - 1}" rx="16" ${paint({ fill: 'background', stroke: 'frame' })}/>`,
    `<text x="${MARGIN}" y="60" font-size="26" font-weight="700" ${paint({ fill: 'heading' })}>${xml(roadmap.title)}</text>`,
    `<text x="${MARGIN}" y="88" font-size="14" ${paint({ fill: 'muted' })}>${xml(`Edition ${version.id} · ${byline}`)}</text>`,
    spinePath,
    ...spine,
    ...nodes,
    `<text x="${MARGIN}" y="${footerY + 16}" font-size="12" ${paint({ fill: 'muted' })}>${xml(`Source: ${source.title}${source.url === undefined ? '' : ` (${source.url})`}`)}</text>`,
    `<text x="${MARGIN}" y="${footerY + 34}" font-size="12" ${paint({ fill: 'muted' })}>${xml(`Data: ${snapshotPath(roadmap.slug, version.id)}`)}</text>`,
    '</svg>',
    ''
  ].filter((line, index, lines) => line !== '' || index === lines.length - 1).join('\n')
  return { svg, width: WIDTH, height }
}

function sectionNode (section: StepNode, tools: Tool[], box: Box): { svg: string, height: number } {
  const textX = box.x + SECTION.padding + SECTION.numberRadius * 2 + 12
  const innerWidth = box.x + box.width - SECTION.padding - textX
  const lines = wrapText(section.title, innerWidth, SECTION.titleSize, true)
  const titleTop = box.y + SECTION.padding
  const chipsTop = titleTop + lines.length * SECTION.lineHeight + 8
  const chips = chipRows(tools, textX, chipsTop, innerWidth, 'sectionChip', 'sectionChipText')
  const contentHeight = lines.length * SECTION.lineHeight + (chips.height === 0 ? 0 : 8 + chips.height)
  const height = Math.max(SECTION.numberRadius * 2, contentHeight) + SECTION.padding * 2
  const numberY = box.y + SECTION.padding + SECTION.numberRadius
  return {
    height,
    svg: [
      `<g class="step" data-step="${xml(section.id)}">`,
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${height}" rx="12" ${paint({ fill: 'section' })}/>`,
      `<circle cx="${box.x + SECTION.padding + SECTION.numberRadius}" cy="${numberY}" r="${SECTION.numberRadius}" ${paint({ fill: 'sectionNumber' })}/>`,
      `<text x="${box.x + SECTION.padding + SECTION.numberRadius}" y="${numberY + 5}" font-size="14" font-weight="700" text-anchor="middle" ${paint({ fill: 'sectionNumberText' })}>${xml(section.number)}</text>`,
      textBlock(lines, textX, titleTop, SECTION.titleSize, SECTION.lineHeight, '700', 'sectionText'),
      chips.svg,
      '</g>'
    ].filter((part) => part !== '').join('\n')
  }
}

function subNode (step: StepNode, tools: Tool[], box: Box): { svg: string, height: number } {
  const pillWidth = Math.ceil(textWidth(step.number, 12, true)) + 14
  const textX = box.x + SUB.padding + pillWidth + 10
  const innerWidth = box.x + box.width - SUB.padding - textX
  const lines = wrapText(step.title, innerWidth, SUB.titleSize, true)
  const titleTop = box.y + SUB.padding
  const chipsTop = titleTop + lines.length * SUB.lineHeight + 8
  const chips = chipRows(tools, textX, chipsTop, innerWidth, 'chip', 'chipText')
  const height = lines.length * SUB.lineHeight + (chips.height === 0 ? 0 : 8 + chips.height) + SUB.padding * 2
  return {
    height,
    svg: [
      `<g class="step" data-step="${xml(step.id)}">`,
      `<rect x="${box.x + 0.5}" y="${box.y + 0.5}" width="${box.width - 1}" height="${height - 1}" rx="10" ${paint({ fill: 'sub', stroke: 'subBorder' })} stroke-width="1.5"/>`,
      `<rect x="${box.x + SUB.padding}" y="${titleTop}" width="${pillWidth}" height="20" rx="10" ${paint({ fill: 'pill' })}/>`,
      `<text x="${box.x + SUB.padding + pillWidth / 2}" y="${titleTop + 14}" font-size="12" font-weight="700" text-anchor="middle" ${paint({ fill: 'pillText' })}>${xml(step.number)}</text>`,
      textBlock(lines, textX, titleTop, SUB.titleSize, SUB.lineHeight, '600', 'subText'),
      chips.svg,
      '</g>'
    ].filter((part) => part !== '').join('\n')
  }
}

/** One <text> per title, a <tspan> per line, so the title is real, selectable, searchable text. */
function textBlock (lines: string[], x: number, top: number, fontSize: number, lineHeight: number, weight: string, colour: Colour): string {
  const baseline = top + Math.round(lineHeight * 0.75)
  const spans = lines.map((line, index) => `<tspan x="${x}" y="${baseline + index * lineHeight}">${xml(line)}</tspan>`).join('\n')
  return `<text font-size="${fontSize}" font-weight="${weight}" ${paint({ fill: colour, className: 'title' })}>${spans}</text>`
}

function chipRows (tools: Tool[], left: number, top: number, maxWidth: number, background: Colour, text: Colour): { svg: string, height: number } {
  if (tools.length === 0) return { svg: '', height: 0 }
  const parts: string[] = []
  let x = left
  let y = top
  for (const tool of tools) {
    const width = Math.ceil(textWidth(tool.name, CHIP.size)) + CHIP.padding * 2
    if (x > left && x + width > left + maxWidth) {
      x = left
      y += CHIP.height + CHIP.gap
    }
    const border: Colour | undefined = background === 'chip' ? 'chipBorder' : undefined
    parts.push(`<rect x="${x}" y="${y}" width="${width}" height="${CHIP.height}" rx="${CHIP.height / 2}" ${paint({ fill: background, ...(border === undefined ? {} : { stroke: border }) })}/>`)
    parts.push(`<text x="${x + width / 2}" y="${y + 14}" font-size="${CHIP.size}" text-anchor="middle" ${paint({ fill: text, className: 'tool' })}>${xml(tool.name)}</text>`)
    x += width + CHIP.gap
  }
  return { svg: parts.join('\n'), height: y + CHIP.height - top }
}

function count (amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? '' : 's'}`
}
