import { describe, expect, it } from 'vitest'
import { periodDays, periodOf } from '../../../src/core/report/period'

const now = new Date('2026-11-24T10:00:00Z')
const iso = (result: ReturnType<typeof periodOf>) =>
  'problem' in result ? result : { from: result.from.toISOString(), to: result.to.toISOString(), label: result.label }

describe('periodOf', () => {
  it('defaults to the 30 days up to now', () => {
    expect(iso(periodOf({ now }))).toEqual({
      from: '2026-10-25T10:00:00.000Z',
      to: '2026-11-24T10:00:00.000Z',
      label: '2026-10-25 – 2026-11-24',
    })
  })

  it('takes a number of days up to now', () => {
    expect(iso(periodOf({ now, days: 7 }))).toEqual({
      from: '2026-11-17T10:00:00.000Z',
      to: '2026-11-24T10:00:00.000Z',
      label: '2026-11-17 – 2026-11-24',
    })
  })

  it('takes from and to as UTC days, to included', () => {
    expect(iso(periodOf({ now, days: 7, from: '2026-11-01', to: '2026-11-30' }))).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      label: '2026-11-01 – 2026-11-30',
    })
  })

  it('takes a single day', () => {
    expect(iso(periodOf({ now, from: '2026-11-03', to: '2026-11-03' }))).toEqual({
      from: '2026-11-03T00:00:00.000Z',
      to: '2026-11-04T00:00:00.000Z',
      label: '2026-11-03 – 2026-11-03',
    })
  })

  it('counts the days back from to when only to is given', () => {
    expect(iso(periodOf({ now, to: '2026-11-30' }))).toMatchObject({ from: '2026-11-01T00:00:00.000Z', label: '2026-11-01 – 2026-11-30' })
    expect(iso(periodOf({ now, days: 1, to: '2026-11-30' }))).toMatchObject({
      from: '2026-11-30T00:00:00.000Z',
      label: '2026-11-30 – 2026-11-30',
    })
  })

  it('runs from a day up to now when only from is given, whatever the days', () => {
    expect(iso(periodOf({ now, days: 3, from: '2026-11-01' }))).toEqual({
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-11-24T10:00:00.000Z',
      label: '2026-11-01 – 2026-11-24',
    })
  })

  it('accepts a whole leap year', () => {
    expect(iso(periodOf({ now, from: '2024-01-01', to: '2024-12-31' }))).toMatchObject({ label: '2024-01-01 – 2024-12-31' })
    expect(iso(periodOf({ now, days: 366 }))).toMatchObject({ label: '2025-11-23 – 2026-11-24' })
  })

  it('refuses dates it cannot read, naming the input', () => {
    for (const text of ['2026-13-01', '2026-02-30', '11/01/2026', '2026-1-1', '', 'yesterday']) {
      const result = periodOf({ now, from: text, to: '2026-11-30' })
      expect(result).toEqual({ problem: `from must be a date written YYYY-MM-DD, e.g. 2026-11-01 (got ${JSON.stringify(text)})` })
    }
    expect(periodOf({ now, to: '2026-11-31' })).toEqual({
      problem: 'to must be a date written YYYY-MM-DD, e.g. 2026-11-01 (got "2026-11-31")',
    })
  })

  it('accepts surrounding spaces', () => {
    expect(iso(periodOf({ now, from: ' 2026-11-01 ', to: '2026-11-02\n' }))).toMatchObject({ label: '2026-11-01 – 2026-11-02' })
  })

  it('refuses from after to, or after today', () => {
    expect(periodOf({ now, from: '2026-11-30', to: '2026-11-01' })).toEqual({
      problem: 'the period starts after it ends: from 2026-11-30 is after to 2026-11-01',
    })
    expect(periodOf({ now, from: '2026-12-01' })).toEqual({
      problem: 'the period starts after it ends: from 2026-12-01 is after today (2026-11-24)',
    })
  })

  it('refuses more than 366 days', () => {
    expect(periodOf({ now, from: '2025-01-01', to: '2026-01-02' })).toEqual({
      problem: 'the period spans 367 days; at most 366 are allowed',
    })
    expect(periodOf({ now, from: '2020-01-01' })).toMatchObject({ problem: expect.stringContaining('at most 366') })
  })

  it('refuses a number of days that is not a whole 1 to 366', () => {
    for (const days of [0, -3, 1.5, 367, Number.NaN]) {
      expect(periodOf({ now, days })).toEqual({ problem: `the period must be a whole number of days from 1 to 366 (got ${days})` })
    }
  })
})

describe('periodDays', () => {
  it('names the last day touched, the end being exclusive', () => {
    const period = periodOf({ now: new Date('2026-11-24T00:00:00Z'), days: 2 })
    expect('problem' in period ? period : periodDays(period)).toEqual({ first: '2026-11-22', last: '2026-11-23' })
  })
})
