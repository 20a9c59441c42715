import { describe, expect, it } from 'vitest'
import type { Calendar } from '../../../src/config/types'
import { addSlaMinutes, formatUtc, slaMinutesBetween, type Pause } from '../../../src/core/time/sla-clock'

const berlin: Calendar = {
  kind: 'business-hours',
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  startMinute: 9 * 60,
  endMinute: 17 * 60,
}

const at = (iso: string): Date => new Date(iso)
const pause = (start: string, end: string): Pause => ({ start: at(start), end: at(end) })

/** Working hours on Sundays only: every DST change below falls on one, so a ±3-day range isolates it. */
function sundays(timeZone: string, start: string, end: string): Extract<Calendar, { kind: 'business-hours' }> {
  const minute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  return { kind: 'business-hours', timeZone, days: [7], startMinute: minute(start), endMinute: minute(end) }
}

function workingMinutesAround(date: string, calendar: Calendar): number {
  const noon = at(`${date}T12:00:00Z`).getTime()
  return slaMinutesBetween(new Date(noon - 3 * 86_400_000), new Date(noon + 3 * 86_400_000), calendar)
}

describe('SLA clock', () => {
  it('runs on wall time 24x7', () => {
    expect(addSlaMinutes(at('2026-11-24T09:00:00Z'), 90, { kind: '24x7' }).toISOString()).toBe('2026-11-24T10:30:00.000Z')
    expect(slaMinutesBetween(at('2026-11-24T09:00:00Z'), at('2026-11-24T10:30:00Z'), { kind: '24x7' })).toBe(90)
  })

  it('counts only working hours, skipping nights and weekends', () => {
    // Friday 16:00 Berlin (15:00 UTC) + 2h working = Monday 10:00 Berlin (09:00 UTC).
    expect(addSlaMinutes(at('2026-11-27T15:00:00Z'), 120, berlin).toISOString()).toBe('2026-11-30T09:00:00.000Z')
  })

  it('starts the clock at the next opening when filed out of hours', () => {
    // Saturday → Monday 09:00 Berlin + 30m.
    expect(addSlaMinutes(at('2026-11-28T12:00:00Z'), 30, berlin).toISOString()).toBe('2026-11-30T08:30:00.000Z')
  })

  it('follows daylight saving time', () => {
    // Monday 30 March 2026 is after the switch to CEST (UTC+2): 09:00 local = 07:00 UTC.
    expect(addSlaMinutes(at('2026-03-28T12:00:00Z'), 0, berlin).toISOString()).toBe('2026-03-30T07:00:00.000Z')
  })

  it('measures elapsed working minutes', () => {
    expect(slaMinutesBetween(at('2026-11-27T15:00:00Z'), at('2026-11-30T09:00:00Z'), berlin)).toBe(120)
    expect(slaMinutesBetween(at('2026-11-30T09:00:00Z'), at('2026-11-27T15:00:00Z'), berlin)).toBe(-120)
  })

  it('treats negative minutes as zero', () => {
    expect(addSlaMinutes(at('2026-11-24T09:00:00Z'), -30, { kind: '24x7' }).toISOString()).toBe('2026-11-24T09:00:00.000Z')
  })

  it('formats absolute UTC times', () => {
    expect(formatUtc(at('2026-11-24T09:30:12Z'))).toBe('2026-11-24 09:30 UTC')
  })
})

