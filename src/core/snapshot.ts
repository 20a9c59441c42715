/**
 * What the action reads from GitHub about one issue, already reduced to plain data. The
 * gateway builds it; every decision in `core/` is a pure function of it, the config and now.
 */
export interface CommentSnapshot {
  id: number
  body: string
  author: string
  /** Written by a bot (GitHub App or Actions): only those can own our markers. */
  authorIsBot: boolean
  createdAt: Date
}

export interface LabelEvent {
  kind: 'labeled' | 'unlabeled'
  label: string
  actor: string
  actorIsBot: boolean
  at: Date
}

export interface IssueSnapshot {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  /** `completed`, `not_planned`, `duplicate`, `reopened`, or null. */
  stateReason: string | null
  author: string
  createdAt: Date
  closedAt: Date | null
  url: string
  labels: string[]
  assignees: string[]
  comments: CommentSnapshot[]
  /** Oldest first. */
  labelEvents: LabelEvent[]
}

export type RepoPermission = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin'
