/** Table cells shared by the report's tables: rates and time statistics, small samples marked. */
import { formatDuration } from '../../config/duration'
import type { Rate, Stats } from './stats'

/** Figures from fewer values than this carry their `n`, so nobody reads a trend into two data points. */
export const SMALL_SAMPLE = 5

export const sampleNote = (n: number) => (n < SMALL_SAMPLE ? ` (n = ${n})` : '')

/** `92%`, never rounded to 100% while a target was missed nor to 0% while one was met. */
export function percentText(rate: Rate): string {
  const rounded = Math.round(rate.percent ?? 0)
  const shown = rate.missed > 0 && rounded === 100 ? 99 : rate.met > 0 && rounded === 0 ? 1 : rounded
  return `${shown}%`
}

/** `92% (12/13)`; `—` while no target is decided. */
export function rateCell(rate: Rate): string {
  return rate.percent === null ? '—' : `${percentText(rate)} (${rate.met}/${rate.met + rate.missed})`
}

/** `25m / 1h 10m` (median / p90), `(n = 3)` when the sample is small; `—` when empty. */
export function statsCell(stats: Stats): string {
  if (stats.median === null || stats.p90 === null) return '—'
  return `${formatDuration(stats.median)} / ${formatDuration(stats.p90)}${sampleNote(stats.n)}`
}
