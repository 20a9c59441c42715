import type { IssueSnapshot } from '../snapshot'

/** What happened on the issue since the last update, in a few plain lines (no live mentions). */
export function describeChanges(issue: IssueSnapshot, since: Date): string[] {
  const lines: string[] = []
  const comments = issue.comments.filter((comment) => !comment.authorIsBot && comment.createdAt > since)
  if (comments.length > 0) {
    const authors = [...new Set(comments.map((comment) => comment.author))]
    lines.push(`${comments.length} new comment${comments.length === 1 ? '' : 's'} (${authors.map((login) => `**${login}**`).join(', ')})`)
  }
  for (const event of issue.events.filter((candidate) => candidate.at > since && !candidate.actorIsBot)) {
    if (event.kind === 'labeled') lines.push(`label \`${event.label}\` added by **${event.actor}**`)
    if (event.kind === 'unlabeled') lines.push(`label \`${event.label}\` removed by **${event.actor}**`)
    if (event.kind === 'assigned') lines.push(`**${event.assignee}** assigned by **${event.actor}**`)
    if (event.kind === 'unassigned') lines.push(`**${event.assignee}** unassigned by **${event.actor}**`)
    if (event.kind === 'reopened') lines.push(`reopened by **${event.actor}**`)
  }
  return lines
}
