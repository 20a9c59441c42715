/** The card's next memory and its upsert: every job ends by bringing the card up to date. */
import type { Config } from '../../config/types'
import { CARD_LIMITS, type ActionRecord, type CardData, type TierRecord } from '../lifecycle/card-data'
import type { ProjectRecord } from '../project/plan-project'
import type { Escalation } from '../lifecycle/derive'
import { upsertComment } from '../own-comments'
import type { Action } from '../plan'
import { renderCard } from '../render/card'
import { owedNotices, type Owed } from './owed'

export interface CardChange {
  /** Notification keys this run sends. */
  sent: string[]
  postmortem?: number | null
  /** People named in notifications so far (for the card's record). */
  notified: string[]
  /** Notices folded into a new card (on later edits, those still owed are shown again). */
  notices?: Owed[]
  /** A status comment posted by this run, at this time. */
  statusAt?: Date
  /** Preventive actions filed this run. */
  actions?: ActionRecord[]
  /** The board item as this run left it. */
  project?: ProjectRecord | null
  /** Chat notices this run sent. */
  chat?: string[]
}

function tierHistory(escalation: Escalation): TierRecord[] {
  const history = [...escalation.carried.tiers]
  const { tierDecision: decision, tier } = escalation
  if (history.at(-1)?.label !== tier.label) {
    history.push({ label: tier.label, at: (decision.setAt ?? escalation.start).toISOString(), by: decision.setBy, source: decision.source })
  }
  return history.slice(-CARD_LIMITS.tiers)
}

export function nextCardData(escalation: Escalation, change: CardChange): CardData {
  return {
    v: 1,
    start: escalation.start.toISOString(),
    sent: [...new Set([...escalation.sent, ...change.sent])].slice(-CARD_LIMITS.sent),
    ack: escalation.acknowledgement,
    commands: escalation.commands.slice(-CARD_LIMITS.commands),
    tiers: tierHistory(escalation),
    postmortem: change.postmortem ?? escalation.carried.postmortem,
    lastStatus: change.statusAt?.toISOString() ?? escalation.carried.lastStatus,
    customer: escalation.customer,
    actions: change.actions ?? escalation.carried.actions,
    project: change.project === undefined ? escalation.carried.project : change.project,
    chat: [...new Set([...escalation.carried.chat, ...(change.chat ?? [])])].slice(-CARD_LIMITS.sent),
    folded: escalation.card ? escalation.carried.folded : (change.notices ?? []).map((notice) => notice.key).slice(0, CARD_LIMITS.folded),
  }
}

/** The notices the first card folded in that still hold now (a repeat customer until a sponsor is named). */
function standingNotices(escalation: Escalation, config: Config): Owed[] {
  const folded = new Set(escalation.carried.folded)
  return folded.size === 0 ? [] : owedNotices(escalation, config).filter((notice) => folded.has(notice.key))
}

/** Posts the card (first run) or edits it; nothing when it already says exactly this. */
export function planCard(escalation: Escalation, config: Config, change: CardChange): Action[] {
  const data = nextCardData(escalation, change)
  const body = renderCard({
    escalation,
    config,
    data,
    notified: change.notified,
    notices: (escalation.card ? standingNotices(escalation, config) : (change.notices ?? [])).map((notice) => notice.text),
    postmortem: data.postmortem,
  })
  return upsertComment(escalation.card, 'card', body)
}
