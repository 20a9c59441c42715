import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/defaults'
import type { Config } from '../../../src/config/types'
import type { LedgerRecord } from '../../../src/core/ledger/record'
import { computeMetrics } from '../../../src/core/report/metrics'
import { periodOf } from '../../../src/core/report/period'
import { rateCell, renderReport, statsCell } from '../../../src/core/report/render-report'
import { LEDGER, NOVEMBER, record } from './fixtures'

const options = { title: 'Escalations — November 2026', generatedAt: new Date('2026-12-01T06:00:00Z') }
const render = (records: LedgerRecord[] = LEDGER, config: Config = defaultConfig(), period = NOVEMBER) =>
  renderReport(computeMetrics(records, config, period, 2), options)
const lines = (text: string) => text.split('\n')

/** The Mermaid blocks, each checked to be a well-formed `pie showData`; returns their slices. */
function pies(text: string): { title: string; slices: Record<string, number> }[] {
  const blocks = text.split('```mermaid\n').slice(1)
  return blocks.map((block) => {
    expect(block).toContain('\n```')
    const [kind, title, ...slices] = block.slice(0, block.indexOf('\n```')).split('\n')
    expect(kind).toBe('pie showData')
    expect(title).toMatch(/^ {4}title \S/)
    const entries = slices.map((line) => {
      const match = /^ {4}"([^"]*)" : (\d+)$/.exec(line)
      expect(match, line).not.toBeNull()
      return [match?.[1] ?? '', Number(match?.[2])] as const
    })
    return { title: (title ?? '').trim().slice('title '.length), slices: Object.fromEntries(entries) }
  })
}

describe('renderReport', () => {
  const report = render()

  it('opens with the title and a headline of count, MTTA, attainment and CSAT', () => {
    expect(lines(report).slice(0, 3)).toEqual([
      '# Escalations — November 2026',
      '',
      '**5 escalations** filed 2026-11-01 – 2026-11-30 · MTTA median **20m** (n = 4) · SLA attainment **67%** (6/9 targets met) · CSAT **3.7 / 5** (3 ratings)',
    ])
  })

  it('has a row per tier and one for all tiers, attainment as percent (met/decided)', () => {
    expect(lines(report)).toEqual(
      expect.arrayContaining([
        '| Critical (tier-1) | 3 | 20m / 40m (n = 3) | 2 | 1h 40m / 1d 9h (n = 2) | 67% (2/3) | 100% (2/2) | 50% (1/2) | 2 |',
        '| High (tier-2) | 2 | 30m / 30m (n = 1) | 0 | — | 50% (1/2) | — | — | 1 |',
        '| Standard (tier-3) | 0 | — | 1 | 3d 11h / 3d 11h (n = 1) | — | — | — | 0 |',
        '| **All tiers** | 5 | 20m / 40m (n = 4) | 3 | 1d 9h / 3d 11h (n = 3) | 60% (3/5) | 100% (2/2) | 50% (1/2) | 3 |',
      ]),
    )
  })

  it('draws well-formed pies of attainment and of escalations by tier, empty tiers left out', () => {
    expect(pies(report)).toEqual([
      { title: 'SLA targets met vs missed, all tiers and clocks', slices: { Met: 6, Missed: 3 } },
      { title: 'Escalations filed by tier', slices: { 'Critical (tier-1)': 3, 'High (tier-2)': 2 } },
    ])
  })

  it('shows the weekly trend as block bars, every week of the period', () => {
    expect(lines(report)).toEqual(
      expect.arrayContaining([
        '| Week of | Filed | Resolved | Breached |',
        '| 2026-10-26 | █ 1 | 0 | 0 |',
        '| 2026-11-02 | █ 1 | ██ 2 | █ 1 |',
        '| 2026-11-23 | 0 | 0 | 0 |',
        '| 2026-11-30 | █ 1 | 0 | 0 |',
      ]),
    )
    expect(report).not.toContain('xychart')
  })

  it('lists the top customers with repeats marked', () => {
    expect(lines(report)).toEqual(
      expect.arrayContaining(['| 1 | Globex Inc. | 3 | 🔁 repeat |', '| 2 | Umbrella | 1 |  |', '| 3 | Initech | 1 |  |']),
    )
  })

  it('tells satisfaction and preventive actions, and when it was generated', () => {
    expect(lines(report)).toEqual(
      expect.arrayContaining([
        'Average **3.7 / 5** from 3 ratings; 1 low (rated 2 or below).',
        'On the escalations filed: **3 open** (1 overdue), **3 done**.',
        '_Generated on 2026-12-01 by Escalation Desk from its ledger._',
      ]),
    )
  })

  it('names the repositories under the headline in organisation mode', () => {
    const text = renderReport(computeMetrics(LEDGER, defaultConfig(), NOVEMBER, 2), { ...options, repositories: ['acme/crm', 'acme/web'] })
    expect(lines(text)[4]).toBe('Repositories: acme/crm, acme/web')
  })
})

