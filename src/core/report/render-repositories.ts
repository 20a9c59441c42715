/** The organisation report's own parts: the per-repository table and the repositories left out. */
import { formatDuration } from '../../config/duration'
import { safeCell, safeInline } from '../render/sanitize'
import { rateCell, sampleNote } from './cells'
import type { MissingRepository, RepositoryFigures } from './repositories'
import type { Stats } from './stats'

/** Rows and names shown before the rest are counted: the report stays readable and under GitHub's body limit. */
const MAX_REPOSITORY_ROWS = 100
const MAX_MISSING_NAMED = 50

function medianCell(stats: Stats): string {
  return stats.median === null ? '—' : `${formatDuration(stats.median)}${sampleNote(stats.n)}`
}

function csatCell(csat: RepositoryFigures['csat']): string {
  return csat.average === null ? '—' : `${csat.average.toFixed(1)} / 5 (${csat.count})`
}

function row(figures: RepositoryFigures): string {
  const cells = [
    safeCell(figures.repository, 100),
    figures.count,
    medianCell(figures.mttaMinutes),
    rateCell(figures.attainment),
    figures.breaches,
    csatCell(figures.csat),
  ]
  return `| ${cells.join(' | ')} |`
}

/** One row per repository covered, busiest first. */
export function repositoryTable(rows: readonly RepositoryFigures[]): string[] {
  if (rows.length === 0) return []
  const more = rows.length - MAX_REPOSITORY_ROWS
  return [
    '## By repository',
    '',
    '| Repository | Filed | MTTA (median) | SLA attainment | Breaches | CSAT (ratings) |',
    '|---|--:|---|---|--:|---|',
    ...rows.slice(0, MAX_REPOSITORY_ROWS).map(row),
    ...(more > 0 ? [`| _and ${more} more_ | | | | | |`] : []),
    '',
    '_Per repository, with the same definitions as above: SLA attainment counts every clock’s decided targets._',
    '',
  ]
}

/** Repositories this run could not read: named with GitHub's answer, so nobody takes the figures for the whole organisation. */
export function missingLines(missing: readonly MissingRepository[]): string[] {
  if (missing.length === 0) return []
  const more = missing.length - MAX_MISSING_NAMED
  return [
    '**Not covered this run** (their escalations are left out of every figure; the next run tries again):',
    '',
    ...missing.slice(0, MAX_MISSING_NAMED).map((entry) => `- ${safeInline(entry.repository, 100)}: ${safeInline(entry.reason, 300)}`),
    ...(more > 0 ? [`- and ${more} more`] : []),
    '',
  ]
}
