/** An escalation as a chat notice says it: the facts an executive needs, in the card's words. */
import type { ChatEvent } from '../../config/types'
import type { ChatNotice } from '../chat'
import { CLOCK_ICON } from '../render/clock-text'
import { formatDue } from '../time/format'
import { formatUtc } from '../time/sla-clock'
import type { Escalation } from './derive'

function headline(escalation: Escalation, event: ChatEvent): string {
  const { clocks, tierDecision, resolution, tier } = escalation
  switch (event) {
    case 'opened':
      return `A new ${tier.name} escalation was filed.`
    case 'tier-raised':
      return `Raised to ${tier.name}${tierDecision.setBy ? ` by ${tierDecision.setBy}` : ''}.`
    case 'breach': {
      const clock = [clocks.acknowledge, clocks.resolve].find(
        (candidate) => candidate.status === 'breached' || candidate.status === 'missed',
      )
      return clock
        ? `${clock.kind === 'acknowledge' ? 'Acknowledge' : 'Resolve'} SLA breached: it was due ${formatDue(clock.dueAt, tier.calendar)}.`
        : 'An SLA target was missed.'
    }
    case 'missed-update':
      return `No status update from the team since ${formatUtc(clocks.update.since)}.`
    case 'resolved':
      return resolution ? `Resolved: ${resolution.summary.split('\n')[0] ?? ''}` : 'Resolved.'
  }
}

export function chatNoticeOf(
  escalation: Escalation,
  event: ChatEvent,
  repository: string,
  postMortem?: { number: number; url: string },
): ChatNotice {
  const { issue, tier, facts, clocks } = escalation
  const word = (clock: (typeof clocks)['acknowledge']) => `${clock.kind} ${CLOCK_ICON[clock.status]} ${clock.status.replace('-', ' ')}`
  return {
    event,
    headline: headline(escalation, event),
    repository,
    number: issue.number,
    title: issue.title,
    url: issue.url,
    tierName: tier.name,
    tierLabel: tier.label,
    customer: facts.customer,
    arr: facts.accountValue,
    renewal: facts.renewalDate,
    impact: facts.impact,
    ask: facts.ask,
    owners: escalation.owners,
    slaState: [clocks.acknowledge, clocks.update, clocks.resolve].map(word).join(' · '),
    acknowledgeDue: formatDue(clocks.acknowledge.dueAt, tier.calendar),
    resolveDue: formatDue(clocks.resolve.dueAt, tier.calendar),
    ...(postMortem ? { postMortem } : {}),
  }
}
