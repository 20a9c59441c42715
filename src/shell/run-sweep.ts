import { parseIssueBody } from '../core/form/parse-issue-body'
import { deriveEscalation } from '../core/lifecycle/derive'
import { permissionsNeeded } from '../core/lifecycle/permission-needs'
import { byUrgency, planSweepItem, takeWithinBudget, type SweepItem } from '../core/plans/sweep'
import { findOwnComments } from '../core/own-comments'
import { renderDashboard } from '../core/render/dashboard'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions, type CreatedComment } from './apply-actions'
import { DEFAULT_FORM_PATH, loadConfig, loadForm } from './load-settings'
import { lookUpPermissions } from './read-escalation'
import type { Report } from './report'
import { recoverDroppedCloses } from './recover-closes'
import { syncLedger } from './sync-ledger'
import { cardEdit, sendChatNotices } from './chat-notices'
import type { ChatTarget } from '../github/chat-sender'
import { dashboardRow } from '../core/render/org-dashboard'
import { runOrgSweep } from './run-org-sweep'
import { projectSession, syncBoard } from './project-sync'
import { planActionNudges } from '../core/plans/action-nudges'
import type { LedgerRecord } from '../core/ledger/record'

/** How far back the check after the writes looks for a racing run's twin comment. */
const SETTLE_WINDOW = 20

/** The label the first page guesses, so the usual sweep reads configuration and issues at once. */
const DEFAULT_TRIGGER = 'escalation'

/**
 * Parsing and planning stop after this long; the rest waits for the next run. A flood of
 * hostile bodies then delays some escalations by one run instead of pushing every sweep past
 * the workflow's timeout, where none would be written at all.
 */
export const PLANNING_BUDGET_MS = 120_000

/**
 * The scheduled sweep: every open escalation's clocks; status comments where something is
 * owed or the cadence is due; breach labels; cards; the most urgent first, within the write
 * budget. Then escalations whose close event was dropped get their post-mortem.
 */
export interface SweepOptions {
  /** Organisation mode: this sweep is one repository's, so it does not fan out again. */
  inOrganization?: boolean
  /** Team chat webhooks: breaches and missed updates are announced there. */
  chat?: ChatTarget[]
  /** Organisation mode, one shard of a matrix: these repositories only. */
  repositories?: string[]
}

