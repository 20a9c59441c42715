import { DateTime, IANAZone } from 'luxon'
import type { Calendar } from '../../config/types'

/** Milliseconds since the epoch; `end` may be `Infinity`. */
export interface Span {
  start: number
  end: number
}

type BusinessHours = Extract<Calendar, { kind: 'business-hours' }>

const DAY = 86_400_000
const MINUTES_PER_DAY = 1440

/**
 * Working windows are at most one a day, so a horizon of this many days bounds every loop. Past it
 * the clock runs on wall time: an SLA that outlives a year of working days has long been breached.
 */
export const MAX_DAYS = 400

/**
 * The calendar's working time from `from` on, as ordered, disjoint spans; the last one never ends
 * (24x7 calendars are a single such span). Finite: at most MAX_DAYS + 1 spans.
 */
export function* calendarWindows(from: number, calendar: Calendar): Generator<Span> {
  if (calendar.kind === '24x7' || calendar.days.length === 0) {
    yield { start: from, end: Infinity }
    return
  }
  const horizon = from + MAX_DAYS * DAY
  const zone = zoneOf(calendar.timeZone)
  const here = DateTime.fromMillis(from, { zone })
  // Local dates as days since 1970-01-01: plain calendar counting, no zone involved.
  const firstDay = Date.UTC(here.year, here.month - 1, here.day) / DAY
  for (let day = firstDay; day <= firstDay + MAX_DAYS; day++) {
    if (!calendar.days.includes(isoWeekday(day))) continue
    const window = windowOn(day, calendar, zone)
    const start = Math.max(window.start, from)
    const end = Math.min(window.end, horizon)
    if (start < end) yield { start, end }
    if (window.end >= horizon) break
  }
  yield { start: Math.max(from, horizon), end: Infinity }
}

function zoneOf(timeZone: string): IANAZone {
  const zone = IANAZone.create(timeZone)
  // The configuration check refuses unknown zones; reaching here with one is a programming error.
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`)
  return zone
}

/** 1970-01-01 was a Thursday (ISO weekday 4). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1
}

/** Windows repeat across issues and sweeps; a bounded memo keeps Luxon off the hot path. */
const windows = new Map<string, Span>()
const MAX_MEMO = 20_000

function windowOn(day: number, calendar: BusinessHours, zone: IANAZone): Span {
  const key = `${zone.name} ${day} ${calendar.startMinute} ${calendar.endMinute}`
  let window = windows.get(key)
  if (!window) {
    if (windows.size >= MAX_MEMO) windows.clear()
    window = { start: boundary(day, calendar.startMinute, zone), end: boundary(day, calendar.endMinute, zone) }
    windows.set(key, window)
  }
  return window
}

/** `minuteOfDay` may reach past midnight (24:00 closes a day at the next one's start). */
function boundary(day: number, minuteOfDay: number, zone: IANAZone): number {
  const date = DateTime.fromMillis((day + Math.floor(minuteOfDay / MINUTES_PER_DAY)) * DAY, { zone: 'utc' })
  return firstInstantShowing(date, minuteOfDay % MINUTES_PER_DAY, zone)
}

/**
 * The first instant at which the zone's clock shows `minute` (or later) on `date`. That rule makes
 * DST days count what the clock shows: a boundary the clock skips (spring forward) falls on the
 * jump itself; a boundary the clock shows twice (fall back) is its first showing.
 */
function firstInstantShowing(date: DateTime, minute: number, zone: IANAZone): number {
  const wall = { year: date.year, month: date.month, day: date.day, hour: Math.floor(minute / 60), minute: minute % 60 }
  const local = DateTime.fromObject(wall, { zone })
  const skipped = local.day !== wall.day || local.hour !== wall.hour || local.minute !== wall.minute
  if (skipped) return gapEnd(local)
  return Math.min(...local.getPossibleOffsets().map((candidate) => candidate.toMillis()))
}

/**
 * Luxon moves a skipped wall time forward past the gap; the clock first shows a time at least as
 * late at the transition itself, found by bisecting on the zone's offset (gaps last at most a day).
 */
function gapEnd(local: DateTime): number {
  let before = local.toMillis() - DAY
  let after = local.toMillis()
  if (local.zone.offset(before) === local.offset) return after
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2)
    if (local.zone.offset(middle) === local.offset) after = middle
    else before = middle
  }
  return after
}
