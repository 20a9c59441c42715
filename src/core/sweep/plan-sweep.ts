import type { Config } from '../../config/types'
import type { FormTemplate } from '../form/types'
import { parseIssueBody } from '../form/parse-issue-body'
import { findOwnComment, findOwnComments } from '../own-comments'
import type { Action } from '../plan'
import { breachKey, renderBreachComment } from '../render/breach-comment'
import { renderStatusComment, type StatusState } from '../render/status-comment'
import type { IssueSnapshot } from '../snapshot'
import { addSlaMinutes } from '../time/sla-clock'
import { assessEscalation, type Assessment } from './assess'
import { ACCEPTED_REACTION_REST, unacknowledgedUpdates } from './status-updates'

export interface EscalationWork {
  assessment: Assessment
  actions: Action[]
  /** Breach keys notified so far, this run's included: the status comment carries them on. */
  notified: string[]
}

export interface SweepInput {
  issues: IssueSnapshot[]
  config: Config
  template: FormTemplate
  now: Date
  /** Logins allowed to post `/status` (triage or better), checked by the shell. */
  permitted: (login: string) => boolean
}

function notifiedBreaches(issue: IssueSnapshot): Set<string> {
  const latestStatus = findOwnComments<StatusState>(issue.comments, 'status').at(-1)
  const carried = Array.isArray(latestStatus?.data?.breaches) ? latestStatus.data.breaches : []
  const posted = findOwnComments<{ key?: string }>(issue.comments, 'breach').flatMap((own) => (own.data?.key ? [own.data.key] : []))
  return new Set([...carried, ...posted])
}

function planEscalation(issue: IssueSnapshot, input: SweepInput): EscalationWork {
  const { config, now, permitted } = input
  const assessment = assessEscalation(issue, config, now, permitted)
  const actions: Action[] = []
  for (const comment of unacknowledgedUpdates(issue.comments).filter((candidate) => permitted(candidate.author))) {
    actions.push({ kind: 'add-reaction', commentId: comment.id, content: ACCEPTED_REACTION_REST })
  }
  const breached = assessment.breaches.length > 0
  const hasLabel = issue.labels.includes(config.breachLabel)
  if (breached && !hasLabel) actions.push({ kind: 'add-labels', labels: [config.breachLabel] })
  if (!breached && hasLabel) actions.push({ kind: 'remove-label', label: config.breachLabel })
  const notified = notifiedBreaches(issue)
  for (const breach of assessment.breaches) {
    const key = breachKey(assessment, breach)
    if (notified.has(key) || findOwnComment(issue.comments, 'breach', key)) continue
    notified.add(key)
    actions.push({ kind: 'create-comment', marker: 'breach', key, body: renderBreachComment(assessment, breach, key) })
  }
  // The status body is written only for escalations within this run's budget (see withStatusBodies):
  // it needs the issue body parsed, the one costly step, and 1,000 hostile bodies must not stall a sweep.
  if (assessment.due) actions.push({ kind: 'create-comment', marker: 'status', key: assessment.nextUpdateBy.toISOString(), body: '' })
  return { assessment, actions, notified: [...notified] }
}

/** Fills in the status comments of the escalations a run will write. */
export function withStatusBodies(work: EscalationWork[], input: SweepInput): EscalationWork[] {
  return work.map((item) => ({
    ...item,
    actions: item.actions.map((action) => {
      if (action.kind !== 'create-comment' || action.marker !== 'status') return action
      const { assessment } = item
      const nextUpdateBy = addSlaMinutes(input.now, assessment.tier.sla.updateEveryMinutes, assessment.tier.calendar)
      const parsed = parseIssueBody(assessment.issue.body, input.template)
      return { ...action, body: renderStatusComment(assessment, parsed, input.now, nextUpdateBy, item.notified) }
    }),
  }))
}

/** Breached before due, higher tier first, longest overdue first. */
function urgency(config: Config) {
  const rank = (work: EscalationWork) => config.tiers.findIndex((tier) => tier.label === work.assessment.tier.label)
  return (a: EscalationWork, b: EscalationWork) =>
    Number(b.assessment.breaches.length > 0) - Number(a.assessment.breaches.length > 0) ||
    Number(b.assessment.due) - Number(a.assessment.due) ||
    rank(a) - rank(b) ||
    b.assessment.overdueMinutes - a.assessment.overdueMinutes
}

/** Every open escalation's SLA standing and the writes it needs, most urgent first. */
export function planSweep(input: SweepInput): EscalationWork[] {
  return input.issues.map((issue) => planEscalation(issue, input)).sort(urgency(input.config))
}

/**
 * Splits the work at the write budget: an escalation's writes go together or wait for the
 * next run, so nothing is half-done and nothing is lost. The one exception: an escalation that
 * needs more writes than a whole run allows (a late reaction, the breach label, two notices and
 * a status against a small budget) would wait forever, so when it comes first it gets the
 * whole budget for its first writes and is also deferred; the next run plans the rest afresh
 * from what is then on GitHub (posted notices are found by their keys, the status comes last).
 */
export function takeWithinBudget(work: EscalationWork[], maxWrites: number): { now: EscalationWork[]; deferred: EscalationWork[] } {
  const now: EscalationWork[] = []
  const deferred: EscalationWork[] = []
  let budget = maxWrites
  for (const item of work) {
    if (item.actions.length === 0) continue
    if (item.actions.length <= budget) {
      now.push(item)
      budget -= item.actions.length
    } else if (budget === maxWrites) {
      now.push({ ...item, actions: item.actions.slice(0, budget) })
      deferred.push(item)
      budget = 0
    } else {
      deferred.push(item)
    }
  }
  return { now, deferred }
}
