import * as core from '@actions/core'
import type { Report } from './report'

/** The job summary: what was decided and what was done, readable without the log. */
export async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const title = report.number === null ? 'Escalation Desk' : `Escalation Desk: #${report.number}`
  const summary = core.summary
    .addHeading(title, 2)
    .addRaw(`**State:** \`${report.state}\`${report.tier ? ` · **Tier:** \`${report.tier}\`` : ''}`, true)
    .addHeading('Decided', 3)
    .addList(report.decisions.length > 0 ? report.decisions : ['Nothing.'])
    .addHeading('Done', 3)
    .addList(report.done.length > 0 ? report.done.slice(0, 300) : ['No changes on GitHub.'])
  if (report.warnings?.length) summary.addHeading('Warnings', 3).addList(report.warnings)
  if (report.details) summary.addHeading('Open escalations', 3).addRaw(report.details, true)
  if (report.failures?.length) summary.addHeading('Failed (retried next run)', 3).addList(report.failures)
  await summary.write()
}
