import { planThread } from '../core/plans/thread'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions, type CreatedComment } from './apply-actions'
import { cardEdit, sendChatNotices } from './chat-notices'
import type { ChatTarget } from '../github/chat-sender'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { readEscalation } from './read-escalation'
import { projectSession, syncBoard } from './project-sync'
import type { Report } from './report'
import { runPostMortem } from './run-postmortem'
import { refreshActionStates } from './action-closed'
import { ledgerRecords } from './sync-ledger'
import { toPastEscalation } from '../core/ledger/from-escalation'

/** Commands whose record is part of the post-mortem document. */
const DOCUMENTED = new Set(['csat', 'sponsor', 'timeline'])

export interface IssueRun {
  number: number
  /** The issue was just closed (the `closed` event): its post-mortem is due. */
  closed: boolean
}

/**
 * Any event on an escalation (filed, edited, labelled, assigned, a comment, closed): read its
 * current state, derive the lifecycle, plan, apply the difference. Never the event's delta:
 * concurrency groups drop events, so every run reconciles the whole issue. A `/resolve` closes
 * the issue and opens the post-mortem in the same run: a close made with GITHUB_TOKEN starts
 * no workflow, so no `closed` run would follow.
 */
export async function runIssue(
  gateway: EscalationGateway,
  run: IssueRun,
  configPath: string,
  now: () => Date,
  log: Logger,
  chat: ChatTarget[] = [],
): Promise<Report> {
  const { number } = run
  const read = await gateway.readIssue(number, { config: configPath, form: DEFAULT_FORM_PATH })
  const report: Report = { number, tier: null, state: 'not-escalation', decisions: [], done: [] }
  if (!read.issue) return { ...report, decisions: [`Issue #${number} was not found (deleted or transferred); nothing to do.`] }
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const issue = read.issue
  if (!issue.labels.includes(config.triggerLabel)) {
    const done = await refreshActionStates(gateway, issue, { config, template, configPath, now: now() }, log)
    if (done.length > 0) return { ...report, decisions: [`#${number} is a preventive action: its escalation's card follows.`], done }
    return { ...report, decisions: [`#${number} has no \`${config.triggerLabel}\` label: not an escalation, nothing written.`] }
  }
  const loadLedger = async () =>
    ledgerRecords(await gateway.readLedger({ config: configPath, form: DEFAULT_FORM_PATH })).map(toPastEscalation)
  const { escalation } = await readEscalation(gateway, issue, { config, template, now: now(), loadLedger })
  const board = projectSession(gateway, config)
  const item =
    escalation.issue.state === 'open' || escalation.carried.project ? await syncBoard(board, gateway, escalation, config) : { done: [] }
  const plan = planThread(escalation, config, item.record ? { project: item.record } : {})
  report.tier = escalation.tier.label
  report.state = escalation.state
  report.needsInfo = escalation.needsInfo
  report.command = escalation.threadCommands.filter((item) => !item.decidedBefore && item.verdict.kind === 'accepted').at(-1)?.command.name
  report.decisions.push(
    `${escalation.tier.name} (\`${escalation.tier.label}\`), ${escalation.state}${escalation.needsInfo ? `, missing ${escalation.missing.map((field) => field.label).join(', ')}` : ''}.`,
    ...plan.decisions,
  )
  if (plan.actions.length === 0) report.decisions.push('Already up to date: nothing to change.')
  let cardId = escalation.card?.comment.id ?? null
  const onCreated = (created: CreatedComment) => void (created.marker === 'card' && (cardId = created.id))
  report.done = [...item.done, ...(await applyActions(gateway, number, plan.actions, log, { settleRaces: true, onCreated }))]
  if (board.warnings.length > 0) report.warnings = [...(report.warnings ?? []), ...board.warnings]
  const repository = `${gateway.repo.owner}/${gateway.repo.repo}`
  const told = await sendChatNotices(escalation, config, plan.sent, chat, repository)
  if (told.recorded.length > 0) {
    const replanned = planThread(escalation, config, { ...(item.record ? { project: item.record } : {}), chat: told.recorded })
    report.done.push(...told.done, ...(await applyActions(gateway, number, cardEdit(replanned.actions, cardId), log)))
  }
  if (told.warnings.length > 0) report.warnings = [...(report.warnings ?? []), ...told.warnings]
  // After the close, what the document holds (a rating, a sponsor, a timeline entry) goes into its open PR.
  const laterWord =
    issue.state === 'closed' &&
    escalation.threadCommands.some((item) => !item.decidedBefore && item.verdict.kind === 'accepted' && DOCUMENTED.has(item.command.name))
  if (!run.closed && !plan.resolved && !laterWord) return report
  const closed = { number, title: issue.title, createdAt: issue.createdAt }
  const postmortem = await runPostMortem(gateway, closed, configPath, now, log, {
    updateOnly: laterWord && !run.closed && !plan.resolved,
    chat,
  })
  return {
    ...postmortem,
    command: report.command,
    decisions: [...report.decisions, ...postmortem.decisions],
    done: [...report.done, ...postmortem.done],
  }
}
