import { describe, expect, it } from 'vitest'
import { parseTimeExpression, TIME_FORMS, type TimeParse } from '../../../src/core/time/parse-time'

// Tuesday 24 November 2026, 12:00 UTC = 04:00 in Los Angeles, 13:00 in Berlin.
const NOW = new Date('2026-11-24T12:00:00Z')

function parsed(text: string, defaultZone = 'UTC', now = NOW): string {
  const result: TimeParse = parseTimeExpression(text, now, defaultZone)
  if (!result.ok) throw new Error(`refused ${JSON.stringify(text)}: ${result.problem}`)
  return result.at.toISOString()
}

function problem(text: string): string {
  const result = parseTimeExpression(text, NOW, 'UTC')
  if (result.ok) throw new Error(`accepted ${JSON.stringify(text)} as ${result.at.toISOString()}`)
  return result.problem
}

describe('parseTimeExpression', () => {
  it('reads ISO 8601 and dated times, with zones and offsets', () => {
    expect(parsed('2026-11-24T16:00Z')).toBe('2026-11-24T16:00:00.000Z')
    expect(parsed('2026-11-24T16:00:30.250z')).toBe('2026-11-24T16:00:30.000Z')
    expect(parsed('2026-11-24T16:00+01:00')).toBe('2026-11-24T15:00:00.000Z')
    expect(parsed('2026-11-24T16:00-0800')).toBe('2026-11-25T00:00:00.000Z')
    expect(parsed('2026-11-24 16:00 UTC')).toBe('2026-11-24T16:00:00.000Z')
    expect(parsed('2026-11-24 16:00 +02:00')).toBe('2026-11-24T14:00:00.000Z')
    expect(parsed('2026-11-24 16:00 Europe/Berlin')).toBe('2026-11-24T15:00:00.000Z')
    expect(parsed('2026-07-24 16:00 Europe/Berlin')).toBe('2026-07-24T14:00:00.000Z')
    expect(parsed('2026-11-24T16:00', 'America/Los_Angeles')).toBe('2026-11-25T00:00:00.000Z')
  })

  it('reads a time of day as today in its zone, past or not', () => {
    expect(parsed('16:00')).toBe('2026-11-24T16:00:00.000Z')
    expect(parsed('09:00')).toBe('2026-11-24T09:00:00.000Z')
    expect(parsed('11:00 UTC today')).toBe('2026-11-24T11:00:00.000Z')
    expect(parsed('today 11:00 gmt')).toBe('2026-11-24T11:00:00.000Z')
    expect(parsed('16:00 europe/berlin')).toBe('2026-11-24T15:00:00.000Z')
    expect(parsed('16:00 Z')).toBe('2026-11-24T16:00:00.000Z')
    expect(parsed('16:00', 'America/Los_Angeles')).toBe('2026-11-25T00:00:00.000Z')
    // 02:00 UTC on the 24th is still the 23rd in Los Angeles: "today" is the 23rd there.
    expect(parsed('20:00', 'America/Los_Angeles', new Date('2026-11-24T02:00:00Z'))).toBe('2026-11-24T04:00:00.000Z')
  })

  it('reads tomorrow and weekdays (today included) in the zone of the time', () => {
    expect(parsed('tomorrow 09:00')).toBe('2026-11-25T09:00:00.000Z')
    expect(parsed('tomorrow at 09:00 PST')).toBe('2026-11-25T17:00:00.000Z')
    expect(parsed('09:00 tomorrow', 'Europe/Berlin')).toBe('2026-11-25T08:00:00.000Z')
    expect(parsed('friday 17:00')).toBe('2026-11-27T17:00:00.000Z')
    expect(parsed('Fri 17:00 CET')).toBe('2026-11-27T16:00:00.000Z')
    expect(parsed('monday 09:00 Europe/Berlin')).toBe('2026-11-30T08:00:00.000Z')
    expect(parsed('tuesday 17:00')).toBe('2026-11-24T17:00:00.000Z')
    expect(parsed('tuesday 08:00')).toBe('2026-11-24T08:00:00.000Z')
  })

  it('reads relative durations', () => {
    expect(parsed('in 2h')).toBe('2026-11-24T14:00:00.000Z')
    expect(parsed('in 90m')).toBe('2026-11-24T13:30:00.000Z')
    expect(parsed('in 1h30m')).toBe('2026-11-24T13:30:00.000Z')
    expect(parsed('in 2d')).toBe('2026-11-26T12:00:00.000Z')
    expect(parsed('IN 1 hour and 30 minutes')).toBe('2026-11-24T13:30:00.000Z')
  })

  it('reads zones as offsets, abbreviations and generic US names', () => {
    expect(parsed('16:00 -0800')).toBe('2026-11-25T00:00:00.000Z')
    expect(parsed('16:00 UTC+5:30')).toBe('2026-11-24T10:30:00.000Z')
    expect(parsed('16:00 GMT-8')).toBe('2026-11-25T00:00:00.000Z')
    expect(parsed('16:00 IST')).toBe('2026-11-24T10:30:00.000Z')
    expect(parsed('16:00 EDT')).toBe('2026-11-24T20:00:00.000Z')
    // PT follows DST: PDT in July, PST in November.
    expect(parsed('2026-07-01 09:00 PT')).toBe('2026-07-01T16:00:00.000Z')
    expect(parsed('2026-11-24 09:00 PT')).toBe('2026-11-24T17:00:00.000Z')
  })

  it('reads 12-hour times and ignores closing punctuation', () => {
    expect(parsed('5pm')).toBe('2026-11-24T17:00:00.000Z')
    expect(parsed('5:30 PM UTC.')).toBe('2026-11-24T17:30:00.000Z')
    expect(parsed('12am')).toBe('2026-11-24T00:00:00.000Z')
    expect(parsed('12pm')).toBe('2026-11-24T12:00:00.000Z')
  })

  it('accepts every form it advertises', () => {
    for (const form of TIME_FORMS) expect(parseTimeExpression(form, NOW, 'UTC').ok, form).toBe(true)
  })

  it('refuses garbage with a useful problem', () => {
    expect(problem('')).toBe('it is empty')
    expect(problem('soon')).toContain('"soon" is not a time of day (HH:MM)')
    expect(problem('tomorrow')).toContain('no time of day')
    expect(problem('2026-11-24')).toContain('no time of day')
    expect(problem('25:00')).toContain('is not a time of day (00:00–23:59)')
    expect(problem('12:60')).toContain('is not a time of day')
    expect(problem('13pm')).toContain('is not a time of day')
    expect(problem('2026-02-30 10:00')).toBe('2026-02-30 is not a date')
    expect(problem('16:00 Mars/Olympus')).toContain('"mars/olympus" is not a time zone')
    expect(problem('16:00 +25:00')).toContain('is not a time zone')
    expect(problem('in 2x')).toContain('is not a duration such as in 2h')
    expect(problem('in')).toContain('is not a duration')
    expect(problem('in 2h2h')).toContain('is not a duration')
    expect(problem('16:00Z UTC')).toContain('names two time zones')
    expect(problem('today tomorrow 10:00')).toContain('names two days')
    expect(problem('10:00 11:00')).toContain('names two times of day')
    expect(problem('1'.repeat(5000))).toContain('longer than')
  })
})
