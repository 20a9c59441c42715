import type { CommentSnapshot, IssueEvent, IssueSnapshot } from '../core/snapshot'
import { isViewer, type Identity } from './identity'
import {
  HEAD_WINDOW,
  SWEEP_WINDOW,
  type GqlActor,
  type GqlComment,
  type GqlIssue,
  type GqlTimelineEvent,
  type GqlWindowedIssue,
} from './queries'

/** GraphQL shapes → the core's plain snapshots (Dates, lower-case states, bots and the action flagged). */
const GHOST = 'ghost'

function isBot(actor: GqlActor | null | undefined): boolean {
  return actor?.__typename === 'Bot'
}

export function toComment(node: GqlComment, viewer: Identity): CommentSnapshot {
  return {
    id: Number(node.fullDatabaseId),
    body: node.body,
    author: node.author?.login ?? GHOST,
    authorIsBot: isBot(node.author),
    byAction: isViewer(node.author, viewer),
    createdAt: new Date(node.createdAt),
    viewerReactions: (node.reactionGroups ?? []).filter((group) => group.viewerHasReacted).map((group) => group.content),
    markedForTimeline: (node.timelineMarks?.totalCount ?? 0) > 0,
  }
}

export function toEvent(node: GqlTimelineEvent, viewer: Identity): IssueEvent | null {
  if (!node.createdAt) return null
  const base = {
    actor: node.actor?.login ?? GHOST,
    actorIsBot: isBot(node.actor),
    byAction: isViewer(node.actor, viewer),
    at: new Date(node.createdAt),
  }
  switch (node.__typename) {
    case 'LabeledEvent':
    case 'UnlabeledEvent':
      if (!node.label) return null
      return { ...base, kind: node.__typename === 'LabeledEvent' ? 'labeled' : 'unlabeled', label: node.label.name }
    case 'AssignedEvent':
    case 'UnassignedEvent':
      if (!node.assignee?.login) return null
      return { ...base, kind: node.__typename === 'AssignedEvent' ? 'assigned' : 'unassigned', assignee: node.assignee.login }
    case 'ClosedEvent':
      return { ...base, kind: 'closed', stateReason: node.stateReason?.toLowerCase() ?? null }
    case 'ReopenedEvent':
      return { ...base, kind: 'reopened', stateReason: 'reopened' }
    default:
      return null
  }
}

/** Comments read in two windows (the first few and the latest) overlap on short threads: each once, oldest first. */
export function mergeComments(...windows: CommentSnapshot[][]): CommentSnapshot[] {
  const byId = new Map<number, CommentSnapshot>()
  for (const comment of windows.flat()) byId.set(comment.id, comment)
  return [...byId.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id)
}

export function toIssue(
  node: Omit<GqlIssue, 'comments'>,
  comments: CommentSnapshot[],
  viewer: Identity,
  commentsTruncated = false,
): IssueSnapshot {
  return {
    number: node.number,
    nodeId: node.id,
    databaseId: Number(node.fullDatabaseId),
    title: node.title,
    body: node.body,
    state: node.state === 'OPEN' ? 'open' : 'closed',
    stateReason: node.stateReason?.toLowerCase() ?? null,
    author: node.author?.login ?? GHOST,
    createdAt: new Date(node.createdAt),
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    url: node.url,
    labels: node.labels.nodes.map((label) => label.name),
    assignees: node.assignees.nodes.map((user) => user.login),
    comments,
    commentsTruncated,
    events: node.timelineItems.nodes.flatMap((event) => toEvent(event, viewer) ?? []),
  }
}

/** An issue read with its first and latest comments only (sweeps, ledger syncs). */
export function toWindowedIssue(node: GqlWindowedIssue, viewer: Identity): IssueSnapshot {
  const comments = mergeComments(
    node.head.nodes.map((comment) => toComment(comment, viewer)),
    node.comments.nodes.map((comment) => toComment(comment, viewer)),
  )
  const issue = toIssue(node, comments, viewer, node.comments.totalCount > SWEEP_WINDOW + HEAD_WINDOW)
  return node.subIssuesSummary
    ? { ...issue, subIssues: { total: node.subIssuesSummary.total, completed: node.subIssuesSummary.completed } }
    : issue
}
