/** REST-only issue fields, built on the shared issue builder. */
import { buildIssue, repoUrl, type Ctx } from './builders'
import type { IssueRecord, RepoState } from './state'
import { parentOf, summaryOf } from './sub-issues'

/** REST issues carry `sub_issues_summary` and `parent_issue_url` (webhook payloads do not, per
 * @octokit/webhooks-schemas, so person actions keep using buildIssue). */
export function buildRestIssue(ctx: Ctx, issue: IssueRecord) {
  const { total, completed, percentCompleted } = summaryOf(ctx.hub, issue)
  const parent = parentOf(ctx.hub, issue)
  return {
    ...buildIssue(ctx, issue),
    sub_issues_summary: { total, completed, percent_completed: percentCompleted },
    parent_issue_url: parent ? `${repoUrl(withRepo(ctx, parent.repo))}/issues/${parent.issue.number}` : null,
  }
}

export const withRepo = (ctx: Ctx, state: RepoState): Ctx => (state === ctx.state ? ctx : { ...ctx, state })
