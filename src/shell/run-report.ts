import { FRESH_META, readMeta, withMeta } from '../core/ledger/meta'
import { periodDays, periodOf, type Period } from '../core/report/period'
import { computeMetrics } from '../core/report/metrics'
import { renderReport } from '../core/report/render-report'
import type { Config } from '../config/types'
import type { FormTemplate } from '../core/form/types'
import type { EscalationGateway } from '../github/gateway'
import type { LedgerRead } from '../github/ledger-gateway'
import type { Logger } from '../github/octokit'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { gatherOrganization, type ReportScope, type ReportTarget } from './org-report'
import type { Report } from './report'
import { syncLedger } from './sync-ledger'

export interface ReportRequest {
  /** Days back from now (default: the configuration's `report.period-days`). */
  days?: number
  /** YYYY-MM-DD, UTC, both days included. */
  from?: string
  to?: string
  /** Organisation mode, one shard of a matrix: these repositories only. */
  repositories?: string[]
}

/** Where committed reports go: a branch of their own, so the default branch (and its protection) is untouched. */
export const REPORTS_BRANCH = 'escalation-reports'

/**
 * The metrics report: the ledger brought up to date (two reads when nothing changed), the
 * metrics over the period, written to the job summary and to the pinned report issue (edited in
 * place, only when it reads differently), and optionally committed as a Markdown file. In
 * organisation mode the ledgers of every listed repository, in one report.
 */
export async function runReport(
  gateway: EscalationGateway,
  request: ReportRequest,
  configPath: string,
  now: () => Date,
  log: Logger,
): Promise<Report> {
  const read = await gateway.readLedger({ config: configPath, form: DEFAULT_FORM_PATH })
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const at = now()
  const period = periodOf({ now: at, days: request.days ?? config.report.periodDays, from: request.from, to: request.to })
  if ('problem' in period) throw new Error(`The report period cannot be read: ${period.problem}`)
  const shard = request.repositories ?? []
  const scope =
    config.organization || shard.length > 0
      ? await gatherOrganization(gateway, { config, template, read, configPath, period, now: at, log, shard })
      : await gatherOwn(gateway, { config, template, read, period, now: at, log })
  const metrics = computeMetrics(scope.records, config, period, config.csat.lowRating)
  // "Generated at" is the period's end, not the clock: a re-run with nothing new reads the same and writes nothing.
  const business = config.tiers.filter((tier) => tier.calendar.kind !== '24x7').length
  const calendars = business === 0 ? '24x7' : business === config.tiers.length ? 'business' : 'mixed'
  const text = renderReport(metrics, { title: config.report.issueTitle, generatedAt: period.to, calendars, ...scope.options })
  const report: Report = { number: scope.target?.number ?? null, tier: null, state: 'report', decisions: scope.decisions, done: scope.done }
  report.details = text
  if (scope.failures.length > 0) report.failures = scope.failures
  if (scope.target) {
    const published = await publishReport(gateway, config.report.issueTitle, text, scope.target)
    report.number = published.number
    report.done.push(...published.done)
  }
  if (config.report.commit && scope.target)
    report.done.push(
      ...(await commitReport(gateway, `${config.report.directory}/${periodDays(period).first}_${periodDays(period).last}.md`, text)),
    )
  return report
}

interface OwnContext {
  config: Config
  template: FormTemplate
  read: LedgerRead
  period: Period
  now: Date
  log: Logger
}

/** This repository's ledger alone; the report issue is the ledger's (opened by the sync when there is none yet). */
async function gatherOwn(gateway: EscalationGateway, context: OwnContext): Promise<ReportScope> {
  const { config, template, now, log, read, period } = context
  const ledger = await syncLedger(gateway, { config, template, now, log, read, createReport: true, deferBody: true })
  const done = ledger.writes > 0 ? [`updated the ledger (${ledger.writes} write${ledger.writes === 1 ? '' : 's'})`] : []
  return {
    records: ledger.records,
    options: {},
    target: { number: ledger.reportIssue, markerBody: ledger.reportBody ?? '', current: read.report?.body ?? ledger.reportBody ?? '' },
    decisions: [
      `${ledger.records.length} escalations in the ledger${ledger.rebuilt ? ' (rebuilt from the issues)' : ''}; period ${period.label}.`,
    ],
    done,
    failures: [],
  }
}

/** One edit: the report and the ledger's marker together (the sync left the body to this run); one creation when there is no issue yet. */
async function publishReport(
  gateway: EscalationGateway,
  title: string,
  text: string,
  target: ReportTarget,
): Promise<{ number: number; done: string[] }> {
  if (target.number === null) {
    const created = await gateway.createReportIssue(title, withMeta(text, FRESH_META))
    return { number: created.number, done: [`opened the report #${created.number}`] }
  }
  const body = withMeta(text, readMeta(target.markerBody) ?? FRESH_META)
  if (body === target.current) return { number: target.number, done: [] }
  await gateway.updateIssueBody(target.number, body)
  return { number: target.number, done: [`updated the report in #${target.number}`] }
}

async function commitReport(gateway: EscalationGateway, path: string, text: string): Promise<string[]> {
  const branch = await gateway.readBranchFile(REPORTS_BRANCH, path)
  if (branch.text === text) return []
  const parent = branch.branch ?? branch.base
  const sha = await gateway.commitFile(parent, path, text, `Escalation report ${path}`)
  await gateway.moveBranch(REPORTS_BRANCH, sha, branch.branch !== null)
  return [`committed \`${path}\` on \`${REPORTS_BRANCH}\``]
}
