import type { CommentSnapshot, IssueSnapshot, RepoPermission } from '../core/snapshot'
import { attempt, attemptOr404 } from './attempt'
import { blobText } from './blob-text'
import type { Logger, Octokits } from './octokit'
import {
  FILE_QUERY,
  ISSUE_QUERY,
  recentCommentsOfQuery,
  SWEEP_QUERY,
  SWEEP_WINDOW,
  type SweepQueryResult,
  RECENT_COMMENTS_QUERY,
  type GqlBlob,
  type GqlComment,
  type IssueQueryResult,
} from './queries'
import { readMoreComments } from './more-comments'
import { createPostMortemGateway, type PostMortemGateway } from './postmortem-gateway'
import { toComment, toIssue } from './to-snapshot'

const KNOWN_ROLES = new Set(['read', 'triage', 'write', 'maintain', 'admin'])

export interface RepoRef {
  owner: string
  repo: string
}

export interface IssueRead {
  configText: string | null
  formText: string | null
  issue: IssueSnapshot | null
}

export interface EscalationsRead {
  configText: string | null
  formText: string | null
  issues: IssueSnapshot[]
  /** Read requests and GraphQL points the listing cost. */
  requests: number
  points: number
}

/** Everything the action asks of GitHub, in the domain's words. The only module that talks to it. */
export interface EscalationGateway extends PostMortemGateway {
  listOpenEscalations(label: string, paths: { config: string; form: string }): Promise<EscalationsRead>
  addReaction(commentId: number, content: '+1'): Promise<void>
  readIssue(number: number, paths: { config: string; form: string }): Promise<IssueRead>
  readFile(path: string): Promise<string | null>
  recentComments(number: number): Promise<CommentSnapshot[]>
  /** The latest `last` (≤ 100) comments of many issues at once, oldest first. */
  recentCommentsOf(numbers: number[], last: number): Promise<Map<number, CommentSnapshot[]>>
  permissionOf(login: string): Promise<RepoPermission>
  addLabels(number: number, labels: string[]): Promise<void>
  removeLabel(number: number, label: string): Promise<void>
  addAssignees(number: number, logins: string[]): Promise<void>
  createComment(number: number, body: string): Promise<number>
  updateComment(commentId: number, body: string): Promise<void>
  deleteComment(commentId: number): Promise<void>
}

/**
 * A deleted (or transferred) issue: GitHub answers `issue: null` with a NOT_FOUND error, and
 * octokit throws on any GraphQL error. That is an answer ("not there"), so keep the data;
 * every other error stays a failure.
 */
function dataWhenIssueMissing<T>(error: unknown): T {
  const { errors, data } = error as { errors?: { type?: string; path?: unknown[] }[]; data?: T }
  const issueMissing = (e: { type?: string; path?: unknown[] }) =>
    e.type === 'NOT_FOUND' && e.path?.[0] === 'repository' && e.path[1] === 'issue'
  if (data && Array.isArray(errors) && errors.length > 0 && errors.every(issueMissing)) return data
  throw error
}

