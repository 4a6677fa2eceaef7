import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs'
import { join, relative, isAbsolute, sep } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import { parseSourceFile, type SourceFile } from './source-file.js'

/** Every file of one roadmap, as read from disk, before validation. */
export interface RoadmapSources {
  slug: string
  directory: string
  roadmap: SourceFile | undefined
  versions: VersionSources[]
}

export interface VersionSources {
  id: string
  directory: string
  version: SourceFile | undefined
  steps: EntitySource[]
  tools: EntitySource[]
  resources: EntitySource[]
}

export interface EntitySource { id: string, file: SourceFile }

export interface ContentSources {
  contentDir: string
  roadmaps: RoadmapSources[]
  /** Folders and files that do not fit the layout, reported as problems. */
  strayPaths: string[]
}

const YAML_FILE = /\.ya?ml$/
const ENTITY_FOLDERS = ['steps', 'tools', 'resources'] as const

/** What one roadmap folder holds, listed before any file is read. */
interface RoadmapLayout {
  slug: string
  directory: string
  versions: Array<{ id: string, directory: string } & Record<typeof ENTITY_FOLDERS[number], { directory: string, names: string[] }>>
}

/** Every roadmap's files, read and parsed (not validated). */
export async function loadContentSources (contentDir: string, options: { worker?: boolean } = {}): Promise<ContentSources> {
  const roadmaps: RoadmapSources[] = []
  const tree = await readContentSources(contentDir, (roadmap) => { roadmaps.push(roadmap) }, options)
  return { ...tree, roadmaps }
}

/*
 * The folders are listed first, then the files read in that order. Reads are synchronous: per small
 * file, fs.promises costs about ten times the CPU (open, stat, read and close each cross to the thread
 * pool). On a large tree a worker thread does the reading — opening files is then the largest cost —
 * while this thread parses and checks what has arrived; on a small one the worker would cost more than
 * it saves. Either way the event loop gets a turn between roadmaps, so a reload does not hold it for long.
 */
/** loadContentSources one roadmap at a time: each goes to `onRoadmap` (say, to be validated) while the next ones are read. */
export async function readContentSources (
  contentDir: string,
  onRoadmap: (roadmap: RoadmapSources) => void,
  /** Whether a worker thread reads the files; by default, when there are many. */
  options: { worker?: boolean } = {}
): Promise<Omit<ContentSources, 'roadmaps'>> {
  const display = (path: string) => displayPath(path)
  const strayPaths: string[] = []
  const layouts: RoadmapLayout[] = []
  for (const entry of listDirectory(contentDir)) {
    const slug = entry.name
    const directory = join(contentDir, slug)
    if (!isDirectory(entry, directory)) {
      if (!slug.startsWith('.') && slug !== 'README.md') strayPaths.push(display(directory))
      continue
    }
    layouts.push(listRoadmap(slug, directory))
  }
  const paths = layouts.flatMap((layout) => [
    join(layout.directory, 'roadmap.yaml'),
    ...layout.versions.flatMap((version) => [
      join(version.directory, 'version.yaml'),
      ...ENTITY_FOLDERS.flatMap((folder) => version[folder].names.map((name) => childPath(version[folder].directory, name)))
    ])
  ])
  const reader = (options.worker ?? paths.length >= WORKER_READ_THRESHOLD) ? createWorkerReader(paths) : undefined
  const read = reader ?? readText
  try {
    for (const layout of layouts) {
      await nextTurn()
      onRoadmap(await readRoadmap(layout, read, display))
    }
    return { contentDir: display(contentDir), strayPaths }
  } finally {
    reader?.close()
  }
}

function listRoadmap (slug: string, directory: string): RoadmapLayout {
  const versionsDir = join(directory, 'versions')
  const versions: RoadmapLayout['versions'] = []
  for (const entry of listDirectory(versionsDir)) {
    const versionDir = join(versionsDir, entry.name)
    if (!isDirectory(entry, versionDir)) continue
    const folder = (name: string) => {
      const folderDir = join(versionDir, name)
      return { directory: folderDir, names: listDirectory(folderDir).map((file) => file.name).filter((file) => YAML_FILE.test(file)) }
    }
    versions.push({ id: entry.name, directory: versionDir, steps: folder('steps'), tools: folder('tools'), resources: folder('resources') })
  }
  return { slug, directory, versions }
}

type ReadText = (path: string) => string | Promise<string>

