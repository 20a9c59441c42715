import type { Period } from './period'
import { utcDate } from '../time/sla-clock'

const DAY = 86_400_000
const WEEK = 7 * DAY

/** Midnight UTC of the Monday that starts the ISO week holding `instant`. */
export function isoWeekStart(instant: Date): Date {
  const sinceMonday = (instant.getUTCDay() + 6) % 7
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate() - sinceMonday))
}

/**
 * The ISO weeks (Monday 00:00 UTC) that touch the period, first to last. The first and last
 * may reach outside it; only what happened inside the period is counted in them.
 */
export class WeekBuckets {
  readonly starts: string[]
  private readonly first: number

  constructor(period: Period) {
    this.first = isoWeekStart(period.from).getTime()
    const last = isoWeekStart(new Date(Math.max(period.from.getTime(), period.to.getTime() - 1))).getTime()
    this.starts = []
    for (let week = this.first; week <= last; week += WEEK) this.starts.push(utcDate(new Date(week)))
  }

  /** The bucket of an instant inside the period. */
  indexOf(instant: number): number {
    return Math.floor((isoWeekStart(new Date(instant)).getTime() - this.first) / WEEK)
  }
}
