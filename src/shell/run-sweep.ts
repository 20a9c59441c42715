import { hasPermission } from '../core/intake/permissions'
import type { RepoPermission } from '../core/snapshot'
import { renderDashboard } from '../core/render/dashboard'
import { planSweep, takeWithinBudget } from '../core/sweep/plan-sweep'
import { STATUS_PERMISSION, unacknowledgedUpdates } from '../core/sweep/status-updates'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions, type CreatedComment } from './apply-actions'
import { findOwnComment, findOwnComments } from '../core/own-comments'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import type { Report } from './report'

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
  // A `/status` already answered with a refusal notice needs no second lookup.
  const unchecked = read.issues.flatMap((issue) =>
    unacknowledgedUpdates(issue.comments).filter((comment) => !findOwnComment(issue.comments, 'notice', `status-refused:${comment.id}`)),
  )
  const authors = [...new Set(unchecked.map((comment) => comment.author))]
  const permissions = new Map<string, RepoPermission>(await Promise.all(authors.map(async (login) => [login, await gateway.permissionOf(login)] as const)))
  const at = now()
  const work = planSweep({ issues: read.issues, config, template, now: at, permitted: (login) => hasPermission(permissions.get(login), STATUS_PERMISSION) })
  const { now: toApply, deferred } = takeWithinBudget(work, config.maxWritesPerRun)
  const report: Report = { number: null, tier: null, state: 'swept', decisions: [], done: [], failures: [] }
  const posted: number[] = []
  const created: CreatedComment[] = []
  for (const item of toApply) {
    const number = item.assessment.issue.number
    try {
      const done = await applyActions(gateway, number, item.actions, log, { settleRaces: false, onCreated: (comment) => created.push(comment) })
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
  report.details = renderDashboard(work, posted, deferred.map((item) => item.assessment.issue.number), at)
  return report
}

/**
 * Two sweeps at once (a manual dispatch beside the schedule) would each post the same status.
 * One read of every issue written to, after all writes, finds such twins: the later of two
 * identical comments deletes itself, so both runs settle on the older one.
 */
async function settleRaces(gateway: EscalationGateway, created: CreatedComment[], log: Logger): Promise<string[]> {
  if (created.length === 0) return []
  const latest = await gateway.recentCommentsOf([...new Set(created.map((comment) => comment.number))])
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
