import { describe, expect, it } from 'vitest'
import { MAX_CSAT_COMMENT, businessDaysAfter, parseCsat } from '../../../src/core/followup/csat'

describe('parseCsat', () => {
  it.each([
    ['4 good recovery', 4, 'good recovery'],
    ['4', 4, ''],
    ['  5  ', 5, ''],
    ['4/5', 4, ''],
    ['4 / 5 good', 4, 'good'],
    ['4/5: good', 4, 'good'],
    ['4 of 5', 4, ''],
    ['4 OF 5 — slow first reply', 4, 'slow first reply'],
    ['3 out of 5, fine', 3, 'fine'],
    ['5 stars: great', 5, 'great'],
    ['1 star', 1, ''],
    ['2 - slow', 2, 'slow'],
    ['4. good', 4, 'good'],
    ['4 often slow', 4, 'often slow'],
    ['4 of them were slow', 4, 'of them were slow'],
    ['1 starfish', 1, 'starfish'],
    ['4 good\n\nrecovery  overall', 4, 'good recovery overall'],
  ])('%j → %i, %j', (args, rating, comment) => {
    expect(parseCsat(args)).toEqual({ rating, comment })
  })

  it.each([
    ['', 'A rating is missing'],
    ['   ', 'A rating is missing'],
    ['great', 'The rating comes first'],
    ['four', 'The rating comes first'],
    ['4stars', 'The rating comes first'],
    ['4.5', 'whole numbers'],
    ['4,5', 'whole numbers'],
    ['0', '0 is not a rating from 1 to 5'],
    ['6 great', '6 is not a rating from 1 to 5'],
    ['10', '10 is not a rating from 1 to 5'],
    ['99999999', 'That is not a rating from 1 to 5'],
    ['4/10', 'out of 5'],
    ['4 of 10', 'out of 5'],
    ['-1', 'The rating comes first'],
  ])('%j is refused: %s, naming the accepted form', (args, words) => {
    const result = parseCsat(args)
    expect(result).toHaveProperty('problem')
    const problem = (result as { problem: string }).problem
    expect(problem).toContain(words)
    expect(problem).toContain('`/csat 4`, `/csat 4/5` or `/csat 4 of 5`')
  })

  it(`keeps at most ${MAX_CSAT_COMMENT} characters of comment`, () => {
    const result = parseCsat(`5 ${'very good '.repeat(1000)}`) as { comment: string }
    expect(result.comment.length).toBeLessThanOrEqual(MAX_CSAT_COMMENT)
    expect(result.comment.endsWith('…')).toBe(true)
  })
})

const at = (iso: string) => new Date(iso)

describe('businessDaysAfter', () => {
  it('counts Monday to Friday, skipping weekends, at the same local time', () => {
    // Wednesday 2026-12-02 10:00 in New York (EST, UTC-5).
    const wednesday = at('2026-12-02T15:00:00Z')
    expect(businessDaysAfter(wednesday, 1, 'America/New_York')).toEqual(at('2026-12-03T15:00:00Z'))
    expect(businessDaysAfter(wednesday, 2, 'America/New_York')).toEqual(at('2026-12-04T15:00:00Z'))
    expect(businessDaysAfter(wednesday, 3, 'America/New_York')).toEqual(at('2026-12-07T15:00:00Z'))
    expect(businessDaysAfter(wednesday, 5, 'America/New_York')).toEqual(at('2026-12-09T15:00:00Z'))
    expect(businessDaysAfter(wednesday, 10, 'America/New_York')).toEqual(at('2026-12-16T15:00:00Z'))
  })

  it('from a weekend, the first working day is the next Monday', () => {
    const saturday = at('2026-12-05T15:00:00Z')
    expect(businessDaysAfter(saturday, 1, 'America/New_York')).toEqual(at('2026-12-07T15:00:00Z'))
    expect(businessDaysAfter(at('2026-12-06T15:00:00Z'), 2, 'America/New_York')).toEqual(at('2026-12-08T15:00:00Z'))
  })

  it('the weekday is the local one: Friday evening in New York is Saturday in UTC', () => {
    // Friday 2026-12-04 21:00 EST = Saturday 02:00 UTC: one working day later is Monday 21:00 EST.
    expect(businessDaysAfter(at('2026-12-05T02:00:00Z'), 1, 'America/New_York')).toEqual(at('2026-12-08T02:00:00Z'))
    expect(businessDaysAfter(at('2026-12-05T02:00:00Z'), 1, 'UTC')).toEqual(at('2026-12-07T02:00:00Z'))
  })

  it('keeps the local time across a DST change (Europe/Berlin spring, New York autumn)', () => {
    // Friday 2026-03-27 10:00 CET (09:00Z); clocks go forward on Sunday 29 March: Monday 10:00 CEST is 08:00Z.
    expect(businessDaysAfter(at('2026-03-27T09:00:00Z'), 1, 'Europe/Berlin')).toEqual(at('2026-03-30T08:00:00Z'))
    // Friday 2026-10-30 09:00 EDT (13:00Z); clocks go back on Sunday 1 November: Monday 09:00 EST is 14:00Z.
    expect(businessDaysAfter(at('2026-10-30T13:00:00Z'), 1, 'America/New_York')).toEqual(at('2026-11-02T14:00:00Z'))
  })

  it('a local time the change skips moves forward by the gap', () => {
    // Santiago springs forward at 24:00 on Saturday 2026-09-05: 00:30 on Sunday does not exist. Workdays include Sunday.
    const result = businessDaysAfter(at('2026-09-05T04:30:00Z'), 1, 'America/Santiago', [7])
    expect(result).toEqual(at('2026-09-06T04:30:00Z'))
  })

  it('other working weeks, as ISO weekdays', () => {
    // Sunday to Thursday: Thursday 2026-12-03 09:00 in Dubai (05:00Z) → Sunday 2026-12-06.
    expect(businessDaysAfter(at('2026-12-03T05:00:00Z'), 1, 'Asia/Dubai', [7, 1, 2, 3, 4])).toEqual(at('2026-12-06T05:00:00Z'))
    expect(businessDaysAfter(at('2026-12-03T05:00:00Z'), 2, 'Asia/Dubai', [1])).toEqual(at('2026-12-14T05:00:00Z'))
  })

  it('0 days is the start itself; bad input is refused', () => {
    const start = at('2026-12-05T15:00:00Z')
    expect(businessDaysAfter(start, 0, 'Europe/Berlin')).toEqual(start)
    expect(() => businessDaysAfter(start, 1, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => businessDaysAfter(start, 1, 'UTC', [])).toThrow(RangeError)
    expect(() => businessDaysAfter(start, 1, 'UTC', [0, 8])).toThrow(RangeError)
    expect(() => businessDaysAfter(start, -1, 'UTC')).toThrow(RangeError)
    expect(() => businessDaysAfter(start, 1.5, 'UTC')).toThrow(RangeError)
  })
})
