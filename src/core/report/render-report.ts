import { utcDate } from '../time/sla-clock'
import { formatDuration } from '../../config/duration'
import { fitBody } from '../render/limits'
import { safeCell, safeInline } from '../render/sanitize'
import { bar, pieChart } from './charts'
import type { ReportMetrics, TierMetrics } from './metrics'
import { periodDays } from './period'
import { percentText, rateCell, sampleNote, SMALL_SAMPLE, statsCell } from './cells'
import { missingLines, repositoryTable } from './render-repositories'
import type { MissingRepository, RepositoryFigures } from './repositories'
import { combineRates } from './stats'

export { rateCell, SMALL_SAMPLE, statsCell }

const MAX_REPOSITORIES_NAMED = 50

export interface ReportOptions {
  title: string
  generatedAt: Date
  /** Organisation mode: the repositories the ledger covers. */
  repositories?: string[]
  /** Organisation mode: each covered repository's figures, for the per-repository table. */
  breakdown?: RepositoryFigures[]
  /** Organisation mode: repositories this run could not read, and why. */
  missing?: MissingRepository[]
  /** The tiers' calendars: how the times are counted. */
  calendars?: keyof typeof CALENDAR_WORDS
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`

function headline(metrics: ReportMetrics): string {
  const { overall, csat, period } = metrics
  const mtta = overall.mttaMinutes.median
  const attainment = combineRates(Object.values(overall.attainment))
  return [
    `**${plural(overall.count, 'escalation')}** filed ${period.label}`,
    mtta === null ? 'none acknowledged yet' : `MTTA median **${formatDuration(mtta)}**${sampleNote(overall.mttaMinutes.n)}`,
    attainment.percent === null
      ? 'no SLA target decided yet'
      : `SLA attainment **${percentText(attainment)}** (${attainment.met}/${attainment.met + attainment.missed} targets met)`,
    csat.average === null ? 'no CSAT ratings' : `CSAT **${csat.average.toFixed(1)} / 5** (${plural(csat.count, 'rating')})`,
  ].join(' · ')
}

function tierRow(tier: TierMetrics, name: string): string {
  const { acknowledge, update, resolve } = tier.attainment
  const cells = [name, tier.count, statsCell(tier.mttaMinutes), tier.resolved, statsCell(tier.resolveMinutes)]
  return `| ${[...cells, rateCell(acknowledge), rateCell(update), rateCell(resolve), tier.breaches].join(' | ')} |`
}

const CALENDAR_WORDS = {
  '24x7': 'around the clock',
  business: 'business hours only',
  mixed: 'on each tier’s calendar (business hours where it has them)',
} as const

function tierTable(metrics: ReportMetrics, calendars: ReportOptions['calendars']): string[] {
  return [
    '## By tier',
    '',
    '| Tier | Filed | Time to acknowledge (median / p90) | Resolved | Time to resolve (median / p90) | Acknowledge SLA | Update SLA | Resolve SLA | Breaches |',
    '|---|--:|---|--:|---|---|---|---|--:|',
    ...metrics.tiers.map((tier) => tierRow(tier, `${safeCell(tier.name, 60)} (${safeCell(tier.tier, 60)})`)),
    tierRow(metrics.overall, '**All tiers**'),
    '',
    `_Times are SLA time: ${CALENDAR_WORDS[calendars ?? 'mixed']}, waiting on the customer excluded. Median and 90th percentile by nearest rank; ` +
      `"n = …" marks figures from fewer than ${SMALL_SAMPLE} escalations. Attainment counts decided targets (met or missed); ` +
      `targets still running are left out. Resolved and time to resolve count escalations resolved in the period._`,
  ]
}

function charts(metrics: ReportMetrics): string[] {
  const attainment = combineRates(Object.values(metrics.overall.attainment))
  const slaPie = pieChart('SLA targets met vs missed, all tiers and clocks', [
    { label: 'Met', value: attainment.met },
    { label: 'Missed', value: attainment.missed },
  ])
  const tierPie = pieChart(
    'Escalations filed by tier',
    metrics.tiers.map((tier) => ({ label: `${tier.name} (${tier.tier})`, value: tier.count })),
  )
  return [...(slaPie.length > 0 ? ['## SLA attainment', '', ...slaPie, ''] : []), '## Escalations by tier', '', ...tierPie]
}

function weeklyTrend(metrics: ReportMetrics): string[] {
  const max = Math.max(0, ...metrics.weekly.flatMap((week) => [week.filed, week.resolved, week.breached]))
  return [
    '## Weekly trend',
    '',
    '| Week of | Filed | Resolved | Breached |',
    '|---|---|---|---|',
    ...metrics.weekly.map(
      (week) => `| ${week.weekStart} | ${bar(week.filed, max)} | ${bar(week.resolved, max)} | ${bar(week.breached, max)} |`,
    ),
    '',
    '_Weeks start on Monday (UTC); the first and last may reach outside the period, and count only what happened inside it. ' +
      'Breached: escalations filed that week with at least one SLA breach._',
  ]
}

function customersTable(metrics: ReportMetrics): string[] {
  if (metrics.customers.length === 0) return ['## Top customers', '', '_No customer named on the escalations filed._']
  return [
    '## Top customers',
    '',
    '| # | Customer | Escalations | Repeat customer |',
    '|--:|---|--:|---|',
    ...metrics.customers.map((c, index) => `| ${index + 1} | ${safeCell(c.customer, 80)} | ${c.count} | ${c.repeat ? '🔁 repeat' : ''} |`),
  ]
}

function csatLine(metrics: ReportMetrics): string {
  const { csat } = metrics
  if (csat.average === null) return 'No satisfaction ratings were recorded in this period.'
  return `Average **${csat.average.toFixed(1)} / 5** from ${plural(csat.count, 'rating')}; ${csat.low} low (rated ${csat.lowRating} or below).`
}

function actionsLine(metrics: ReportMetrics): string {
  const { open, done, overdue } = metrics.actions
  if (open + done === 0) return 'No preventive actions on the escalations filed.'
  return `On the escalations filed: **${open} open** (${overdue} overdue), **${done} done**.`
}

/** The repositories covered; a long list is cut so it never crowds out the report. */
function repositoriesLine(options: ReportOptions): string[] {
  const repositories = options.repositories ?? []
  if (repositories.length === 0) return []
  const named = repositories.slice(0, MAX_REPOSITORIES_NAMED).map((repo) => safeInline(repo, 100))
  const more = repositories.length > MAX_REPOSITORIES_NAMED ? ` and ${repositories.length - MAX_REPOSITORIES_NAMED} more` : ''
  return [`Repositories: ${named.join(', ')}${more}`, '']
}

function footer(options: ReportOptions): string[] {
  return ['---', `_Generated on ${utcDate(options.generatedAt)} by Escalation Desk from its ledger._`]
}

/** The friendly page for a period with nothing filed: what did happen, no table of zeros. */
function quietReport(metrics: ReportMetrics): string[] {
  const { resolved, resolveMinutes } = metrics.overall
  const lateResolved =
    resolved === 0
      ? []
      : [
          `${plural(resolved, 'escalation')} filed earlier ${resolved === 1 ? 'was' : 'were'} resolved in this period` +
            (resolveMinutes.median === null ? '.' : ` (time to resolve, median: ${formatDuration(resolveMinutes.median)}).`),
          '',
        ]
  return [...lateResolved, ...(metrics.csat.count > 0 ? [csatLine(metrics), ''] : [])]
}

function quietHeadline(metrics: ReportMetrics): string {
  const { first, last } = periodDays(metrics.period)
  return `**No escalations filed between ${first} and ${last}.** A quiet period: nothing to measure.`
}

function fullReport(metrics: ReportMetrics, options: ReportOptions): string[] {
  return [
    ...tierTable(metrics, options.calendars),
    '',
    ...repositoryTable(options.breakdown ?? []),
    ...charts(metrics),
    '',
    ...weeklyTrend(metrics),
    '',
    ...customersTable(metrics),
    '',
    '## Customer satisfaction',
    '',
    csatLine(metrics),
    '',
    '## Preventive actions',
    '',
    actionsLine(metrics),
    '',
  ]
}

/** The metrics report as GitHub Markdown, within GitHub's body limit. */
export function renderReport(metrics: ReportMetrics, options: ReportOptions): string {
  const quiet = metrics.overall.count === 0
  const lines = [
    `# ${safeInline(options.title, 200)}`,
    '',
    quiet ? quietHeadline(metrics) : headline(metrics),
    '',
    ...repositoriesLine(options),
    ...missingLines(options.missing ?? []),
    ...(quiet ? quietReport(metrics) : fullReport(metrics, options)),
    ...footer(options),
  ]
  return fitBody(lines.join('\n'))
}
