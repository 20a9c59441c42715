import { describe, expect, it } from 'vitest'
import type { Calendar } from '../../../src/config/types'
import { addSlaMinutes, formatUtc, slaMinutesBetween } from '../../../src/core/time/sla-clock'

const berlin: Calendar = {
  kind: 'business-hours',
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
}

describe('SLA clock', () => {
  it('runs on wall time 24x7', () => {
    expect(addSlaMinutes(new Date('2026-11-24T09:00:00Z'), 90, { kind: '24x7' }).toISOString()).toBe('2026-11-24T10:30:00.000Z')
  })

  it('counts only working hours, skipping nights and weekends', () => {
    // Friday 16:00 Berlin (15:00 UTC) + 2h working = Monday 10:00 Berlin (09:00 UTC).
    expect(addSlaMinutes(new Date('2026-11-27T15:00:00Z'), 120, berlin).toISOString()).toBe('2026-11-30T09:00:00.000Z')
  })

  it('starts the clock at the next opening when filed out of hours', () => {
    // Saturday → Monday 09:00 Berlin + 30m.
    expect(addSlaMinutes(new Date('2026-11-28T12:00:00Z'), 30, berlin).toISOString()).toBe('2026-11-30T08:30:00.000Z')
  })

  it('follows daylight saving time', () => {
    // Monday 30 March 2026 is after the switch to CEST (UTC+2): 09:00 local = 07:00 UTC.
    expect(addSlaMinutes(new Date('2026-03-28T12:00:00Z'), 0, berlin).toISOString()).toBe('2026-03-30T07:00:00.000Z')
  })

  it('measures elapsed working minutes', () => {
    expect(slaMinutesBetween(new Date('2026-11-27T15:00:00Z'), new Date('2026-11-30T09:00:00Z'), berlin)).toBe(120)
    expect(slaMinutesBetween(new Date('2026-11-30T09:00:00Z'), new Date('2026-11-27T15:00:00Z'), berlin)).toBe(-120)
  })

  it('formats absolute UTC times', () => {
    expect(formatUtc(new Date('2026-11-24T09:30:12Z'))).toBe('2026-11-24 09:30 UTC')
  })
})
