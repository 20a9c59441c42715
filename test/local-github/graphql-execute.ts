/** Executing a validated GraphQL document and shaping its errors like GitHub's. */
import { execute, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql'
import { GitHubGraphQLError } from './graphql-kit'

export interface Executed {
  body: { data: unknown; errors?: object[] }
  /** Errors a correct query never meets: untyped ones (e.g. Int overflow) and typed mistakes. */
  invalid?: string
}

export function executeDocument(
  schema: GraphQLSchema,
  document: DocumentNode,
  rootValue: Record<string, unknown>,
  variableValues: Record<string, unknown>,
  operationName: string | undefined,
): Executed {
  const result = execute({ schema, document, rootValue, variableValues, operationName }) as {
    data?: unknown
    errors?: readonly GraphQLError[]
  }
  const typed = (e: GraphQLError) => (e.originalError instanceof GitHubGraphQLError ? e.originalError : undefined)
  const errors = result.errors?.map((e) => ({
    ...(typed(e) ? { type: typed(e)!.type } : {}),
    path: e.path,
    locations: e.locations,
    message: e.message,
  }))
  const invalid = result.errors?.filter((e) => !typed(e) || typed(e)!.mistake).map((e) => e.message)
  return {
    body: { data: result.data ?? null, ...(errors ? { errors } : {}) },
    invalid: invalid?.length ? invalid.join('\n') : undefined,
  }
}
