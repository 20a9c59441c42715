import type { SlaResult } from '../ledger/record'

/**
 * A sample of minutes. Median and 90th percentile use the nearest-rank method: the value at
 * rank ⌈p/100 · n⌉ of the sorted sample, so every figure is a real escalation's time (for an
 * even count the median is the lower middle value). All three are null for an empty sample.
 */
export interface Stats {
  /** How many values the figures come from: small samples are marked in the report. */
  n: number
  median: number | null
  p90: number | null
  mean: number | null
}

/** Targets of one SLA clock: met, missed, and the share met among those decided. */
export interface Rate {
  met: number
  missed: number
  /** Percent met among met + missed (open targets are not decided yet); null when none is decided. */
  percent: number | null
}

/** The nearest-rank `percent`-th percentile of an ascending sample; null when it is empty. */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length))
  return sorted[rank - 1] ?? null
}

export function summarize(values: readonly number[]): Stats {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  const total = sorted.reduce((sum, value) => sum + value, 0)
  return {
    n: sorted.length,
    median: nearestRank(sorted, 50),
    p90: nearestRank(sorted, 90),
    mean: sorted.length === 0 ? null : total / sorted.length,
  }
}

function rate(met: number, missed: number): Rate {
  return { met, missed, percent: met + missed === 0 ? null : (met / (met + missed)) * 100 }
}

export function rateOf(results: readonly SlaResult[]): Rate {
  return rate(results.filter((result) => result === 'met').length, results.filter((result) => result === 'missed').length)
}

/** Several clocks' targets counted together (the headline's "SLA attainment"). */
export function combineRates(rates: readonly Rate[]): Rate {
  return rate(
    rates.reduce((sum, r) => sum + r.met, 0),
    rates.reduce((sum, r) => sum + r.missed, 0),
  )
}