async function readRoadmap (layout: RoadmapLayout, read: ReadText, display: (path: string) => string): Promise<RoadmapSources> {
  const roadmap = await readSource(join(layout.directory, 'roadmap.yaml'), read, display)
  const versions: VersionSources[] = []
  for (const version of layout.versions) {
    const source = await readSource(join(version.directory, 'version.yaml'), read, display)
    const [steps, tools, resources] = [await readEntities(version.steps, read, display), await readEntities(version.tools, read, display), await readEntities(version.resources, read, display)]
    versions.push({ id: version.id, directory: display(version.directory), version: source, steps, tools, resources })
  }
  return { slug: layout.slug, directory: display(layout.directory), roadmap, versions }
}

async function readEntities ({ directory, names }: { directory: string, names: string[] }, read: ReadText, display: (path: string) => string): Promise<EntitySource[]> {
  const entities: EntitySource[] = []
  // The folder's display path once, not each file's: same text, without a path.relative per file.
  const shownDirectory = names.length === 0 ? '' : display(directory)
  for (const name of names) {
    const text = await read(childPath(directory, name))
    entities.push({ id: name.replace(YAML_FILE, ''), file: parseSourceFile(childPath(shownDirectory, name), text) })
  }
  return entities
}

async function readSource (path: string, read: ReadText, display: (path: string) => string): Promise<SourceFile | undefined> {
  try {
    return parseSourceFile(display(path), await read(path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

const READ_BUFFER = Buffer.allocUnsafe(64 * 1024)

/** A file's text: content files are a few kilobytes, read in one call into a reused buffer (readFileSync also asks for the size first). */
function readText (path: string): string {
  const descriptor = openSync(path, 'r')
  try {
    const length = readSync(descriptor, READ_BUFFER, 0, READ_BUFFER.length, 0)
    if (length < READ_BUFFER.length) return READ_BUFFER.toString('utf8', 0, length)
  } finally {
    closeSync(descriptor)
  }
  return readFileSync(path, 'utf8')
}

const WORKER_READ_THRESHOLD = 2000

/*
 * readText in a worker: reads every path in order and sends the texts in batches (or the error of a
 * read). A module in a data: URL, so it needs no file of its own and runs the same under tsx or vitest.
 */
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads'
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
const buffer = Buffer.allocUnsafe(64 * 1024)
let batch = []
for (const path of workerData) {
  try {
    const descriptor = openSync(path, 'r')
    let text
    try {
      const length = readSync(descriptor, buffer, 0, buffer.length, 0)
      if (length < buffer.length) text = buffer.toString('utf8', 0, length)
    } finally {
      closeSync(descriptor)
    }
    batch.push(text ?? readFileSync(path, 'utf8'))
  } catch (error) {
    batch.push({ message: error.message, code: error.code })
  }
  if (batch.length === 128) { parentPort.postMessage(batch); batch = [] }
}
parentPort.postMessage(batch)
`

type ReadResult = string | { message: string, code?: string }

/** Reads `paths` in a worker; the returned function must be called with those paths, in that order. */
function createWorkerReader (paths: string[]): ReadText & { close: () => void } {
  const results: Array<ReadResult | undefined> = []
  let failure: Error | undefined
  let wake: (() => void) | undefined
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: paths })
  worker.on('message', (batch: ReadResult[]) => { results.push(...batch); wake?.() })
  worker.on('error', (error) => { failure = error; wake?.() })
  worker.on('exit', () => { failure ??= new Error('the file reader stopped before reading every file'); wake?.() })
  let next = 0
  const read = async (path: string): Promise<string> => {
    if (paths[next] !== path) throw new Error(`files read out of order: expected ${paths[next]}, asked for ${path}`)
    while (next >= results.length) {
      if (failure !== undefined) throw failure
      await new Promise<void>((resolve) => { wake = resolve })
    }
    const result = results[next]!
    results[next++] = undefined
    if (typeof result === 'string') return result
    throw Object.assign(new Error(result.message), { code: result.code })
  }
  return Object.assign(read, { close: () => { void worker.terminate() } })
}

/** Entries sorted by name, as `readdir(...).sort()` orders them; none for a missing folder. */
function listDirectory (directory: string): Dirent[] {
  try {
    return readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Like stat().isDirectory(): a symbolic link counts as what it points to. */
function isDirectory (entry: Dirent, path: string): boolean {
  return entry.isSymbolicLink() ? statSync(path).isDirectory() : entry.isDirectory()
}

/** join(directory, name) for a folder path join made (already normalised) and a name from readdir, without normalising again. */
function childPath (directory: string, name: string): string {
  return directory === '' || directory === '.' || directory.endsWith(sep) ? join(directory, name) : `${directory}${sep}${name}`
}

function displayPath (path: string): string {
  const fromCwd = relative(process.cwd(), path)
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd
}
