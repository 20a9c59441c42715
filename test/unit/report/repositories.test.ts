import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/defaults'
import { computeMetrics } from '../../../src/core/report/metrics'
import { renderReport } from '../../../src/core/report/render-report'
import { combineLedgers, repositoryFigures, type RepositoryLedger } from '../../../src/core/report/repositories'
import { LEDGER, NOVEMBER } from './fixtures'

/**
 * The fixture ledger split over two repositories, web's records renumbered from 1 so both hold
 * the same issue numbers. crm: #1–#3 filed in November (acknowledged in 10, 40, 20 minutes;
 * targets 5 met, 2 missed; 2 breaches; rated 5 and 2). web: #4 and #5 filed in November
 * (one acknowledged, in 30 minutes; 1 met, 1 missed; 1 breach), #6's rating of 4 given in November.
 */
const LEDGERS: RepositoryLedger[] = [
  { repository: 'acme/web', records: LEDGER.slice(3).map((record, index) => ({ ...record, number: index + 1 })) },
  { repository: 'acme/crm', records: LEDGER.slice(0, 3) },
]
const config = defaultConfig()
const options = { title: 'Escalation report', generatedAt: NOVEMBER.to }
const lines = (text: string) => text.split('\n')

describe('combineLedgers', () => {
  it('tags every record with its repository, so equal issue numbers stay apart', () => {
    const records = combineLedgers(LEDGERS)
    expect(records).toHaveLength(LEDGER.length)
    expect(records.filter((record) => record.number === 1).map((record) => record.repo)).toEqual(['acme/web', 'acme/crm'])
  })

  it('gives the same figures as one ledger holding every record', () => {
    const combined = computeMetrics(combineLedgers(LEDGERS), config, NOVEMBER, 2)
    const single = computeMetrics(LEDGER, config, NOVEMBER, 2)
    expect(combined.overall).toEqual(single.overall)
    expect(combined.csat).toEqual(single.csat)
    expect(combined.customers).toEqual(single.customers)
  })
})

describe('repositoryFigures', () => {
  it('counts each repository with the report’s definitions, busiest first', () => {
    const rows = repositoryFigures(LEDGERS, config, NOVEMBER)
    expect(rows.map((row) => [row.repository, row.count, row.mttaMinutes.median, row.attainment, row.breaches, row.csat])).toEqual([
      ['acme/crm', 3, 20, { met: 5, missed: 2, percent: (5 / 7) * 100 }, 2, { count: 2, average: 3.5 }],
      ['acme/web', 2, 30, { met: 1, missed: 1, percent: 50 }, 1, { count: 1, average: 4 }],
    ])
  })
})

describe('renderReport in organisation mode', () => {
  const render = (missing: { repository: string; reason: string }[] = []) =>
    renderReport(computeMetrics(combineLedgers(LEDGERS), config, NOVEMBER, 2), {
      ...options,
      repositories: LEDGERS.map((ledger) => ledger.repository),
      breakdown: repositoryFigures(LEDGERS, config, NOVEMBER),
      missing,
    })

  it('adds a table with a row per repository after the tiers', () => {
    const text = lines(render())
    const at = text.indexOf('## By repository')
    expect(at).toBeGreaterThan(text.indexOf('## By tier'))
    expect(text.slice(at + 2, at + 6)).toEqual([
      '| Repository | Filed | MTTA (median) | SLA attainment | Breaches | CSAT (ratings) |',
      '|---|--:|---|---|--:|---|',
      '| acme/crm | 3 | 20m (n = 3) | 71% (5/7) | 2 | 3.5 / 5 (2) |',
      '| acme/web | 2 | 30m (n = 1) | 50% (1/2) | 1 | 4.0 / 5 (1) |',
    ])
  })

  it('names a repository it could not read, with the reason made inert, right under the repositories covered', () => {
    const text = lines(render([{ repository: 'acme/apac', reason: 'Could not read: @evil | <b>#12</b>\nsecond line' }]))
    const at = text.indexOf('Repositories: acme/web, acme/crm')
    expect(text.slice(at + 2, at + 5)).toEqual([
      '**Not covered this run** (their escalations are left out of every figure; the next run tries again):',
      '',
      '- acme/apac: Could not read: @\u200Devil | &lt;b&gt;#\u200D12&lt;/b&gt; second line',
    ])
  })

  it('a quiet period names what is covered and what is not, without a table of zeros', () => {
    const december = { ...NOVEMBER, from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-02-01T00:00:00Z'), label: 'January' }
    const text = renderReport(computeMetrics(combineLedgers(LEDGERS), config, december, 2), {
      ...options,
      repositories: ['acme/web'],
      breakdown: repositoryFigures(LEDGERS, config, december),
      missing: [{ repository: 'acme/apac', reason: 'Not Found' }],
    })
    expect(text).toContain('- acme/apac: Not Found')
    expect(text).not.toContain('## By repository')
  })
})
