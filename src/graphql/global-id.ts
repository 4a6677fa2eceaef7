import { InvalidParameterError } from '../errors.js'

/*
 * Relay global ids: base64url of `Type:roadmap/version/item`, e.g. `Step:mlops/2024-01-12/docker`.
 * The version part is always a concrete id, so an id stays valid after `latest` moves.
 */

export type NodeTypeName = 'Roadmap' | 'RoadmapVersion' | 'Step' | 'Tool' | 'Resource'

const PATH_LENGTH: Record<NodeTypeName, number> = { Roadmap: 1, RoadmapVersion: 2, Step: 3, Tool: 3, Resource: 3 }

export interface GlobalId { type: NodeTypeName, path: string[] }

export function toGlobalId (type: NodeTypeName, ...path: string[]): string {
  return Buffer.from(`${type}:${path.join('/')}`, 'utf8').toString('base64url')
}

export function fromGlobalId (id: string): GlobalId {
  const text = /^[A-Za-z0-9_-]{1,400}$/.test(id) ? Buffer.from(id, 'base64url').toString('utf8') : ''
  const separator = text.indexOf(':')
  const type = text.slice(0, separator)
  const path = text.slice(separator + 1).split('/')
  if (separator === -1 || !Object.hasOwn(PATH_LENGTH, type) || PATH_LENGTH[type as NodeTypeName] !== path.length || path.some((part) => part === '')) {
    throw new InvalidParameterError('id', 'is not a global id this API issued')
  }
  return { type: type as NodeTypeName, path }
}