export function createGateway(octokits: Octokits, { owner, repo }: RepoRef, log: Logger): EscalationGateway {
  const { reader, writer: octokit } = octokits
  const issueRef = (number: number) => ({ owner, repo, issue_number: number })

  return {
    ...createPostMortemGateway(octokits, { owner, repo }, log),

    async listOpenEscalations(label, paths) {
      const read: EscalationsRead = { configText: null, formText: null, issues: [], requests: 0, points: 0 }
      let after: string | null = null
      do {
        const withFiles = after === null
        const page: SweepQueryResult = await attempt('list open escalations', () =>
          reader.graphql<SweepQueryResult>(SWEEP_QUERY, {
            owner,
            repo,
            labels: [label],
            after,
            withFiles,
            configExpr: `HEAD:${paths.config}`,
            formExpr: `HEAD:${paths.form}`,
          }),
        )
        read.requests += 1
        read.points += page.rateLimit?.cost ?? 1
        if (withFiles) {
          read.configText = blobText(page.repository.config ?? null)
          read.formText = blobText(page.repository.form ?? null)
        }
        for (const node of page.repository.issues.nodes) {
          read.issues.push(toIssue(node, node.comments.nodes, node.comments.totalCount > SWEEP_WINDOW))
        }
        after = page.repository.issues.pageInfo.hasNextPage ? page.repository.issues.pageInfo.endCursor : null
      } while (after)
      return read
    },

    async addReaction(commentId, content) {
      await attempt(`react to comment ${commentId}`, () =>
        octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content }),
      )
    },

    async readIssue(number, paths) {
      const data = await attempt(`read issue #${number}`, () =>
        reader
          .graphql<IssueQueryResult>(ISSUE_QUERY, {
            owner,
            repo,
            number,
            configExpr: `HEAD:${paths.config}`,
            formExpr: `HEAD:${paths.form}`,
          })
          .catch((error: unknown) => dataWhenIssueMissing<IssueQueryResult>(error)),
      )
      const { issue } = data.repository
      if (!issue) return { configText: blobText(data.repository.config), formText: blobText(data.repository.form), issue: null }
      const more = issue.comments.pageInfo.hasNextPage
        ? await readMoreComments(reader, { owner, repo }, number, issue.comments.pageInfo.endCursor)
        : []
      return {
        configText: blobText(data.repository.config),
        formText: blobText(data.repository.form),
        issue: toIssue(issue, [...issue.comments.nodes, ...more]),
      }
    },

    async readFile(path) {
      const data = await attempt(`read ${path}`, () =>
        reader.graphql<{ repository: { object: GqlBlob | null } }>(FILE_QUERY, { owner, repo, expr: `HEAD:${path}` }),
      )
      return blobText(data.repository.object)
    },

    async recentComments(number) {
      const data = await attempt(`read the comments of #${number}`, () =>
        reader.graphql<{ repository: { issue: { comments: { nodes: GqlComment[] } } } }>(RECENT_COMMENTS_QUERY, { owner, repo, number }),
      )
      return data.repository.issue.comments.nodes.map(toComment)
    },

    async recentCommentsOf(numbers, last) {
      const found = new Map<number, CommentSnapshot[]>()
      // 100 issues × 100 comments stays far inside GitHub's 500,000-node limit per request.
      for (let start = 0; start < numbers.length; start += 100) {
        const chunk = numbers.slice(start, start + 100)
        const data = await attempt('re-read comments after posting', () =>
          reader.graphql<{ repository: Record<string, { comments: { nodes: GqlComment[] } } | null> }>(recentCommentsOfQuery(chunk, last), {
            owner,
            repo,
          }),
        )
        for (const number of chunk) found.set(number, data.repository[`i${number}`]?.comments.nodes.map(toComment) ?? [])
      }
      return found
    },

    async permissionOf(login) {
      // Someone who is not a collaborator has no permission: an answer, not a failure.
      return attemptOr404(
        `read the permission of ${login}`,
        async () => {
          const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
          // A custom repository role answers with its own name: its base permission decides.
          return (KNOWN_ROLES.has(data.role_name) ? data.role_name : data.permission) as RepoPermission
        },
        (): RepoPermission => 'none',
      )
    },

    async addLabels(number, labels) {
      await attempt(`label #${number}`, () => octokit.rest.issues.addLabels({ ...issueRef(number), labels }))
    },

    async removeLabel(number, label) {
      // Already gone (a racing run, or a person): the desired state holds.
      await attemptOr404(
        `remove label ${label} from #${number}`,
        async () => {
          await octokit.rest.issues.removeLabel({ ...issueRef(number), name: label })
        },
        () => log.info(`Label ${label} was already removed from #${number}.`),
      )
    },

    async addAssignees(number, logins) {
      await attempt(`assign #${number}`, () => octokit.rest.issues.addAssignees({ ...issueRef(number), assignees: logins }))
    },

    async createComment(number, body) {
      const { data } = await attempt(`comment on #${number}`, () => octokit.rest.issues.createComment({ ...issueRef(number), body }))
      return data.id
    },

    async updateComment(commentId, body) {
      await attempt(`update comment ${commentId}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }))
    },

    async deleteComment(commentId) {
      await attemptOr404(
        `delete comment ${commentId}`,
        async () => {
          await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId })
        },
        () => undefined,
      )
    },
  }
}
