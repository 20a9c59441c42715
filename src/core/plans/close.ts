/**
 * What a closed escalation still needs besides its post-mortem PR: a note when the close is
 * not (yet) confirmed by the team, the one comment saying it is resolved and where the
 * post-mortem is, and the card. The PR itself is planned in postmortem/plan-postmortem.ts.
 */
import type { Config } from '../../config/types'
import type { Escalation } from '../lifecycle/derive'
import { unique } from '../lifecycle/notifications'
import { closerOf } from '../postmortem/plan-postmortem'
import { csatAsked } from '../lifecycle/thread-commands'
import type { Action } from '../plan'
import { mentionList } from '../render/card'
import { renderNotice } from '../render/notice'
import { safeInline } from '../render/sanitize'
import { notifiedPeople } from './thread'
import { planCard } from './card-plan'

function card(escalation: Escalation, config: Config, sent: string[], extra: { postmortem?: number; chat?: string[] }): Action[] {
  return planCard(escalation, config, { sent, notified: notifiedPeople(escalation, config, [...escalation.sent, ...sent]), ...extra })
}

/** Closed by someone below `post-mortem.close-permission`: recorded, and the owners asked to confirm. */
export function planUnconfirmedClose(escalation: Escalation, config: Config): Action[] {
  const closer = closerOf(escalation).login ?? 'someone'
  const key = `close-unconfirmed:${escalation.issue.closedAt?.toISOString() ?? ''}`
  const actions: Action[] = []
  if (!escalation.sent.has(key)) {
    const text =
      `${safeInline(closer)} closed this escalation. ${mentionList(escalation.owners)}: the post-mortem opens once the team confirms the ` +
      `resolution: comment \`/resolve <resolution summary>\`, or close the issue again yourself.`
    actions.push({ kind: 'create-comment', marker: 'notice', key, body: renderNotice([key], [text]) })
  }
  return [...actions, ...card(escalation, config, [key], {})]
}

export interface ResolvedView {
  pull: number
  draft: boolean
  missing: string[]
  reviewers: string[]
  refusedReviewers: string[]
  /** Chat notices sent for the resolution (recorded on the card). */
  chat?: string[]
}

/** The escalation says, once per post-mortem PR, that it is resolved and who reviews what. */
export function planResolved(escalation: Escalation, config: Config, view: ResolvedView): Action[] {
  const key = `resolved:${view.pull}`
  const actions: Action[] = []
  if (!escalation.sent.has(key)) {
    const reviewers = unique(view.reviewers.filter((login) => !view.refusedReviewers.includes(login)))
    const lines = [
      // Reviewers are told by GitHub's review request; naming them here is for the record, not a second ping.
      `**Resolved.** The post-mortem is ready for review in #${view.pull}${reviewers.length > 0 ? ` (reviewers: ${reviewers.map((login) => safeInline(login)).join(', ')})` : ''}.`,
      view.draft
        ? `It is a draft: ${view.missing.join(' and ')} ${view.missing.length === 1 ? 'was' : 'were'} missing at close; fill ${view.missing.length === 1 ? 'it' : 'them'} in during review.`
        : '',
      csatAsk(escalation, config),
      view.refusedReviewers.length > 0
        ? `GitHub would not request ${view.refusedReviewers.map((who) => safeInline(who)).join(', ')} as reviewer (not a collaborator, or the author).`
        : '',
    ]
    actions.push({ kind: 'create-comment', marker: 'notice', key, body: renderNotice([key], [lines.filter(Boolean).join(' ')]) })
  }
  return [...actions, ...card(escalation, config, [key], { postmortem: view.pull, chat: view.chat })]
}

/** Closed as not planned or a duplicate: the configured comment, once per close. */
export function planNotPlanned(escalation: Escalation, config: Config): Action[] {
  const key = `closed-${escalation.issue.stateReason ?? 'other'}:${escalation.issue.closedAt?.toISOString() ?? ''}`
  const text = config.postMortem.notPlannedComment
  const actions: Action[] =
    text && !escalation.sent.has(key) ? [{ kind: 'create-comment', marker: 'notice', key, body: renderNotice([key], [text]) }] : []
  return [...actions, ...card(escalation, config, text ? [key] : [], {})]
}

/** The customer success manager owns the relationship: once they have talked to the customer, their view is recorded. */
function csatAsk(escalation: Escalation, config: Config): string {
  if (escalation.csat) return ''
  const customer = safeInline(escalation.facts.customer ?? 'the customer', 120)
  return `${mentionList(csatAsked(escalation.issue, config))}, once you have talked to ${customer}, record how they rate the handling: \`/csat <1-5> [comment]\`.`
}
