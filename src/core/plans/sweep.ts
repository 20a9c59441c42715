/**
 * The scheduled sweep over open escalations: for each, what the thread owes (commands whose
 * run was dropped, notifications: breaches, warnings, a missed update, a passed ETA) and the
 * cadence's digest, folded into at most one status comment; the breach label; the card.
 */
import type { Config } from '../../config/types'
import type { Escalation } from '../lifecycle/derive'
import { closedPauses } from '../lifecycle/clocks'
import { sweepNotifications, type Notification } from '../lifecycle/notifications'
import { findOwnComments, findTwins, isHumanComment } from '../own-comments'
import type { Action } from '../plan'
import type { ProjectRecord } from '../project/plan-project'
import { renderStatusComment } from '../render/status-comment'
import { addSlaMinutes } from '../time/sla-clock'
import { cardFor, reconcileThread, type Outbound, type Reconciled } from './thread'

export interface SweepItem {
  escalation: Escalation
  actions: Action[]
  notifications: Notification[]
  /** The cadence's digest is due (no update of any kind within the cadence). */
  digestDue: boolean
  /** SLA minutes past the digest's due time (negative: not yet due), for ordering. */
  overdueMinutes: number
  /** Notification keys this plan gives (the chat follows them). */
  sent: string[]
  /** The board item as the shell left it before planning (for a re-plan that records chat). */
  project?: ProjectRecord
}

/** The latest update of any kind: a human `/status`, the sweep's last status, or the start. */
export function lastUpdateAt(escalation: Escalation): Date {
  const statuses = findOwnComments(escalation.issue.comments, 'status').map((own) => own.comment.createdAt.getTime())
  const times = [escalation.start.getTime(), ...statuses, ...escalation.updates.map((update) => update.at.getTime())]
  if (escalation.carried.lastStatus) times.push(Date.parse(escalation.carried.lastStatus))
  return new Date(Math.max(...times))
}

export function breachLabelWanted(escalation: Escalation): boolean {
  const { acknowledge, update, resolve } = escalation.clocks
  return (
    acknowledge.status === 'breached' || acknowledge.status === 'missed' || resolve.status === 'breached' || update.status === 'breached'
  )
}

/** How long an issue's own run is given to answer a person's act before the sweep does it instead. */
const ISSUE_RUN_GRACE_MS = 10 * 60_000

/**
 * A person acted in the last few minutes: that act's own run is answering it (a tier raise, a
 * refused label, a command). The sweep answers only when that run was evidently dropped, so the
 * two never tell the same people the same thing.
 */
function recentlyActed(escalation: Escalation, now: Date): boolean {
  const since = now.getTime() - ISSUE_RUN_GRACE_MS
  const { issue } = escalation
  return (
    issue.events.some((event) => !event.byAction && !event.actorIsBot && event.at.getTime() > since) ||
    issue.comments.some((comment) => isHumanComment(comment) && comment.createdAt.getTime() > since)
  )
}

const NOTHING_RECONCILED: Reconciled = { owed: [], sentNow: [], actions: [], resolved: false, decisions: [] }

export function planSweepItem(escalation: Escalation, config: Config, now: Date, outbound: Outbound = {}): SweepItem {
  const { tier } = escalation
  const reconciled = recentlyActed(escalation, now) ? NOTHING_RECONCILED : reconcileThread(escalation, config)
  const notifications = sweepNotifications(escalation)
  const since = lastUpdateAt(escalation)
  const nextDigest = addSlaMinutes(since, tier.sla.updateEveryMinutes, tier.calendar, closedPauses(escalation.pauses, now))
  const digestDue = now >= nextDigest && !escalation.waiting && !escalation.resolvedAt
  const keys = [...notifications.map((notification) => notification.key), ...reconciled.sentNow]
  const postStatus = escalation.card !== null && (digestDue || notifications.length > 0 || reconciled.owed.length > 0)
  const actions: Action[] = []
  if (postStatus) {
    const body = renderStatusComment({ escalation, notifications, owed: reconciled.owed.map((item) => item.text), keys, now, since })
    actions.push({ kind: 'create-comment', marker: 'status', key: keys[0] ?? `digest:${nextDigest.toISOString()}`, body })
  }
  actions.push(
    ...findTwins(escalation.issue.comments).map(({ id, marker }) => ({ kind: 'delete-comment' as const, commentId: id, marker })),
  )
  actions.push(...reconciled.actions.filter((action) => action.kind !== 'close-issue' && action.kind !== 'add-reaction'))
  const hasLabel = escalation.issue.labels.includes(config.breachLabel)
  if (breachLabelWanted(escalation) && !hasLabel) actions.push({ kind: 'add-labels', labels: [config.breachLabel] })
  if (!breachLabelWanted(escalation) && hasLabel) actions.push({ kind: 'remove-label', label: config.breachLabel })
  // Without a card (its intake run was dropped) the card is this run's one comment: it carries the clocks.
  const card = cardFor(
    escalation,
    config,
    reconciled,
    postStatus ? { sent: notifications.map((n) => n.key), statusAt: wholeMinute(now), ...outbound } : outbound,
  )
  actions.push(...card)
  // The close, then the reactions that mark commands carried out (see planThread).
  actions.push(...reconciled.actions.filter((action) => action.kind === 'close-issue'))
  actions.push(...reconciled.actions.filter((action) => action.kind === 'add-reaction'))
  const overdueMinutes = (now.getTime() - nextDigest.getTime()) / 60_000
  const sent = [...reconciled.sentNow, ...(postStatus ? notifications.map((n) => n.key) : [])]
  return { escalation, actions, notifications, digestDue, overdueMinutes, sent }
}

/** Breached first, then warnings, then due digests; higher tier first; longest overdue first. */
export function byUrgency(config: Config) {
  const rank = (item: SweepItem) => config.tiers.findIndex((tier) => tier.label === item.escalation.tier.label)
  const weight = (item: SweepItem) =>
    item.notifications.some((n) => n.reason === 'breach' || n.reason === 'missed-update')
      ? 3
      : item.notifications.length > 0
        ? 2
        : item.digestDue
          ? 1
          : 0
  return (a: SweepItem, b: SweepItem) => weight(b) - weight(a) || rank(a) - rank(b) || b.overdueMinutes - a.overdueMinutes
}

/**
 * Splits the work at the write budget: an escalation's writes go together or wait for the
 * next run, so nothing is half-done. One that needs more than a whole run allows gets the
 * whole budget when it comes first, and the next run plans the rest afresh.
 */
export function takeWithinBudget(items: SweepItem[], maxWrites: number): { now: SweepItem[]; deferred: SweepItem[] } {
  const now: SweepItem[] = []
  const deferred: SweepItem[] = []
  let budget = maxWrites
  for (const item of items) {
    if (item.actions.length === 0) continue
    if (item.actions.length <= budget) {
      now.push(item)
      budget -= item.actions.length
    } else if (budget === maxWrites) {
      now.push({ ...item, actions: item.actions.slice(0, budget) })
      deferred.push(item)
      budget = 0
    } else deferred.push(item)
  }
  return { now, deferred }
}

/**
 * The sweep's own clock runs a moment past the minute it was started for; cadences count from
 * the minute, so a status due exactly one cadence later is not missed by that moment.
 */
function wholeMinute(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / 60_000) * 60_000)
}
