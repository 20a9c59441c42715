import type { Calendar } from '../../config/types'
import { calendarWindows, type Span } from './working-windows'

const MINUTE = 60_000

/** A span during which SLA clocks stop (waiting on the customer). Both ends set; callers close an open pause at `now`. */
export interface Pause {
  start: Date
  end: Date
}

/**
 * The instant `minutes` of SLA time after `start`: wall time 24x7, or only working hours, never
 * while paused. Zero minutes is the first instant at or after `start` at which the clock runs;
 * negative minutes count as zero.
 */
export function addSlaMinutes(start: Date, minutes: number, calendar: Calendar, pauses: readonly Pause[] = []): Date {
  let remaining = Math.max(0, minutes) * MINUTE
  if (!Number.isFinite(start.getTime()) || !Number.isFinite(remaining)) return new Date(NaN)
  for (const stretch of runningStretches(start.getTime(), calendar, pauses)) {
    const length = stretch.end - stretch.start
    if (remaining <= length) return new Date(stretch.start + remaining)
    remaining -= length
  }
  return new Date(NaN) // Unreachable: the last stretch never ends.
}

/** SLA minutes elapsed between two instants (negative when `to` is before `from`), paused time excluded. */
export function slaMinutesBetween(from: Date, to: Date, calendar: Calendar, pauses: readonly Pause[] = []): number {
  if (to < from) return -slaMinutesBetween(to, from, calendar, pauses) || 0 // never -0
  const end = to.getTime()
  if (!Number.isFinite(from.getTime()) || !Number.isFinite(end)) return NaN
  let total = 0
  for (const stretch of runningStretches(from.getTime(), calendar, pauses)) {
    if (stretch.start >= end) break
    total += Math.min(stretch.end, end) - stretch.start
  }
  return total / MINUTE
}

/** `2026-11-24 09:30 UTC`: absolute, unambiguous for every reader. */
/** `2026-11-24`: the instant's calendar day in UTC. */
export function utcDate(instant: Date): string {
  return instant.toISOString().slice(0, 10)
}

export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** When the clock runs from `from` on: working windows minus pauses, ordered; the last stretch never ends. */
function runningStretches(from: number, calendar: Calendar, pauses: readonly Pause[]): Generator<Span> {
  return withoutPauses(calendarWindows(from, calendar), normalisePauses(pauses))
}

/** Sorted, merged, non-empty spans: pauses that overlap or arrive unsorted count each paused instant once. */
function normalisePauses(pauses: readonly Pause[]): Span[] {
  const spans = pauses
    .map((pause) => ({ start: pause.start.getTime(), end: pause.end.getTime() }))
    .filter((span) => Number.isFinite(span.start) && Number.isFinite(span.end) && span.end > span.start)
    .sort((a, b) => a.start - b.start)
  const merged: Span[] = []
  for (const span of spans) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push(span)
  }
  return merged
}

/** Both inputs ordered and disjoint: one pass, each pause passed over once. */
function* withoutPauses(windows: Iterable<Span>, pauses: readonly Span[]): Generator<Span> {
  let next = 0
  for (const window of windows) {
    let cursor = window.start
    while (cursor < window.end) {
      while (next < pauses.length && (pauses[next]?.end ?? Infinity) <= cursor) next++
      const pause = pauses[next]
      if (!pause || pause.start >= window.end) {
        yield { start: cursor, end: window.end }
        break
      }
      if (pause.start > cursor) yield { start: cursor, end: pause.start }
      cursor = pause.end
    }
  }
}
