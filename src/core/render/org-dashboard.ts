/**
 * One desk across repositories: every open escalation of every repository, most urgent first,
 * with the same SLA words as each card, for the central repository's job summary and its
 * pinned dashboard issue.
 */
import { formatDuration } from '../../config/duration'
import type { Config } from '../../config/types'
import type { SweepItem } from '../plans/sweep'
import { formatUtc } from '../time/sla-clock'
import { clockWord } from './clock-text'
import { slaState } from './dashboard'
import { fitBody } from './limits'
import type { OrgDashboardData } from '../plans/org-order'
import { renderMarker } from './markers'
import { safeCell } from './sanitize'

export interface DashboardRow {
  repository: string
  number: number
  /** The issue's address, as GitHub gave it. */
  url: string
  tierRank: number
  tier: string
  customer: string
  state: string
  sla: string
  acknowledge: string
  update: string
  resolve: string
  resolveDue: string
  ageMinutes: number
  /** 0 breached, 1 at risk, 2 waiting, 3 on track: the order people want. */
  urgency: number
}

const URGENCY = { breached: 0, 'at risk': 1, waiting: 2, 'on track': 3 } as const

export function dashboardRow(item: SweepItem, repository: string, config: Config, now: Date): DashboardRow {
  const { escalation: e } = item
  const state = slaState(item)
  return {
    repository,
    number: e.issue.number,
    url: e.issue.url,
    tierRank: config.tiers.findIndex((tier) => tier.label === e.tier.label),
    tier: e.tier.name,
    customer: e.facts.customer ?? e.issue.title,
    state: e.state,
    sla: state,
    acknowledge: clockWord(e.clocks.acknowledge),
    update: clockWord(e.clocks.update),
    resolve: clockWord(e.clocks.resolve),
    resolveDue: formatUtc(e.clocks.resolve.dueAt),
    ageMinutes: Math.max(0, Math.round((now.getTime() - e.start.getTime()) / 60_000)),
    urgency: URGENCY[state],
  }
}

/** Most urgent first: breached, at risk, waiting, on track; higher tier first; oldest first. */
export function byOrgUrgency(a: DashboardRow, b: DashboardRow): number {
  return a.urgency - b.urgency || a.tierRank - b.tierRank || b.ageMinutes - a.ageMinutes
}

const MAX_ROWS = 300

/** `[support-emea#12](https://github.com/…/issues/12)`: repository names are GitHub's own characters; a link GitHub did not give is shown as text. */
function issueLink(row: DashboardRow): string {
  let name = ''
  for (const char of row.repository.slice(0, 140)) name += /[A-Za-z0-9._/-]/.test(char) ? char : '_'
  const text = `${name}#${row.number}`
  const plainUrl = row.url.startsWith('https://') && row.url.length <= 500 && !/[\s()<>|\\[\]]/.test(row.url)
  return plainUrl ? `[${text}](${row.url})` : safeCell(text)
}

export interface OrgSweepOutcome {
  /** Every repository of the desk, swept or not. */
  repositories: string[]
  failures: string[]
  /** Repositories this run had no time left for (the next run starts with them). */
  notReached: string[]
}

export function renderOrgDashboard(rows: DashboardRow[], outcome: OrgSweepOutcome, now: Date): string {
  const { repositories, failures, notReached } = outcome
  const sorted = [...rows].sort(byOrgUrgency)
  const breached = rows.filter((row) => row.sla === 'breached').length
  const data: OrgDashboardData = { notReached }
  const lines = [
    renderMarker('org-dashboard', data),
    `### Escalations across ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'}`,
    '',
    `**${rows.length} open** at ${formatUtc(now)}, ${breached} breached. Most urgent first; each row links to its escalation, whose card has the details.`,
    '',
    '| Escalation | Tier | Customer | State | Age | Acknowledge | Update | Resolve | Resolve by |',
    '|---|---|---|---|---|---|---|---|---|',
    ...sorted
      .slice(0, MAX_ROWS)
      .map(
        (row) =>
          `| ${issueLink(row)} | ${safeCell(row.tier)} | ${safeCell(row.customer, 60)} | ${row.state} | ${formatDuration(row.ageMinutes)} | ${row.acknowledge} | ${row.update} | ${row.resolve} | ${row.resolveDue} |`,
      ),
    ...(rows.length > MAX_ROWS ? [`| _and ${rows.length - MAX_ROWS} more_ | | | | | | | | |`] : []),
  ]
  if (failures.length > 0)
    lines.push('', `**Not swept this run** (retried next run): ${failures.map((failure) => safeCell(failure, 200)).join('; ')}`)
  if (notReached.length > 0) lines.push('', notReachedNotice(notReached))
  return fitBody(lines.join('\n'))
}

/** Said on the dashboard (in bold) and in the run's warnings: which repositories wait, and what fixes it for good. */
export function notReachedNotice(notReached: string[], bold = true): string {
  const names = notReached.map((name) => safeCell(name, 100)).join(', ')
  const title = bold ? '**Not reached this run**' : 'Not reached this run'
  return `${title} (its time ran out; the next run starts with them, and the dashboard leaves their escalations out until then): ${names}. A desk this size wants a matrix of jobs, each given some of the repositories through the action's \`repositories\` input.`
}