export async function runSweep(
  gateway: EscalationGateway,
  configPath: string,
  now: () => Date,
  log: Logger,
  options: SweepOptions = {},
): Promise<Report> {
  const paths = { config: configPath, form: DEFAULT_FORM_PATH }
  let read = await gateway.listOpenEscalations(DEFAULT_TRIGGER, paths)
  const shard = options.repositories ?? []
  const config = loadConfig(read, configPath, log)
  // The central repository of an organisation fans out; it reads no form of its own.
  if ((config.organization || shard.length > 0) && !options.inOrganization) {
    return runOrgSweep(gateway, config, read.configText, configPath, now, log, { chat: options.chat ?? [], shard })
  }
  const template = await loadForm(config, read, gateway, log)
  if (config.triggerLabel !== DEFAULT_TRIGGER)
    read = { ...(await gateway.listOpenEscalations(config.triggerLabel, paths)), configText: read.configText }
  const parsed = new Map(read.issues.map((issue) => [issue.number, parseIssueBody(issue.body, template)]))
  const needed = read.issues.flatMap((issue) => permissionsNeeded(issue, config, template, parsed.get(issue.number)!))
  const permissions = await lookUpPermissions(gateway, needed)
  const at = now()
  const started = Date.now()
  const items: SweepItem[] = []
  const board = projectSession(gateway, config)
  const boardDone: string[] = []
  let unplanned = 0
  for (const issue of read.issues) {
    if (Date.now() - started > PLANNING_BUDGET_MS) {
      unplanned += 1
      continue
    }
    const escalation = deriveEscalation({ issue, config, template, parsed: parsed.get(issue.number)!, permissions, now: at })
    const item = await syncBoard(board, gateway, escalation, config)
    boardDone.push(...item.done.map((what) => `#${issue.number}: ${what}`))
    items.push({ ...planSweepItem(escalation, config, at, item.record ? { project: item.record } : {}), project: item.record })
  }
  items.sort(byUrgency(config))
  const { now: within, deferred } = takeWithinBudget(items, config.maxWritesPerRun)
  // An escalation closed while this sweep read and planned gets nothing more from it.
  const states = within.length > 0 ? await gateway.issueStates(within.map((item) => item.escalation.issue.number)) : new Map()
  const report: Report = { number: null, tier: null, state: 'swept', decisions: [], done: [], failures: [] }
  if (options.inOrganization && read.configText === null)
    report.warnings = [
      `No ${configPath} in this repository: its escalations follow the built-in defaults, at intake and in the sweep. Copy the central configuration there to give them the desk's tiers and people.`,
    ]
  const posted: number[] = []
  const created: CreatedComment[] = []
  for (const item of within) {
    const number = item.escalation.issue.number
    if (states.get(number) !== 'open') {
      report.decisions.push(`#${number} was closed meanwhile: skipped.`)
      continue
    }
    try {
      const done = await applyActions(gateway, number, item.actions, log, {
        settleRaces: false,
        onCreated: (comment) => created.push(comment),
      })
      report.done.push(...done.map((what) => `#${number}: ${what}`))
      if (item.actions.some((action) => action.kind === 'create-comment')) posted.push(number)
      const cardId =
        item.escalation.card?.comment.id ?? created.find((comment) => comment.number === number && comment.marker === 'card')?.id ?? null
      const told = await sendChatNotices(
        item.escalation,
        config,
        item.sent,
        options.chat ?? [],
        `${gateway.repo.owner}/${gateway.repo.repo}`,
      )
      if (told.recorded.length > 0) {
        const again = planSweepItem(item.escalation, config, at, {
          ...(item.project ? { project: item.project } : {}),
          chat: told.recorded,
        })
        report.done.push(
          ...told.done.map((what) => `#${number}: ${what}`),
          ...(await applyActions(gateway, number, cardEdit(again.actions, cardId), log, { settleRaces: false })),
        )
      }
      if (told.warnings.length > 0) report.warnings = [...(report.warnings ?? []), ...told.warnings]
    } catch (error) {
      // One escalation's failure must not starve the others; the next run retries it.
      report.failures?.push(`#${number}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  report.done.push(...boardDone, ...(await settleRaces(gateway, created, log)))
  if (board.warnings.length > 0) report.warnings = [...(report.warnings ?? []), ...board.warnings]
  report.done.push(...(await recoverDroppedCloses(gateway, config, configPath, now, log, report)))
  const actions = planActionNudges(await gateway.listOpenActions(config.preventiveActions.label), config, at)
  for (const nudge of actions.nudges) {
    try {
      report.done.push(
        ...(await applyActions(gateway, nudge.number, nudge.actions, log, { settleRaces: false })).map(
          (what) => `#${nudge.number}: ${what}`,
        ),
      )
    } catch (error) {
      report.failures?.push(`#${nudge.number}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const patch = (record: LedgerRecord) => ({
    ...record,
    actions: { ...record.actions, overdue: actions.overdueByEscalation.get(record.number) ?? 0 },
  })
  let actionsDone = 0
  try {
    // The ledger follows the escalations every sweep (two reads when nothing changed), so intake finds repeat customers.
    const ledger = await syncLedger(gateway, { config, template, now: at, log, read: await gateway.readLedger(paths), patch })
    actionsDone = ledger.records.reduce((sum, record) => sum + record.actions.done, 0)
    if (ledger.writes > 0)
      report.done.push(`ledger: ${ledger.writes} write${ledger.writes === 1 ? '' : 's'} (${ledger.records.length} escalations)`)
  } catch (error) {
    report.failures?.push(`ledger: ${error instanceof Error ? error.message : String(error)}`)
  }
  report.decisions.push(
    `${read.issues.length} open escalation${read.issues.length === 1 ? '' : 's'} read in ${read.requests} GraphQL request${read.requests === 1 ? '' : 's'} (${read.points} points), ${permissions.size} permission lookups.`,
    `${within.length} escalation${within.length === 1 ? '' : 's'} updated within the budget of ${config.maxWritesPerRun} writes; ${deferred.length} deferred to the next run${unplanned > 0 ? `; ${unplanned} not planned within the time budget` : ''}.`,
  )
  const repository = `${gateway.repo.owner}/${gateway.repo.repo}`
  report.rows = items.map((item) => dashboardRow(item, repository, config, at))
  report.details = renderDashboard(
    items,
    posted,
    deferred.map((item) => item.escalation.issue.number),
    at,
    { open: actions.open, overdue: actions.overdue, done: actionsDone },
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
