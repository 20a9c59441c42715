import * as core from '@actions/core'
import { context } from '@actions/github'
import { createGateway } from './github/gateway'
import { createOctokits, PRODUCTION_PACING, type Pacing } from './github/octokit'
import { readInputs } from './inputs'
import { dispatch } from './dispatch'
import { writeSummary } from './shell/summary'
import { escapeCommands } from './log'

const NOT_ESCALATIONS = new Set(['not-escalation', 'report', 'swept', 'ignored'])

export interface RunOptions {
  /** How long Octokit waits between writes and before retries; production pacing by default. */
  pacing?: Partial<Pacing>
}

/**
 * The action: inputs in, outputs and summary out, one `::error::` line on failure. Exported as
 * `run` for @github/local-action and the tests; `index.ts` is what the runner starts.
 */
export async function run(options: RunOptions = {}): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    // Webhook addresses are secrets: masked in the log whatever prints them.
    for (const target of inputs.chat) core.setSecret(target.url)
    // Lines that carry user text never become workflow commands (see log.ts).
    const log = { info: (message: string) => core.info(escapeCommands(message)), warning: core.warning }
    const pacing = { ...PRODUCTION_PACING, ...options.pacing }
    const gateway = createGateway(createOctokits(inputs.token, { ...log, debug: core.debug }, pacing), context.repo, log)
    const report = await dispatch({ eventName: context.eventName, payload: context.payload }, inputs, gateway, () => new Date(), log)
    // Only an escalation's number: not the report issue, not an issue without the trigger label.
    const escalation = report.number !== null && !NOT_ESCALATIONS.has(report.state)
    core.setOutput('escalation-number', escalation ? String(report.number) : '')
    core.setOutput('tier', report.tier ?? '')
    core.setOutput('state', report.state)
    core.setOutput('needs-info', report.needsInfo === undefined ? '' : String(report.needsInfo))
    core.setOutput('command', report.command ?? '')
    core.setOutput('post-mortem', report.postmortem === undefined ? '' : String(report.postmortem))
    for (const warning of report.warnings ?? []) core.warning(warning)
    await writeSummary(report)
    if (report.failures && report.failures.length > 0) {
      core.setFailed(
        `${report.failures.length} ${report.failures.length === 1 ? 'step' : 'steps'} of this run did not complete; the next run retries. ${report.failures.join(' | ')}`,
      )
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
