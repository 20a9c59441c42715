/**
 * Organisation mode: one report over several repositories' ledgers. Each repository keeps its
 * own ledger (its intake reads it for repeat customers); the central report combines them,
 * every record tagged with its repository, and adds a row of figures per repository.
 */
import type { Config } from '../../config/types'
import type { LedgerRecord } from '../ledger/record'
import { computeMetrics } from './metrics'
import type { Period } from './period'
import { combineRates, type Rate, type Stats } from './stats'

/** One repository's ledger, as read (and brought up to date) this run. */
export interface RepositoryLedger {
  /** `owner/name`. */
  repository: string
  records: LedgerRecord[]
}

/** A repository left out of this run's report, and why (the reason is GitHub's answer, shown sanitised). */
export interface MissingRepository {
  repository: string
  reason: string
}

/** One row of the per-repository table: over escalations filed in the period, CSAT over ratings in it. */
export interface RepositoryFigures {
  repository: string
  count: number
  mttaMinutes: Stats
  attainment: Rate
  breaches: number
  csat: { count: number; average: number | null }
}

/** Every repository's records in one list, each tagged with its repository (so equal numbers stay apart). */
export function combineLedgers(ledgers: readonly RepositoryLedger[]): LedgerRecord[] {
  return ledgers.flatMap(({ repository, records }) => records.map((record) => ({ ...record, repo: repository })))
}

/** Each repository's figures with the same definitions as the whole report: busiest first, then by name. */
export function repositoryFigures(ledgers: readonly RepositoryLedger[], config: Config, period: Period): RepositoryFigures[] {
  return ledgers
    .map(({ repository, records }) => {
      const { overall, csat } = computeMetrics(records, config, period, config.csat.lowRating)
      return {
        repository,
        count: overall.count,
        mttaMinutes: overall.mttaMinutes,
        attainment: combineRates(Object.values(overall.attainment)),
        breaches: overall.breaches,
        csat: { count: csat.count, average: csat.average },
      }
    })
    .sort((a, b) => b.count - a.count || a.repository.localeCompare(b.repository))
}
