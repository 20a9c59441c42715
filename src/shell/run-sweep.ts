import { hasPermission } from '../core/intake/permissions'
import type { IssueSnapshot, RepoPermission } from '../core/snapshot'
import { renderDashboard } from '../core/render/dashboard'
import { planSweep, takeWithinBudget, withStatusBodies } from '../core/sweep/plan-sweep'
import { STATUS_PERMISSION, statusComments, unacknowledgedUpdates } from '../core/sweep/status-updates'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions, type CreatedComment } from './apply-actions'
import { findOwnComment, findOwnComments } from '../core/own-comments'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import type { Report } from './report'

/** How far back the check after the writes looks for a racing run's twin comment. */
const SETTLE_WINDOW = 20

/** How far back a busy thread is read when its last status comment is not in the sweep's view. */
const DEEPER_WINDOW = 100

/** The label the first page guesses, so the usual sweep reads configuration and issues at once. */
const DEFAULT_TRIGGER = 'escalation'

/**
 * The scheduled sweep: every open escalation's SLA clock, status comments where due, breach
 * labels and notices; the most urgent first, within the write budget.
 */
export async function runSweep(gateway: EscalationGateway, configPath: string, now: () => Date, log: Logger): Promise<Report> {
  const paths = { config: configPath, form: DEFAULT_FORM_PATH }
  let read = await gateway.listOpenEscalations(DEFAULT_TRIGGER, paths)
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  if (config.triggerLabel !== DEFAULT_TRIGGER) read = await gateway.listOpenEscalations(config.triggerLabel, paths)
  const issues = await lookFurtherBack(gateway, read.issues)
  // A `/status` already answered with a refusal notice needs no second lookup.
  const unchecked = issues.flatMap((issue) =>
    unacknowledgedUpdates(issue.comments).filter((comment) => !findOwnComment(issue.comments, 'notice', `status-refused:${comment.id}`)),
  )
  const authors = [...new Set(unchecked.map((comment) => comment.author))]
  const permissions = new Map<string, RepoPermission>(
    await Promise.all(authors.map(async (login) => [login, await gateway.permissionOf(login)] as const)),
  )
  const at = now()
  const input = {
    issues,
    config,
    template,
    now: at,
    permitted: (login: string) => hasPermission(permissions.get(login), STATUS_PERMISSION),
  }
  const work = planSweep(input)
  const { now: within, deferred } = takeWithinBudget(work, config.maxWritesPerRun)
  const toApply = withStatusBodies(within, input)
  const report: Report = { number: null, tier: null, state: 'swept', decisions: [], done: [], failures: [] }
  const posted: number[] = []
  const created: CreatedComment[] = []
  for (const item of toApply) {
    const number = item.assessment.issue.number
    try {
      const done = await applyActions(gateway, number, item.actions, log, {
        settleRaces: false,
        onCreated: (comment) => created.push(comment),
      })
      report.done.push(...done.map((what) => `#${number}: ${what}`))
      posted.push(number)
    } catch (error) {
      // One escalation's failure must not starve the others; the next run retries it.
      report.failures?.push(`#${number}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  report.done.push(...(await settleRaces(gateway, created, log)))
  report.decisions.push(
    `${read.issues.length} open escalations read in ${read.requests} GraphQL request${read.requests === 1 ? '' : 's'} (${read.points} points), ${authors.length} permission lookups.`,
    `${work.filter((item) => item.assessment.breaches.length > 0).length} breached, ${work.filter((item) => item.assessment.due).length} with an update due.`,
    `${toApply.length} escalations updated within the budget of ${config.maxWritesPerRun} writes; ${deferred.length} deferred to the next run.`,
  )
  report.details = renderDashboard(
    work,
    posted,
    deferred.map((item) => item.assessment.issue.number),
    at,
  )
  return report
}

/**
 * Two sweeps at once (a manual dispatch beside the schedule) would each post the same status.
 * One read of every issue written to, after all writes, finds such twins: the later of two
 * identical comments deletes itself, so both runs settle on the older one.
 */
async function settleRaces(gateway: EscalationGateway, created: CreatedComment[], log: Logger): Promise<string[]> {
  if (created.length === 0) return []
  const latest = await gateway.recentCommentsOf([...new Set(created.map((comment) => comment.number))], SETTLE_WINDOW)
  const removed: string[] = []
  for (const comment of created) {
    const keeper = findOwnComments(latest.get(comment.number) ?? [], comment.marker, comment.key)[0]?.comment.id
    if (keeper === undefined || keeper === comment.id) continue
    await gateway.deleteComment(comment.id)
    log.info(`#${comment.number}: another run posted the ${comment.marker} comment first (${keeper}); removed ours (${comment.id}).`)
    removed.push(`#${comment.number}: removed duplicate ${comment.marker} comment ${comment.id}`)
  }
  return removed
}

/**
 * A busy thread may have pushed the last status comment (and what it records: first response,
 * notified breaches) out of the sweep's window of recent comments. Those few are read further
 * back, all in one request, so the sweep neither posts early nor notifies a breach twice.
 */
async function lookFurtherBack(gateway: EscalationGateway, issues: IssueSnapshot[]): Promise<IssueSnapshot[]> {
  const blind = issues.filter((issue) => issue.commentsTruncated && statusComments(issue.comments).length === 0)
  if (blind.length === 0) return issues
  const deeper = await gateway.recentCommentsOf(
    blind.map((issue) => issue.number),
    DEEPER_WINDOW,
  )
  return issues.map((issue) => {
    const comments = deeper.get(issue.number)
    return comments && comments.length > issue.comments.length ? { ...issue, comments } : issue
  })
}
