/** Plain records of the one repository the local GitHub serves. Handlers and person actions
 * change these through model.ts; builders.ts turns them into GitHub's JSON shapes. */
import type { Clock } from './clock'
import { createGitStore, type GitStore } from './git-store'

export type Role = 'read' | 'triage' | 'write' | 'maintain' | 'admin'
export type StateReason = 'completed' | 'not_planned' | 'duplicate' | 'reopened'

export interface LabelRecord {
  id: number
  name: string
  color: string
  description: string | null
  isDefault: boolean
}

export interface IssueRecord {
  number: number
  id: number
  title: string
  body: string | null
  author: string
  state: 'open' | 'closed'
  stateReason: StateReason | null
  /** Label names, in the order they were applied. */
  labels: string[]
  assignees: string[]
  createdAt: string
  updatedAt: string
  closedAt: string | null
  closedBy: string | null
  /** Pull requests are issues too (shared numbers, listed by GET /issues). */
  isPull: boolean
  /** Sub-issues by database id, in order (they may live in other repositories of the same owner). */
  subIssueIds: number[]
  parentId: number | null
  /** Pinned to the repository's issue list (GitHub allows three). */
  pinned?: boolean
}

export interface CommentRecord {
  id: number
  /** Creation order across comments and events: orders timeline entries with equal timestamps. */
  seq: number
  issueNumber: number
  author: string
  body: string
  createdAt: string
  updatedAt: string
}

export interface ReactionRecord {
  id: number
  commentId: number
  user: string
  content: string
  createdAt: string
}

export type IssueEventKind = 'labeled' | 'unlabeled' | 'assigned' | 'unassigned' | 'closed' | 'reopened' | 'renamed' | 'merged'

export interface IssueEventRecord {
  id: number
  seq: number
  issueNumber: number
  event: IssueEventKind
  actor: string
  createdAt: string
  label?: { name: string; color: string }
  assignee?: string
  rename?: { from: string; to: string }
  stateReason?: StateReason | null
  commitId?: string
}

export interface PullRecord {
  number: number
  id: number
  head: string
  base: string
  draft: boolean
  merged: boolean
  mergedAt: string | null
  mergedBy: string | null
  mergeCommitSha: string | null
  requestedReviewers: string[]
  /** Set on merge: the commits the PR's files are computed between from then on. */
  mergedRange?: { base: string; head: string }
}

export interface RepoState {
  /** Database id (GET /repos answers it as `id`). */
  id: number
  owner: string
  name: string
  defaultBranch: string
  visibility: 'public' | 'private'
  createdAt: string
  actionsCanCreatePullRequests: boolean
  collaborators: Map<string, Role>
  labels: Map<string, LabelRecord> // keyed by lower-cased name: GitHub label names are case-insensitive
  issues: Map<number, IssueRecord>
  comments: Map<number, CommentRecord>
  reactions: ReactionRecord[]
  events: IssueEventRecord[]
  pulls: Map<number, PullRecord>
  git: GitStore
  clock: Clock
  nextNumber: number
  nextSeq: () => number
  nextId: (kind: IdKind) => number
}

/** Distinct id ranges per object kind so an id in a test failure tells what it is. */
const ID_BASES = {
  issue: 3_000_000_000,
  comment: 2_500_000_000,
  label: 7_000_000_000,
  event: 15_000_000_000,
  reaction: 280_000_000,
  pull: 2_100_000_000,
}

type IdKind = keyof typeof ID_BASES

/** Shared by every repository of one local GitHub: database ids are global on GitHub. */
export interface Counters {
  ids: Partial<Record<IdKind, number>>
  seq: number
}

export function createRepoState(options: {
  id: number
  owner: string
  name: string
  defaultBranch: string
  visibility: 'public' | 'private'
  clock: Clock
  counters: Counters
}): RepoState {
  const { counters, ...rest } = options
  const createdAt = options.clock.stamp()
  return {
    ...rest,
    createdAt,
    actionsCanCreatePullRequests: true,
    collaborators: new Map([[options.owner, 'admin']]),
    labels: new Map(),
    issues: new Map(),
    comments: new Map(),
    reactions: [],
    events: [],
    pulls: new Map(),
    git: createGitStore(options.defaultBranch, createdAt, options.name, options.owner),
    nextNumber: 1,
    nextSeq: () => ++counters.seq,
    nextId: (kind) => (counters.ids[kind] = (counters.ids[kind] ?? ID_BASES[kind]) + 1),
  }
}
