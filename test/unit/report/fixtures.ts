/** Hand-made ledger records for the report tests, with every figure worked out in the comments. */
import type { LedgerRecord } from '../../../src/core/ledger/record'
import { periodOf, type Period } from '../../../src/core/report/period'

const NOW = new Date('2026-12-01T06:00:00Z')

/** A period from `YYYY-MM-DD` days (both included); fails the test on a problem. */
export function days(from: string, to: string): Period {
  const period = periodOf({ now: NOW, from, to })
  if ('problem' in period) throw new Error(period.problem)
  return period
}

/** November 2026: Sunday 1st to Monday 30th, so ISO weeks 2026-10-26 … 2026-11-30. */
export const NOVEMBER = days('2026-11-01', '2026-11-30')

/** An open, unacknowledged tier-2 escalation with nothing decided; `overrides` fill in the rest. */
export function record(number: number, overrides: Partial<LedgerRecord> = {}): LedgerRecord {
  return {
    number,
    customer: 'Globex',
    customerKey: 'globex',
    tier: 'tier-2',
    state: 'filed',
    filedAt: '2026-11-10T09:00:00Z',
    acknowledgedAt: null,
    resolvedAt: null,
    ackMinutes: null,
    resolveMinutes: null,
    sla: { acknowledge: 'open', update: 'open', resolve: 'open' },
    breaches: 0,
    csat: null,
    actions: { open: 0, done: 0, overdue: 0 },
    repeat: false,
    sponsor: null,
    ...overrides,
  }
}

const rating = (value: number, at: string) => ({ rating: value, by: 'carla', at })

/**
 * Filed in November: #1–#5. #6 was filed in October and resolved and rated in November; #7 is
 * filed at the period's exclusive end; #8 was filed, resolved and rated in October (its week,
 * 2026-10-26, spans the period start).
 *
 * Worked figures, all tiers: filed 5; acknowledgement minutes 10, 20, 30, 40 (median 20 by
 * nearest rank, p90 40, mean 25); resolved in November #1, #2, #6: 100, 2000, 5000 minutes
 * (median 2000, p90 5000); acknowledge 3 met / 2 missed, update 2 / 0, resolve 1 / 1;
 * breaches 3; ratings 5, 2, 4 (average 3.67, 1 at or below 2); actions 3 open, 3 done, 1 overdue.
 */
export const LEDGER: LedgerRecord[] = [
  record(1, {
    tier: 'tier-1',
    filedAt: '2026-11-01T00:00:00Z',
    ackMinutes: 10,
    resolvedAt: '2026-11-02T10:00:00Z',
    resolveMinutes: 100,
    sla: { acknowledge: 'met', update: 'met', resolve: 'met' },
    csat: rating(5, '2026-11-03T08:00:00Z'),
    actions: { open: 1, done: 0, overdue: 0 },
  }),
  record(2, {
    tier: 'tier-1',
    customer: 'Initech',
    customerKey: 'initech',
    filedAt: '2026-11-05T12:00:00Z',
    ackMinutes: 40,
    resolvedAt: '2026-11-20T12:00:00Z',
    resolveMinutes: 2000,
    sla: { acknowledge: 'missed', update: 'met', resolve: 'missed' },
    breaches: 2,
    csat: rating(2, '2026-11-21T08:00:00Z'),
    actions: { open: 2, done: 1, overdue: 1 },
  }),
  record(3, {
    tier: 'tier-1',
    filedAt: '2026-11-12T08:00:00Z',
    ackMinutes: 20,
    sla: { acknowledge: 'met', update: 'open', resolve: 'open' },
    actions: { open: 0, done: 2, overdue: 0 },
  }),
  record(4, {
    customer: 'Umbrella',
    customerKey: 'umbrella',
    filedAt: '2026-11-16T08:00:00Z',
    sla: { acknowledge: 'missed', update: 'open', resolve: 'open' },
    breaches: 1,
  }),
  record(5, {
    customer: 'Globex Inc.',
    filedAt: '2026-11-30T23:59:00Z',
    ackMinutes: 30,
    sla: { acknowledge: 'met', update: 'open', resolve: 'open' },
    repeat: true,
  }),
  record(6, {
    tier: 'tier-3',
    customer: 'Initech',
    customerKey: 'initech',
    filedAt: '2026-10-20T08:00:00Z',
    resolvedAt: '2026-11-03T08:00:00Z',
    resolveMinutes: 5000,
    sla: { acknowledge: 'missed', update: 'missed', resolve: 'missed' },
    breaches: 4,
    csat: rating(4, '2026-11-04T08:00:00Z'),
  }),
  record(7, {
    tier: 'tier-1',
    customer: 'Hooli',
    customerKey: 'hooli',
    filedAt: '2026-12-01T00:00:00Z',
    ackMinutes: 1,
    sla: { acknowledge: 'met', update: 'open', resolve: 'open' },
    actions: { open: 5, done: 0, overdue: 5 },
  }),
  record(8, {
    filedAt: '2026-10-31T08:00:00Z',
    resolvedAt: '2026-10-31T20:00:00Z',
    resolveMinutes: 700,
    sla: { acknowledge: 'met', update: 'met', resolve: 'met' },
    breaches: 1,
    csat: rating(1, '2026-10-31T22:00:00Z'),
  }),
]
