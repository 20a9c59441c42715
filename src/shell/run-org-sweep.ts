import type { Config } from '../config/types'
import { notReachedOf, orgSweepOrder } from '../core/plans/org-order'
import { readMarker } from '../core/render/markers'
import { notReachedNotice, renderOrgDashboard, type DashboardRow } from '../core/render/org-dashboard'
import type { EscalationGateway } from '../github/gateway'
import type { OwnIssue } from '../github/ledger-gateway'
import type { Logger } from '../github/octokit'
import type { Report } from './report'
import type { ChatTarget } from '../github/chat-sender'
import { runSweep } from './run-sweep'

/** The label of the central repository's dashboard issue (found again by it, and by its author). */
export const DASHBOARD_LABEL = 'escalation-dashboard'

/**
 * No repository is started after this much of the run: the last one's sweep (planning within
 * its own 2-minute budget, then at most `max-writes-per-run` paced writes) still ends well inside
 * the shipped sweep job's 20-minute timeout, so the dashboard is always written.
 */
export const ORG_SWEEP_BUDGET_MS = 12 * 60_000

/**
 * One desk across an organisation: the central repository's workflow sweeps every listed
 * repository (or all of them), posting in each as its own sweep would, and keeps one
 * dashboard of every open escalation, most urgent first. Each repository is swept with its own
 * configuration, the one its intake reads (the central one would make the two disagree and the
 * card flap between them). One repository failing does not stop the others.
 */
export async function runOrgSweep(
  gateway: EscalationGateway,
  config: Config,
  configText: string | null,
  configPath: string,
  now: () => Date,
  log: Logger,
  options: { chat: ChatTarget[]; shard: string[] },
): Promise<Report> {
  const { chat, shard } = options
  const wanted = config.organization?.repositories ?? []
  const repositories = shard.length > 0 ? shard : wanted === 'all' ? await gateway.listRepositories() : wanted
  const report: Report = { number: null, tier: null, state: 'swept', decisions: [], done: [], failures: [] }
  const rows: DashboardRow[] = []
  // A matrix shard sees part of the organisation: its job summary is its dashboard; the pinned one stays whole.
  const dashboard = shard.length === 0 ? await gateway.findOwnIssue(DASHBOARD_LABEL) : null
  const leftLastTime = dashboard ? notReachedOf(readMarker(dashboard.body)?.data) : []
  const started = Date.now()
  const notReached: string[] = []
  for (const name of orgSweepOrder(repositories, leftLastTime)) {
    if (Date.now() - started > ORG_SWEEP_BUDGET_MS) {
      notReached.push(name)
      continue
    }
    try {
      const swept = await runSweep(gateway.forRepository(name), configPath, now, inRepository(log, name), {
        inOrganization: true,
        chat,
      })
      rows.push(...(swept.rows ?? []))
      report.done.push(...swept.done.map((what) => `${name}${what.startsWith('#') ? '' : ': '}${what}`))
      report.failures?.push(...(swept.failures ?? []).map((failure) => `${name}${failure.startsWith('#') ? '' : ': '}${failure}`))
      report.warnings = [...(report.warnings ?? []), ...(swept.warnings ?? []).map((warning) => `${name}: ${warning}`)]
      report.decisions.push(`${name}: ${swept.decisions[0] ?? 'swept'}`)
    } catch (error) {
      report.failures?.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const body = renderOrgDashboard(rows, { repositories, failures: report.failures ?? [], notReached }, now())
  report.details = body.slice(body.indexOf('\n') + 1)
  if (notReached.length > 0) report.warnings = [...(report.warnings ?? []), notReachedNotice(notReached, false)]
  if (shard.length === 0) report.done.push(...(await publishDashboard(gateway, dashboard, body)))
  report.decisions.unshift(
    `Organisation sweep over ${repositories.length} repositor${repositories.length === 1 ? 'y' : 'ies'}: ${rows.length} open escalations.`,
  )
  return report
}

/** A member repository's log lines say which repository they are about. */
function inRepository(log: Logger, name: string): Logger {
  return { info: (message) => log.info(`${name}: ${message}`), warning: (message) => log.warning(`${name}: ${message}`) }
}

/** The central repository's pinned dashboard issue, edited in place (opened and pinned the first time). */
async function publishDashboard(gateway: EscalationGateway, existing: OwnIssue | null, body: string): Promise<string[]> {
  if (!existing) {
    const created = await gateway.createPinnedIssue('Escalation dashboard', body, DASHBOARD_LABEL)
    return [`opened the dashboard #${created.number}`]
  }
  const done: string[] = []
  // A pin that failed when the dashboard was opened is made up for, while the repository has room.
  if (existing.unpinned && (await gateway.pinIssue(existing.number, existing.nodeId))) done.push(`pinned the dashboard #${existing.number}`)
  if (existing.body === body) return done
  await gateway.updateIssueBody(existing.number, body)
  return [...done, `updated the dashboard #${existing.number}`]
}
