import type { Config } from '../../config/types'
import { truncate } from '../render/sanitize'
import { readMarker } from '../render/markers'
import type { IssueSnapshot } from '../snapshot'
import { isStatusCommand, statusText, ACCEPTED_REACTION } from '../sweep/status-updates'

export interface TimelineEntry {
  at: Date
  what: string
  by: string
}

function firstLine(text: string, max = 160): string {
  const line =
    text
      .split('\n')
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? ''
  return truncate(line, max)
}

const BOT_COMMENTS: Record<string, string> = {
  ack: 'Escalation acknowledged',
  missing: 'Required information requested',
  status: 'Status update posted',
  breach: 'SLA breach notified',
  notify: 'Tier contacts notified',
}

/** Events that matter to the review, from the issue's timeline and comments, oldest first. */
export function buildTimeline(issue: IssueSnapshot, config: Config): TimelineEntry[] {
  const tierLabels = new Set(config.tiers.map((tier) => tier.label))
  const entries: TimelineEntry[] = [{ at: issue.createdAt, what: 'Issue filed', by: issue.author }]
  for (const event of issue.events) {
    const by = event.actorIsBot ? 'Escalation Desk' : event.actor
    if (event.kind === 'labeled' && event.label === config.triggerLabel) entries.push({ at: event.at, what: 'Escalated', by })
    else if (event.kind === 'labeled' && tierLabels.has(event.label)) entries.push({ at: event.at, what: `Tier set to ${event.label}`, by })
    else if (event.kind === 'unlabeled' && tierLabels.has(event.label))
      entries.push({ at: event.at, what: `Tier ${event.label} removed`, by })
    else if (event.kind === 'labeled' && event.label === config.breachLabel) entries.push({ at: event.at, what: 'SLA breached', by })
    else if (event.kind === 'assigned') entries.push({ at: event.at, what: `Assigned to ${event.assignee}`, by })
    else if (event.kind === 'unassigned') entries.push({ at: event.at, what: `Unassigned ${event.assignee}`, by })
    else if (event.kind === 'closed') entries.push({ at: event.at, what: `Closed (${event.stateReason ?? 'completed'})`, by })
    else if (event.kind === 'reopened') entries.push({ at: event.at, what: 'Reopened', by })
  }
  for (const comment of issue.comments) {
    const kind = comment.authorIsBot ? readMarker(comment.body)?.kind : undefined
    const label = kind ? BOT_COMMENTS[kind] : undefined
    if (label) entries.push({ at: comment.createdAt, what: label, by: 'Escalation Desk' })
    else if (!comment.authorIsBot && isStatusCommand(comment.body) && comment.viewerReactions.includes(ACCEPTED_REACTION)) {
      entries.push({ at: comment.createdAt, what: `Status: ${firstLine(statusText(comment.body))}`, by: comment.author })
    } else if (!comment.authorIsBot && comment.markedForTimeline) {
      entries.push({ at: comment.createdAt, what: firstLine(comment.body), by: comment.author })
    }
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime())
}
