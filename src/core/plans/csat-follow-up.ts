/**
 * Customer satisfaction after the close: the people asked get one reminder once the configured
 * business days have passed without a rating; when an SLA was missed and nobody recorded how the
 * customer took it, the tier's escalation contacts are told once (an unpleasant conversation is
 * due either way). Planned from the card's memory alone: the sweep reads closed escalations lightly.
 */
import type { Config } from '../../config/types'
import { businessDaysAfter } from '../followup/csat'
import { readCardData } from '../lifecycle/card-data'
import { findOwnComment, findOwnComments } from '../own-comments'
import type { Action } from '../plan'
import { mentionList } from '../render/card'
import { renderNotice } from '../render/notice'
import type { CommentSnapshot } from '../snapshot'

export interface ClosedView {
  number: number
  author: string
  closedAt: Date | null
  comments: CommentSnapshot[]
}

export const CSAT_REMINDER = 'csat-reminder'
export const CSAT_MISSING_AFTER_BREACH = 'csat-missing-sla'

/** Keys the action already gave, on the card or on notices in view. */
function given(view: ClosedView): Set<string> {
  const keys = new Set(readCardData(findOwnComment<unknown>(view.comments, 'card')?.data).sent)
  for (const own of findOwnComments<{ keys?: unknown }>(view.comments, 'notice')) {
    if (Array.isArray(own.data?.keys)) for (const key of own.data.keys) if (typeof key === 'string') keys.add(key)
  }
  return keys
}

export function planCsatFollowUp(view: ClosedView, config: Config, now: Date): Action[] {
  const card = findOwnComment<unknown>(view.comments, 'card')
  if (!card || !view.closedAt || config.csat.remindAfterBusinessDays === 0) return []
  const data = readCardData(card.data)
  if (data.commands.some((command) => command.name === 'csat')) return []
  const tierLabel = data.tiers.at(-1)?.label
  const tier = config.tiers.find((candidate) => candidate.label === tierLabel)
  const calendar = tier?.calendar
  const zone = calendar?.kind === 'business-hours' ? calendar.timeZone : 'UTC'
  const days = calendar?.kind === 'business-hours' ? calendar.days : undefined
  if (now < businessDaysAfter(view.closedAt, config.csat.remindAfterBusinessDays, zone, days)) return []
  const sent = given(view)
  const asked = config.csat.ask === 'filer' ? [view.author] : config.csat.ask
  const keys: string[] = []
  const parts: string[] = []
  if (!sent.has(CSAT_REMINDER)) {
    keys.push(CSAT_REMINDER)
    parts.push(
      `${mentionList(asked)}, a reminder: once you have talked to the customer, record how they rate the handling of this escalation with \`/csat <1-5> [comment]\`.`,
    )
  }
  const breached = data.sent.some((key) => key.startsWith('breach:') || key.startsWith('missed-update:'))
  if (breached && tier && tier.escalationContacts.length > 0 && !sent.has(CSAT_MISSING_AFTER_BREACH)) {
    keys.push(CSAT_MISSING_AFTER_BREACH)
    parts.push(
      `${mentionList(tier.escalationContacts)}: this escalation missed an SLA target and the customer's view is not recorded yet; a conversation with the customer is due.`,
    )
  }
  return parts.length > 0 ? [{ kind: 'create-comment', marker: 'notice', key: keys[0], body: renderNotice(keys, parts) }] : []
}
