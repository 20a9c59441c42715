import type { Tier } from '../../config/types'
import type { EscalationFacts } from '../escalation'
import type { Notice } from '../intake/resolve-tier'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeInline } from './sanitize'

/** A one-off explanation (a refused tier label, say), found again by its key. */
export function renderNoticeComment(notice: Notice): string {
  return fitBody(`${renderMarker('notice', { key: notice.key })}\n${notice.text}`)
}

/** Tells a tier's people about the escalation, once per tier. */
export function renderNotifyComment(tier: Tier, title: string, facts: EscalationFacts): string {
  const who = tier.notify.map((login) => `@${login}`).join(' ')
  return [
    renderMarker('notify', { key: tier.label, notified: tier.notify }),
    `${who}: this escalation is now **${tier.name}** (\`${tier.label}\`).`,
    '',
    `- **Escalation:** ${safeInline(title, 200)}`,
    `- **Customer:** ${safeInline(facts.customer ?? 'not given', 200)}`,
    `- **Business impact:** ${safeInline(facts.impact ?? 'not given', 300)}`,
  ].join('\n')
}
