import type { EscalationGateway } from './github/gateway'
import type { Logger } from './github/octokit'
import type { Inputs } from './inputs'
import { emptyReport, type Report } from './shell/report'
import { runIntake } from './shell/run-intake'
import { runPostMortem } from './shell/run-postmortem'
import { runStatusCommand } from './shell/run-status-command'
import { runSweep } from './shell/run-sweep'

export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
}

const INTAKE_ACTIONS = new Set(['opened', 'edited', 'labeled', 'unlabeled', 'reopened'])
const SWEEP_EVENTS = new Set(['schedule', 'workflow_dispatch'])

interface IssuePayload {
  number?: unknown
  pull_request?: unknown
}

function issueNumberOf(payload: Record<string, unknown>): number | null {
  const issue = payload.issue as IssuePayload | undefined
  if (!issue || typeof issue.number !== 'number' || issue.pull_request) return null
  return issue.number
}

function commentOf(payload: Record<string, unknown>): { id: number; body: string; author: string } | null {
  const comment = payload.comment as { id?: unknown; body?: unknown; user?: { login?: unknown } } | undefined
  if (!comment || typeof comment.id !== 'number' || typeof comment.body !== 'string' || typeof comment.user?.login !== 'string') return null
  return { id: comment.id, body: comment.body, author: comment.user.login }
}

/** Routes one workflow event to the job it calls for. */
export async function dispatch(
  event: EventContext,
  inputs: Inputs,
  gateway: EscalationGateway,
  now: () => Date,
  log: Logger,
): Promise<Report> {
  const action = typeof event.payload.action === 'string' ? event.payload.action : ''
  const ignored = (why: string): Report => ({ ...emptyReport('ignored'), decisions: [why] })
  if (SWEEP_EVENTS.has(event.eventName)) return runSweep(gateway, inputs.configPath, now, log)
  const number = issueNumberOf(event.payload)
  if (event.eventName === 'issues' && INTAKE_ACTIONS.has(action)) {
    return number === null ? ignored('The event carries no issue number.') : runIntake(gateway, number, inputs.configPath, now, log)
  }
  if (event.eventName === 'issues' && action === 'closed') {
    const issue = event.payload.issue as { title?: unknown; created_at?: unknown }
    if (number === null || typeof issue.title !== 'string' || typeof issue.created_at !== 'string')
      return ignored('The event carries no issue.')
    return runPostMortem(gateway, { number, title: issue.title, createdAt: new Date(issue.created_at) }, inputs.configPath, log)
  }
  if (event.eventName === 'issue_comment' && (action === 'created' || action === 'edited')) {
    const comment = commentOf(event.payload)
    if (number === null || !comment) return ignored('The comment event carries no issue comment.')
    return runStatusCommand(
      gateway,
      { issueNumber: number, commentId: comment.id, author: comment.author, body: comment.body },
      inputs.configPath,
      log,
    )
  }
  return ignored(`Nothing to do for \`${event.eventName}${action ? `.${action}` : ''}\`.`)
}
