import { FRESH_META, readMeta, withMeta } from '../core/ledger/meta'
import { periodDays, periodOf } from '../core/report/period'
import { computeMetrics } from '../core/report/metrics'
import { renderReport } from '../core/report/render-report'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import type { Report } from './report'
import { syncLedger } from './sync-ledger'

export interface ReportRequest {
  /** Days back from now (default: the configuration's `report.period-days`). */
  days?: number
  /** YYYY-MM-DD, UTC, both days included. */
  from?: string
  to?: string
}

/** Where committed reports go: a branch of their own, so the default branch (and its protection) is untouched. */
export const REPORTS_BRANCH = 'escalation-reports'

/**
 * The metrics report: the ledger brought up to date (two reads when nothing changed), the
 * metrics over the period, written to the job summary and to the pinned report issue (edited in
 * place, only when it reads differently), and optionally committed as a Markdown file.
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
  const ledger = await syncLedger(gateway, { config, template, now: at, log, read, createReport: true, deferBody: true })
  const metrics = computeMetrics(ledger.records, config, period, config.csat.lowRating)
  // "Generated at" is the period's end, not the clock: a re-run with nothing new reads the same and writes nothing.
  const text = renderReport(metrics, { title: config.report.issueTitle, generatedAt: period.to })
  const report: Report = { number: ledger.reportIssue, tier: null, state: 'report', decisions: [], done: [], details: text }
  report.decisions.push(
    `${ledger.records.length} escalations in the ledger${ledger.rebuilt ? ' (rebuilt from the issues)' : ''}; period ${period.label}.`,
  )
  if (ledger.writes > 0) report.done.push(`updated the ledger (${ledger.writes} write${ledger.writes === 1 ? '' : 's'})`)
  if (ledger.reportIssue !== null) {
    // One edit: the report and the ledger's marker together (the sync left the body to this run).
    const body = withMeta(text, readMeta(ledger.reportBody ?? '') ?? FRESH_META)
    const current = read.report?.body ?? (ledger.reportBody === null ? '' : undefined)
    if (body !== current) {
      await gateway.updateIssueBody(ledger.reportIssue, body)
      report.done.push(`updated the report in #${ledger.reportIssue}`)
    }
  }
  if (config.report.commit)
    report.done.push(
      ...(await commitReport(gateway, `${config.report.directory}/${periodDays(period).first}_${periodDays(period).last}.md`, text)),
    )
  return report
}

async function commitReport(gateway: EscalationGateway, path: string, text: string): Promise<string[]> {
  const branch = await gateway.readBranchFile(REPORTS_BRANCH, path)
  if (branch.text === text) return []
  const parent = branch.branch ?? branch.base
  const sha = await gateway.commitFile(parent, path, text, `Escalation report ${path}`)
  await gateway.moveBranch(REPORTS_BRANCH, sha, branch.branch !== null)
  return [`committed \`${path}\` on \`${REPORTS_BRANCH}\``]
}
