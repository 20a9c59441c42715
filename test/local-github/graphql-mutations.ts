/** GraphQL mutations: only those the action uses; anything else is refused as unsupported. */
import type { DocumentNode, GraphQLSchema } from 'graphql'
import type { Ctx } from './builders'
import type { GraphQLOutcome } from './graphql'
import { executeDocument } from './graphql-execute'
import { issueByNodeId } from './graphql-nodes'
import { projectMutations } from './graphql-project-mutations'
import { contentNode, ctxFor, GitHubGraphQLError, issueNode, pullNode } from './graphql-resolvers'
import { subIssueMutations } from './graphql-sub-issues'

type Args = Record<string, any>

function draftMutations(ctx: Ctx) {
  const setDraft =
    (draft: boolean) =>
    ({ input }: Args) => {
      const { repo, issue } = issueByNodeId(ctx.hub, input.pullRequestId, ['PR'])
      const pull = repo.pulls.get(issue.number)!
      if (pull.merged || issue.state !== 'open') throw new GitHubGraphQLError('UNPROCESSABLE', 'Pull request is not open.')
      pull.draft = draft
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: pullNode(ctxFor(ctx, repo), pull) }
    }
  return { markPullRequestReadyForReview: setDraft(false), convertPullRequestToDraft: setDraft(true) }
}

/** Pinning an issue: at most three a repository, as on GitHub. */
function pinMutations(ctx: Ctx) {
  return {
    pinIssue: ({ input }: Args) => {
      const { repo, issue } = issueByNodeId(ctx.hub, input.issueId, ['I'])
      const pinned = [...repo.issues.values()].filter((candidate) => candidate.pinned && candidate !== issue)
      if (pinned.length >= 3) throw new GitHubGraphQLError('UNPROCESSABLE', 'Repository already has three pinned issues.')
      issue.pinned = true
      return { clientMutationId: input.clientMutationId ?? null, issue: issueNode(ctxFor(ctx, repo), issue) }
    },
  }
}

function mutationRoot(ctx: Ctx): Record<string, (args: Args) => unknown> {
  return { ...draftMutations(ctx), ...subIssueMutations(ctx, issueNode), ...projectMutations(ctx, contentNode), ...pinMutations(ctx) }
}

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
  const rootValue = mutationRoot(ctx)
  const unsupported = fields.filter((name) => !(name in rootValue))
  if (unsupported.length) return refuse([`Mutations not supported by the local GitHub: ${unsupported.join(', ')}.`], true)
  const executed = executeDocument(schema, document, rootValue, variables, operationName)
  return { status: 200, isMutation: true, cost: 1, invalid: executed.invalid, body: executed.body }
}
