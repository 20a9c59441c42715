import { utcDate } from '../time/sla-clock'

/**
 * The span a metrics report covers. Half-open, `[from, to)`, so consecutive reports never
 * count one escalation twice; the label names the first and last UTC days touched.
 */
export interface Period {
  from: Date
  to: Date
  /** `2026-11-01 – 2026-11-30`. */
  label: string
}

const DAY = 86_400_000
const DEFAULT_DAYS = 30
/** A year, leap day included: longer reports are slow to read and to compute. */
export const MAX_PERIOD_DAYS = 366
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The first and last UTC days the period touches (its end is exclusive). */
export function periodDays(period: Period): { first: string; last: string } {
  const lastInstant = new Date(Math.max(period.from.getTime(), period.to.getTime() - 1))
  return { first: utcDate(period.from), last: utcDate(lastInstant) }
}

function periodBetween(from: Date, to: Date): Period {
  const partial = { from, to, label: '' }
  const { first, last } = periodDays(partial)
  return { from, to, label: `${first} – ${last}` }
}

/** Midnight UTC of a `YYYY-MM-DD` day that exists (no 2026-02-30); null otherwise. */
function readDate(text: string): Date | null {
  const match = CALENDAR_DATE.exec(text.trim())
  if (!match) return null
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return utcDate(date) === text.trim() ? date : null
}

function daysProblem(days: number): string | undefined {
  if (Number.isInteger(days) && days >= 1 && days <= MAX_PERIOD_DAYS) return undefined
  return `the period must be a whole number of days from 1 to ${MAX_PERIOD_DAYS} (got ${days})`
}

/**
 * The report's period from the optional inputs, with `now` passed in (never read here):
 * - `from` and `to` (`YYYY-MM-DD`, UTC, both days included): exactly those days;
 * - only `to`: the `days` days (default 30) ending with that day;
 * - only `from`: from that day up to `now`;
 * - neither: the `days` days up to `now`.
 * A problem (unreadable date, `from` after `to`, longer than 366 days) comes back as text.
 */
export function periodOf(input: { now: Date; days?: number; from?: string; to?: string }): Period | { problem: string } {
  const days = input.days ?? DEFAULT_DAYS
  const tooLong = daysProblem(days)
  if (tooLong) return { problem: tooLong }
  const from = input.from === undefined ? undefined : readDate(input.from)
  const to = input.to === undefined ? undefined : readDate(input.to)
  if (from === null) return { problem: unreadable('from', input.from) }
  if (to === null) return { problem: unreadable('to', input.to) }
  const end = to ? new Date(to.getTime() + DAY) : input.now
  const start = from ?? new Date(end.getTime() - days * DAY)
  if (start.getTime() >= end.getTime()) {
    return {
      problem: `the period starts after it ends: from ${utcDate(start)} is after ${to ? `to ${utcDate(to)}` : `today (${utcDate(end)})`}`,
    }
  }
  const span = Math.ceil((end.getTime() - start.getTime()) / DAY)
  if (span > MAX_PERIOD_DAYS) return { problem: `the period spans ${span} days; at most ${MAX_PERIOD_DAYS} are allowed` }
  return periodBetween(start, end)
}

function unreadable(name: 'from' | 'to', text: string | undefined): string {
  const shown = JSON.stringify((text ?? '').slice(0, 40))
  return `${name} must be a date written YYYY-MM-DD, e.g. 2026-11-01 (got ${shown})`
}
