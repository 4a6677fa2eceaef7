import { Type, type Static } from '@sinclair/typebox'

export const InvalidParamSchema = Type.Object({
  in: Type.String({ description: 'Where the parameter is: path, query, header or body.', examples: ['query'] }),
  name: Type.String({ description: 'The parameter name.', examples: ['limit'] }),
  reason: Type.String({ description: 'What is wrong with its value.', examples: ['must be <= 100'] })
}, { additionalProperties: false })

export const ProblemSchema = Type.Object({
  type: Type.String({ description: 'A URI reference naming the problem type; GET it for a description.', examples: ['/problems/version-not-found'] }),
  title: Type.String({ description: 'A short summary of the problem type.', examples: ['Version not found'] }),
  status: Type.Integer({ description: 'The HTTP status code.', examples: [404] }),
  detail: Type.String({ description: 'What went wrong with this request.', examples: ['Roadmap "mlops" has no version "2020-01-01"'] }),
  instance: Type.String({ description: 'The request path this problem occurred on.', examples: ['/v1/roadmaps/mlops/versions/2020-01-01'] }),
  code: Type.String({ description: 'A stable error code, also used as `extensions.code` in GraphQL.', examples: ['ROADMAP_ERR_VERSION_NOT_FOUND'] }),
  invalidParams: Type.Optional(Type.Array(InvalidParamSchema, { description: 'Each parameter that failed validation.' }))
}, { $id: 'Problem', description: 'An RFC 9457 problem details object (served as application/problem+json).' })
export type Problem = Static<typeof ProblemSchema>
