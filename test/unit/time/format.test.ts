import { describe, expect, it } from 'vitest'
import type { Calendar } from '../../../src/config/types'
import { formatDue, formatInZone } from '../../../src/core/time/format'

const hours = (timeZone: string): Calendar => ({
  kind: 'business-hours',
  timeZone,
  days: [1, 2, 3, 4, 5],
  startMinute: 540,
  endMinute: 1020,
})
const at = (iso: string): Date => new Date(iso)

describe('formatInZone', () => {
  it('uses the short zone name people know', () => {
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'America/Los_Angeles')).toBe('2026-11-24 01:30 PST')
    expect(formatInZone(at('2026-07-24T09:30:00Z'), 'America/Los_Angeles')).toBe('2026-07-24 02:30 PDT')
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'Europe/Berlin')).toBe('2026-11-24 10:30 CET')
    expect(formatInZone(at('2026-07-24T09:30:00Z'), 'Europe/Berlin')).toBe('2026-07-24 11:30 CEST')
    expect(formatInZone(at('2026-07-24T09:30:00Z'), 'Europe/London')).toBe('2026-07-24 10:30 BST')
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'UTC')).toBe('2026-11-24 09:30 UTC')
  })

  it('falls back to a UTC offset where no abbreviation is in common use', () => {
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-24 15:00 UTC+5:30')
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'America/Santiago')).toBe('2026-11-24 06:30 UTC-3')
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-24 18:30 UTC+9')
  })

  it('shows UTC for a zone it does not know', () => {
    expect(formatInZone(at('2026-11-24T09:30:00Z'), 'Mars/Olympus')).toBe('2026-11-24 09:30 UTC')
  })
})

describe('formatDue', () => {
  it('is UTC only on 24x7 calendars and UTC calendars', () => {
    expect(formatDue(at('2026-11-24T09:30:00Z'), { kind: '24x7' })).toBe('2026-11-24 09:30 UTC')
    expect(formatDue(at('2026-11-24T09:30:00Z'), hours('Etc/UTC'))).toBe('2026-11-24 09:30 UTC')
  })

  it('adds the calendar time on the same date', () => {
    expect(formatDue(at('2026-11-24T09:30:00Z'), hours('America/Los_Angeles'))).toBe('2026-11-24 09:30 UTC (01:30 PST)')
    expect(formatDue(at('2026-11-24T09:30:00Z'), hours('Europe/Berlin'))).toBe('2026-11-24 09:30 UTC (10:30 CET)')
  })

  it('names the local date when it differs from the UTC one', () => {
    expect(formatDue(at('2026-11-24T06:30:00Z'), hours('America/Los_Angeles'))).toBe('2026-11-24 06:30 UTC (Mon 23 Nov 22:30 PST)')
    expect(formatDue(at('2026-11-24T20:00:00Z'), hours('Asia/Tokyo'))).toBe('2026-11-24 20:00 UTC (Wed 25 Nov 05:00 UTC+9)')
  })
})
