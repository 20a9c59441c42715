/** A notice: the one new comment an issue run may post, folding everything owed to people. */
import type { Escalation } from '../lifecycle/derive'
import { formatDue } from '../time/format'
import { mentionList } from './card'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeInline } from './sanitize'

export function renderNotice(keys: string[], parts: string[]): string {
  return fitBody(
    [renderMarker('notice', { key: keys[0], keys }), ...parts.flatMap((part, index) => (index === 0 ? [part] : ['', part]))].join('\n'),
  )
}

/** What the tier's people need to act when the tier goes up: who, what is at stake, the ask, the clocks. */
export function tierNotice(escalation: Escalation, mention: string[]): string {
  const { tier, facts, clocks, tierDecision } = escalation
  const by = tierDecision.setBy ? ` by ${safeInline(tierDecision.setBy)}` : ''
  const account = [
    facts.accountValue && `ARR ${safeInline(facts.accountValue, 60)}`,
    facts.renewalDate && `renews ${safeInline(facts.renewalDate, 60)}`,
  ]
    .filter(Boolean)
    .join(', ')
  return [
    `${mentionList(mention)}: this escalation is now **${safeInline(tier.name)}** (\`${tier.label}\`)${by}.`,
    '',
    `- **Customer:** ${safeInline(facts.customer ?? 'not given', 200)}${account ? ` (${account})` : ''}`,
    `- **Business impact:** ${safeInline(facts.impact ?? 'not given yet', 400)}`,
    `- **The ask:** ${safeInline(facts.ask ?? 'not given', 400)}`,
    `- **Owners:** ${mentionList(escalation.owners)}`,
    `- **Acknowledge by** ${formatDue(clocks.acknowledge.dueAt, tier.calendar)} · **resolve by** ${formatDue(clocks.resolve.dueAt, tier.calendar)}`,
  ].join('\n')
}
