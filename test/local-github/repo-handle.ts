/** Seeding and reading one repository of the local GitHub: what `gh` offers for its default
 * repository and `gh.addRepository()` returns for the others. */
import { buildComment, buildRepository, buildUser, type Ctx } from './builders'
import { buildPull } from './builders-git'
import { buildRestIssue, withRepo } from './builders-rest'
import { ensureLabel, findLabel, getIssue } from './model'
import { createPersonActions, type WebhookEvent } from './person-actions'
import { timelineOf } from './routes-issues'
import type { Role } from './state'
import { parentOf, subIssuesOf, type Located } from './sub-issues'

export type RepoHandle = ReturnType<typeof createRepoHandle>

export function createRepoHandle(ctx: Ctx) {
  const state = ctx.state
  const clock = state.clock
  const rest = (at: Located) => buildRestIssue(withRepo(ctx, at.repo), at.issue)
  return {
    owner: state.owner,
    repo: state.name,
    fullName: `${state.owner}/${state.name}`,
    defaultBranch: state.defaultBranch,
    act: createPersonActions(ctx),

    // Seeding: repository state as its maintainers set it up.
    /** Commits one file (as the repository owner) on `branch`, creating the branch if needed. */
    putFile(path: string, text: string, branch = state.defaultBranch): string {
      const git = state.git
      const parent = git.refs.get(`heads/${branch}`) ?? git.refs.get(`heads/${state.defaultBranch}`)!
      const flat = git.flatten(git.commits.get(parent)!.tree)
      flat.set(path.replace(/^\/+/, ''), { mode: '100644', sha: git.writeBlob(Buffer.from(text, 'utf8')) })
      const who = { name: state.owner, email: `${state.owner}@users.noreply.github.com`, date: clock.stamp() }
      const sha = git.writeCommit({ tree: git.writeTree(flat), parents: [parent], message: `Update ${path}`, author: who, committer: who })
      git.refs.set(`heads/${branch}`, sha)
      return sha
    },
    setCollaborator(login: string, role: Role) {
      state.collaborators.set(login, role)
    },
    setActionsCanCreatePullRequests(allowed: boolean) {
      state.actionsCanCreatePullRequests = allowed
    },
    createLabel(name: string, color = 'ededed', description: string | null = null) {
      const label = ensureLabel(state, name, color)
      label.description = description
      return label
    },
    /** `schedule` payloads carry the cron and workflow, the repository, and no sender. */
    schedulePayload(cron = '*/15 * * * *', workflow = '.github/workflows/escalation-desk.yml'): WebhookEvent {
      return { name: 'schedule', payload: { schedule: cron, workflow, repository: buildRepository(ctx) } }
    },
    dispatchPayload(
      inputs: Record<string, string> = {},
      by = state.owner,
      workflow = '.github/workflows/escalation-desk.yml',
    ): WebhookEvent {
      return {
        name: 'workflow_dispatch',
        payload: {
          inputs,
          ref: `refs/heads/${state.defaultBranch}`,
          repository: buildRepository(ctx),
          sender: buildUser(ctx, by),
          workflow,
        },
      }
    },

    // Readers for assertions (REST shapes where GitHub has one).
    issue: (number: number) => buildRestIssue(ctx, getIssue(state, number)),
    /** The sub-issues of #number, in order (REST issue shapes; they may live in other repositories). */
    subIssuesOf: (number: number) => subIssuesOf(ctx.hub, getIssue(state, number)).map(rest),
    parentOf: (number: number) => {
      const parent = parentOf(ctx.hub, getIssue(state, number))
      return parent ? rest(parent) : undefined
    },
    comments: (number: number) =>
      [...state.comments.values()]
        .filter((c) => c.issueNumber === number)
        .sort((a, b) => a.id - b.id)
        .map((c) => buildComment(ctx, c)),
    labelsOf: (number: number) => [...getIssue(state, number).labels],
    /** Numbers of the issues that carry a label. */
    issuesWithLabel: (label: string) =>
      [...state.issues.values()].filter((issue) => issue.labels.includes(label)).map((issue) => issue.number),
    /** The issue a comment belongs to, from a REST path like `/repos/o/r/issues/comments/123`. */
    commentIssue: (path: string): number | undefined => state.comments.get(Number(path.split('/').at(-1)?.split('?')[0]))?.issueNumber,
    assigneesOf: (number: number) => [...getIssue(state, number).assignees],
    timeline: (number: number) => timelineOf(ctx, getIssue(state, number)) as Record<string, any>[],
    pulls: () => [...state.pulls.values()].map((p) => buildPull(ctx, p)),
    readFile(ref: string, path: string): string | undefined {
      const commit = state.git.resolve(ref, state.defaultBranch)
      const found = commit ? state.git.readPath(commit, path) : undefined
      return found?.kind === 'blob' ? state.git.blobs.get(found.sha)!.toString('utf8') : undefined
    },
    branchSha: (branch = state.defaultBranch): string | undefined => state.git.refs.get(`heads/${branch}`),
    branches: () => [...state.git.refs.keys()].filter((r) => r.startsWith('heads/')).map((r) => r.slice('heads/'.length)),
    labelExists: (name: string) => findLabel(state, name) !== undefined,
    /** Every issue number, and every file on every branch: what the rendering check walks. */
    inventory: () => ({
      numbers: [...state.issues.keys()].sort((a, b) => a - b),
      paths: Object.fromEntries(
        [...state.git.refs].flatMap(([ref, sha]) =>
          ref.startsWith('heads/') ? [[ref.slice('heads/'.length), [...state.git.flatten(state.git.commits.get(sha)!.tree).keys()]]] : [],
        ),
      ) as Record<string, string[]>,
    }),
  }
}
