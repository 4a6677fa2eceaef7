import { Type } from '@sinclair/typebox'

export const RoadmapParams = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100, description: 'The roadmap slug.', examples: ['mlops'] })
})

export const VersionParams = Type.Object({
  ...RoadmapParams.properties,
  version: Type.String({ pattern: '^(?:latest|\\d{4}-\\d{2}-\\d{2})$', description: 'A version id (the edition date) or `latest`.', examples: ['2024-01-12', 'latest'] })
})

export const ProblemRef = Type.Ref('Problem')

/** The error responses every route under /v1 can give. */
export const commonProblems = {
  400: { ...ProblemRef, description: 'A parameter is invalid (application/problem+json).' },
  404: { ...ProblemRef, description: 'The roadmap, version or item does not exist (application/problem+json).' }
}
