/**
 * The escalation as a team runs it, reconstructed on every run from the issue alone (its
 * fields, labels, comments, timeline and the card's memory), never from the event that
 * started the run: filed → acknowledged → investigating ⇄ waiting on the customer → resolved
 * → closed, with needs-info as a flag beside the state. Every job reads this one model.
 */
import type { Config, Tier } from '../../config/types'
import { readFacts, requestedTierIndex, type EscalationFacts } from '../escalation'
import type { FormTemplate, ParsedIssueBody } from '../form/types'
import { findMissingFields, type MissingField } from '../intake/check-required'
import { findOwnComment, findOwnComments, type OwnComment } from '../own-comments'
import { labelEventsOf, type IssueSnapshot, type RepoPermission } from '../snapshot'
import { findAcknowledgement } from './acknowledgement'
import { readCardData, type AckRecord, type CardData, type CommandRecord, type CustomerHistory } from './card-data'
import { computeClocks, type Clocks } from './clocks'
import { findRepeats, isRepeatCustomer, normaliseCustomer, type PastEscalation } from '../followup/customers'
import {
  csatOf,
  etaOf,
  ownersOf,
  pausesOf,
  resolutionOf,
  sponsorOf,
  updatesOf,
  type CsatRecord,
  type Eta,
  type HumanUpdate,
  type PauseSpan,
  type Resolution,
} from './commitments'
import { acceptedCommands, readThreadCommands, type ThreadCommand } from './thread-commands'
import { resolveTier, type TierDecision } from './tier'

export type LifecycleState = 'filed' | 'acknowledged' | 'investigating' | 'waiting' | 'resolved' | 'closed'

export interface DeriveInput {
  issue: IssueSnapshot
  config: Config
  template: FormTemplate
  parsed: ParsedIssueBody
  /** Repository permissions the shell looked up (see `permissionsNeeded`). */
  permissions: ReadonlyMap<string, RepoPermission>
  now: Date
  /** Earlier escalations from the ledger, when this run read it (see `needsCustomerHistory`). */
  ledger?: PastEscalation[]
}

export interface Escalation {
  issue: IssueSnapshot
  facts: EscalationFacts
  missing: MissingField[]
  needsInfo: boolean
  tier: Tier
  tierDecision: TierDecision
  owners: string[]
  start: Date
  state: LifecycleState
  acknowledgement: AckRecord | null
  updates: HumanUpdate[]
  eta: Eta | null
  /** The ETA has passed and the escalation is not resolved. */
  etaStale: boolean
  pauses: PauseSpan[]
  /** The open pause, while waiting on the customer. */
  waiting: PauseSpan | null
  resolution: Resolution | null
  /** When the escalation counts as resolved: the /resolve, or its close as completed. */
  resolvedAt: Date | null
  clocks: Clocks
  /** Commands in view with their verdicts; `decidedBefore: false` ones are this run's to record. */
  threadCommands: ThreadCommand[]
  /** Accepted commands, remembered and in view, oldest first. */
  commands: CommandRecord[]
  /** Notification keys sent so far. */
  sent: Set<string>
  card: OwnComment<unknown> | null
  carried: CardData
  csat: CsatRecord | null
  sponsor: string | null
  /** The customer's earlier escalations within the window, and whether that makes a repeat customer. */
  customer: CustomerHistory | null
}

/** The ledger is read for a customer not seen before (a new card, or the customer field changed). */
export function needsCustomerHistory(carried: CardData, customerKey: string | null): boolean {
  return customerKey !== null && carried.customer?.key !== customerKey
}

function customerHistory(input: DeriveInput, carried: CardData, customerKey: string | null): CustomerHistory | null {
  if (customerKey === null) return null
  if (!input.ledger) return carried.customer?.key === customerKey ? carried.customer : null
  const { windowDays, threshold } = input.config.repeatCustomers
  const earlier = findRepeats(customerKey, input.ledger, { now: input.issue.createdAt, windowDays, exclude: input.issue.number })
  return { key: customerKey, earlier: earlier.slice(0, 10), repeat: isRepeatCustomer(earlier, threshold) }
}

/** When the escalation began: its first trigger label in view, the card's memory, or filing. */
function startOf(issue: IssueSnapshot, config: Config, carried: CardData): Date {
  const labelled = labelEventsOf(issue.events).find((event) => event.kind === 'labeled' && event.label === config.triggerLabel)?.at
  const remembered = carried.start ? new Date(carried.start) : null
  const candidates = [labelled, remembered].filter((date): date is Date => date instanceof Date)
  return candidates.length > 0 ? new Date(Math.min(...candidates.map((date) => date.getTime()))) : issue.createdAt
}

