/*
 * Text widths for laying out SVG without a font engine. The diagram must be the
 * same bytes on every machine, so it cannot measure with whatever fonts are
 * installed. It asks for Arial first (Helvetica, Liberation Sans: the same
 * metrics), lays out with Arial's advance widths (units per 1000 em), and keeps
 * a margin wide enough that the widest common fallback, DejaVu Sans Bold, still fits.
 */

const ARIAL_WIDTHS: Record<string, number> = {
  ' ': 278,
  '!': 278,
  '"': 355,
  '#': 556,
  $: 556,
  '%': 889,
  '&': 667,
  "'": 191,
  '(': 333,
  ')': 333,
  '*': 389,
  '+': 584,
  ',': 278,
  '-': 333,
  '.': 278,
  '/': 278,
  0: 556,
  1: 556,
  2: 556,
  3: 556,
  4: 556,
  5: 556,
  6: 556,
  7: 556,
  8: 556,
  9: 556,
  ':': 278,
  ';': 278,
  '<': 584,
  '=': 584,
  '>': 584,
  '?': 556,
  '@': 1015,
  A: 667,
  B: 667,
  C: 722,
  D: 722,
  E: 667,
  F: 611,
  G: 778,
  H: 722,
  I: 278,
  J: 500,
  K: 667,
  L: 556,
  M: 833,
  N: 722,
  O: 778,
  P: 667,
  Q: 778,
  R: 722,
  S: 667,
  T: 611,
  U: 722,
  V: 667,
  W: 944,
  X: 667,
  Y: 667,
  Z: 611,
  '[': 278,
  '\\': 278,
  ']': 278,
  _: 556,
  a: 556,
  b: 556,
  c: 500,
  d: 556,
  e: 556,
  f: 278,
  g: 556,
  h: 556,
  i: 222,
  j: 222,
  k: 500,
  l: 222,
  m: 833,
  n: 556,
  o: 556,
  p: 556,
  q: 556,
  r: 333,
  s: 500,
  t: 278,
  u: 556,
  v: 500,
  w: 722,
  x: 500,
  y: 500,
  z: 500,
  '|': 260
}
const UNKNOWN_WIDTH = 600
const BOLD_FACTOR = 1.08
const FALLBACK_MARGIN = 1.2

export function textWidth (text: string, fontSize: number, bold = false): number {
  let units = 0
  for (const char of text) units += ARIAL_WIDTHS[char] ?? UNKNOWN_WIDTH
  return units / 1000 * fontSize * (bold ? BOLD_FACTOR : 1) * FALLBACK_MARGIN
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is cut by characters. */
export function wrapText (text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`
    if (textWidth(candidate, fontSize, bold) <= maxWidth) {
      line = candidate
      continue
    }
    if (line !== '') lines.push(line)
    line = ''
    let rest = word
    while (textWidth(rest, fontSize, bold) > maxWidth) {
      let cut = rest.length - 1
      while (cut > 1 && textWidth(rest.slice(0, cut), fontSize, bold) > maxWidth) cut--
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut)
    }
    line = rest
  }
  if (line !== '') lines.push(line)
  return lines
}
