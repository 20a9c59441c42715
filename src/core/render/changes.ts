import { COMMANDS } from '../lifecycle/commands'
import type { Escalation } from '../lifecycle/derive'
import { isHumanComment } from '../own-comments'
import { safeInline } from './sanitize'

/**
 * What happened since the last update, in a few plain phrases (no live mentions): accepted
 * commands, tier changes as the escalation holds them (a refused label is no change), people's
 * assignments and comments. Raw label events are not listed: they include refused ones.
 */
export function describeChanges(escalation: Escalation, since: Date): string[] {
  const { issue } = escalation
  const phrases: string[] = []
  for (const record of escalation.carried.tiers.filter((tier) => new Date(tier.at) > since)) {
    phrases.push(`tier set to \`${record.label}\`${record.by ? ` by ${safeInline(record.by)}` : ''}`)
  }
  for (const record of escalation.commands.filter(
    (command) => new Date(command.at) > since && command.name !== 'status' && command.name !== 'help',
  )) {
    phrases.push(`\`${COMMANDS[record.name].usage.split(' ')[0]}\` by ${safeInline(record.by)}`)
  }
  for (const event of issue.events.filter((candidate) => candidate.at > since && !candidate.byAction && !candidate.actorIsBot)) {
    if (event.kind === 'assigned') phrases.push(`${safeInline(event.assignee)} assigned by ${safeInline(event.actor)}`)
    if (event.kind === 'unassigned') phrases.push(`${safeInline(event.assignee)} unassigned by ${safeInline(event.actor)}`)
    if (event.kind === 'reopened') phrases.push(`reopened by ${safeInline(event.actor)}`)
  }
  const comments = issue.comments.filter((comment) => isHumanComment(comment) && comment.createdAt > since)
  if (comments.length > 0) {
    const authors = [...new Set(comments.map((comment) => safeInline(comment.author)))]
    phrases.push(`${comments.length} comment${comments.length === 1 ? '' : 's'} (${authors.join(', ')})`)
  }
  return phrases
}
