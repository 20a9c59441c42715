import { describe, expect, it } from 'vitest'
import type { Calendar } from '../../../src/config/types'
import { mulberry32 } from '../../seeded-random'
import { addSlaMinutes, slaMinutesBetween, type Pause } from '../../../src/core/time/sla-clock'

/** Seeded, so every run checks the same cases. */
const seeded = mulberry32

const CALENDARS: Calendar[] = [
  { kind: '24x7' },
  { kind: 'business-hours', timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 },
  { kind: 'business-hours', timeZone: 'America/Santiago', days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 480 },
  { kind: 'business-hours', timeZone: 'America/Los_Angeles', days: [1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 },
  { kind: 'business-hours', timeZone: 'Europe/Berlin', days: [7], startMinute: 120, endMinute: 210 },
  { kind: 'business-hours', timeZone: 'Asia/Kolkata', days: [1, 3, 5], startMinute: 570, endMinute: 1080 },
]

const MINUTE = 60_000
// 2026 holds every DST change the calendars above know; start times run through all of it.
const YEAR_START = Date.UTC(2026, 0, 1)
const YEAR_MINUTES = 365 * 24 * 60

function randomCase(random: () => number): { calendar: Calendar; start: Date; pauses: Pause[] } {
  const pick = (n: number): number => Math.floor(random() * n)
  const calendar = CALENDARS[pick(CALENDARS.length)] ?? { kind: '24x7' }
  const start = YEAR_START + pick(YEAR_MINUTES) * MINUTE
  const pauses = Array.from({ length: pick(5) }, () => {
    const from = start + (pick(20_000) - 2_000) * MINUTE
    return { start: new Date(from), end: new Date(from + pick(5_000) * MINUTE) }
  })
  return { calendar, start: new Date(start), pauses }
}

describe('SLA clock properties (seeded random cases)', () => {
  it('measures back exactly the minutes it added', () => {
    const random = seeded(20260906)
    for (let n = 0; n < 400; n++) {
      const { calendar, start, pauses } = randomCase(random)
      const minutes = Math.floor(random() * 6_000)
      const due = addSlaMinutes(start, minutes, calendar, pauses)
      expect(due >= start, `case ${n}`).toBe(true)
      expect(slaMinutesBetween(start, due, calendar, pauses), `case ${n}`).toBe(minutes)
    }
  })

  it('adds back to the earliest instant with the elapsed count, never later than the end', () => {
    const random = seeded(7)
    for (let n = 0; n < 400; n++) {
      const { calendar, start, pauses } = randomCase(random)
      const end = new Date(start.getTime() + Math.floor(random() * 20_000) * MINUTE)
      const elapsed = slaMinutesBetween(start, end, calendar, pauses)
      const back = addSlaMinutes(start, elapsed, calendar, pauses)
      expect(back <= end || elapsed === 0, `case ${n}`).toBe(true)
      expect(slaMinutesBetween(start, back, calendar, pauses), `case ${n}`).toBe(elapsed)
      // Nothing counts between that instant and the end: the clock was stopped.
      expect(slaMinutesBetween(back, end, calendar, pauses), `case ${n}`).toBe(0)
    }
  })

  it('splits at any midpoint and flips sign when reversed', () => {
    const random = seeded(42)
    for (let n = 0; n < 300; n++) {
      const { calendar, start, pauses } = randomCase(random)
      const middle = new Date(start.getTime() + Math.floor(random() * 10_000) * MINUTE)
      const end = new Date(middle.getTime() + Math.floor(random() * 10_000) * MINUTE)
      const whole = slaMinutesBetween(start, end, calendar, pauses)
      const parts = slaMinutesBetween(start, middle, calendar, pauses) + slaMinutesBetween(middle, end, calendar, pauses)
      expect(parts, `case ${n}`).toBe(whole)
      expect(slaMinutesBetween(end, start, calendar, pauses), `case ${n}`).toBe(-whole || 0)
      expect(whole, `case ${n}`).toBeLessThanOrEqual((end.getTime() - start.getTime()) / MINUTE)
    }
  })
})
