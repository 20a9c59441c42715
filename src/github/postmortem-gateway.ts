import type { PullInfo } from '../core/postmortem/plan-postmortem'
import type { IssueSnapshot } from '../core/snapshot'
import { attempt, statusOf, toGatewayError } from './attempt'
import { blobText } from './blob-text'
import { readMoreComments } from './more-comments'
import type { Logger, Octokits } from './octokit'
import { CONVERT_TO_DRAFT_MUTATION, MARK_READY_MUTATION, POSTMORTEM_QUERY, type GqlCommitRef, type PostMortemQueryResult } from './queries'
import type { Identity } from './identity'
import { isViewer } from './identity'
import { toComment, toIssue } from './to-snapshot'
import { BRANCH_FILE_QUERY, type BranchFileResult, type GqlPull } from './queries'

export interface CommitRef {
  oid: string
  treeOid: string
}

export interface PostMortemRead {
  configText: string | null
  formText: string | null
  issue: IssueSnapshot | null
  base: CommitRef & { branch: string }
  branch: CommitRef | null
  branchDocument: string | null
  baseDocument: string | null
  /** Pull requests on the branch or with the post-mortem label, newest first, each once. */
  pulls: PullInfo[]
}

export interface PullRequestDraft {
  title: string
  head: string
  base: string
  body: string
  draft: boolean
}

/** The post-mortem's side of the gateway: Git Data API commits and pull requests, no checkout. */
export interface PostMortemGateway {
  readPostMortem(
    number: number,
    files: { config: string; form: string },
    at: { branch: string; path: string },
    label: string,
  ): Promise<PostMortemRead>
  commitFile(parent: CommitRef, path: string, content: string, message: string): Promise<string>
  moveBranch(branch: string, sha: string, exists: boolean): Promise<void>
  openPullRequest(draft: PullRequestDraft): Promise<PullInfo>
  updatePullRequest(number: number, change: { title: string; body: string }): Promise<void>
  setDraft(pull: PullInfo, draft: boolean): Promise<void>
  /** Requests reviews; answers who GitHub refused (not a collaborator, or the author). */
  requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<string[]>
  labelPullRequest(number: number, labels: string[]): Promise<void>
  /** A branch's head (null when missing), the default branch's head, and a file's text on the branch. */
  readBranchFile(branch: string, path: string): Promise<{ base: CommitRef; branch: CommitRef | null; text: string | null }>
}

function commitRef(ref: GqlCommitRef | null): CommitRef | null {
  return ref?.target?.tree ? { oid: ref.target.oid, treeOid: ref.target.tree.oid } : null
}

/** A pull request just created can answer 422 "Could not resolve to a node" for a moment. */
async function afterCreation<T>(request: () => Promise<T>): Promise<T> {
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await request()
    } catch (error) {
      const eventual = statusOf(error) === 422 && /could not resolve to a node/i.test(String(error))
      if (!eventual || attemptNumber >= 4) throw error
      await new Promise((resolve) => setTimeout(resolve, 500 * attemptNumber))
    }
  }
}

/** A pull request as the post-mortem plans read it; `byAction` only when the token's identity opened it. */
export function toPull(pull: Omit<GqlPull, 'reviewRequests'> & Partial<Pick<GqlPull, 'reviewRequests'>>, viewer: Identity): PullInfo {
  const reviewers = (pull.reviewRequests?.nodes ?? []).flatMap((node) => {
    const who = node.requestedReviewer
    return who?.login ? [who.login] : who?.slug ? [`team:${who.slug}`] : []
  })
  return {
    id: pull.id,
    number: pull.number,
    isDraft: pull.isDraft,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    url: pull.url,
    headRefName: pull.headRefName,
    byAction: isViewer(pull.author, viewer),
    labels: pull.labels.nodes.map((label) => label.name),
    requestedReviewers: reviewers,
  }
}

