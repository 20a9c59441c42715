/**
 * A copy of everything a local GitHub holds (repositories, tokens, projects, id counters, the
 * clock), to bring another local GitHub to the same point: tests that share a long setup (an
 * escalation filed, worked and resolved through the bundle) run it once and start each case
 * from its copy. Restoring fills the live records in place, so every handle and closure of
 * the restored GitHub keeps working; its request log, faults and latency are its own.
 */
import { addRepo, findRepo, type Hub } from './hub'
import type { RepoState } from './state'

/** The plain data of a repository: what `structuredClone` can copy (no functions, no clock). */
type RepoData = Omit<RepoState, 'clock' | 'nextSeq' | 'nextId' | 'git'> & {
  git: Pick<RepoState['git'], 'blobs' | 'trees' | 'commits' | 'refs'>
}

export interface Snapshot {
  repos: RepoData[]
  tokens: Hub['tokens']
  projects: Hub['projects']
  counters: Hub['counters']
  /** The clock's time, when a test set it. */
  now: string | null
}

function repoData(repo: RepoState): RepoData {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out on purpose: functions and the shared clock
  const { clock, nextSeq, nextId, git, ...data } = repo
  return structuredClone({ ...data, git: { blobs: git.blobs, trees: git.trees, commits: git.commits, refs: git.refs } })
}

export function takeSnapshot(hub: Hub): Snapshot {
  return structuredClone({
    repos: hub.repos.map(repoData),
    tokens: hub.tokens,
    projects: hub.projects,
    counters: hub.counters,
    now: hub.clock.isSet ? hub.clock.now().toISOString() : null,
  })
}

/** Replaces a Map's entries in place. */
function refill<K, V>(target: Map<K, V>, source: Map<K, V>): void {
  target.clear()
  for (const [key, value] of source) target.set(key, value)
}

function restoreRepo(target: RepoState, source: RepoData): void {
  const { collaborators, labels, issues, comments, pulls, reactions, events, git, ...scalars } = source
  refill(target.collaborators, collaborators)
  refill(target.labels, labels)
  refill(target.issues, issues)
  refill(target.comments, comments)
  refill(target.pulls, pulls)
  target.reactions.splice(0, target.reactions.length, ...reactions)
  target.events.splice(0, target.events.length, ...events)
  // structuredClone gives a Buffer back as a plain Uint8Array.
  target.git.blobs.clear()
  for (const [sha, bytes] of git.blobs) target.git.blobs.set(sha, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  refill(target.git.trees, git.trees)
  refill(target.git.commits, git.commits)
  refill(target.git.refs, git.refs)
  Object.assign(target, scalars)
}

/**
 * Brings `hub` to the snapshot. Its repositories must be the snapshot's first ones, in order
 * (the restored GitHub's handles point at its own); the snapshot's others are added. A copy is
 * taken, so one snapshot serves many.
 */
export function restoreSnapshot(hub: Hub, snapshot: Snapshot): void {
  const copy = structuredClone(snapshot)
  const names = (list: { owner: string; name: string }[]) => list.map((repo) => `${repo.owner}/${repo.name}`).join(', ')
  // Repositories added after the ones this GitHub started with are added here too.
  for (const repo of copy.repos.slice(hub.repos.length))
    if (!findRepo(hub, repo.owner, repo.name))
      addRepo(hub, { owner: repo.owner, name: repo.name, defaultBranch: repo.defaultBranch, visibility: repo.visibility })
  if (names(hub.repos) !== names(copy.repos))
    throw new Error(`local GitHub restore: repositories ${names(copy.repos)} in the snapshot, ${names(hub.repos)} here`)
  hub.repos.forEach((repo, at) => restoreRepo(repo, copy.repos[at]!))
  refill(hub.tokens, copy.tokens)
  hub.projects.splice(0, hub.projects.length, ...copy.projects)
  hub.counters.seq = copy.counters.seq
  hub.counters.ids = copy.counters.ids
  if (copy.now) hub.clock.set(copy.now)
}
