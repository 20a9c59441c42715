/** startLocalGitHub(): a stateful stand-in for GitHub's REST and GraphQL APIs serving one
 * repository, with person actions that return the webhook events GitHub would deliver. */
import { buildComment, buildIssue, buildRepository, buildUser, type Ctx } from './builders'
import { buildPull } from './builders-git'
import { createClock, type Clock } from './clock'
import { findLabel, getIssue, ensureLabel } from './model'
import { createPersonActions, type WebhookEvent } from './person-actions'
import { commentRoutes } from './routes-comments'
import { gitRoutes } from './routes-git'
import { issueRoutes, timelineOf } from './routes-issues'
import { pullRoutes } from './routes-pulls'
import { startServer, type FaultAnswer, type FaultMatch, type RequestLogEntry, type ServerState, type ValidationError } from './server'
import { createRepoState, type Role } from './state'

export type { Clock, FaultAnswer, FaultMatch, RequestLogEntry, ValidationError, WebhookEvent, Role }
export { BOT_LOGIN } from './builders'

export interface LocalGitHubOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Default 'private': an escalation desk's repository usually is. */
  visibility?: 'public' | 'private'
  /** Initial response delay, see setLatency. */
  latencyMs?: number
}

export type LocalGitHub = Awaited<ReturnType<typeof startLocalGitHub>>

export async function startLocalGitHub(options: LocalGitHubOptions = {}) {
  const clock = createClock()
  const state = createRepoState({
    owner: options.owner ?? 'acme',
    name: options.repo ?? 'support',
    defaultBranch: options.defaultBranch ?? 'main',
    visibility: options.visibility ?? 'private',
    clock,
  })
  const ctx: Ctx = { state, api: '' }
  const server: ServerState = {
    ctx,
    routes: { ...issueRoutes, ...commentRoutes, ...gitRoutes, ...pullRoutes },
    requests: [],
    validationErrors: [],
    faults: [],
    latencyMs: options.latencyMs ?? 0,
    rate: { limit: 1000, used: 0, resetAt: 0 },
  }
  const http = await startServer(server)
  const address = http.address()
  if (!address || typeof address === 'string') throw new Error('local GitHub: no TCP address')
  ctx.api = `http://127.0.0.1:${address.port}`
  const act = createPersonActions(ctx)

  return {
    url: ctx.api,
    graphqlUrl: `${ctx.api}/graphql`,
    owner: state.owner,
    repo: state.name,
    defaultBranch: state.defaultBranch,
    clock,
    act,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
    setLatency(ms: number) {
      server.latencyMs = ms
    },
    setActionsCanCreatePullRequests(allowed: boolean) {
      state.actionsCanCreatePullRequests = allowed
    },
    get requests(): readonly RequestLogEntry[] {
      return server.requests
    },
    clearRequests() {
      server.requests.length = 0
    },
    /** Requests the real API would refuse. Tests assert this stays empty. */
    get validationErrors(): readonly ValidationError[] {
      return server.validationErrors
    },
    faults: {
      /** Queue one scripted answer for the next matching request (used once, in order). */
      push(match: FaultMatch, answer: FaultAnswer) {
        server.faults.push({ match, answer })
      },
      clear() {
        server.faults.length = 0
      },
    },

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
    issue: (number: number) => buildIssue(ctx, getIssue(state, number)),
    comments: (number: number) =>
      [...state.comments.values()]
        .filter((c) => c.issueNumber === number)
        .sort((a, b) => a.id - b.id)
        .map((c) => buildComment(ctx, c)),
    labelsOf: (number: number) => [...getIssue(state, number).labels],
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
    /** Every issue and pull request number, and each branch's file paths: for checks that read all that was written. */
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
