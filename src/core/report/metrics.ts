import type { Config } from '../../config/types'
import type { LedgerRecord } from '../ledger/record'
import type { Period } from './period'
import { rateOf, type Rate, type Stats, summarize } from './stats'
import { WeekBuckets } from './weeks'

export type { Rate, Stats } from './stats'

/**
 * One tier's figures (or every tier's, as tier `all`). Counts, acknowledgement times,
 * attainment and breaches are over escalations filed in the period; `resolved` and the
 * resolve times over escalations resolved in it, whenever they were filed.
 */
export interface TierMetrics {
  tier: string
  name: string
  count: number
  resolved: number
  mttaMinutes: Stats
  resolveMinutes: Stats
  attainment: { acknowledge: Rate; update: Rate; resolve: Rate }
  /** Breaches notified (acknowledge, resolve, missed updates), summed. */
  breaches: number
}

export interface CustomerCount {
  customer: string
  count: number
  /** Flagged as a repeat customer at intake on any of these escalations. */
  repeat: boolean
}

export interface WeekCount {
  /** `YYYY-MM-DD` of the ISO week's Monday (UTC). */
  weekStart: string
  filed: number
  resolved: number
  /** Escalations filed that week with at least one breach. */
  breached: number
}

export interface ReportMetrics {
  period: Period
  overall: TierMetrics
  /** Configured tiers highest first, then tiers found only in the ledger (since removed), by label. */
  tiers: TierMetrics[]
  /** Top 10 by escalations filed in the period; ties: most recent filing first. */
  customers: CustomerCount[]
  /** Ratings recorded in the period; `low`: how many at or below `lowRating`. */
  csat: { count: number; average: number | null; low: number; lowRating: number }
  /** Preventive actions of the escalations filed in the period. */
  actions: { open: number; done: number; overdue: number }
  weekly: WeekCount[]
}

export const OVERALL_TIER = 'all'
const TOP_CUSTOMERS = 10

/** Is an ISO time inside `[from, to)`? Unreadable or missing times are not. */
function within(iso: string | null | undefined, period: Period): boolean {
  if (!iso) return false
  const time = Date.parse(iso)
  return time >= period.from.getTime() && time < period.to.getTime()
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0)
const minutes = (values: readonly (number | null)[]) => values.filter((value): value is number => value !== null)

function tierMetrics(tier: string, name: string, filed: LedgerRecord[], resolved: LedgerRecord[]): TierMetrics {
  return {
    tier,
    name,
    count: filed.length,
    resolved: resolved.length,
    mttaMinutes: summarize(minutes(filed.map((r) => r.ackMinutes))),
    resolveMinutes: summarize(minutes(resolved.map((r) => r.resolveMinutes))),
    attainment: {
      acknowledge: rateOf(filed.map((r) => r.sla.acknowledge)),
      update: rateOf(filed.map((r) => r.sla.update)),
      resolve: rateOf(filed.map((r) => r.sla.resolve)),
    },
    breaches: sum(filed.map((r) => r.breaches)),
  }
}

function perTier(filed: LedgerRecord[], resolved: LedgerRecord[], config: Config): TierMetrics[] {
  const configured = config.tiers.map((tier) => ({ label: tier.label, name: tier.name }))
  const known = new Set(configured.map((tier) => tier.label))
  const removed = [...new Set([...filed, ...resolved].map((r) => r.tier))]
    .filter((label) => !known.has(label))
    .sort()
    .map((label) => ({ label, name: label }))
  return [...configured, ...removed].map(({ label, name }) =>
    tierMetrics(
      label,
      name,
      filed.filter((r) => r.tier === label),
      resolved.filter((r) => r.tier === label),
    ),
  )
}

function topCustomers(filed: LedgerRecord[]): CustomerCount[] {
  const groups = new Map<string, CustomerCount & { latest: number }>()
  for (const record of filed) {
    const key = record.customerKey ?? record.customer?.trim().toLowerCase()
    if (!key) continue
    const at = Date.parse(record.filedAt)
    const group = groups.get(key) ?? { customer: '', count: 0, repeat: false, latest: -Infinity }
    group.count += 1
    group.repeat ||= record.repeat
    // The most recent spelling names the customer.
    if (at >= group.latest) Object.assign(group, { latest: at, customer: record.customer?.trim() || key })
    groups.set(key, group)
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || b.latest - a.latest || a.customer.localeCompare(b.customer))
    .slice(0, TOP_CUSTOMERS)
    .map(({ customer, count, repeat }) => ({ customer, count, repeat }))
}

function csatOf(records: LedgerRecord[], period: Period, lowRating: number): ReportMetrics['csat'] {
  const ratings = records.flatMap((r) => (r.csat && within(r.csat.at, period) ? [r.csat.rating] : []))
  return {
    count: ratings.length,
    average: ratings.length === 0 ? null : sum(ratings) / ratings.length,
    low: ratings.filter((rating) => rating <= lowRating).length,
    lowRating,
  }
}

function weeklyOf(filed: LedgerRecord[], resolved: LedgerRecord[], period: Period): WeekCount[] {
  const buckets = new WeekBuckets(period)
  const weeks = buckets.starts.map((weekStart) => ({ weekStart, filed: 0, resolved: 0, breached: 0 }))
  const weekOf = (iso: string) => weeks[buckets.indexOf(Date.parse(iso))]
  for (const record of filed) {
    const week = weekOf(record.filedAt)
    if (!week) continue
    week.filed += 1
    if (record.breaches > 0) week.breached += 1
  }
  for (const record of resolved) {
    const week = record.resolvedAt ? weekOf(record.resolvedAt) : undefined
    if (week) week.resolved += 1
  }
  return weeks
}

/** The report's figures for a period, from the ledger alone. `lowRating`: CSAT ratings at or below it are low. */
export function computeMetrics(records: LedgerRecord[], config: Config, period: Period, lowRating: number): ReportMetrics {
  const filed = records.filter((r) => within(r.filedAt, period))
  const resolved = records.filter((r) => within(r.resolvedAt, period))
  return {
    period,
    overall: tierMetrics(OVERALL_TIER, 'All tiers', filed, resolved),
    tiers: perTier(filed, resolved, config),
    customers: topCustomers(filed),
    csat: csatOf(records, period, lowRating),
    actions: {
      open: sum(filed.map((r) => r.actions.open)),
      done: sum(filed.map((r) => r.actions.done)),
      overdue: sum(filed.map((r) => r.actions.overdue)),
    },
    weekly: weeklyOf(filed, resolved, period),
  }
}
