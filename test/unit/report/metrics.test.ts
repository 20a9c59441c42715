import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/defaults'
import { computeMetrics } from '../../../src/core/report/metrics'
import { days, LEDGER, NOVEMBER, record } from './fixtures'

const config = defaultConfig()
const november = computeMetrics(LEDGER, config, NOVEMBER, 2)
const tier = (label: string) => november.tiers.find((t) => t.tier === label)

describe('computeMetrics, all tiers', () => {
  it('counts escalations filed in the period, its start included and its end not', () => {
    expect(november.overall).toMatchObject({ tier: 'all', name: 'All tiers', count: 5, breaches: 3 })
  })

  it('measures acknowledgement over those filed, by nearest rank (even count: lower middle)', () => {
    expect(november.overall.mttaMinutes).toEqual({ n: 4, median: 20, p90: 40, mean: 25 })
  })

  it('measures resolution over those resolved in the period, whenever filed', () => {
    expect(november.overall.resolved).toBe(3)
    expect(november.overall.resolveMinutes).toEqual({ n: 3, median: 2000, p90: 5000, mean: 7100 / 3 })
  })

  it('rates each clock over decided targets only', () => {
    expect(november.overall.attainment).toEqual({
      acknowledge: { met: 3, missed: 2, percent: 60 },
      update: { met: 2, missed: 0, percent: 100 },
      resolve: { met: 1, missed: 1, percent: 50 },
    })
  })
})

describe('computeMetrics, per tier', () => {
  it('keeps the configured tiers in order, highest first, empty ones included', () => {
    expect(november.tiers.map((t) => [t.tier, t.name, t.count, t.resolved])).toEqual([
      ['tier-1', 'Critical', 3, 2],
      ['tier-2', 'High', 2, 0],
      ['tier-3', 'Standard', 0, 1],
    ])
  })

  it('splits every figure by tier (odd count: middle value)', () => {
    expect(tier('tier-1')).toMatchObject({
      mttaMinutes: { n: 3, median: 20, p90: 40, mean: 70 / 3 },
      resolveMinutes: { n: 2, median: 100, p90: 2000, mean: 1050 },
      attainment: {
        acknowledge: { met: 2, missed: 1 },
        update: { met: 2, missed: 0, percent: 100 },
        resolve: { met: 1, missed: 1, percent: 50 },
      },
      breaches: 2,
    })
    expect(tier('tier-2')).toMatchObject({
      mttaMinutes: { n: 1, median: 30, p90: 30 },
      resolveMinutes: { n: 0, median: null, p90: null, mean: null },
      attainment: { acknowledge: { met: 1, missed: 1, percent: 50 }, update: { percent: null }, resolve: { percent: null } },
      breaches: 1,
    })
    expect(tier('tier-3')).toMatchObject({ mttaMinutes: { n: 0, median: null }, resolveMinutes: { n: 1, median: 5000 }, breaches: 0 })
  })

  it('lists a tier no longer configured after the configured ones, under its label', () => {
    const metrics = computeMetrics([record(1, { tier: 'tier-0' }), record(2, { tier: 'legacy' })], config, NOVEMBER, 2)
    expect(metrics.tiers.map((t) => [t.tier, t.name, t.count])).toEqual([
      ['tier-1', 'Critical', 0],
      ['tier-2', 'High', 0],
      ['tier-3', 'Standard', 0],
      ['legacy', 'legacy', 1],
      ['tier-0', 'tier-0', 1],
    ])
  })
})

