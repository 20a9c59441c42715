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
  /** Reactions the action's own identity left on the comment (GraphQL contents, e.g. THUMBS_UP). */
  viewerReactions: string[]
  /** Someone reacted 🚀: the comment belongs on the post-mortem timeline. */
  markedForTimeline: boolean
}

interface EventBase {
  actor: string
  actorIsBot: boolean
  at: Date
}

export interface LabelEvent extends EventBase {
  kind: 'labeled' | 'unlabeled'
  label: string
}

export interface AssignEvent extends EventBase {
  kind: 'assigned' | 'unassigned'
  assignee: string
}

export interface StateEvent extends EventBase {
  kind: 'closed' | 'reopened'
  stateReason: string | null
}

/** What the issue's timeline says happened, beyond comments. */
export type IssueEvent = LabelEvent | AssignEvent | StateEvent

export function labelEventsOf(events: IssueEvent[]): LabelEvent[] {
  return events.filter((event): event is LabelEvent => event.kind === 'labeled' || event.kind === 'unlabeled')
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
  /** Oldest first; in a sweep only the most recent ones (see `commentsTruncated`). */
  comments: CommentSnapshot[]
  /** Older comments exist that were not read. */
  commentsTruncated: boolean
  /** Oldest first. */
  events: IssueEvent[]
}

export type RepoPermission = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin'