/** Keys of notifications already given: remembered by the card and marked on comments in view. */
function sentKeys(issue: IssueSnapshot, carried: CardData): Set<string> {
  const sent = new Set(carried.sent)
  for (const kind of ['notice', 'status']) {
    for (const own of findOwnComments<{ key?: unknown; keys?: unknown }>(issue.comments, kind)) {
      if (typeof own.data?.key === 'string') sent.add(own.data.key)
      if (Array.isArray(own.data?.keys)) for (const key of own.data.keys) if (typeof key === 'string') sent.add(key)
    }
  }
  return sent
}

export function timeZoneOf(tier: Tier): string {
  return tier.calendar.kind === 'business-hours' ? tier.calendar.timeZone : 'UTC'
}

/** Commands that show the work going on after the acknowledgement. */
const WORKING = new Set(['status', 'eta', 'resume'])

function stateOf(
  issue: IssueSnapshot,
  ack: AckRecord | null,
  waiting: PauseSpan | null,
  commands: CommandRecord[],
  resolvedAt: Date | null,
): LifecycleState {
  if (issue.state === 'closed') return issue.stateReason === 'completed' || issue.stateReason === null ? 'resolved' : 'closed'
  if (resolvedAt) return 'resolved'
  if (waiting) return 'waiting'
  if (!ack) return 'filed'
  return commands.some((record) => WORKING.has(record.name) && Date.parse(record.at) >= Date.parse(ack.at))
    ? 'investigating'
    : 'acknowledged'
}

export function deriveEscalation(input: DeriveInput): Escalation {
  const { issue, config, template, parsed, permissions, now } = input
  const card = findOwnComment<unknown>(issue.comments, 'card')
  const carried = readCardData(card?.data)
  const start = startOf(issue, config, carried)
  const defaultTier = config.tiers.find((tier) => tier.label === config.defaultTier) ?? config.tiers[0]
  if (!defaultTier) throw new Error('The configuration defines no tiers.')
  // Commands are judged in the zone of the tier the escalation is in before this run's /tier.
  const threadCommands = readThreadCommands({ issue, config, permissions, timeZone: timeZoneOf(defaultTier) })
  const pendingTier = threadCommands.findLast(
    (item) => !item.decidedBefore && item.verdict.kind === 'accepted' && item.command.name === 'tier',
  )
  const tierDecision = resolveTier({
    issue,
    config,
    requestedTierIndex: requestedTierIndex(parsed, template),
    permissions,
    command: pendingTier
      ? { label: pendingTier.command.args.split(/\s/)[0] ?? '', by: pendingTier.comment.author, at: pendingTier.comment.createdAt }
      : null,
    accepted: carried.tiers,
  })
  const tier = tierDecision.tier
  const commands = acceptedCommands(carried, threadCommands)
  const owners = ownersOf(commands) ?? (tier.owners.length > 0 ? tier.owners : issue.assignees)
  const tierLabels = new Set(config.tiers.map((candidate) => candidate.label))
  const acknowledgement = findAcknowledgement({ issue, start, owners, tierLabels, permissions, carried: carried.ack })
  const updates = updatesOf(commands)
  const pauses = pausesOf(commands)
  const waiting = pauses.find((pause) => pause.end === null) ?? null
  const resolution = resolutionOf(commands)
  const closedResolved =
    issue.state === 'closed' && (issue.stateReason === 'completed' || issue.stateReason === null) ? issue.closedAt : null
  const resolvedAt = resolution?.at ?? closedResolved ?? null
  const eta = etaOf(commands, timeZoneOf(tier))
  const facts = readFacts(parsed)
  const missing = findMissingFields(parsed, template, config)
  const clocks = computeClocks({
    tier,
    start,
    acknowledgedAt: acknowledgement ? new Date(acknowledgement.at) : null,
    lastHumanUpdateAt: updates.at(-1)?.at ?? null,
    pauses,
    resolvedAt,
    warnPercent: config.slaWarningPercent,
    now,
  })
  return {
    issue,
    facts,
    missing,
    needsInfo: missing.length > 0,
    tier,
    tierDecision,
    owners,
    start,
    state: stateOf(issue, acknowledgement, waiting, commands, resolvedAt),
    acknowledgement,
    updates,
    eta,
    etaStale: eta?.at !== null && eta !== null && eta.at < now && resolvedAt === null,
    pauses,
    waiting,
    resolution,
    resolvedAt,
    clocks,
    threadCommands,
    commands,
    sent: sentKeys(issue, carried),
    card,
    carried,
    csat: csatOf(commands),
    sponsor: sponsorOf(commands),
    customer: customerHistory(input, carried, normaliseCustomer(facts.customer)),
  }
}