describe('renderReport, user text', () => {
  it('makes customer names inert in the table: mentions broken, pipes escaped, no HTML', () => {
    const text = render([record(1, { customer: '@evil | <b>corp</b> #12', customerKey: 'evil' })])
    const row = lines(text).find((line) => line.startsWith('| 1 |'))
    expect(row).toBe('| 1 | @\u200Devil \\| &lt;b&gt;corp&lt;/b&gt; #\u200D12 | 1 |  |')
    expect(text).not.toMatch(/@evil/)
  })

  it('removes quotes from pie labels and keeps them on one line', () => {
    const config = structuredClone(defaultConfig())
    const first = config.tiers[0]
    if (first) first.name = 'Sev "1"\nurgent'
    const text = render([record(1, { tier: 'tier-1' })], config)
    expect(pies(text)[0]?.slices).toEqual({ 'Sev 1 urgent (tier-1)': 1 })
  })
})

describe('renderReport, quiet and small periods', () => {
  it('says plainly that nothing was filed, with no table of zeros', () => {
    const text = render([])
    expect(lines(text)[2]).toBe('**No escalations filed between 2026-11-01 and 2026-11-30.** A quiet period: nothing to measure.')
    expect(text).not.toContain('|')
    expect(text).not.toContain('```mermaid')
  })

  it('still tells what happened to escalations filed before it', () => {
    const text = render([LEDGER[5] as LedgerRecord])
    expect(text).toContain('1 escalation filed earlier was resolved in this period (time to resolve, median: 3d 11h).')
    expect(text).toContain('Average **4.0 / 5** from 1 rating; 0 low (rated 2 or below).')
  })

  it('marks small samples and leaves the attainment pie out while nothing is decided', () => {
    const text = render([record(1, { ackMinutes: 90 })])
    expect(lines(text)[2]).toBe(
      '**1 escalation** filed 2026-11-01 – 2026-11-30 · MTTA median **1h 30m** (n = 1) · no SLA target decided yet · no CSAT ratings',
    )
    expect(pies(text).map((pie) => pie.title)).toEqual(['Escalations filed by tier'])
  })
})

describe('report cells', () => {
  it('never round a missed target up to 100% nor a met one down to 0%', () => {
    expect(rateCell({ met: 199, missed: 1, percent: 99.5 })).toBe('99% (199/200)')
    expect(rateCell({ met: 1, missed: 299, percent: 100 / 300 })).toBe('1% (1/300)')
    expect(rateCell({ met: 12, missed: 1, percent: (12 / 13) * 100 })).toBe('92% (12/13)')
    expect(rateCell({ met: 0, missed: 0, percent: null })).toBe('—')
  })

  it('drop the sample size from five values on', () => {
    expect(statsCell({ n: 5, median: 60, p90: 1500, mean: 400 })).toBe('1h / 1d 1h')
    expect(statsCell({ n: 0, median: null, p90: null, mean: null })).toBe('—')
  })
})

describe('renderReport, size', () => {
  it('stays well under GitHub’s body limit for a year of hostile data and the most tiers', () => {
    const config = structuredClone(defaultConfig())
    const template = config.tiers[0]
    if (!template) throw new Error('no tier')
    config.tiers = Array.from({ length: 20 }, (_, index) => ({
      ...template,
      label: `tier-${index}<`.padEnd(50, '<'),
      name: '<@x|'.repeat(25),
    }))
    const period = periodOf({ now: new Date('2026-12-01T00:00:00Z'), days: 366 })
    if ('problem' in period) throw new Error(period.problem)
    const records = Array.from({ length: 5000 }, (_, index) =>
      record(index, {
        tier: config.tiers[index % 20]?.label ?? '',
        customer: `<@${index}|`.repeat(60),
        customerKey: `c${index % 40}`,
        filedAt: new Date(period.from.getTime() + index * 6_000_000).toISOString(),
        ackMinutes: index,
        breaches: 1,
      }),
    )
    const text = renderReport(computeMetrics(records, config, period, 2), {
      ...options,
      repositories: Array.from({ length: 100 }, (_, i) => `acme/repo-${i}`),
    })
    expect(text.length).toBeLessThan(40_000)
    expect(text).not.toContain('cut to fit')
    expect(text).toContain('acme/repo-49 and 50 more')
  })
})

describe('how times are counted', () => {
  const note = (calendars?: '24x7' | 'business' | 'mixed') =>
    renderReport(computeMetrics(LEDGER, defaultConfig(), NOVEMBER, 2), { ...options, calendars })
      .split('\n')
      .find((line) => line.startsWith('_Times are SLA time'))

  it('says what the tiers’ calendars are: around the clock, business hours, or each its own', () => {
    expect(note('24x7')).toContain('SLA time: around the clock, waiting on the customer excluded.')
    expect(note('business')).toContain('SLA time: business hours only, waiting on the customer excluded.')
    expect(note('mixed')).toContain('on each tier’s calendar (business hours where it has them)')
    expect(note()).toBe(note('mixed'))
  })
})