describe('SLA clock across DST changes', () => {
  it('counts 420 minutes for 00:00–08:00 in Santiago when the clock jumps from midnight to 01:00 (2026-09-06)', () => {
    expect(workingMinutesAround('2026-09-06', sundays('America/Santiago', '00:00', '08:00'))).toBe(420)
    // The Sunday before is an ordinary one.
    expect(workingMinutesAround('2026-08-30', sundays('America/Santiago', '00:00', '08:00'))).toBe(480)
  })

  it('starts the Santiago day at 01:00, the first time the clock shows it', () => {
    const calendar = sundays('America/Santiago', '00:00', '08:00')
    // 01:00 -03 = 04:00 UTC; 08:00 -03 = 11:00 UTC; the next Sunday opens at 00:00 -03 = 03:00 UTC.
    expect(addSlaMinutes(at('2026-09-06T00:00:00Z'), 0, calendar).toISOString()).toBe('2026-09-06T04:00:00.000Z')
    expect(addSlaMinutes(at('2026-09-06T00:00:00Z'), 420, calendar).toISOString()).toBe('2026-09-06T11:00:00.000Z')
    expect(addSlaMinutes(at('2026-09-06T00:00:00Z'), 421, calendar).toISOString()).toBe('2026-09-13T03:01:00.000Z')
  })

  it('counts a 25-hour day when Santiago falls back at midnight (2026-04-05 00:00 → 04-04 23:00)', () => {
    const saturdays: Calendar = { ...sundays('America/Santiago', '00:00', '24:00'), days: [6] }
    expect(workingMinutesAround('2026-04-04', saturdays)).toBe(25 * 60)
  })

  it('counts 23- and 25-hour days in Europe/Berlin', () => {
    expect(workingMinutesAround('2026-03-29', sundays('Europe/Berlin', '00:00', '24:00'))).toBe(23 * 60)
    expect(workingMinutesAround('2026-10-25', sundays('Europe/Berlin', '00:00', '24:00'))).toBe(25 * 60)
    expect(workingMinutesAround('2026-03-29', sundays('Europe/Berlin', '00:00', '08:00'))).toBe(420)
    expect(workingMinutesAround('2026-10-25', sundays('Europe/Berlin', '00:00', '08:00'))).toBe(540)
  })

  it('opens a window that starts inside the Berlin gap at the jump, and counts a repeated hour twice', () => {
    // 02:30 never shows on 2026-03-29: the clock goes 01:59 → 03:00, so 02:30–04:00 is one hour.
    expect(workingMinutesAround('2026-03-29', sundays('Europe/Berlin', '02:30', '04:00'))).toBe(60)
    expect(workingMinutesAround('2026-03-29', sundays('Europe/Berlin', '02:00', '02:30'))).toBe(0)
    // 02:00–03:00 shows twice on 2026-10-25: from the first 02:00 to the (only) 03:00.
    expect(workingMinutesAround('2026-10-25', sundays('Europe/Berlin', '02:00', '03:00'))).toBe(120)
  })

  it('counts 23- and 25-hour nights in America/Los_Angeles', () => {
    expect(workingMinutesAround('2026-03-08', sundays('America/Los_Angeles', '00:00', '08:00'))).toBe(420)
    expect(workingMinutesAround('2026-11-01', sundays('America/Los_Angeles', '00:00', '08:00'))).toBe(540)
    // 09:00 PDT = 16:00 UTC before; 09:00 PST = 17:00 UTC after.
    const calendar = sundays('America/Los_Angeles', '09:00', '17:00')
    expect(addSlaMinutes(at('2026-10-31T12:00:00Z'), 0, calendar).toISOString()).toBe('2026-11-01T17:00:00.000Z')
    expect(addSlaMinutes(at('2026-03-07T12:00:00Z'), 0, calendar).toISOString()).toBe('2026-03-08T16:00:00.000Z')
  })
})

