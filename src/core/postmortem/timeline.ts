/**
 * The escalation's timeline for the post-mortem, from the same lifecycle every other job reads:
 * one clock (the events' own times) for tiers, the acknowledgement, commands and pauses. A
 * refused tier label is no row: it never was the tier.
 */
import { formatDuration } from '../../config/duration'
import type { Config } from '../../config/types'
import type { CommandRecord } from '../lifecycle/card-data'
import { firstWord } from '../lifecycle/commands'
import type { Escalation } from '../lifecycle/derive'
import { findOwnComments, isHumanComment } from '../own-comments'
import { truncate } from '../render/sanitize'
import { formatUtc } from '../time/sla-clock'

export interface TimelineEntry {
  at: Date
  what: string
  by: string
}

const ACTION = 'Escalation Desk'
const VIA = { comment: 'first response', command: 'by command', assignment: 'by assignment', tier: 'by tier change' } as const

function firstLine(text: string, max = 160): string {
  const line =
    text
      .split('\n')
      .find((candidate) => candidate.trim() !== '')
      ?.trim() ?? ''
  return truncate(line, max)
}

function commandEntry(record: CommandRecord, escalation: Escalation): string | null {
  switch (record.name) {
    case 'status':
      return `Status: ${firstLine(record.arg)}`
    case 'eta': {
      const eta =
        escalation.eta && escalation.eta.setAt.getTime() === Date.parse(record.at) && escalation.eta.at
          ? formatUtc(escalation.eta.at)
          : record.arg
      return `ETA set: ${truncate(eta, 120)}`
    }
    case 'waiting':
      return `Waiting on the customer${record.arg.slice(firstWord(record.arg).length).trim() ? `: ${firstLine(record.arg.slice(firstWord(record.arg).length))}` : ''} (clocks paused)`
    case 'resume':
      return 'Resumed (clocks running)'
    case 'timeline':
      return firstLine(record.arg, 300)
    case 'owner':
      return `Owners set: ${truncate(record.arg, 120)}`
    case 'resolve':
      return `Resolved: ${firstLine(record.arg)}`
    default:
      return null
  }
}

export function buildTimeline(escalation: Escalation, config: Config): TimelineEntry[] {
  const { issue, clocks, tier } = escalation
  const entries: TimelineEntry[] = [{ at: issue.createdAt, what: 'Issue filed', by: issue.author }]
  if (escalation.start.getTime() !== issue.createdAt.getTime()) entries.push({ at: escalation.start, what: 'Escalated', by: issue.author })
  for (const record of escalation.carried.tiers.length > 0
    ? escalation.carried.tiers
    : [{ label: tier.label, at: escalation.start.toISOString(), by: null, source: escalation.tierDecision.source }]) {
    const name = config.tiers.find((candidate) => candidate.label === record.label)?.name ?? record.label
    const how = { label: 'label', command: '/tier', requested: 'requested in the form', default: 'default tier' }[record.source]
    entries.push({ at: new Date(record.at), what: `Tier: ${name} (${record.label}), ${how}`, by: record.by ?? ACTION })
  }
  if (escalation.acknowledgement) {
    const ack = escalation.acknowledgement
    entries.push({ at: new Date(ack.at), what: `Acknowledged (${VIA[ack.via]})`, by: ack.by })
  }
  for (const record of escalation.commands) {
    const what = commandEntry(record, escalation)
    if (what) entries.push({ at: new Date(record.at), what, by: record.by })
  }
  for (const clock of [clocks.acknowledge, clocks.resolve]) {
    if (clock.status === 'missed' || clock.status === 'breached') {
      entries.push({
        at: clock.dueAt,
        what: `${clock.kind === 'acknowledge' ? 'Acknowledge' : 'Resolve'} target (${formatDuration(clock.targetMinutes)}) missed`,
        by: ACTION,
      })
    }
  }
  for (const own of findOwnComments<{ keys?: unknown }>(issue.comments, 'status')) {
    const keys = Array.isArray(own.data?.keys) ? own.data.keys.filter((key): key is string => typeof key === 'string') : []
    const told = keys.some((key) => key.startsWith('breach:') || key.startsWith('missed-update:'))
      ? 'Status posted, escalation contacts told'
      : 'Status posted'
    entries.push({ at: own.comment.createdAt, what: told, by: ACTION })
  }
  for (const event of issue.events) {
    if (event.byAction || event.actorIsBot) continue
    if (event.kind === 'assigned') entries.push({ at: event.at, what: `Assigned to ${event.assignee}`, by: event.actor })
    if (event.kind === 'closed')
      entries.push({ at: event.at, what: `Closed (${event.stateReason?.replace('_', ' ') ?? 'completed'})`, by: event.actor })
    if (event.kind === 'reopened') entries.push({ at: event.at, what: 'Reopened', by: event.actor })
  }
  for (const comment of issue.comments.filter((candidate) => isHumanComment(candidate) && candidate.markedForTimeline)) {
    entries.push({ at: comment.createdAt, what: firstLine(comment.body), by: comment.author })
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime())
}
