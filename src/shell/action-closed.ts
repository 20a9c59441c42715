import type { Config } from '../config/types'
import { readActionMarker } from '../core/followup/action-issues'
import type { ActionRecord } from '../core/lifecycle/card-data'
import { readMarker } from '../core/render/markers'
import { planCard } from '../core/plans/card-plan'
import { notifiedPeople } from '../core/plans/thread'
import type { IssueSnapshot } from '../core/snapshot'
import type { FormTemplate } from '../core/form/types'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions } from './apply-actions'
import { DEFAULT_FORM_PATH } from './load-settings'
import { readEscalation } from './read-escalation'

/**
 * A preventive action closed or reopened: the escalation's card shows which of its actions are
 * done. The issue's own marker only names a candidate escalation (anyone can type one); the
 * escalation's action issues, read back, must include this issue as the action's own.
 */
export async function refreshActionStates(
  gateway: EscalationGateway,
  issue: IssueSnapshot,
  settings: { config: Config; template: FormTemplate; configPath: string; now: Date },
  log: Logger,
): Promise<string[]> {
  const { config } = settings
  if (!issue.labels.includes(config.preventiveActions.label)) return []
  const claimed = (readMarker(issue.body)?.data as { escalation?: unknown } | undefined)?.escalation
  if (typeof claimed !== 'number' || claimed === issue.number) return []
  const actions = await gateway.readActions(claimed, config.preventiveActions.label)
  const mine = [...actions.linked, ...actions.labelled].filter((action) => readActionMarker(action)?.escalation === claimed)
  if (!mine.some((action) => action.number === issue.number)) return []
  const read = await gateway.readIssue(claimed, { config: settings.configPath, form: DEFAULT_FORM_PATH })
  if (!read.issue) return []
  const { escalation } = await readEscalation(gateway, read.issue, { config, template: settings.template, now: settings.now })
  const closed = new Set(mine.filter((action) => action.state === 'closed').map((action) => action.number))
  const records: ActionRecord[] = escalation.carried.actions.map(({ done: _, ...record }) =>
    closed.has(record.number) ? { ...record, done: true } : record,
  )
  if (records.length === 0) return []
  const card = planCard(escalation, config, { sent: [], notified: notifiedPeople(escalation, config, escalation.sent), actions: records })
  return (await applyActions(gateway, claimed, card, log)).map((what) => `#${claimed}: ${what}`)
}
