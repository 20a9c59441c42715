/**
 * The ledger: one compact record per escalation, kept by the action (see ledger/store.ts) so
 * the metrics report and repeat-customer detection read one index instead of every issue.
 * Every field is computed by the same lifecycle code as the card (one definition of
 * "acknowledged" and of a breach everywhere). Times are ISO strings; minutes are SLA minutes
 * (business hours respected, waiting on the customer excluded).
 */
export type SlaResult = 'met' | 'missed' | 'open'

export interface LedgerRecord {
  /** Issue number; with `repo` in organisation mode ("owner/name"), else absent. */
  number: number
  repo?: string
  /** The customer as written on the form, and normalised (case, punctuation, legal suffixes). */
  customer: string | null
  customerKey: string | null
  tier: string
  state: 'filed' | 'acknowledged' | 'investigating' | 'waiting' | 'resolved' | 'closed'
  filedAt: string
  acknowledgedAt: string | null
  resolvedAt: string | null
  /** SLA minutes from filing to the acknowledgement / to the resolution; null while not done. */
  ackMinutes: number | null
  resolveMinutes: number | null
  sla: { acknowledge: SlaResult; update: SlaResult; resolve: SlaResult }
  /** Breaches notified (acknowledge, resolve, missed updates). */
  breaches: number
  csat: { rating: number; by: string; at: string } | null
  actions: { open: number; done: number; overdue: number }
  /** Flagged as a repeat customer at intake. */
  repeat: boolean
  sponsor: string | null
}
