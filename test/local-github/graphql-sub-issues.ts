/** GraphQL sub-issues: Issue.subIssues / parent / subIssuesSummary and the add/remove mutations. */
import type { Ctx } from './builders'
import { issueByNodeId } from './graphql-nodes'
import { connection, ctxFor, GitHubGraphQLError } from './graphql-kit'
import type { IssueRecord } from './state'
import { addSubIssue, parentOf, removeSubIssue, subIssuesOf, summaryOf, SubIssueRefusal, type Located } from './sub-issues'

type Args = Record<string, any>
type IssueNodeBuilder = (ctx: Ctx, issue: IssueRecord) => object

/** Fields merged into every Issue node; `node` builds the linked issues (passed in to avoid an import cycle). */
export function subIssueFields(ctx: Ctx, issue: IssueRecord, node: IssueNodeBuilder) {
  const nodeOf = (at: Located) => node(ctxFor(ctx, at.repo), at.issue)
  return {
    subIssues: (args: Args) => connection(subIssuesOf(ctx.hub, issue).map(nodeOf), args),
    parent: () => {
      const parent = parentOf(ctx.hub, issue)
      return parent ? nodeOf(parent) : null
    },
    subIssuesSummary: () => summaryOf(ctx.hub, issue),
  }
}

function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (!(e instanceof SubIssueRefusal)) throw e
    throw new GitHubGraphQLError(e.status === 404 ? 'NOT_FOUND' : 'UNPROCESSABLE', e.message, e.mistake)
  }
}

/** `subIssueUrl` names the sub-issue by its web URL instead of its node id. */
function subIssueOf(ctx: Ctx, input: Args): Located {
  if (input.subIssueId) return issueByNodeId(ctx.hub, input.subIssueId, ['I'])
  const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(String(input.subIssueUrl ?? ''))
  const repo = match && ctx.hub.repos.find((r) => `${r.owner}/${r.name}`.toLowerCase() === `${match[1]}/${match[2]}`.toLowerCase())
  const issue = repo?.issues.get(Number(match![3]))
  if (!repo || !issue) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to an issue from the URL '${input.subIssueUrl}'`, true)
  return { repo, issue }
}

export function subIssueMutations(ctx: Ctx, node: IssueNodeBuilder) {
  const payload = (input: Args, parent: Located, sub: Located) => ({
    clientMutationId: input.clientMutationId ?? null,
    issue: node(ctxFor(ctx, parent.repo), parent.issue),
    subIssue: node(ctxFor(ctx, sub.repo), sub.issue),
  })
  return {
    addSubIssue: ({ input }: Args) => {
      const parent = issueByNodeId(ctx.hub, input.issueId, ['I'])
      const sub = subIssueOf(ctx, input)
      guarded(() => addSubIssue(ctx.hub, parent, sub.issue.id, input.replaceParent ?? false))
      return payload(input, parent, sub)
    },
    removeSubIssue: ({ input }: Args) => {
      const parent = issueByNodeId(ctx.hub, input.issueId, ['I'])
      const sub = issueByNodeId(ctx.hub, input.subIssueId, ['I'])
      guarded(() => removeSubIssue(ctx.hub, parent, sub.issue.id))
      return payload(input, parent, sub)
    },
  }
}
