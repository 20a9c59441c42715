import type { Config } from '../config/types'
import { planActionIssues, type ActionPlan } from '../core/followup/action-issues'
import { parseActionItems } from '../core/followup/action-items'
import { renderActionsCheck, renderActionsFiled } from '../core/followup/render-followup'
import type { ActionRecord } from '../core/lifecycle/card-data'
import { upsertComment, findOwnComment } from '../core/own-comments'
import { planCard } from '../core/plans/card-plan'
import { notifiedPeople } from '../core/plans/thread'
import { pullLocation } from '../core/postmortem/plan-postmortem'
import { renderMarker, readMarker } from '../core/render/markers'
import { displayTitle } from '../core/postmortem/title'
import type { EscalationGateway } from '../github/gateway'
import type { PullRead } from '../github/followup-gateway'
import type { Logger } from '../github/octokit'
import { applyActions } from './apply-actions'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { readEscalation } from './read-escalation'
import type { Report } from './report'

export interface PullEvent {
  number: number
  merged: boolean
}

/**
 * A post-mortem pull request changed: while open, its preventive actions are checked (one
 * comment on the PR lists items without an owner or a due date); once merged, each becomes a
 * sub-issue of the escalation, assigned to its owner. Only the action's own post-mortem PRs count.
 */
export async function runPull(
  gateway: EscalationGateway,
  event: PullEvent,
  configPath: string,
  now: () => Date,
  log: Logger,
): Promise<Report> {
  const report: Report = { number: event.number, tier: null, state: 'ignored', decisions: [], done: [] }
  const read = await gateway.readPull(event.number, { config: configPath, form: DEFAULT_FORM_PATH })
  if (!read) return { ...report, decisions: [`Pull request #${event.number} was not found.`] }
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const escalation = (readMarker(read.pull.body)?.data as { issue?: unknown } | undefined)?.issue
  const location = typeof escalation === 'number' ? pullLocation(read.pull, escalation, config) : null
  if (!read.pull.labels.includes(config.postMortem.label) || !location || typeof escalation !== 'number') {
    return { ...report, decisions: [`#${event.number} is not a post-mortem pull request of this action: nothing to do.`] }
  }
  report.number = escalation
  if (read.pull.merged) return runMerged(gateway, { read, escalation, path: location.path, config, configPath, template, now, log }, report)
  if (read.pull.state !== 'OPEN') return { ...report, decisions: [`#${event.number} was closed without merging: no preventive actions.`] }
  const document = await gateway.readFileAt(read.pull.headRefName, location.path)
  const scan = parseActionItems(document ?? '', { today: now() })
  const check = `${renderMarker('actions-check')}\n${renderActionsCheck(scan.items, scan.sectionFound, scan.truncated)}`
  report.state = 'postmortem-review'
  report.decisions.push(
    `${scan.items.length} preventive action${scan.items.length === 1 ? '' : 's'}; ${scan.items.filter((item) => item.problems.length > 0).length} need an owner or a date.`,
  )
  report.done = await applyActions(
    gateway,
    event.number,
    upsertComment(findOwnComment(read.comments, 'actions-check'), 'actions-check', check),
    log,
  )
  return report
}

interface MergeContext {
  read: PullRead
  escalation: number
  path: string
  config: Config
  configPath: string
  template: Parameters<typeof readEscalation>[2]['template']
  now: () => Date
  log: Logger
}

/** Merged: the checklist becomes sub-issues (made, updated or linked as needed), the escalation's card lists them. */
async function runMerged(gateway: EscalationGateway, context: MergeContext, report: Report): Promise<Report> {
  const { read, escalation, path, config, log } = context
  const document = (await gateway.readFileAt(read.pull.baseRefName, path)) ?? (await gateway.readFileAt(read.pull.headRefName, path))
  const scan = parseActionItems(document ?? '')
  const actions = await gateway.readActions(escalation, config.preventiveActions.label)
  const issueRead = await gateway.readIssue(escalation, { config: context.configPath, form: DEFAULT_FORM_PATH })
  const title = issueRead.issue ? displayTitle(issueRead.issue.title) : `#${escalation}`
  const linked = new Set(actions.linked.map((issue) => issue.number))
  const known = new Map([...actions.labelled, ...actions.linked].map((issue) => [issue.number, issue]))
  const plan = planActionIssues(scan.items, [...known.values()], {
    escalation,
    escalationTitle: title,
    postMortemPull: read.pull.number,
    postMortemPath: path,
    linked,
  })
  report.state = 'postmortem-merged'
  report.decisions.push(
    `${scan.items.length} preventive action${scan.items.length === 1 ? '' : 's'} in the merged post-mortem; ${plan.changes.length} change${plan.changes.length === 1 ? '' : 's'} to make.`,
  )
  for (const skipped of plan.skipped) report.decisions.push(`Not filed: "${skipped.item.text.slice(0, 80)}" (${skipped.why}).`)
  const list = await applyActionPlan(gateway, escalation, plan, config, report)
  if (issueRead.issue) {
    const { escalation: derived } = await readEscalation(gateway, issueRead.issue, {
      config,
      template: context.template,
      now: context.now(),
    })
    const card = planCard(derived, config, {
      sent: [],
      notified: notifiedPeople(derived, config, derived.sent),
      actions: list.sort((a, b) => a.number - b.number),
    })
    report.done.push(...(await applyActions(gateway, escalation, card, log)))
  }
  // The check comment said what would happen on merge; now it says what did.
  const existing = findOwnComment(read.comments, 'actions-check')
  if (existing) {
    const filed = `${renderMarker('actions-check')}\n${renderActionsFiled(list, escalation, plan.skipped.length)}`
    report.done.push(...(await applyActions(gateway, read.pull.number, upsertComment(existing, 'actions-check', filed), log)))
  }
  return report
}

async function applyActionPlan(
  gateway: EscalationGateway,
  escalation: number,
  plan: ActionPlan,
  config: Config,
  report: Report,
): Promise<ActionRecord[]> {
  const records: ActionRecord[] = []
  for (const change of plan.changes) {
    if (change.kind === 'create') {
      const created = await gateway.createIssue({
        title: change.title,
        body: change.body,
        labels: [config.preventiveActions.label],
        assignees: change.assignees,
      })
      await gateway.addSubIssue(escalation, created.databaseId)
      records.push({ number: created.number, title: change.title, owner: change.item.owner, due: change.item.due })
      report.done.push(`filed #${created.number} as a sub-issue of #${escalation}`)
      if (created.unassigned.length > 0) {
        report.warnings = [
          ...(report.warnings ?? []),
          `#${created.number} could not be assigned to ${created.unassigned.join(', ')} (no access to this repository): assign its owner by hand.`,
        ]
      }
    } else if (change.kind === 'update') {
      await gateway.updateIssue(change.issue.number, {
        title: change.title,
        body: change.body,
        ...(change.assignees ? { assignees: change.assignees } : {}),
      })
      records.push({
        number: change.issue.number,
        title: change.title,
        owner: change.item.owner,
        due: change.item.due,
        ...(change.issue.state === 'closed' ? { done: true } : {}),
      })
      report.done.push(`updated #${change.issue.number}`)
    } else if (change.kind === 'link') {
      await gateway.addSubIssue(escalation, change.issue.databaseId)
      report.done.push(`linked #${change.issue.number} to #${escalation}`)
    } else
      records.push({
        number: change.issue.number,
        title: change.issue.title,
        owner: change.item.owner,
        due: change.item.due,
        ...(change.issue.state === 'closed' ? { done: true } : {}),
      })
  }
  return records
}
