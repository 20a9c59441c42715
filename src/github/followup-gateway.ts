import type { ActionIssue } from '../core/followup/action-issues'
import type { PullInfo } from '../core/postmortem/plan-postmortem'
import type { CommentSnapshot } from '../core/snapshot'
import { attempt, statusOf, toGatewayError } from './attempt'
import { blobText } from './blob-text'
import {
  ACTIONS_QUERY,
  FILE_AT_QUERY,
  OPEN_ACTIONS_QUERY,
  PULL_QUERY,
  type ActionsQueryResult,
  type FileAtResult,
  type GqlActionIssue,
  type OpenActionsResult,
  type PullQueryResult,
} from './followup-queries'
import { isViewer, type Identity } from './identity'
import { openIssueOnce } from './issue-writes'
import type { Logger, Octokits } from './octokit'
import { toPull } from './postmortem-gateway'
import { toComment } from './to-snapshot'

export interface PullRead {
  configText: string | null
  formText: string | null
  pull: PullInfo & { merged: boolean; baseRefName: string }
  comments: CommentSnapshot[]
  defaultBranch: string | null
}

export interface ActionsRead {
  /** The escalation's database id: what another issue's parent link names. */
  parentDatabaseId: number | null
  /** Sub-issues of the escalation (linked), and issues carrying the preventive-action label. */
  linked: ActionIssue[]
  labelled: ActionIssue[]
}

export interface FollowUpGateway {
  readPull(number: number, paths: { config: string; form: string }): Promise<PullRead | null>
  readFileAt(ref: string, path: string): Promise<string | null>
  readActions(escalation: number, label: string): Promise<ActionsRead>
  /** Every open preventive action, with its parent escalation. */
  listOpenActions(label: string): Promise<ActionIssue[]>
  /** Opens an issue; an owner GitHub will not assign (no access) leaves it unassigned, said in `unassigned`. */
  createIssue(issue: {
    title: string
    body: string
    labels: string[]
    assignees: string[]
  }): Promise<{ number: number; databaseId: number; unassigned: string[] }>
  updateIssue(number: number, change: { title?: string; body?: string; assignees?: string[] }): Promise<void>
  /** Links an issue (by its database id, not its number) as a sub-issue of `parent`; linked already is done. */
  addSubIssue(parent: number, subIssueDatabaseId: number): Promise<void>
}

function toActionIssue(node: GqlActionIssue, viewer: Identity): ActionIssue {
  return {
    number: node.number,
    databaseId: Number(node.fullDatabaseId),
    title: node.title,
    body: node.body,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    byAction: isViewer(node.author, viewer),
    assignees: node.assignees.nodes.map((user) => user.login),
    comments: node.comments.nodes.map((comment) => toComment(comment, viewer)),
    parent: node.parent?.number ?? null,
  }
}

export function createFollowUpGateway(
  { reader, writer }: Octokits,
  { owner, repo }: { owner: string; repo: string },
  log: Logger,
  learn: (login: string) => Identity,
): FollowUpGateway {
  const issueWrites = { reader, writer, owner, repo, log, learn }

  /** The number of the issue among `parent`'s sub-issues (at most 100, one page), or null. */
  async function linkedSubIssue(parent: number, subIssueDatabaseId: number): Promise<number | null> {
    const { data } = await attempt(`read the sub-issues of #${parent}`, () =>
      reader.request('GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', { owner, repo, issue_number: parent, per_page: 100 }),
    )
    return data.find((issue) => issue.id === subIssueDatabaseId)?.number ?? null
  }

  return {
    async readPull(number, paths) {
      const data = await attempt(`read pull request #${number}`, () =>
        reader.graphql<PullQueryResult>(PULL_QUERY, {
          owner,
          repo,
          number,
          configExpr: `HEAD:${paths.config}`,
          formExpr: `HEAD:${paths.form}`,
        }),
      )
      const me = learn(data.viewer.login)
      const pull = data.repository.pullRequest
      if (!pull) return null
      return {
        configText: blobText(data.repository.config),
        formText: blobText(data.repository.form),
        pull: { ...toPull(pull, me), baseRefName: pull.baseRefName, merged: pull.merged },
        comments: pull.comments.nodes.map((comment) => toComment(comment, me)),
        defaultBranch: data.repository.defaultBranchRef?.name ?? null,
      }
    },

    async readFileAt(ref, path) {
      const data = await attempt(`read ${path} at ${ref}`, () =>
        reader.graphql<FileAtResult>(FILE_AT_QUERY, { owner, repo, expr: `${ref}:${path}` }),
      )
      return blobText(data.repository.object)
    },

    async readActions(escalation, label) {
      const data = await attempt(`read the preventive actions of #${escalation}`, () =>
        reader.graphql<ActionsQueryResult>(ACTIONS_QUERY, { owner, repo, number: escalation, labels: [label] }),
      )
      const me = learn(data.viewer.login)
      const issue = data.repository.issue
      return {
        parentDatabaseId: issue ? Number(issue.fullDatabaseId) : null,
        linked: (issue?.subIssues.nodes ?? []).map((node) => toActionIssue(node, me)),
        labelled: data.repository.labelled.nodes.map((node) => toActionIssue(node, me)),
      }
    },

    async listOpenActions(label) {
      const found: ActionIssue[] = []
      let after: string | null = null
      do {
        const page: OpenActionsResult = await attempt('list open preventive actions', () =>
          reader.graphql<OpenActionsResult>(OPEN_ACTIONS_QUERY, { owner, repo, labels: [label], after }),
        )
        const me = learn(page.viewer.login)
        found.push(...page.repository.issues.nodes.map((node) => toActionIssue(node, me)))
        after = page.repository.issues.pageInfo.hasNextPage ? page.repository.issues.pageInfo.endCursor : null
      } while (after)
      return found
    },

    async createIssue(issue) {
      try {
        const opened = await openIssueOnce(issueWrites, issue)
        return { number: opened.number, databaseId: opened.databaseId, unassigned: [] }
      } catch (error) {
        // 422 with assignees: one cannot be assigned here. The issue is filed all the same, its body names the owner.
        if (statusOf(error) !== 422 || issue.assignees.length === 0) throw error
        const opened = await openIssueOnce(issueWrites, { ...issue, assignees: [] })
        return { number: opened.number, databaseId: opened.databaseId, unassigned: issue.assignees }
      }
    },

    async updateIssue(number, change) {
      await attempt(`update #${number}`, () => writer.rest.issues.update({ owner, repo, issue_number: number, ...change }))
    },

    async addSubIssue(parent, subIssueDatabaseId) {
      const what = `link a preventive action to #${parent}`
      try {
        await writer.request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
          owner,
          repo,
          issue_number: parent,
          sub_issue_id: subIssueDatabaseId,
        })
      } catch (error) {
        // A retry after a lost answer meets the link it made (a 422); so may a racing run. Linked here is done;
        // linked elsewhere (or any other 422) fails this run, and the next one reconciles.
        const linked = statusOf(error) === 422 ? await linkedSubIssue(parent, subIssueDatabaseId) : null
        if (linked === null) throw toGatewayError(what, error)
        log.info(`#${parent}: #${linked} was its sub-issue already.`)
      }
    },
  }
}
