/** GraphQL mutations: only those the action uses; anything else is refused as unsupported. */
import { execute, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql'
import { nodeId, type Ctx } from './builders'
import type { GraphQLOutcome } from './graphql'
import { GitHubGraphQLError, pullNode } from './graphql-resolvers'

type Args = Record<string, any>

const MUTATIONS = new Set(['markPullRequestReadyForReview', 'convertPullRequestToDraft'])

export function runMutation(
  ctx: Ctx,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  refuse: (messages: string[], isMutation?: boolean) => GraphQLOutcome,
): GraphQLOutcome {
  const fields = document.definitions
    .flatMap((d) => (d.kind === 'OperationDefinition' ? d.selectionSet.selections : []))
    .flatMap((f) => (f.kind === 'Field' ? [f.name.value] : []))
  const unsupported = fields.filter((name) => !MUTATIONS.has(name))
  if (unsupported.length) return refuse([`Mutations not supported by the local GitHub: ${unsupported.join(', ')}.`], true)
  const setDraft =
    (draft: boolean) =>
    ({ input }: Args) => {
      const pull = [...ctx.state.pulls.values()].find((candidate) => nodeId('PR', candidate.id) === input.pullRequestId)
      if (!pull) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.pullRequestId}'`)
      if (pull.merged || ctx.state.issues.get(pull.number)?.state !== 'open')
        throw new GitHubGraphQLError('UNPROCESSABLE', 'Pull request is not open.')
      pull.draft = draft
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: pullNode(ctx, pull) }
    }
  const rootValue = { markPullRequestReadyForReview: setDraft(false), convertPullRequestToDraft: setDraft(true) }
  const result = execute({ schema, document, rootValue, variableValues: variables, operationName }) as {
    data?: unknown
    errors?: readonly GraphQLError[]
  }
  const errors = result.errors?.map((e) => ({
    ...(e.originalError instanceof GitHubGraphQLError ? { type: e.originalError.type } : {}),
    path: e.path,
    message: e.message,
  }))
  return { status: 200, isMutation: true, cost: 1, body: { data: result.data ?? null, ...(errors ? { errors } : {}) } }
}