describe('SLA clock pauses', () => {
  const day = { kind: '24x7' } as const

  it('stops a 24x7 clock during a pause', () => {
    const pauses = [pause('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z')]
    expect(slaMinutesBetween(at('2026-11-24T09:00:00Z'), at('2026-11-24T12:00:00Z'), day, pauses)).toBe(120)
    expect(addSlaMinutes(at('2026-11-24T09:00:00Z'), 90, day, pauses).toISOString()).toBe('2026-11-24T11:30:00.000Z')
  })

  it('ignores pauses outside working hours', () => {
    // Tuesday night in Berlin and the weekend: nothing to stop.
    const pauses = [pause('2026-11-24T18:00:00Z', '2026-11-25T06:00:00Z'), pause('2026-11-28T00:00:00Z', '2026-11-29T22:00:00Z')]
    expect(slaMinutesBetween(at('2026-11-24T08:00:00Z'), at('2026-11-30T16:00:00Z'), berlin, pauses)).toBe(5 * 480)
  })

  it('subtracts pauses inside working hours', () => {
    // Tuesday 11:00–12:30 Berlin.
    const pauses = [pause('2026-11-24T10:00:00Z', '2026-11-24T11:30:00Z')]
    expect(slaMinutesBetween(at('2026-11-24T08:00:00Z'), at('2026-11-24T16:00:00Z'), berlin, pauses)).toBe(480 - 90)
    // 3h after 09:00 lands at 12:00, plus the 90-minute pause: 13:30 Berlin.
    expect(addSlaMinutes(at('2026-11-24T08:00:00Z'), 180, berlin, pauses).toISOString()).toBe('2026-11-24T12:30:00.000Z')
  })

  it('subtracts only the working part of pauses that straddle opening or closing', () => {
    // 07:00–10:00 Berlin (one working hour) and 16:30–20:00 Berlin (half an hour).
    const pauses = [pause('2026-11-24T06:00:00Z', '2026-11-24T09:00:00Z'), pause('2026-11-24T15:30:00Z', '2026-11-24T19:00:00Z')]
    expect(slaMinutesBetween(at('2026-11-24T00:00:00Z'), at('2026-11-25T00:00:00Z'), berlin, pauses)).toBe(480 - 60 - 30)
    // Filed at 08:00 Berlin during the pause: the clock starts at 10:00.
    expect(addSlaMinutes(at('2026-11-24T07:00:00Z'), 0, berlin, pauses).toISOString()).toBe('2026-11-24T09:00:00.000Z')
  })

  it('skips pauses across days, and one that outlasts the range', () => {
    // Tuesday 16:00 Berlin until Thursday 10:00 Berlin.
    const pauses = [pause('2026-11-24T15:00:00Z', '2026-11-26T09:00:00Z')]
    expect(addSlaMinutes(at('2026-11-24T14:00:00Z'), 120, berlin, pauses).toISOString()).toBe('2026-11-26T10:00:00.000Z')
    expect(slaMinutesBetween(at('2026-11-24T14:00:00Z'), at('2026-11-25T12:00:00Z'), berlin, pauses)).toBe(60)
  })

  it('merges overlapping, unsorted and empty pauses, counting each paused minute once', () => {
    const pauses = [
      pause('2026-11-24T10:30:00Z', '2026-11-24T12:00:00Z'),
      pause('2026-11-24T09:00:00Z', '2026-11-24T09:15:00Z'),
      pause('2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'),
      pause('2026-11-24T11:00:00Z', '2026-11-24T11:30:00Z'),
      pause('2026-11-24T13:00:00Z', '2026-11-24T13:00:00Z'),
      pause('2026-11-24T14:00:00Z', '2026-11-24T13:00:00Z'),
    ]
    // Paused 09:00–09:15 and 10:00–12:00 UTC: 135 of the 480 working minutes.
    expect(slaMinutesBetween(at('2026-11-24T08:00:00Z'), at('2026-11-24T16:00:00Z'), berlin, pauses)).toBe(480 - 135)
    expect(slaMinutesBetween(at('2026-11-24T16:00:00Z'), at('2026-11-24T08:00:00Z'), berlin, pauses)).toBe(-(480 - 135))
  })

  it('stays fast and finite on extreme input', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => {
      const start = Date.UTC(2026, 0, 1) + i * 600_000
      return { start: new Date(start), end: new Date(start + 300_000) }
    })
    // Every other five minutes paused for 69 days: half of the 42 working days of January and February.
    expect(slaMinutesBetween(at('2026-01-01T00:00:00Z'), at('2026-03-01T00:00:00Z'), berlin, many)).toBe((42 * 480) / 2)
    const far = addSlaMinutes(at('2026-01-01T00:00:00Z'), 1e9, berlin, [pause('2026-01-01T00:00:00Z', '2036-01-01T00:00:00Z')])
    expect(Number.isFinite(far.getTime())).toBe(true)
    expect(slaMinutesBetween(at('2026-01-01T00:00:00Z'), far, berlin, [pause('2026-01-01T00:00:00Z', '2036-01-01T00:00:00Z')])).toBe(1e9)
    expect(Number.isNaN(addSlaMinutes(at('nonsense'), 10, berlin).getTime())).toBe(true)
  })
})
