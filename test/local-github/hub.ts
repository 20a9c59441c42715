/** Everything one local GitHub holds beyond a single repository: the repositories themselves,
 * the tokens it accepts (who each one is), and id counters shared by all repositories, since
 * GitHub's database ids are global (an issue id never repeats across repositories). */
import type { Clock } from './clock'
import type { ProjectRecord } from './projects'
import { createRepoState, type Counters, type RepoState } from './state'

export interface Identity {
  /** REST login: an app installation's bot is `name[bot]`. */
  login: string
  kind: 'app' | 'user'
  /** Projects (v2) read/write: a GitHub App with the Projects permission, or a PAT with `project`. */
  projects: boolean
  /** App installations only: the repositories installed on (full names); undefined = all. */
  repositories?: string[]
}

export interface TokenOptions {
  login: string
  kind: 'app' | 'user'
  projects?: boolean
  repositories?: string[]
}

export interface Hub {
  clock: Clock
  /** REST base URL, known once the server listens. */
  api: string
  repos: RepoState[]
  tokens: Map<string, Identity>
  /** Projects (v2) of every owner on this GitHub. */
  projects: ProjectRecord[]
  counters: Counters
}

export const DEFAULT_TOKEN = 'ghs_localtoken'
/** A person's token (the default repository's owner), kept for tests that act through the API. */
export const TEST_TOKEN = 'test'

/** Requests without a token: the tests' own look-ups (GitHub would answer 404 on private repositories). */
export const OBSERVER: Identity = { login: '', kind: 'user', projects: false }

export function createHub(clock: Clock): Hub {
  return { clock, api: '', repos: [], tokens: new Map(), projects: [], counters: { ids: {}, seq: 0 } }
}

export function toIdentity(options: TokenOptions): Identity {
  const bot = options.kind === 'app' && !options.login.endsWith('[bot]') ? `${options.login}[bot]` : options.login
  return {
    login: bot,
    kind: options.kind,
    projects: options.projects ?? false,
    ...(options.repositories ? { repositories: options.repositories.map((r) => r.toLowerCase()) } : {}),
  }
}

export const fullName = (repo: RepoState) => `${repo.owner}/${repo.name}`

export function addRepo(
  hub: Hub,
  options: { owner: string; name: string; defaultBranch: string; visibility: 'public' | 'private' },
): RepoState {
  if (findRepo(hub, options.owner, options.name)) throw new Error(`local GitHub: ${options.owner}/${options.name} exists already`)
  const repo = createRepoState({ ...options, clock: hub.clock, counters: hub.counters, id: 700_000_001 + hub.repos.length })
  hub.repos.push(repo)
  return repo
}

/** Owner and repository names are case-insensitive on GitHub. */
export function findRepo(hub: Hub, owner: string, name: string): RepoState | undefined {
  const wanted = `${owner}/${name}`.toLowerCase()
  return hub.repos.find((r) => fullName(r).toLowerCase() === wanted)
}

export const isOrganization = (hub: Hub, login: string) => hub.repos.some((r) => r.owner.toLowerCase() === login.toLowerCase())

export type Access = 'none' | 'read' | 'write'

/** What a token may do in a repository: an app where it is installed writes, elsewhere it reads
 * public repositories only; a person by their role (owner and collaborators), or reads if public. */
export function accessOf(viewer: Identity, repo: RepoState): Access {
  if (viewer === OBSERVER) return 'read'
  const everyone: Access = repo.visibility === 'public' ? 'read' : 'none'
  if (viewer.kind === 'app') return !viewer.repositories || viewer.repositories.includes(fullName(repo).toLowerCase()) ? 'write' : everyone
  if (viewer.login === repo.owner) return 'write'
  const role = repo.collaborators.get(viewer.login)
  if (role === 'write' || role === 'maintain' || role === 'admin') return 'write'
  return role ? 'read' : everyone
}

/** The token in an Authorization header ('token X' or 'Bearer X'); null when absent. */
export function tokenOf(header: string | undefined): string | null {
  if (!header) return null
  const space = header.indexOf(' ')
  return space < 0 ? header : header.slice(space + 1).trim()
}
