/**
 * What the escalation owes people in words, derived afresh each run from the issue: the tier
 * decision's notices (a refused label, a requested tier not applied) and the follow-through owed
 * to the tier's escalation contacts. Each has a key, so it is given once.
 */
import type { Config } from '../../config/types'
import type { Escalation } from '../lifecycle/derive'
import { mentionList } from '../render/card'
import { safeInline } from '../render/sanitize'

export interface Owed {
  key: string
  text: string
}

export function owedNotices(escalation: Escalation, config: Config): Owed[] {
  return [...escalation.tierDecision.notices.map((notice) => ({ key: notice.key, text: notice.text })), ...followUpOwed(escalation, config)]
}

/**
 * Follow-through owed to the tier's escalation contacts: a repeat customer (once per customer,
 * as a prompt to name an executive sponsor) and a low satisfaction rating (once per rating).
 */
function followUpOwed(escalation: Escalation, config: Config): Owed[] {
  const owed: Owed[] = []
  const { escalationContacts } = escalation.tier
  const contacts = escalationContacts.length > 0 ? `${mentionList(escalationContacts)}: ` : ''
  const { customer, csat, facts } = escalation
  const name = safeInline(facts.customer ?? 'This customer', 120)
  if (customer?.repeat && !escalation.sponsor) {
    const earlier = customer.earlier.map((past) => `#${past.number}`).join(', ')
    owed.push({
      key: `repeat:${customer.key}`,
      text: `${contacts}${name} has escalated ${customer.earlier.length} time${customer.earlier.length === 1 ? '' : 's'} before in the last ${config.repeatCustomers.windowDays} days (${earlier}). A repeat customer may need an executive sponsor: name one with \`/sponsor @login\`.`,
    })
  }
  if (csat && csat.rating <= config.csat.lowRating) {
    const comment = csat.comment ? ` ("${safeInline(csat.comment, 300)}")` : ''
    owed.push({
      key: `csat-low:${csat.commentId}`,
      text: `${contacts}${name} rated the handling of this escalation ${csat.rating}/5${comment}, recorded by ${safeInline(csat.by)}. A follow-up conversation with the customer is due.`,
    })
  }
  return owed
}
