import type { CommentSnapshot, IssueSnapshot, LabelEvent } from '../core/snapshot'
import type { GqlActor, GqlComment, GqlIssue, GqlLabelEvent } from './queries'

/** GraphQL shapes → the core's plain snapshots (Dates, lower-case states, bots flagged). */
const GHOST = 'ghost'

function isBot(actor: GqlActor | null | undefined): boolean {
  return actor?.__typename === 'Bot'
}

export function toComment(node: GqlComment): CommentSnapshot {
  return {
    id: node.databaseId,
    body: node.body,
    author: node.author?.login ?? GHOST,
    authorIsBot: isBot(node.author),
    createdAt: new Date(node.createdAt),
  }
}

function toLabelEvent(node: GqlLabelEvent): LabelEvent | null {
  if (!node.label || !node.createdAt) return null
  return {
    kind: node.__typename === 'LabeledEvent' ? 'labeled' : 'unlabeled',
    label: node.label.name,
    actor: node.actor?.login ?? GHOST,
    actorIsBot: isBot(node.actor),
    at: new Date(node.createdAt),
  }
}

export function toIssue(node: GqlIssue, comments: GqlComment[]): IssueSnapshot {
  return {
    number: node.number,
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
    comments: comments.map(toComment),
    labelEvents: node.timelineItems.nodes.flatMap((event) => toLabelEvent(event) ?? []),
  }
}
