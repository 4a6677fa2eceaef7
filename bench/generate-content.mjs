#!/usr/bin/env node
/*
 * Synthetic content for the scale benchmark: N roadmaps cloned from the shipped
 * content/mlops, each under its own slug with renamed ids and reworded text (so
 * every roadmap adds its own words to the search vocabulary), all valid content.
 * The roadmap in the middle of the sorted set is the "probe": the shipped text
 * unchanged, so requests against it do the same work whatever the size.
 *
 *   node bench/generate-content.mjs <out-dir> <roadmaps>
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'

const root = join(import.meta.dirname, '..')
const SHIPPED_ROADMAP = join(root, 'content', 'mlops')
const SCHEMA_DIR = join(root, 'schema', 'content')
const KINDS = { steps: 'step', tools: 'tool', resources: 'resource' }
/** Words search must keep finding in every roadmap (the bench queries one of them). */
const KEEP = /kubernetes|docker|python/i
const WRITE_CONCURRENCY = 64

/** The slug of roadmap `index` of `count`, and the index of the probe roadmap. */
export const roadmapSlug = (index) => `roadmap-${String(index).padStart(3, '0')}`
export const probeIndex = (count) => Math.floor(count / 2)

/** Writes `roadmaps` roadmaps (3 versions each, like the shipped one) into `outDir`, replacing what was there. */
export async function generateContent (outDir, roadmaps) {
  const template = await readTemplate()
  const corpus = [...new Set(collectText(template).join(' ').toLowerCase().match(/[a-z]{4,}/g))].sort()
  await rm(outDir, { recursive: true, force: true })
  const files = []
  for (let index = 0; index < roadmaps; index++) {
    files.push(...cloneRoadmap(template, roadmapSlug(index), index === probeIndex(roadmaps) ? null : createRewriter(index + 1, corpus)))
  }
  const directories = [...new Set(files.map((file) => file.path.slice(0, file.path.lastIndexOf('/'))))]
  for (const directory of directories) await mkdir(join(outDir, directory), { recursive: true })
  let next = 0
  await Promise.all(Array.from({ length: WRITE_CONCURRENCY }, async () => {
    while (next < files.length) {
      const file = files[next++]
      await writeFile(join(outDir, file.path), file.text)
    }
  }))
  return { roadmaps, files: files.length, probe: roadmapSlug(probeIndex(roadmaps)) }
}

async function readTemplate () {
  const read = async (path) => parse(await readFile(path, 'utf8'))
  const versions = []
  for (const id of (await readdir(join(SHIPPED_ROADMAP, 'versions'))).sort()) {
    const directory = join(SHIPPED_ROADMAP, 'versions', id)
    const version = { id, meta: await read(join(directory, 'version.yaml')) }
    for (const folder of Object.keys(KINDS)) {
      version[folder] = []
      for (const name of (await readdir(join(directory, folder))).sort()) {
        version[folder].push({ id: name.replace(/\.ya?ml$/, ''), data: await read(join(directory, folder, name)) })
      }
    }
    versions.push(version)
  }
  return { meta: await read(join(SHIPPED_ROADMAP, 'roadmap.yaml')), versions }
}

function collectText (template) {
  const texts = [template.meta.title, template.meta.description]
  for (const version of template.versions) {
    texts.push(version.meta.title, ...version.meta.notes)
    for (const { data } of version.steps) texts.push(data.title, data.summary)
    for (const { data } of version.tools) texts.push(data.name, data.description)
    for (const { data } of version.resources) texts.push(data.title, data.subtitle ?? '', data.description ?? '', ...data.authors)
  }
  return texts
}

/*
 * Rewords text: about a third of the longer words become another word of the
 * shipped text or one of this roadmap's own invented words. A null rewriter
 * leaves everything as shipped.
 */
function createRewriter (seed, corpus) {
  const random = mulberry32(seed)
  const own = Array.from({ length: 300 }, () => inventWord(random))
  const pick = (list) => list[Math.floor(random() * list.length)]
  const prefix = inventWord(random)
  return {
    id: (id) => `${prefix}-${id}`,
    text: (text) => text.replace(/[A-Za-z]{4,}/g, (word) => {
      if (KEEP.test(word) || random() > 0.35) return word
      const replacement = random() < 0.5 ? pick(own) : pick(corpus)
      return word[0] === word[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement
    })
  }
}

function cloneRoadmap (template, slug, rewriter) {
  const id = rewriter?.id ?? ((value) => value)
  const text = rewriter?.text ?? ((value) => value)
  const optional = (value) => value === undefined ? undefined : text(value)
  const files = [file(`${slug}/roadmap.yaml`, 'roadmap', { ...template.meta, title: text(template.meta.title), description: text(template.meta.description) })]
  for (const version of template.versions) {
    const base = `${slug}/versions/${version.id}`
    files.push(file(`${base}/version.yaml`, 'version', { ...version.meta, title: text(version.meta.title), notes: version.meta.notes.map(text) }))
    for (const { id: stepId, data } of version.steps) {
      files.push(file(`${base}/steps/${id(stepId)}.yaml`, 'step', {
        ...data,
        title: text(data.title),
        ...(data.parent === undefined ? {} : { parent: id(data.parent) }),
        summary: text(data.summary),
        tools: (data.tools ?? []).map(id),
        resources: (data.resources ?? []).map(id)
      }))
    }
    for (const { id: toolId, data } of version.tools) {
      files.push(file(`${base}/tools/${id(toolId)}.yaml`, 'tool', { ...data, name: text(data.name), description: text(data.description) }))
    }
    for (const { id: resourceId, data } of version.resources) {
      files.push(file(`${base}/resources/${id(resourceId)}.yaml`, 'resource', dropUndefined({
        ...data,
        title: text(data.title),
        subtitle: optional(data.subtitle),
        authors: (data.authors ?? []).map(text),
        description: optional(data.description),
        tools: (data.tools ?? []).map(id)
      })))
    }
  }
  return files
}

function file (path, kind, data) {
  return { path, text: `# yaml-language-server: $schema=${join(SCHEMA_DIR, `${kind}.schema.json`)}\n${stringify(data, { lineWidth: 90 })}` }
}

function dropUndefined (object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))
}

const CONSONANTS = 'bcdfghklmnprstvz'
const VOWELS = 'aeiou'

function inventWord (random) {
  let word = ''
  const syllables = 2 + Math.floor(random() * 3)
  for (let index = 0; index < syllables; index++) word += CONSONANTS[Math.floor(random() * CONSONANTS.length)] + VOWELS[Math.floor(random() * VOWELS.length)]
  return word
}

function mulberry32 (seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, count] = process.argv.slice(2)
  if (outDir === undefined || !(Number(count) >= 1)) {
    process.stderr.write('usage: node bench/generate-content.mjs <out-dir> <roadmaps>\n')
    process.exit(2)
  }
  const result = await generateContent(outDir, Number(count))
  process.stdout.write(`wrote ${result.files} files, ${result.roadmaps} roadmaps (probe: ${result.probe}) to ${outDir}\n`)
}
