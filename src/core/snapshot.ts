/**
 * What the action reads from GitHub about one issue, already reduced to plain data. The
 * gateway builds it; every decision in `core/` is a pure function of it, the config and now.
 */
export interface CommentSnapshot {
  id: number
  body: string
  author: string
  /** Written by a bot: another App, or the action itself. Bots never acknowledge an escalation. */
  authorIsBot: boolean
  /**
   * Written by the action's own identity (the token's `viewer`). Only such comments can hold
   * markers the action trusts: anyone can type a marker, nobody else can post as the action.
   */
  byAction: boolean
  createdAt: Date
  /** Reactions the action's own identity left on the comment (GraphQL contents, e.g. THUMBS_UP). */
  viewerReactions: string[]
  /** Someone reacted 🚀: the comment belongs on the post-mortem timeline. */
  markedForTimeline: boolean
}

interface EventBase {
  actor: string
  actorIsBot: boolean
  /** Done by the action's own identity. */
  byAction: boolean
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
  /** GraphQL node id (sub-issues, Projects). */
  nodeId: string
  /** REST database id (sub-issues take it, not the number). */
  databaseId: number
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
  /** Oldest first; in a sweep only the first and the most recent ones (see `commentsTruncated`). */
  comments: CommentSnapshot[]
  /** Comments exist that were not read. */
  commentsTruncated: boolean
  /** Oldest first. */
  events: IssueEvent[]
  /** Preventive actions filed as sub-issues (many-at-once reads only). */
  subIssues?: { total: number; completed: number }
}

export type RepoPermission = 'none' | 'read' | 'triage' | 'write' | 'maintain' | 'admin'