describe('computeMetrics, customers', () => {
  it('groups by the normalised customer, named by the latest spelling, repeats marked', () => {
    expect(november.customers).toEqual([
      { customer: 'Globex Inc.', count: 3, repeat: true },
      { customer: 'Umbrella', count: 1, repeat: false },
      { customer: 'Initech', count: 1, repeat: false },
    ])
  })

  it('keeps the top 10 by count, ties broken by the most recent filing', () => {
    const filed = (n: number, customer: string, day: number) =>
      record(n, { customer, customerKey: customer.toLowerCase(), filedAt: `2026-11-${String(day).padStart(2, '0')}T09:00:00Z` })
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L']
    // A: 3 escalations, B: 2, then C … L one each, filed on days 3 … 12 (L most recent).
    const records = [filed(1, 'A', 1), filed(2, 'A', 1), filed(3, 'A', 1), filed(4, 'B', 2), filed(5, 'B', 2)]
    names.slice(2).forEach((name, index) => records.push(filed(10 + index, name, 3 + index)))
    const top = computeMetrics(records, config, NOVEMBER, 2).customers
    expect(top.map((c) => `${c.customer}:${c.count}`)).toEqual(['A:3', 'B:2', 'L:1', 'K:1', 'J:1', 'I:1', 'H:1', 'G:1', 'F:1', 'E:1'])
  })

  it('leaves out escalations without a customer, and falls back to the written name without a key', () => {
    const metrics = computeMetrics(
      [
        record(1, { customer: null, customerKey: null }),
        record(2, { customer: ' Acme ', customerKey: null }),
        record(3, { customer: 'acme', customerKey: null, filedAt: '2026-11-05T09:00:00Z' }),
      ],
      config,
      NOVEMBER,
      2,
    )
    expect(metrics.customers).toEqual([{ customer: 'Acme', count: 2, repeat: false }])
  })
})

describe('computeMetrics, satisfaction and actions', () => {
  it('averages the ratings recorded in the period and counts the low ones', () => {
    expect(november.csat).toEqual({ count: 3, average: 11 / 3, low: 1, lowRating: 2 })
    expect(computeMetrics(LEDGER, config, NOVEMBER, 4).csat.low).toBe(2)
  })

  it('has no average without ratings', () => {
    expect(computeMetrics([record(1)], config, NOVEMBER, 2).csat).toEqual({ count: 0, average: null, low: 0, lowRating: 2 })
  })

  it('sums the preventive actions of the escalations filed in the period', () => {
    expect(november.actions).toEqual({ open: 3, done: 3, overdue: 1 })
  })
})

describe('computeMetrics, weekly', () => {
  it('covers the period with ISO weeks, the first spanning its start and counting only what is inside', () => {
    expect(november.weekly).toEqual([
      { weekStart: '2026-10-26', filed: 1, resolved: 0, breached: 0 },
      { weekStart: '2026-11-02', filed: 1, resolved: 2, breached: 1 },
      { weekStart: '2026-11-09', filed: 1, resolved: 0, breached: 0 },
      { weekStart: '2026-11-16', filed: 1, resolved: 1, breached: 1 },
      { weekStart: '2026-11-23', filed: 0, resolved: 0, breached: 0 },
      { weekStart: '2026-11-30', filed: 1, resolved: 0, breached: 0 },
    ])
  })

  it('keeps a week whole across a month boundary', () => {
    const records = [
      record(1, { filedAt: '2026-10-30T09:00:00Z' }),
      record(2, { filedAt: '2026-11-01T23:59:59Z', breaches: 1 }),
      record(3, { filedAt: '2026-11-02T00:00:00Z', resolvedAt: '2026-11-03T00:00:00Z' }),
    ]
    expect(computeMetrics(records, config, days('2026-10-29', '2026-11-04'), 2).weekly).toEqual([
      { weekStart: '2026-10-26', filed: 2, resolved: 0, breached: 1 },
      { weekStart: '2026-11-02', filed: 1, resolved: 1, breached: 0 },
    ])
  })

  it('gives one week for a period inside one week', () => {
    expect(computeMetrics([], config, days('2026-11-03', '2026-11-04'), 2).weekly).toEqual([
      { weekStart: '2026-11-02', filed: 0, resolved: 0, breached: 0 },
    ])
  })
})

describe('computeMetrics, edges', () => {
  it('ignores records whose times cannot be read', () => {
    const metrics = computeMetrics([record(1, { filedAt: 'soon', resolvedAt: 'later' })], config, NOVEMBER, 2)
    expect(metrics.overall.count).toBe(0)
    expect(metrics.overall.resolved).toBe(0)
  })

  it('gives nulls, not zeros, for an empty period', () => {
    const metrics = computeMetrics([], config, NOVEMBER, 2)
    expect(metrics.overall).toMatchObject({
      count: 0,
      mttaMinutes: { median: null, p90: null, mean: null },
      attainment: { acknowledge: { percent: null } },
    })
  })
})
