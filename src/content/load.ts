import { readdir, readFile, stat } from 'node:fs/promises'
import { join, relative, isAbsolute } from 'node:path'
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

export async function loadContentSources (contentDir: string): Promise<ContentSources> {
  const display = (path: string) => displayPath(path)
  const strayPaths: string[] = []
  const roadmaps: RoadmapSources[] = []
  for (const slug of await listDirectory(contentDir)) {
    const directory = join(contentDir, slug)
    if (!await isDirectory(directory)) {
      if (!slug.startsWith('.') && slug !== 'README.md') strayPaths.push(display(directory))
      continue
    }
    const roadmap = await readSource(join(directory, 'roadmap.yaml'), display)
    const versions: VersionSources[] = []
    const versionsDir = join(directory, 'versions')
    for (const id of await listDirectory(versionsDir)) {
      const versionDir = join(versionsDir, id)
      if (!await isDirectory(versionDir)) continue
      versions.push({
        id,
        directory: display(versionDir),
        version: await readSource(join(versionDir, 'version.yaml'), display),
        steps: await readEntities(join(versionDir, 'steps'), display),
        tools: await readEntities(join(versionDir, 'tools'), display),
        resources: await readEntities(join(versionDir, 'resources'), display)
      })
    }
    roadmaps.push({ slug, directory: display(directory), roadmap, versions })
  }
  return { contentDir: display(contentDir), roadmaps, strayPaths }
}

async function readEntities (directory: string, display: (path: string) => string): Promise<EntitySource[]> {
  const entities: EntitySource[] = []
  for (const name of await listDirectory(directory)) {
    if (!YAML_FILE.test(name)) continue
    const path = join(directory, name)
    const text = await readFile(path, 'utf8')
    entities.push({ id: name.replace(YAML_FILE, ''), file: parseSourceFile(display(path), text) })
  }
  return entities
}

async function readSource (path: string, display: (path: string) => string): Promise<SourceFile | undefined> {
  try {
    return parseSourceFile(display(path), await readFile(path, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function listDirectory (directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function isDirectory (path: string): Promise<boolean> {
  return (await stat(path)).isDirectory()
}

function displayPath (path: string): string {
  const fromCwd = relative(process.cwd(), path)
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? path : fromCwd
}
