import type { CommentSnapshot, IssueSnapshot, RepoPermission } from '../core/snapshot'
import { GatewayError } from '../errors'
import { attempt, statusOf, toGatewayError } from './attempt'
import { blobText } from './blob-text'
import { createCommentOnce } from './comment-writes'
import { identityOf, type Identity } from './identity'
import { readMoreComments } from './more-comments'
import type { Logger, Octokits } from './octokit'
import { createPostMortemGateway, type PostMortemGateway } from './postmortem-gateway'
import { createLedgerGateway, type LedgerGateway } from './ledger-gateway'
import { createFollowUpGateway, type FollowUpGateway } from './followup-gateway'
import { createProjectGateway, type ProjectGateway } from './project-gateway'
import {
  FILE_QUERY,
  ISSUE_QUERY,
  issueStatesQuery,
  RECENT_COMMENTS_QUERY,
  RECENTLY_CLOSED_QUERY,
  recentCommentsOfQuery,
  SWEEP_QUERY,
  type GqlBlob,
  type GqlComment,
  type IssueQueryResult,
  type RecentlyClosedResult,
  type SweepQueryResult,
} from './queries'
import { mergeComments, toComment, toIssue, toWindowedIssue } from './to-snapshot'

const KNOWN_ROLES = new Set(['read', 'triage', 'write', 'maintain', 'admin'])

/** The account GitHub shows for deleted users: it has no permission, and asking is pointless. */
const GHOST = 'ghost'

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

export interface ClosedEscalation {
  number: number
  title: string
  stateReason: string | null
  closedAt: Date | null
  createdAt: Date
  author: string
  /** The first comments (the card) and the latest. */
  comments: CommentSnapshot[]
}

/** Everything the action asks of GitHub, in the domain's words. The only module that talks to it. */
export interface EscalationGateway extends PostMortemGateway, LedgerGateway, FollowUpGateway, ProjectGateway {
  readonly repo: RepoRef
  /** The same gateway for another repository of the same owner (organisation mode). */
  forRepository(name: string): EscalationGateway
  /** The owner's repositories (not archived) the token can see, by name. */
  listRepositories(): Promise<string[]>
  listOpenEscalations(label: string, paths: { config: string; form: string }): Promise<EscalationsRead>
  listRecentlyClosed(label: string, since: Date): Promise<ClosedEscalation[]>
  issueStates(numbers: number[]): Promise<Map<number, 'open' | 'closed'>>
  readIssue(number: number, paths: { config: string; form: string }): Promise<IssueRead>
  readFile(path: string): Promise<string | null>
  recentComments(number: number): Promise<CommentSnapshot[]>
  /** The latest `last` (≤ 100) comments of many issues at once, oldest first. */
  recentCommentsOf(numbers: number[], last: number): Promise<Map<number, CommentSnapshot[]>>
  permissionOf(login: string): Promise<RepoPermission>
  addReaction(commentId: number, content: '+1' | 'confused'): Promise<void>
  addLabels(number: number, labels: string[]): Promise<void>
  removeLabel(number: number, label: string): Promise<void>
  addAssignees(number: number, logins: string[]): Promise<void>
  removeAssignees(number: number, logins: string[]): Promise<void>
  createComment(number: number, body: string, marker: string, key?: string): Promise<number>
  updateComment(commentId: number, body: string): Promise<void>
  deleteComment(commentId: number): Promise<void>
  closeIssue(number: number): Promise<void>
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
  // Who the action is: every query asks `viewer` (it costs nothing) and each answer is read with it.
  const learn = (login: string): Identity => identityOf(login)

  async function recentComments(number: number): Promise<CommentSnapshot[]> {
    const data = await attempt(`read the comments of #${number}`, () =>
      reader.graphql<{ viewer: { login: string }; repository: { issueOrPullRequest: { comments: { nodes: GqlComment[] } } | null } }>(
        RECENT_COMMENTS_QUERY,
        {
          owner,
          repo,
          number,
        },
      ),
    )
    const me = learn(data.viewer.login)
    return (data.repository.issueOrPullRequest?.comments.nodes ?? []).map((node) => toComment(node, me))
  }

