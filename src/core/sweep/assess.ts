import type { Config, Tier } from '../../config/types'
import { escalationStart } from '../escalation'
import { findOwnComments } from '../own-comments'
import type { StatusState } from '../render/status-comment'
import { resolveTierLabel } from './tier-of'
import type { IssueSnapshot } from '../snapshot'
import { addSlaMinutes, slaMinutesBetween } from '../time/sla-clock'
import { acceptedUpdates, findEta, statusComments, type HumanUpdate } from './status-updates'

export type Breach = 'acknowledge' | 'resolve'

/** Where one open escalation stands on its SLA clock at `now`. */
export interface Assessment {
  issue: IssueSnapshot
  tier: Tier
  owners: string[]
  start: Date
  acknowledgedAt: Date | null
  acknowledgeBy: Date
  resolveBy: Date
  /** The last update of any kind (the action's status comment or a `/status`), or null. */
  lastUpdateAt: Date | null
  lastHumanUpdate: HumanUpdate | null
  nextUpdateBy: Date
  due: boolean
  /** SLA minutes past `nextUpdateBy` (negative: time left). */
  overdueMinutes: number
  breaches: { kind: Breach; dueAt: Date; byMinutes: number }[]
  /** Resolve clock: SLA minutes left (negative: breached by). */
  resolveLeftMinutes: number
  eta: string | null
  /** No human update within the cadence: the status comment asks the owners for one. */
  needsHumanUpdate: boolean
}

function latest(dates: (Date | null | undefined)[]): Date | null {
  const times = dates.filter((date): date is Date => date instanceof Date).map((date) => date.getTime())
  return times.length > 0 ? new Date(Math.max(...times)) : null
}

/**
 * The first response as the latest status comment recorded it: a sweep reads only the recent
 * comments, and on a long thread the reply itself scrolls out of them.
 */
function carriedResponse(issue: IssueSnapshot): Date | null {
  const recorded = findOwnComments<StatusState>(issue.comments, 'status').at(-1)?.data?.acknowledgedAt
  const at = typeof recorded === 'string' ? new Date(recorded) : null
  return at && !Number.isNaN(at.getTime()) ? at : null
}

/** First response: a comment by an owner or assignee, or an accepted `/status`, after the start. */
function firstResponse(issue: IssueSnapshot, owners: string[], updates: HumanUpdate[], start: Date): Date | null {
  const responders = new Set([...owners, ...issue.assignees].map((login) => login.toLowerCase()))
  const byOwner = issue.comments.find(
    (comment) => !comment.authorIsBot && comment.createdAt >= start && responders.has(comment.author.toLowerCase()),
  )
  const candidates = [carriedResponse(issue), byOwner?.createdAt, updates[0]?.comment.createdAt].filter(
    (date): date is Date => date instanceof Date,
  )
  return candidates.length > 0 ? new Date(Math.min(...candidates.map((date) => date.getTime()))) : null
}

/**
 * The SLA clocks of one escalation. Due is `now ≥ last update + cadence`, never "an exact
 * multiple of the interval": a late or skipped scheduled run still finds the update due.
 */
export function assessEscalation(
  issue: IssueSnapshot,
  config: Config,
  now: Date,
  permitted: (login: string) => boolean,
  /** Intake passes the tier it has just decided, before its label is on the issue. */
  tier: Tier = resolveTierLabel(issue, config),
): Assessment {
  const { calendar, sla } = tier
  const start = escalationStart(issue, config.triggerLabel)
  const updates = acceptedUpdates(issue.comments, permitted)
  const lastHumanUpdate = updates.at(-1) ?? null
  const lastUpdateAt = latest([statusComments(issue.comments).at(-1)?.createdAt, lastHumanUpdate?.comment.createdAt])
  const owners = tier.owners.length > 0 ? tier.owners : issue.assignees
  const acknowledgedAt = firstResponse(issue, owners, updates, start)
  const acknowledgeBy = addSlaMinutes(start, sla.acknowledgeMinutes, calendar)
  const resolveBy = addSlaMinutes(start, sla.resolveMinutes, calendar)
  const nextUpdateBy = addSlaMinutes(lastUpdateAt ?? start, sla.updateEveryMinutes, calendar)
  const breaches: Assessment['breaches'] = []
  const ackLate = acknowledgedAt ? acknowledgedAt > acknowledgeBy : now > acknowledgeBy
  if (ackLate)
    breaches.push({
      kind: 'acknowledge',
      dueAt: acknowledgeBy,
      byMinutes: slaMinutesBetween(acknowledgeBy, acknowledgedAt ?? now, calendar),
    })
  if (now > resolveBy) breaches.push({ kind: 'resolve', dueAt: resolveBy, byMinutes: slaMinutesBetween(resolveBy, now, calendar) })
  const humanSince = lastHumanUpdate?.comment.createdAt ?? start
  return {
    issue,
    tier,
    owners,
    start,
    acknowledgedAt,
    acknowledgeBy,
    resolveBy,
    lastUpdateAt,
    lastHumanUpdate,
    nextUpdateBy,
    due: now >= nextUpdateBy,
    overdueMinutes: slaMinutesBetween(nextUpdateBy, now, calendar),
    breaches,
    resolveLeftMinutes: slaMinutesBetween(now, resolveBy, calendar),
    eta: lastHumanUpdate ? findEta(lastHumanUpdate.text) : null,
    needsHumanUpdate: slaMinutesBetween(humanSince, now, calendar) >= sla.updateEveryMinutes,
  }
}
