/**
 * The sweep's status comment: at most one per escalation per run, folding what is owed (a
 * breach, a warning, a missed update, a passed ETA, replies to commands) into one, each reason
 * naming only the people who must act, once. With nothing owed it is the cadence's digest.
 */
import { formatDuration } from '../../config/duration'
import type { Escalation } from '../lifecycle/derive'
import type { Notification } from '../lifecycle/notifications'
import { formatDue } from '../time/format'
import { formatUtc } from '../time/sla-clock'
import { mentionList } from './card'
import { describeClock } from './clock-text'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeCell, safeInline } from './sanitize'
import { describeChanges } from './changes'

export interface StatusView {
  escalation: Escalation
  notifications: Notification[]
  /** Replies and notices owed this run, folded in. */
  owed: string[]
  keys: string[]
  now: Date
  /** When the update before this one was (any kind), for "since the last update". */
  since: Date
}

const late = (minutes: number) => formatDuration(Math.max(1, Math.round(minutes)))

function reasonLine(notification: Notification, escalation: Escalation): string {
  const { tier, clocks, eta, owners } = escalation
  const people = mentionList(notification.mention)
  const clock = notification.clock
  switch (notification.reason) {
    case 'breach':
      return `🔴 **${clock?.kind === 'acknowledge' ? 'Acknowledge' : 'Resolve'} SLA breached**: the ${formatDuration(clock?.targetMinutes ?? 0)} target was due ${formatDue(clock?.dueAt ?? escalation.start, tier.calendar)} and is ${late(clock?.minutes ?? 0)} late. ${people}: please step in.`
    case 'warning':
      return `🟠 **${clock?.kind === 'acknowledge' ? 'Acknowledge' : 'Resolve'} target at risk**: due ${formatDue(clock?.dueAt ?? escalation.start, tier.calendar)}, ${late(clock?.minutes ?? 0)} left. ${people}: ${clock?.kind === 'acknowledge' ? 'acknowledge with `/ack`' : 'resolve it, or commit to an `/eta`'}.`
    case 'missed-update':
      return `⏰ **Update overdue**: no status from the team since ${formatUtc(clocks.update.since)}; one is owed every ${formatDuration(tier.sla.updateEveryMinutes)}. ${mentionList(owners)}: post \`/status <what changed, next step, ETA: …>\`.${notification.mention.length > owners.length ? ` ${mentionList(notification.mention.filter((login) => !owners.includes(login)))}: for your attention.` : ''}`
    case 'eta-stale':
      return `⚠️ **ETA passed**: ${eta?.at ? formatDue(eta.at, tier.calendar) : safeInline(eta?.text ?? '')} (from ${safeInline(eta?.by ?? '')}). ${people}: give a new \`/eta\`, or \`/resolve\`.`
    default:
      return ''
  }
}

export function renderStatusComment(view: StatusView): string {
  const { escalation, notifications, now } = view
  const { tier, clocks } = escalation
  const breached =
    [clocks.acknowledge, clocks.resolve].some((clock) => clock.status === 'breached' || clock.status === 'missed') ||
    clocks.update.status === 'breached'
  const headline = breached ? '🔴 SLA breached' : notifications.some((n) => n.reason === 'warning') ? '🟠 at risk' : '🟢 within SLA'
  const latest = escalation.updates.at(-1)
  const changes = describeChanges(escalation, view.since)
  const lines = [
    renderMarker('status', { key: view.keys[0] ?? `digest:${now.toISOString()}`, keys: view.keys }),
    `### Status: ${safeInline(tier.name)} escalation, ${safeInline(escalation.facts.customer ?? escalation.issue.title, 120)} · ${headline}`,
    '',
    ...notifications.flatMap((notification) => [reasonLine(notification, escalation), '']),
    ...view.owed.flatMap((text) => [text, '']),
    '| | |',
    '|---|---|',
    `| **Acknowledge** | ${describeClock(clocks.acknowledge, tier.calendar)} |`,
    `| **Next update** | ${describeClock(clocks.update, tier.calendar)} |`,
    `| **Resolve** | ${describeClock(clocks.resolve, tier.calendar)} |`,
    `| **ETA** | ${escalation.eta ? `${escalation.eta.at ? formatDue(escalation.eta.at, tier.calendar) : safeCell(escalation.eta.text, 100)}${escalation.etaStale ? ' (passed)' : ''}` : 'not given yet'} |`,
    `| **Owners** | ${escalation.owners.map((login) => safeCell(login)).join(', ') || 'nobody yet'} |`,
    '',
    `**Since ${formatUtc(view.since)}:** ${changes.length > 0 ? changes.join('; ') : 'no activity on the issue'}.`,
  ]
  if (latest)
    lines.push('', `**Latest update** from ${safeInline(latest.by)} at ${formatUtc(latest.at)}:`, '', `> ${safeInline(latest.text, 1000)}`)
  return fitBody(lines.join('\n'))
}
