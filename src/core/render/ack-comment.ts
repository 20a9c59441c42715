import type { Tier } from '../../config/types'
import { formatDuration } from '../../config/duration'
import type { EscalationFacts } from '../escalation'
import { formatUtc } from '../time/sla-clock'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeCell } from './sanitize'

export interface TierChange {
  tier: string
  at: string
  by: string | null
  source: 'label' | 'requested' | 'default'
}

export interface AckState {
  tier: string
  history: TierChange[]
}

export interface AckView {
  tier: Tier
  state: AckState
  owners: string[]
  notified: string[]
  facts: EscalationFacts
  acknowledgeBy: Date
  nextUpdateBy: Date
  resolveBy: Date
}

function mentionList(logins: string[]): string {
  return logins.length > 0 ? logins.map((login) => `@${login}`).join(', ') : '_none configured_'
}

function customerLine(facts: EscalationFacts): string {
  const extras = [facts.accountValue && `ARR ${facts.accountValue}`, facts.renewalDate && `renews ${facts.renewalDate}`]
  const detail = extras.filter(Boolean).join(', ')
  return safeCell(`${facts.customer ?? 'not given'}${detail ? ` (${detail})` : ''}`, 200)
}

function describeChange(change: TierChange): string {
  const how = {
    label: change.by ? `label applied by ${change.by}` : 'set from the requested tier or the default',
    requested: 'requested in the form',
    default: 'default tier',
  }[change.source]
  return `- ${formatUtc(new Date(change.at))}: \`${change.tier}\` (${how})`
}

/** The one acknowledgement comment of an escalation, edited in place as things change. */
export function renderAckComment(view: AckView): string {
  const { tier, facts } = view
  const lines = [
    renderMarker('ack', view.state),
    `### Escalation acknowledged: ${tier.name} (\`${tier.label}\`)`,
    '',
    tier.meaning ? `> ${safeCell(tier.meaning, 500)}\n` : '',
    '| | |',
    '|---|---|',
    `| **Customer** | ${customerLine(facts)} |`,
    `| **Business impact** | ${safeCell(facts.impact ?? 'not given', 300)} |`,
    `| **Owners** | ${mentionList(view.owners)} |`,
    `| **Notified** | ${mentionList(view.notified)} |`,
    `| **Acknowledge by** | ${formatUtc(view.acknowledgeBy)} (within ${formatDuration(tier.sla.acknowledgeMinutes)}) |`,
    `| **Next update by** | ${formatUtc(view.nextUpdateBy)} (every ${formatDuration(tier.sla.updateEveryMinutes)}) |`,
    `| **Resolve by** | ${formatUtc(view.resolveBy)} (within ${formatDuration(tier.sla.resolveMinutes)}) |`,
    '',
    '**Tier history**',
    ...view.state.history.slice(-50).map(describeChange),
    '',
    `<sub>Reply with a comment starting \`/status\` to post a status update. Change the tier by applying another tier label.</sub>`,
  ]
  return fitBody(lines.filter((line, index) => line !== '' || lines[index - 1] !== '').join('\n'))
}
