import { hasPermission } from '../core/intake/permissions'
import { findOwnComment } from '../core/own-comments'
import { renderNoticeComment } from '../core/render/notices'
import { ACCEPTED_REACTION_REST, STATUS_PERMISSION, isStatusCommand } from '../core/sweep/status-updates'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions } from './apply-actions'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import type { Report } from './report'
import { resolveTierLabel } from '../core/sweep/tier-of'

export interface StatusCommand {
  issueNumber: number
  commentId: number
  author: string
  body: string
}

/**
 * A `/status` comment: from someone with triage access or better it is the escalation's status
 * update (acknowledged with a 👍, quoted by the next sweep, resetting the cadence); from
 * anyone else it stays an ordinary comment, and they are told why.
 */
export async function runStatusCommand(
  gateway: EscalationGateway,
  command: StatusCommand,
  configPath: string,
  log: Logger,
): Promise<Report> {
  const report: Report = { number: command.issueNumber, tier: null, state: 'ignored', decisions: [], done: [] }
  if (!isStatusCommand(command.body)) {
    report.decisions.push('The comment is not a `/status` update.')
    return report
  }
  const read = await gateway.readIssue(command.issueNumber, { config: configPath, form: DEFAULT_FORM_PATH })
  const { config } = await loadSettings(read, configPath, gateway, log)
  if (!read.issue?.labels.includes(config.triggerLabel)) {
    report.decisions.push(`#${command.issueNumber} is not an escalation: \`/status\` ignored.`)
    return report
  }
  report.tier = resolveTierLabel(read.issue, config).label
  if (hasPermission(await gateway.permissionOf(command.author), STATUS_PERMISSION)) {
    report.state = 'status-update'
    report.decisions.push(`\`/status\` from ${command.author} accepted as the status update.`)
    report.done = await applyActions(
      gateway,
      command.issueNumber,
      [{ kind: 'add-reaction', commentId: command.commentId, content: ACCEPTED_REACTION_REST }],
      log,
    )
    return report
  }
  const key = `status-refused:${command.commentId}`
  report.decisions.push(`\`/status\` from ${command.author} not counted: below triage permission.`)
  if (findOwnComment(read.issue.comments, 'notice', key)) return report
  const text =
    `@${command.author}, thanks for the update. Status updates that reset the escalation's clock come from the team ` +
    `working it (triage access or more), so this one stays a regular comment; the owners will see it in the next status.`
  report.done = await applyActions(
    gateway,
    command.issueNumber,
    [{ kind: 'create-comment', marker: 'notice', key, body: renderNoticeComment({ key, text }) }],
    log,
  )
  return report
}
