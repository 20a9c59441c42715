import type { EscalationGateway } from './github/gateway'
import type { Logger } from './github/octokit'
import type { Inputs } from './inputs'
import { emptyReport, type Report } from './shell/report'
import { runIntake } from './shell/run-intake'

export interface EventContext {
  eventName: string
  payload: Record<string, unknown>
}

const INTAKE_ACTIONS = new Set(['opened', 'edited', 'labeled', 'unlabeled', 'reopened'])

function issueNumberOf(payload: Record<string, unknown>): number | null {
  const issue = payload.issue as { number?: unknown; pull_request?: unknown } | undefined
  if (!issue || typeof issue.number !== 'number' || issue.pull_request) return null
  return issue.number
}

/** Routes one workflow event to the job it calls for. */
export async function run(event: EventContext, inputs: Inputs, gateway: EscalationGateway, now: () => Date, log: Logger): Promise<Report> {
  const action = typeof event.payload.action === 'string' ? event.payload.action : ''
  if (event.eventName === 'issues' && INTAKE_ACTIONS.has(action)) {
    const number = issueNumberOf(event.payload)
    if (number === null) return { ...emptyReport('ignored'), decisions: ['The event carries no issue number.'] }
    return runIntake(gateway, number, inputs.configPath, now, log)
  }
  return { ...emptyReport('ignored'), decisions: [`Nothing to do for \`${event.eventName}${action ? `.${action}` : ''}\`.`] }
}
