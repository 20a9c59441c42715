/**
 * The three SLA clocks of an escalation, one definition for the card, the sweep, the
 * post-mortem and the report: acknowledge (filing → a person takes it), update (the team's
 * status cadence) and resolve (filing → resolution). Waiting on the customer stops the update
 * and resolve clocks; business-hours calendars count working time only.
 */
import type { Tier } from '../../config/types'
import { addSlaMinutes, slaMinutesBetween, type Pause } from '../time/sla-clock'
import type { PauseSpan } from './commitments'

export type ClockKind = 'acknowledge' | 'update' | 'resolve'

/** met / missed: done on time or late. on-track / at-risk / breached / paused: still running. */
export type ClockStatus = 'met' | 'missed' | 'on-track' | 'at-risk' | 'breached' | 'paused'

export interface SlaClock {
  kind: ClockKind
  targetMinutes: number
  /** When the target falls due (while paused: if the clock started again now). */
  dueAt: Date
  /** When a warning is due (a share of the target has passed); null when warnings are off. */
  warnAt: Date | null
  status: ClockStatus
  /** When it was met or missed; null while running. */
  doneAt: Date | null
  /** SLA minutes late (missed, breached) or left (running), never negative. */
  minutes: number
  /** What the clock counts from. */
  since: Date
}

export interface ClockInput {
  tier: Tier
  start: Date
  acknowledgedAt: Date | null
  lastHumanUpdateAt: Date | null
  pauses: PauseSpan[]
  /** When the escalation was resolved (a /resolve, or its close as completed); null while open. */
  resolvedAt: Date | null
  warnPercent: number
  now: Date
}

/** Pauses as the clock arithmetic takes them: an open pause counts until now. */
export function closedPauses(pauses: PauseSpan[], now: Date): Pause[] {
  return pauses.map((pause) => ({ start: pause.start, end: pause.end ?? (now > pause.start ? now : pause.start) }))
}

function clock(
  kind: ClockKind,
  input: ClockInput,
  since: Date,
  targetMinutes: number,
  doneAt: Date | null,
  paused: boolean,
  pauses: Pause[],
): SlaClock {
  const { calendar } = input.tier
  const dueAt = addSlaMinutes(since, targetMinutes, calendar, pauses)
  const warnAt = input.warnPercent > 0 ? addSlaMinutes(since, (targetMinutes * input.warnPercent) / 100, calendar, pauses) : null
  const base = { kind, targetMinutes, dueAt, warnAt, since }
  if (doneAt) {
    const late = doneAt > dueAt
    return { ...base, status: late ? 'missed' : 'met', doneAt, minutes: late ? slaMinutesBetween(dueAt, doneAt, calendar, pauses) : 0 }
  }
  const { now } = input
  if (now > dueAt) return { ...base, status: 'breached', doneAt: null, minutes: slaMinutesBetween(dueAt, now, calendar, pauses) }
  const left = slaMinutesBetween(now, dueAt, calendar, pauses)
  if (paused) return { ...base, status: 'paused', doneAt: null, minutes: left }
  return { ...base, status: warnAt && now >= warnAt ? 'at-risk' : 'on-track', doneAt: null, minutes: left }
}

export interface Clocks {
  acknowledge: SlaClock
  update: SlaClock
  resolve: SlaClock
}

export function computeClocks(input: ClockInput): Clocks {
  const { tier, start, now } = input
  const pauses = closedPauses(input.pauses, input.resolvedAt ?? now)
  const waiting = input.pauses.some((pause) => pause.end === null)
  // Resolved without an acknowledgement: the resolution was the response, judged at its time (not
  // against a clock that would keep running, and keep changing the post-mortem, forever after).
  const acknowledge = clock('acknowledge', input, start, tier.sla.acknowledgeMinutes, input.acknowledgedAt ?? input.resolvedAt, false, [])
  const resolve = clock('resolve', input, start, tier.sla.resolveMinutes, input.resolvedAt, waiting, pauses)
  // The update clock counts from the latest human update; it stops being owed once resolved
  // (met if that came within the cadence). It has no warning: the cadence itself is the reminder.
  const since = input.lastHumanUpdateAt ?? start
  const update = clock('update', { ...input, warnPercent: 0 }, since, tier.sla.updateEveryMinutes, input.resolvedAt, waiting, pauses)
  return { acknowledge, update, resolve }
}
