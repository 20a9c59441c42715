import * as core from '@actions/core'
import type { Report } from './report'

/** A Markdown list; an item's further lines are indented so they stay inside it. */
function list(items: string[]): string {
  return items.map((item) => `- ${item.replace(/\r?\n/g, '\n  ')}`).join('\n')
}

/**
 * The job summary as Markdown, every block separated by a blank line. (The summary helpers'
 * HTML headings and lists would start an HTML block, inside which GitHub shows the Markdown
 * that follows, `**State:**` and all, as raw text until the next blank line.)
 */
export function renderSummary(report: Report): string {
  const title = report.number === null ? 'Escalation Desk' : `Escalation Desk: #${report.number}`
  const blocks = [
    `## ${title}`,
    `**State:** \`${report.state}\`${report.tier ? ` · **Tier:** \`${report.tier}\`` : ''}`,
    '### Decided',
    list(report.decisions.length > 0 ? report.decisions : ['Nothing.']),
    '### Done',
    list(report.done.length > 0 ? report.done.slice(0, 300) : ['No changes on GitHub.']),
  ]
  if (report.warnings?.length) blocks.push('### Warnings', list(report.warnings))
  if (report.details) blocks.push(report.state === 'report' ? '### Report' : '### Open escalations', report.details)
  if (report.failures?.length) blocks.push('### Failed (retried next run)', list(report.failures))
  return `${blocks.join('\n\n')}\n`
}

/** The job summary: what was decided and what was done, readable without the log. */
export async function writeSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(renderSummary(report)).write()
}
