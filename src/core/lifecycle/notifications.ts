/**
 * Who must be told what, once: each notification has a key, remembered once sent, and names
 * only the people who have to act on it. Intake tells the tier's people when the escalation
 * opens (complete or not) and again only when the tier goes up; the sweep tells owners of a
 * coming breach, and escalation contacts of a breach or a missed update.
 */
import type { Config, Tier } from '../../config/types'
import type { ClockKind, SlaClock } from './clocks'
import type { Escalation } from './derive'

export type NotificationReason = 'notify' | 'breach' | 'warning' | 'missed-update' | 'eta-stale'

export interface Notification {
  key: string
  reason: NotificationReason
  /** Logins and org/team slugs to mention. */
  mention: string[]
  clock?: SlaClock
}

export const notifyKey = (tier: Tier) => `notify:${tier.label}`

function tierRank(config: Config, label: string): number {
  const index = config.tiers.findIndex((tier) => tier.label === label)
  return index === -1 ? Number.MAX_SAFE_INTEGER : index
}

/** The tier's people, on filing and whenever the tier rises above every tier told before. */
export function tierNotification(escalation: Escalation, config: Config): Notification | null {
  const { tier, sent } = escalation
  const told = config.tiers.filter((candidate) => sent.has(notifyKey(candidate)))
  const highestTold = Math.min(...told.map((candidate) => tierRank(config, candidate.label)))
  if (told.length > 0 && tierRank(config, tier.label) >= highestTold) return null
  const mention = unique([...tier.notify, ...escalation.owners])
  return { key: notifyKey(tier), reason: 'notify', mention }
}

// Keyed by tier, not due time: waiting on the customer moves the due time, not the breach.
const breachKey = (clock: SlaClock, tier: Tier) => `breach:${clock.kind}:${tier.label}`
const warningKey = (clock: SlaClock, tier: Tier) => `warning:${clock.kind}:${tier.label}`

/** What the sweep owes people now: breaches, warnings, a missed update, a passed ETA. */
export function sweepNotifications(escalation: Escalation): Notification[] {
  const { clocks, tier, owners, sent } = escalation
  const found: Notification[] = []
  const add = (notification: Notification) => {
    if (!sent.has(notification.key)) found.push(notification)
  }
  const acknowledged = escalation.acknowledgement !== null
  for (const kind of ['acknowledge', 'resolve'] as ClockKind[]) {
    const clock = clocks[kind]
    // An owner who has not acknowledged is part of the problem; once acknowledged, the contacts escalate.
    if (clock.status === 'breached')
      add({
        key: breachKey(clock, tier),
        reason: 'breach',
        mention: unique([...tier.escalationContacts, ...(acknowledged ? [] : owners)]),
        clock,
      })
    if (clock.status === 'at-risk') add({ key: warningKey(clock, tier), reason: 'warning', mention: owners, clock })
  }
  if (clocks.update.status === 'breached') {
    add({
      key: `missed-update:${clocks.update.since.toISOString()}`,
      reason: 'missed-update',
      mention: unique([...tier.escalationContacts, ...owners]),
      clock: clocks.update,
    })
  }
  if (escalation.etaStale && escalation.eta?.at)
    add({ key: `eta-stale:${escalation.eta.at.toISOString()}`, reason: 'eta-stale', mention: owners })
  return found
}

export function unique(logins: string[]): string[] {
  const seen = new Set<string>()
  return logins.filter((login) => {
    const key = login.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
