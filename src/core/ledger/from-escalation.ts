/** An escalation's ledger record, from the same lifecycle as its card. */
import type { PastEscalation } from '../followup/customers'
import { normaliseCustomer } from '../followup/customers'
import type { SlaClock } from '../lifecycle/clocks'
import { closedPauses } from '../lifecycle/clocks'
import type { Escalation } from '../lifecycle/derive'
import { slaMinutesBetween } from '../time/sla-clock'
import type { LedgerRecord, SlaResult } from './record'

const result = (clock: SlaClock): SlaResult =>
  clock.status === 'met' ? 'met' : clock.status === 'missed' || clock.status === 'breached' ? 'missed' : 'open'

export function toLedgerRecord(escalation: Escalation, repo?: string): LedgerRecord {
  const { clocks, tier, acknowledgement, resolvedAt, start, sent, issue } = escalation
  const pauses = closedPauses(escalation.pauses, resolvedAt ?? start)
  const ackAt = acknowledgement ? new Date(acknowledgement.at) : null
  const breaches = [...sent].filter((key) => key.startsWith('breach:') || key.startsWith('missed-update:')).length
  return {
    number: escalation.issue.number,
    ...(repo ? { repo } : {}),
    customer: escalation.facts.customer,
    customerKey: normaliseCustomer(escalation.facts.customer),
    tier: tier.label,
    state: escalation.state,
    filedAt: start.toISOString(),
    acknowledgedAt: ackAt?.toISOString() ?? null,
    resolvedAt: resolvedAt?.toISOString() ?? null,
    ackMinutes: ackAt ? Math.round(slaMinutesBetween(start, ackAt, tier.calendar)) : null,
    resolveMinutes: resolvedAt ? Math.round(slaMinutesBetween(start, resolvedAt, tier.calendar, pauses)) : null,
    sla: { acknowledge: result(clocks.acknowledge), update: result(clocks.update), resolve: result(clocks.resolve) },
    breaches,
    csat: escalation.csat ? { rating: escalation.csat.rating, by: escalation.csat.by, at: escalation.csat.at.toISOString() } : null,
    actions: { open: (issue.subIssues?.total ?? 0) - (issue.subIssues?.completed ?? 0), done: issue.subIssues?.completed ?? 0, overdue: 0 },
    repeat: escalation.customer?.repeat ?? false,
    sponsor: escalation.sponsor,
  }
}

/** What repeat detection needs of a record. */
export function toPastEscalation(record: LedgerRecord): PastEscalation {
  const decided = record.sla.acknowledge !== 'open' && record.sla.resolve !== 'open'
  return {
    number: record.number,
    ...(record.repo ? { repo: record.repo } : {}),
    customerKey: record.customerKey,
    tier: record.tier,
    filedAt: record.filedAt,
    state: record.state,
    slaMet: decided ? record.sla.acknowledge === 'met' && record.sla.resolve === 'met' : null,
  }
}