  return {
    repo: { owner, repo },
    forRepository: (name) => createGateway(octokits, { owner, repo: name }, log),

    async listRepositories() {
      const names: string[] = []
      for (const kind of ['organization', 'user'] as const) {
        let after: string | null = null
        try {
          do {
            const page: RepositoriesPage = await reader.graphql<RepositoriesPage>(repositoriesQuery(kind), { owner, after })
            const connection = page[kind]?.repositories
            if (!connection) break
            names.push(...connection.nodes.filter((node) => !node.isArchived).map((node) => node.name))
            after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
          } while (after)
          if (names.length > 0) return names
        } catch (error) {
          // An organisation login asked as a user (or the reverse) answers NOT_FOUND: try the other kind.
          const types = ((error as { errors?: { type?: string }[] }).errors ?? []).map((e) => e.type)
          if (!types.includes('NOT_FOUND')) throw toGatewayError(`list the repositories of ${owner}`, error)
        }
      }
      return names
    },
    ...createPostMortemGateway(octokits, { owner, repo }, log, learn),
    ...createLedgerGateway(octokits, { owner, repo }, log, learn),
    ...createFollowUpGateway(octokits, { owner, repo }, log, learn),
    ...createProjectGateway(octokits),

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
        const me = learn(page.viewer.login)
        read.requests += 1
        read.points += page.rateLimit?.cost ?? 1
        if (withFiles) {
          read.configText = blobText(page.repository.config ?? null)
          read.formText = blobText(page.repository.form ?? null)
        }
        for (const node of page.repository.issues.nodes) read.issues.push(toWindowedIssue(node, me))
        after = page.repository.issues.pageInfo.hasNextPage ? page.repository.issues.pageInfo.endCursor : null
      } while (after)
      return read
    },

    async listRecentlyClosed(label, since) {
      const data = await attempt('list recently closed escalations', () =>
        reader.graphql<RecentlyClosedResult>(RECENTLY_CLOSED_QUERY, { owner, repo, labels: [label], since: since.toISOString() }),
      )
      const me = learn(data.viewer.login)
      return data.repository.issues.nodes.map((node) => ({
        number: node.number,
        title: node.title,
        stateReason: node.stateReason?.toLowerCase() ?? null,
        closedAt: node.closedAt ? new Date(node.closedAt) : null,
        createdAt: new Date(node.createdAt),
        author: node.author?.login ?? 'ghost',
        comments: mergeComments(
          node.comments.nodes.map((c) => toComment(c, me)),
          node.recent.nodes.map((c) => toComment(c, me)),
        ),
      }))
    },

    async issueStates(numbers) {
      const states = new Map<number, 'open' | 'closed'>()
      for (let start = 0; start < numbers.length; start += 100) {
        const chunk = numbers.slice(start, start + 100)
        const data = await attempt('re-read escalation states before writing', () =>
          reader.graphql<{ repository: Record<string, { state: string } | null> }>(issueStatesQuery(chunk), { owner, repo }),
        )
        for (const number of chunk) states.set(number, data.repository[`i${number}`]?.state === 'OPEN' ? 'open' : 'closed')
      }
      return states
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
      const me = learn(data.viewer.login)
      const { issue } = data.repository
      const files = { configText: blobText(data.repository.config), formText: blobText(data.repository.form) }
      if (!issue) return { ...files, issue: null }
      const first = issue.comments.nodes.map((node) => toComment(node, me))
      const more = issue.comments.pageInfo.hasNextPage
        ? await readMoreComments(reader, { owner, repo }, number, issue.comments.pageInfo.endCursor, me)
        : []
      return { ...files, issue: toIssue(issue, [...first, ...more], me) }
    },

    async readFile(path) {
      const data = await attempt(`read ${path}`, () =>
        reader.graphql<{ repository: { object: GqlBlob | null } }>(FILE_QUERY, { owner, repo, expr: `HEAD:${path}` }),
      )
      return blobText(data.repository.object)
    },

    recentComments,

    async recentCommentsOf(numbers, last) {
      const found = new Map<number, CommentSnapshot[]>()
      // 100 issues × 100 comments stays far inside GitHub's 500,000-node limit per request.
      for (let start = 0; start < numbers.length; start += 100) {
        const chunk = numbers.slice(start, start + 100)
        const data = await attempt('re-read comments after posting', () =>
          reader.graphql<{ viewer: { login: string }; repository: Record<string, { comments: { nodes: GqlComment[] } } | null> }>(
            recentCommentsOfQuery(chunk, last),
            { owner, repo },
          ),
        )
        const me = learn(data.viewer.login)
        for (const number of chunk) found.set(number, data.repository[`i${number}`]?.comments.nodes.map((c) => toComment(c, me)) ?? [])
      }
      return found
    },

    async permissionOf(login) {
      // GitHub answers 200 with "none" for people without access: a 404 means the read itself
      // failed (or the login is no user), and guessing "no permission" would remove a
      // maintainer's label for good. The run fails before writing; the next run asks again.
      if (login === GHOST) return 'none'
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
        // A custom repository role answers with its own name: its base permission decides.
        return (KNOWN_ROLES.has(data.role_name) ? data.role_name : data.permission) as RepoPermission
      } catch (error) {
        // An App is no collaborator: it has no permission of its own here (`trusted-apps` decides).
        if (statusOf(error) === 404 && login.endsWith('[bot]')) return 'none'
        throw toGatewayError(`read the repository permission of ${login}`, error)
      }
    },

    async addReaction(commentId, content) {
      await attempt(`react to comment ${commentId}`, () =>
        octokit.rest.reactions.createForIssueComment({ owner, repo, comment_id: commentId, content }),
      )
    },

    async addLabels(number, labels) {
      await attempt(`label #${number}`, () => octokit.rest.issues.addLabels({ ...issueRef(number), labels }))
    },

    async removeLabel(number, label) {
      try {
        await octokit.rest.issues.removeLabel({ ...issueRef(number), name: label })
      } catch (error) {
        // Already gone (a racing run, or a person): the desired state holds.
        if (statusOf(error) !== 404) throw toGatewayError(`remove label ${label} from #${number}`, error)
        log.info(`Label ${label} was already removed from #${number}.`)
      }
    },

    async addAssignees(number, logins) {
      await attempt(`assign #${number}`, () => octokit.rest.issues.addAssignees({ ...issueRef(number), assignees: logins }))
    },

    async removeAssignees(number, logins) {
      await attempt(`unassign #${number}`, () => octokit.rest.issues.removeAssignees({ ...issueRef(number), assignees: logins }))
    },

    createComment: (number, body, marker, key) =>
      createCommentOnce({ writer: octokit, owner, repo, log, recentComments }, number, body, marker, key),

    async updateComment(commentId, body) {
      await attempt(`update comment ${commentId}`, () => octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body }))
    },

    async deleteComment(commentId) {
      try {
        await octokit.rest.issues.deleteComment({ owner, repo, comment_id: commentId })
      } catch (error) {
        if (statusOf(error) !== 404) throw toGatewayError(`delete comment ${commentId}`, error)
      }
    },

    async closeIssue(number) {
      await attempt(`close #${number}`, () =>
        octokit.rest.issues.update({ ...issueRef(number), state: 'closed', state_reason: 'completed' }),
      )
    },
  }
}

export { GatewayError }

interface RepositoriesPage {
  organization?: {
    repositories: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { name: string; isArchived: boolean }[] }
  } | null
  user?: {
    repositories: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { name: string; isArchived: boolean }[] }
  } | null
}

/** The owner's repositories, as an organisation or as a user. */
export function repositoriesQuery(kind: 'organization' | 'user'): string {
  return `query EscalationRepositories($owner: String!, $after: String) {
  ${kind}(login: $owner) { repositories(first: 100, after: $after, orderBy: { field: NAME, direction: ASC }) { pageInfo { hasNextPage endCursor } nodes { name isArchived } } }
}`
}
