import type { Calendar } from '../../config/types'
import { localParts, zonedInstant } from './zoned'

const MINUTE = 60_000

/** Working windows are at most one a day, so a year of them bounds every loop below. */
const MAX_DAYS = 400

interface Window {
  start: Date
  end: Date
}

/** The first working window that ends after `from` (it may already have started). */
function nextWindow(from: Date, calendar: Extract<Calendar, { kind: 'business-hours' }>): Window | null {
  const here = localParts(from, calendar.timeZone)
  for (let offset = 0; offset < MAX_DAYS; offset++) {
    const noonUtc = Date.UTC(here.year, here.month - 1, here.day + offset, 12)
    const day = localParts(new Date(noonUtc), 'UTC')
    const weekday = ((here.weekday - 1 + offset) % 7) + 1
    if (!calendar.days.includes(weekday)) continue
    const start = zonedInstant(day.year, day.month, day.day, calendar.startMinute, calendar.timeZone)
    const end = zonedInstant(day.year, day.month, day.day, calendar.endMinute, calendar.timeZone)
    if (end > from) return { start: start > from ? start : from, end }
  }
  return null
}

/** The instant `minutes` of SLA time after `start`: wall time 24x7, or only working hours. */
export function addSlaMinutes(start: Date, minutes: number, calendar: Calendar): Date {
  if (calendar.kind === '24x7' || calendar.days.length === 0) return new Date(start.getTime() + minutes * MINUTE)
  let cursor = start
  let remaining = minutes
  for (let step = 0; step < MAX_DAYS; step++) {
    const window = nextWindow(cursor, calendar)
    if (!window) break
    const available = (window.end.getTime() - window.start.getTime()) / MINUTE
    if (remaining <= available) return new Date(window.start.getTime() + remaining * MINUTE)
    remaining -= available
    cursor = window.end
  }
  return new Date(cursor.getTime() + remaining * MINUTE)
}

/** SLA minutes elapsed between two instants (negative when `to` is before `from`). */
export function slaMinutesBetween(from: Date, to: Date, calendar: Calendar): number {
  if (to < from) return -slaMinutesBetween(to, from, calendar)
  if (calendar.kind === '24x7' || calendar.days.length === 0) return (to.getTime() - from.getTime()) / MINUTE
  let cursor = from
  let total = 0
  for (let step = 0; step < MAX_DAYS; step++) {
    const window = nextWindow(cursor, calendar)
    if (!window || window.start >= to) break
    const end = window.end < to ? window.end : to
    total += (end.getTime() - window.start.getTime()) / MINUTE
    cursor = window.end
  }
  return total
}

/** `2026-11-24 09:30 UTC`: absolute, unambiguous for every reader. */
export function formatUtc(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
