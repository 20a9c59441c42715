import { formatDuration } from '../../config/duration'
import type { Assessment, Breach } from '../sweep/assess'
import { formatUtc } from '../time/sla-clock'
import { renderMarker } from './markers'

const TARGET: Record<Breach, string> = { acknowledge: 'acknowledge', resolve: 'resolve' }

/** Tells the tier's escalation contacts, once, that an SLA target was missed. */
export function renderBreachComment(assessment: Assessment, breach: Assessment['breaches'][number], key: string): string {
  const { tier } = assessment
  const contacts = tier.escalationContacts.map((login) => `@${login}`).join(' ')
  const target = breach.kind === 'acknowledge' ? tier.sla.acknowledgeMinutes : tier.sla.resolveMinutes
  return [
    renderMarker('breach', { key }),
    `${contacts ? `${contacts}: ` : ''}**SLA breached** on this ${tier.name} (\`${tier.label}\`) escalation: the ${TARGET[breach.kind]} target ` +
      `(${formatDuration(target)}) was due ${formatUtc(breach.dueAt)} and is ${formatDuration(Math.max(1, Math.round(breach.byMinutes)))} late.`,
    '',
    `Owners: ${assessment.owners.map((login) => `@${login}`).join(', ') || 'none assigned'}.`,
  ].join('\n')
}

export function breachKey(assessment: Assessment, breach: Assessment['breaches'][number]): string {
  return `${breach.kind}:${assessment.tier.label}:${breach.dueAt.toISOString()}`
}
