import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The hand-written SDL, one file per type; found relative to this file so it works from src/ and dist/. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schema', import.meta.url))

/** Every schema/*.graphql file, in file-name order, as one SDL document. */
export async function loadSchemaSource (dir = SCHEMA_DIR): Promise<string> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort()
  const sources = await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))
  return sources.join('\n')
}
