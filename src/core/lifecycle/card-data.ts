/**
 * What the card (the escalation's one living comment) remembers in its hidden marker. It is a
 * cache of what the thread says, written only by the action and so trusted: a sweep reads just
 * the first and the latest comments, and on a long thread the commands and the acknowledgement
 * scroll out of view. Every run merges it with what it can see and writes it back.
 */
import type { PastEscalation } from '../followup/customers'
import type { ProjectRecord } from '../project/plan-project'
import type { CommandName } from './commands'

/** An accepted command, as the card keeps it (its text bounded). */
export interface CommandRecord {
  id: number
  at: string
  by: string
  name: CommandName
  arg: string
}

export type AckVia = 'comment' | 'command' | 'assignment' | 'tier'

export interface AckRecord {
  at: string
  by: string
  via: AckVia
}

/** One tier the escalation held: when it was set, by whom, how. */
export interface TierRecord {
  label: string
  at: string
  by: string | null
  source: 'label' | 'command' | 'requested' | 'default'
}

export interface CardData {
  v: 1
  /** When the escalation began (its first trigger label): that event may scroll out of view. */
  start: string | null
  /** Notification keys already sent (mentions, breach notices, refusals): never sent twice. */
  sent: string[]
  ack: AckRecord | null
  commands: CommandRecord[]
  tiers: TierRecord[]
  /** The post-mortem pull request, once opened. */
  postmortem: number | null
  /** When the sweep last posted a status comment (it may scroll out of view). */
  lastStatus: string | null
  /** The customer's earlier escalations, as the ledger had them when this customer was first seen. */
  customer: CustomerHistory | null
  /** Preventive actions filed as sub-issues when the post-mortem was merged. */
  actions: ActionRecord[]
  /** The escalation's item on the configured Projects board and the field values last written. */
  project: ProjectRecord | null
  /** Chat notices sent, by notification key and channel (`slack:notify:tier-1`). */
  chat: string[]
  /**
   * Keys of the notices folded into the card when it was first posted: every later edit shows
   * them again while they still hold, so the people they mention find them on the page.
   */
  folded: string[]
}

export interface ActionRecord {
  number: number
  title: string
  owner: string | null
  due: string | null
  /** Closed (done) once its issue was seen closed; absent in older cards: open. */
  done?: boolean
}

export interface CustomerHistory {
  key: string
  earlier: PastEscalation[]
  repeat: boolean
}

/** How much the card carries: enough for any thread, well under GitHub's body limit. */
export const CARD_LIMITS = { sent: 200, commands: 60, tiers: 30, arg: 500, folded: 20 } as const

export const EMPTY_CARD: CardData = {
  v: 1,
  start: null,
  sent: [],
  ack: null,
  commands: [],
  tiers: [],
  postmortem: null,
  lastStatus: null,
  customer: null,
  actions: [],
  project: null,
  chat: [],
  folded: [],
}

const isString = (value: unknown): value is string => typeof value === 'string'
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isIso = (value: unknown): value is string => isString(value) && !Number.isNaN(Date.parse(value))

/** The card's data, every part checked: a damaged or older marker reads as what is valid in it. */
export function readCardData(data: unknown): CardData {
  if (!isRecord(data)) return EMPTY_CARD
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
  const ack =
    isRecord(data.ack) && isIso(data.ack.at) && isString(data.ack.by) && isString(data.ack.via) ? (data.ack as unknown as AckRecord) : null
  return {
    v: 1,
    start: isIso(data.start) ? data.start : null,
    sent: list(data.sent).filter(isString).slice(-CARD_LIMITS.sent),
    ack,
    commands: list(data.commands)
      .filter(
        (c): c is CommandRecord =>
          isRecord(c) && typeof c.id === 'number' && isIso(c.at) && isString(c.by) && isString(c.name) && isString(c.arg),
      )
      .slice(-CARD_LIMITS.commands),
    tiers: list(data.tiers)
      .filter(
        (t): t is TierRecord => isRecord(t) && isString(t.label) && isIso(t.at) && (t.by === null || isString(t.by)) && isString(t.source),
      )
      .slice(-CARD_LIMITS.tiers),
    postmortem: typeof data.postmortem === 'number' ? data.postmortem : null,
    lastStatus: isIso(data.lastStatus) ? data.lastStatus : null,
    customer: readCustomer(data.customer),
    project:
      isRecord(data.project) && isString(data.project.item) && isRecord(data.project.values)
        ? (data.project as unknown as ProjectRecord)
        : null,
    chat: list(data.chat).filter(isString).slice(-CARD_LIMITS.sent),
    folded: list(data.folded).filter(isString).slice(0, CARD_LIMITS.folded),
    actions: list(data.actions)
      .filter((a): a is ActionRecord => isRecord(a) && typeof a.number === 'number' && isString(a.title))
      .slice(0, 100),
  }
}

function readCustomer(value: unknown): CustomerHistory | null {
  if (!isRecord(value) || !isString(value.key) || !Array.isArray(value.earlier)) return null
  const earlier = value.earlier.filter(
    (past): past is PastEscalation =>
      isRecord(past) && typeof past.number === 'number' && isString(past.tier) && isIso(past.filedAt) && isString(past.state),
  )
  return { key: value.key, earlier: earlier.slice(0, 10), repeat: value.repeat === true }
}
