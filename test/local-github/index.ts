/** startLocalGitHub(): a stateful stand-in for GitHub's REST and GraphQL APIs serving one
 * default repository (and any added with addRepository), with person actions that return the
 * webhook events GitHub would deliver, and tokens that say who each request is. */
import { BOT_LOGIN, type Ctx } from './builders'
import { createClock, type Clock } from './clock'
import { addRepo, createHub, DEFAULT_TOKEN, findRepo, fullName, TEST_TOKEN, toIdentity, type Identity, type TokenOptions } from './hub'
import type { WebhookEvent } from './person-actions'
import { projectHandle, type ProjectItemView, type SeededProject } from './project-handle'
import type { ProjectSeed } from './projects'
import { createRepoHandle, type RepoHandle } from './repo-handle'
import { commentRoutes } from './routes-comments'
import { gitRoutes } from './routes-git'
import { issueCreateRoutes } from './routes-issue-create'
import { issueRoutes } from './routes-issues'
import { pullRoutes } from './routes-pulls'
import { repoListRoutes } from './routes-repos'
import { subIssueRoutes } from './routes-sub-issues'
import { startServer, type FaultAnswer, type FaultMatch, type RequestLogEntry, type ServerState, type ValidationError } from './server'
import { restoreSnapshot, takeSnapshot, type Snapshot } from './snapshot'
import type { Role } from './state'

export type {
  Clock,
  FaultAnswer,
  FaultMatch,
  Identity,
  ProjectItemView,
  ProjectSeed,
  RepoHandle,
  RequestLogEntry,
  Role,
  SeededProject,
  Snapshot,
  TokenOptions,
  ValidationError,
  WebhookEvent,
}
export { BOT_LOGIN } from './builders'
export { DEFAULT_TOKEN, TEST_TOKEN } from './hub'
export {
  SLACK_FAULTS,
  startChatReceiver,
  type ChatFaultAnswer,
  type ChatKind,
  type ChatMessage,
  type ChatReceiver,
  type ChatValidationError,
} from './chat-receiver'

export interface LocalGitHubOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Default 'private': an escalation desk's repository usually is. */
  visibility?: 'public' | 'private'
  /** Initial response delay, see setLatency. */
  latencyMs?: number
}

export interface RepositoryOptions {
  /** Default: the default repository's owner (an organization). */
  owner?: string
  visibility?: 'public' | 'private'
  defaultBranch?: string
}

export type LocalGitHub = Awaited<ReturnType<typeof startLocalGitHub>>

export async function startLocalGitHub(options: LocalGitHubOptions = {}) {
  const clock = createClock()
  const hub = createHub(clock)
  const state = addRepo(hub, {
    owner: options.owner ?? 'acme',
    name: options.repo ?? 'support',
    defaultBranch: options.defaultBranch ?? 'main',
    visibility: options.visibility ?? 'private',
  })
  // GITHUB_TOKEN: the github-actions app's installation token, for the workflow's repository only
  const actionsToken = toIdentity({ login: BOT_LOGIN, kind: 'app', repositories: [fullName(state)] })
  hub.tokens.set(DEFAULT_TOKEN, actionsToken)
  hub.tokens.set(TEST_TOKEN, toIdentity({ login: state.owner, kind: 'user', projects: true }))
  const ctx: Ctx = { state, api: '', hub, viewer: actionsToken }
  const server: ServerState = {
    ctx,
    routes: { ...issueRoutes, ...issueCreateRoutes, ...commentRoutes, ...gitRoutes, ...pullRoutes, ...repoListRoutes, ...subIssueRoutes },
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
  hub.api = ctx.api

  return {
    ...createRepoHandle(ctx),
    /** createProject({ owner?, number?, title, fields }) and projectItems(number, owner?). */
    ...projectHandle(hub, state.owner),
    /** The job summary of every run against this local GitHub (kept by the harness), oldest first. */
    summaries: [] as string[],
    url: ctx.api,
    graphqlUrl: `${ctx.api}/graphql`,
    clock,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections()
        http.close(() => resolve())
      }),
    setLatency(ms: number) {
      server.latencyMs = ms
    },
    /** Accept `token` as `login`'s: an app installation (`name[bot]`, all repositories unless
     * `repositories` lists some) or a person. Unknown tokens get 401 Bad credentials. */
    addToken(token: string, identity: TokenOptions): Identity {
      const added = toIdentity(identity)
      hub.tokens.set(token, added)
      return added
    },
    /** Another repository on this GitHub (same owner unless given), with the same seeding and
     * reading API as `gh`. GITHUB_TOKEN (ghs_localtoken) reaches it only if it is public. */
    addRepository(name: string, repoOptions: RepositoryOptions = {}): RepoHandle {
      const added = addRepo(hub, {
        owner: repoOptions.owner ?? state.owner,
        name,
        defaultBranch: repoOptions.defaultBranch ?? 'main',
        visibility: repoOptions.visibility ?? 'private',
      })
      return createRepoHandle({ ...ctx, state: added })
    },
    /** A handle on a repository this GitHub holds (one added, or brought by `restore`). */
    repository(name: string, owner = state.owner): RepoHandle {
      const found = findRepo(hub, owner, name)
      if (!found) throw new Error(`local GitHub: no repository ${owner}/${name}`)
      return createRepoHandle({ ...ctx, state: found })
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
    /** A copy of all this GitHub holds, for `restore` on another (bench and tests sharing a long setup). */
    snapshot: (): Snapshot => takeSnapshot(hub),
    /** Brings this GitHub to `snapshot` (taken from one with the same repositories). */
    restore(snapshot: Snapshot) {
      restoreSnapshot(hub, snapshot)
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
  }
}