export function createPostMortemGateway(
  { reader, writer }: Octokits,
  { owner, repo }: { owner: string; repo: string },
  log: Logger,
  learn: (viewerLogin: string) => Identity,
): PostMortemGateway {
  return {
    async readPostMortem(number, files, at, label) {
      const data = await attempt(`read the post-mortem state of #${number}`, () =>
        reader.graphql<PostMortemQueryResult>(POSTMORTEM_QUERY, {
          owner,
          repo,
          number,
          configExpr: `HEAD:${files.config}`,
          formExpr: `HEAD:${files.form}`,
          branch: at.branch,
          branchRef: `refs/heads/${at.branch}`,
          branchDocExpr: `${at.branch}:${at.path}`,
          baseDocExpr: `HEAD:${at.path}`,
          labels: [label],
        }),
      )
      const me = learn(data.viewer.login)
      const r = data.repository
      const base = commitRef(r.defaultBranchRef)
      if (!base || !r.defaultBranchRef?.name) throw new Error('The repository has no default branch to open a post-mortem against.')
      const first = r.issue?.comments.nodes.map((node) => toComment(node, me)) ?? []
      const more = r.issue?.comments.pageInfo.hasNextPage
        ? await readMoreComments(reader, { owner, repo }, number, r.issue.comments.pageInfo.endCursor, me)
        : []
      const pulls = new Map<number, PullInfo>()
      for (const pull of [...r.byBranch.nodes, ...r.byLabel.nodes]) pulls.set(pull.number, toPull(pull, me))
      return {
        configText: blobText(r.config),
        formText: blobText(r.form),
        issue: r.issue ? toIssue(r.issue, [...first, ...more], me) : null,
        base: { ...base, branch: r.defaultBranchRef.name },
        branch: commitRef(r.branch),
        branchDocument: blobText(r.branchDocument),
        baseDocument: blobText(r.baseDocument),
        pulls: [...pulls.values()].sort((a, b) => b.number - a.number),
      }
    },

    async commitFile(parent, path, content, message) {
      const tree = await attempt(`write the tree for ${path}`, () =>
        writer.rest.git.createTree({ owner, repo, base_tree: parent.treeOid, tree: [{ path, mode: '100644', type: 'blob', content }] }),
      )
      const commit = await attempt(`commit ${path}`, () =>
        writer.rest.git.createCommit({ owner, repo, message, tree: tree.data.sha, parents: [parent.oid] }),
      )
      return commit.data.sha
    },

    async moveBranch(branch, sha, exists) {
      if (!exists) {
        try {
          await writer.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha })
          return
        } catch (error) {
          // Made by an earlier run that stopped before the pull request: take it over.
          if (statusOf(error) !== 422) throw toGatewayError(`create branch ${branch}`, error)
          log.info(`Branch ${branch} already exists; updating it.`)
        }
      }
      await attempt(`update branch ${branch}`, () => writer.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha, force: true }))
    },

    async openPullRequest(draft) {
      try {
        const { data } = await writer.rest.pulls.create({ owner, repo, ...draft })
        return {
          byAction: true,
          labels: [],
          requestedReviewers: [],
          id: data.node_id,
          number: data.number,
          isDraft: data.draft ?? draft.draft,
          state: 'OPEN',
          title: data.title,
          body: data.body ?? '',
          url: data.html_url,
          headRefName: draft.head,
        }
      } catch (error) {
        // A racing run opened it first: use that one.
        if (statusOf(error) === 422 && /already exists/i.test(String(error))) {
          const { data } = await attempt('find the open post-mortem pull request', () =>
            writer.rest.pulls.list({ owner, repo, head: `${owner}:${draft.head}`, state: 'open' }),
          )
          const found = data[0]
          if (found)
            return {
              byAction: true,
              labels: [],
              requestedReviewers: [],
              id: found.node_id,
              number: found.number,
              isDraft: found.draft ?? false,
              state: 'OPEN',
              title: found.title,
              body: found.body ?? '',
              url: found.html_url,
              headRefName: draft.head,
            }
        }
        throw toGatewayError(`open the post-mortem pull request from ${draft.head}`, error)
      }
    },

    async readBranchFile(branch, path) {
      const data = await attempt(`read ${path} on ${branch}`, () =>
        reader.graphql<BranchFileResult>(BRANCH_FILE_QUERY, {
          owner,
          repo,
          branchRef: `refs/heads/${branch}`,
          fileExpr: `${branch}:${path}`,
        }),
      )
      const base = commitRef(data.repository.defaultBranchRef)
      if (!base) throw new Error('The repository has no default branch to commit to.')
      return { base, branch: commitRef(data.repository.branch), text: blobText(data.repository.file) }
    },

    async updatePullRequest(number, change) {
      await attempt(`update pull request #${number}`, () => writer.rest.pulls.update({ owner, repo, pull_number: number, ...change }))
    },

    async setDraft(pull, draft) {
      await attempt(`${draft ? 'convert' : 'mark'} pull request #${pull.number} ${draft ? 'to a draft' : 'ready for review'}`, () =>
        afterCreation(() => writer.graphql(draft ? CONVERT_TO_DRAFT_MUTATION : MARK_READY_MUTATION, { id: pull.id })),
      )
    },

    async labelPullRequest(number, labels) {
      await attempt(`label pull request #${number}`, () =>
        afterCreation(() => writer.rest.issues.addLabels({ owner, repo, issue_number: number, labels })),
      )
    },

    async requestReviewers(number, reviewers, teamReviewers) {
      if (reviewers.length + teamReviewers.length === 0) return []
      const request = (users: string[], teams: string[]) =>
        afterCreation(() =>
          writer.rest.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers: users, team_reviewers: teams }),
        )
      try {
        await request(reviewers, teamReviewers)
        return []
      } catch (error) {
        if (statusOf(error) !== 422) throw toGatewayError(`request reviewers on #${number}`, error)
      }
      // One of them cannot review (not a collaborator, or the PR's author): ask the others one by one.
      const refused: string[] = []
      for (const [users, teams, name] of [
        ...reviewers.map((login) => [[login], [], login] as const),
        ...teamReviewers.map((team) => [[], [team], team] as const),
      ]) {
        try {
          await request([...users], [...teams])
        } catch (error) {
          if (statusOf(error) !== 422) throw toGatewayError(`request ${name} as reviewer on #${number}`, error)
          refused.push(name)
        }
      }
      return refused
    },
  }
}
