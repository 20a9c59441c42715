import { parseIssueBody } from '../core/form/parse-issue-body'
import { actorsToCheck } from '../core/intake/resolve-tier'
import { planIntake } from '../core/intake/plan-intake'
import { requestedTierIndex } from '../core/escalation'
import type { RepoPermission } from '../core/snapshot'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions } from './apply-actions'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import type { Report } from './report'

/** Intake for one issue: read its current state, plan, apply the difference. */
export async function runIntake(
  gateway: EscalationGateway,
  number: number,
  configPath: string,
  now: () => Date,
  log: Logger,
): Promise<Report> {
  const read = await gateway.readIssue(number, { config: configPath, form: DEFAULT_FORM_PATH })
  const report: Report = { number, tier: null, state: 'not-escalation', decisions: [], done: [] }
  if (!read.issue) {
    report.decisions.push(`Issue #${number} was not found (deleted or transferred); nothing to do.`)
    return report
  }
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const issue = read.issue
  if (!issue.labels.includes(config.triggerLabel)) {
    report.decisions.push(`#${number} has no \`${config.triggerLabel}\` label: not an escalation, nothing written.`)
    return report
  }
  const parsed = parseIssueBody(issue.body, template)
  const actors = actorsToCheck(issue, config, requestedTierIndex(parsed, template))
  const permissions = new Map<string, RepoPermission>(
    await Promise.all(actors.map(async (login) => [login, await gateway.permissionOf(login)] as const)),
  )
  const plan = planIntake({ issue, config, template, parsed, permissions, now: now() })
  report.state = plan.state
  report.tier = plan.tier?.label ?? null
  report.decisions.push(
    `Tier: ${plan.tier ? `${plan.tier.name} (\`${plan.tier.label}\`)` : 'none'}.`,
    plan.missing.length > 0
      ? `Missing: ${plan.missing.map((field) => `${field.label} (${field.reason})`).join(', ')}.`
      : 'All required fields present.',
  )
  if (plan.actions.length === 0) report.decisions.push('Already up to date: nothing to change.')
  report.done = await applyActions(gateway, number, plan.actions, log)
  return report
}
