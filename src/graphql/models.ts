import type { Resource, Step, Tool } from '../domain/api.js'
import type { VersionEntry } from '../content/store.js'
import type { ChangedItem, VersionDiff } from '../domain/diff.js'

/*
 * What resolvers pass down for each GraphQL object: the store's own values plus
 * the version they belong to. `__typename` lets graphql resolve the Node and
 * SearchResult abstract types without a lookup.
 */

export interface StepModel { __typename: 'Step', version: VersionEntry, step: Step }
export interface ToolModel { __typename: 'Tool', version: VersionEntry, tool: Tool }
export interface ResourceModel { __typename: 'Resource', version: VersionEntry, resource: Resource }

export const stepModel = (version: VersionEntry, step: Step): StepModel => ({ __typename: 'Step', version, step })
export const toolModel = (version: VersionEntry, tool: Tool): ToolModel => ({ __typename: 'Tool', version, tool })
export const resourceModel = (version: VersionEntry, resource: Resource): ResourceModel => ({ __typename: 'Resource', version, resource })

/** A diff with both versions, so added items resolve in `to` and removed ones in `from`. */
export interface VersionDiffModel { diff: VersionDiff, from: VersionEntry, to: VersionEntry }
export type ChangedItemModel = ChangedItem
