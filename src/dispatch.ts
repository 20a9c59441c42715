import type { EscalationGateway } from './github/gateway'
import type { Logger } from './github/octokit'
import type { Inputs } from './inputs'
import { emptyReport, type Report } from './shell/report'
import { runIssue } from './shell/run-issue'
import { runPull } from './shell/run-pull'
import { runReport } from './shell/run-report'
import { runSweep } from './shell/run-sweep'

export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
}

/** Issue events that can change an escalation: each run reconciles the whole issue. */
const ISSUE_ACTIONS = new Set(['opened', 'edited', 'labeled', 'unlabeled', 'reopened', 'assigned', 'unassigned', 'closed'])
const SWEEP_EVENTS = new Set(['schedule', 'workflow_dispatch'])
/** A post-mortem PR opened or edited (its checklist is checked) or merged (its checklist becomes sub-issues). */
const PULL_ACTIONS = new Set(['opened', 'edited', 'synchronize', 'reopened', 'closed'])

interface IssuePayload {
  number?: unknown
  pull_request?: unknown
}

function issueNumberOf(payload: Record<string, unknown>): number | null {
  const issue = payload.issue as IssuePayload | undefined
  if (!issue || typeof issue.number !== 'number' || issue.pull_request) return null
  return issue.number
}

/** Routes one workflow event to the job it calls for. The payload names the issue; its content is read fresh. */
export async function dispatch(
  event: EventContext,
  inputs: Inputs,
  gateway: EscalationGateway,
  now: () => Date,
  log: Logger,
): Promise<Report> {
  const action = typeof event.payload.action === 'string' ? event.payload.action : ''
  const ignored = (why: string): Report => ({ ...emptyReport('ignored'), decisions: [why] })
  if (SWEEP_EVENTS.has(event.eventName)) {
    return inputs.job === 'report'
      ? runReport(gateway, { ...inputs.report, repositories: inputs.repositories }, inputs.configPath, now, log)
      : runSweep(gateway, inputs.configPath, now, log, { chat: inputs.chat, repositories: inputs.repositories })
  }
  const number = issueNumberOf(event.payload)
  if (event.eventName === 'issues' && ISSUE_ACTIONS.has(action)) {
    if (number === null) return ignored('The event carries no issue number.')
    return runIssue(gateway, { number, closed: action === 'closed' }, inputs.configPath, now, log, inputs.chat)
  }
  if (event.eventName === 'pull_request' && PULL_ACTIONS.has(action)) {
    const pull = event.payload.pull_request as { number?: unknown; merged?: unknown } | undefined
    if (typeof pull?.number !== 'number') return ignored('The event carries no pull request number.')
    return runPull(gateway, { number: pull.number, merged: pull.merged === true }, inputs.configPath, now, log)
  }
  if (event.eventName === 'issue_comment' && (action === 'created' || action === 'edited')) {
    if (number === null) return ignored('The comment is on a pull request, not an escalation.')
    return runIssue(gateway, { number, closed: false }, inputs.configPath, now, log, inputs.chat)
  }
  return ignored(`Nothing to do for \`${event.eventName}${action ? `.${action}` : ''}\`.`)
}
