import * as core from '@actions/core'
import { context } from '@actions/github'
import { createGateway } from './github/gateway'
import { createOctokits } from './github/octokit'
import { readInputs } from './inputs'
import { run } from './run'
import { writeSummary } from './shell/summary'

/** The runner's entry: inputs in, outputs and summary out, one `::error::` line on failure. */
export async function main(): Promise<void> {
  try {
    const inputs = readInputs((name) => core.getInput(name))
    const log = { info: core.info, warning: core.warning }
    const gateway = createGateway(createOctokits(inputs.token, log), context.repo, log)
    const report = await run({ eventName: context.eventName, payload: context.payload }, inputs, gateway, () => new Date(), log)
    core.setOutput('escalation-number', report.number === null ? '' : String(report.number))
    core.setOutput('tier', report.tier ?? '')
    core.setOutput('state', report.state)
    await writeSummary(report)
    if (report.failures && report.failures.length > 0) {
      core.setFailed(`${report.failures.length} escalation(s) could not be updated; the next run retries them. ${report.failures.join(' | ')}`)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}

await main()
