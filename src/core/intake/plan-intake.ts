import type { Config, Tier } from '../../config/types'
import { readFacts, requestedTierIndex } from '../escalation'
import type { FormTemplate, ParsedIssueBody } from '../form/types'
import { findOwnComment, findOwnComments, upsertComment } from '../own-comments'
import type { Action } from '../plan'
import { renderAckComment, type AckState } from '../render/ack-comment'
import { renderMissingComment, type MissingState } from '../render/missing-comment'
import { renderNoticeComment, renderNotifyComment } from '../render/notices'
import type { IssueSnapshot, RepoPermission } from '../snapshot'
import { assessEscalation } from '../sweep/assess'
import { findMissingFields, type MissingField } from './check-required'
import { resolveTier, type TierDecision } from './resolve-tier'

export type IntakeState = 'not-escalation' | 'closed' | 'needs-info' | 'acknowledged'

export interface IntakePlan {
  state: IntakeState
  tier: Tier | null
  missing: MissingField[]
  actions: Action[]
}

export interface IntakeInput {
  issue: IssueSnapshot
  config: Config
  template: FormTemplate
  parsed: ParsedIssueBody
  permissions: ReadonlyMap<string, RepoPermission>
  now: Date
}

function planMissing(input: IntakeInput, missing: MissingField[]): Action[] {
  const existing = findOwnComment<MissingState>(input.issue.comments, 'missing')
  if (!existing && missing.length === 0) return []
  const history = Array.isArray(existing?.data?.history) ? existing.data.history : []
  const labels = missing.map((field) => field.label)
  const last = history.at(-1)
  const changed = !last || last.missing.join('\n') !== labels.join('\n')
  const state: MissingState = { history: changed ? [...history, { at: input.now.toISOString(), missing: labels }] : history }
  return upsertComment(existing, 'missing', renderMissingComment(input.issue.author, missing, state))
}

function planLabelsAndOwners(input: IntakeInput, decision: TierDecision, complete: boolean): Action[] {
  const { issue, config } = input
  const actions: Action[] = []
  const toAdd = decision.labelsToAdd.filter((label) => !issue.labels.includes(label))
  if (!complete && !issue.labels.includes(config.needsInfoLabel)) toAdd.push(config.needsInfoLabel)
  if (toAdd.length > 0) actions.push({ kind: 'add-labels', labels: toAdd })
  for (const label of decision.labelsToRemove) actions.push({ kind: 'remove-label', label })
  if (complete && issue.labels.includes(config.needsInfoLabel)) actions.push({ kind: 'remove-label', label: config.needsInfoLabel })
  const owners = decision.tier.owners.filter((login) => !issue.assignees.some((a) => a.toLowerCase() === login.toLowerCase()))
  if (owners.length > 0) actions.push({ kind: 'add-assignees', logins: owners })
  return actions
}

function planNotices(input: IntakeInput, decision: TierDecision): Action[] {
  return decision.notices
    .filter((notice) => !findOwnComment(input.issue.comments, 'notice', notice.key))
    .map((notice) => ({ kind: 'create-comment', marker: 'notice', key: notice.key, body: renderNoticeComment(notice) }))
}

function planAcknowledgement(input: IntakeInput, decision: TierDecision): Action[] {
  const { issue, config, now } = input
  const { tier } = decision
  const facts = readFacts(input.parsed)
  const actions: Action[] = []
  const notifiedBefore = findOwnComments<{ notified?: string[] }>(issue.comments, 'notify').flatMap((own) => own.data?.notified ?? [])
  const notifyNow = tier.notify.length > 0 && !findOwnComment(issue.comments, 'notify', tier.label)
  if (notifyNow)
    actions.push({ kind: 'create-comment', marker: 'notify', key: tier.label, body: renderNotifyComment(tier, issue.title, facts) })
  const existing = findOwnComment<AckState>(issue.comments, 'ack')
  const history = Array.isArray(existing?.data?.history) ? existing.data.history : []
  const state: AckState =
    existing?.data?.tier === tier.label && history.length > 0
      ? { tier: tier.label, history }
      : {
          tier: tier.label,
          history: [...history, { tier: tier.label, at: now.toISOString(), by: decision.setBy, source: decision.source }],
        }
  // Due times as the sweep sees them: "next update" counts from the latest status update.
  const clock = assessEscalation(issue, config, now, () => false, tier)
  const body = renderAckComment({
    tier,
    state,
    owners: tier.owners,
    notified: [...new Set([...notifiedBefore, ...(notifyNow ? tier.notify : [])])],
    facts,
    acknowledgeBy: clock.acknowledgeBy,
    nextUpdateBy: clock.nextUpdateBy,
    resolveBy: clock.resolveBy,
  })
  return [...actions, ...upsertComment(existing, 'ack', body)]
}

/**
 * The intake decision for one issue, from its current state alone (never the event's delta:
 * concurrency groups drop events, so every run reconciles the whole issue).
 */
export function planIntake(input: IntakeInput): IntakePlan {
  const { issue, config } = input
  if (!issue.labels.includes(config.triggerLabel)) return { state: 'not-escalation', tier: null, missing: [], actions: [] }
  const missing = findMissingFields(input.parsed, input.template, config)
  const decision = resolveTier({
    issue,
    config,
    requestedTierIndex: requestedTierIndex(input.parsed, input.template),
    permissions: input.permissions,
  })
  if (issue.state === 'closed') return { state: 'closed', tier: decision.tier, missing, actions: [] }
  const complete = missing.length === 0
  const actions = [...planLabelsAndOwners(input, decision, complete), ...planNotices(input, decision), ...planMissing(input, missing)]
  if (complete) actions.push(...planAcknowledgement(input, decision))
  return { state: complete ? 'acknowledged' : 'needs-info', tier: decision.tier, missing, actions }
}
