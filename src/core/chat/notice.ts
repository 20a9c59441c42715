/**
 * What a chat notice says about an escalation, whichever chat it goes to. Each run fills
 * a ChatNotice; slackMessage and teamsMessage turn it into each service's webhook payload.
 * Everything marked untrusted comes from the issue and is made inert by the renderers.
 */
import type { ChatEvent } from '../../config/types'

export type { ChatEvent }

export interface ChatNotice {
  event: ChatEvent
  /** What happened, one line, e.g. "Acknowledge SLA breached: due 09:30 UTC, 15m late" (may be empty). */
  headline: string
  /** "acme/support" */
  repository: string
  number: number
  /** The issue title (untrusted). */
  title: string
  /** The issue's web address. */
  url: string
  tierName: string
  tierLabel: string
  /** Untrusted, from the issue form. */
  customer: string | null
  arr: string | null
  renewal: string | null
  impact: string | null
  ask: string | null
  /** GitHub logins, shown as plain names (never chat mentions). */
  owners: string[]
  /** e.g. "🔴 resolve breached" / "🟢 on track" */
  slaState: string
  /** Already formatted due times. */
  acknowledgeDue: string
  resolveDue: string
  postMortem?: { number: number; url: string }
}

/** How each event is announced: a title for the header and notification, and a tone for colour. */
export const EVENT_WORDS: Record<ChatEvent, { title: string; tone: 'accent' | 'warning' | 'attention' | 'good' }> = {
  opened: { title: '🆕 Escalation opened', tone: 'accent' },
  'tier-raised': { title: '⬆️ Escalation tier raised', tone: 'warning' },
  breach: { title: '🔴 SLA breached', tone: 'attention' },
  'missed-update': { title: '⏰ Status update missed', tone: 'attention' },
  resolved: { title: '✅ Escalation resolved', tone: 'good' },
}

/** A fact shown side by side with the others (Slack section fields, a Teams FactSet). Raw text. */
export interface NoticeFact {
  title: string
  value: string
}

const NOT_GIVEN = '—'

/** The facts every notice carries, in the order people scan them. */
export function noticeFacts(notice: ChatNotice): NoticeFact[] {
  return [
    { title: 'Tier', value: `${notice.tierName} (${notice.tierLabel})` },
    { title: 'Customer', value: notice.customer || NOT_GIVEN },
    { title: 'ARR', value: notice.arr || NOT_GIVEN },
    { title: 'Renewal', value: notice.renewal || NOT_GIVEN },
    { title: 'Owners', value: notice.owners.length ? notice.owners.join(', ') : 'none assigned' },
    { title: 'SLA', value: notice.slaState || NOT_GIVEN },
    { title: 'Acknowledge by', value: notice.acknowledgeDue || NOT_GIVEN },
    { title: 'Resolve by', value: notice.resolveDue || NOT_GIVEN },
  ]
}

/** The longer texts, each under its own heading. */
export function noticeSections(notice: ChatNotice): NoticeFact[] {
  return [
    { title: 'Impact', value: notice.impact ?? '' },
    { title: 'The ask', value: notice.ask ?? '' },
  ].filter((section) => section.value.trim() !== '')
}

/** `acme/support#12` */
export function issueReference(notice: ChatNotice): string {
  return `${notice.repository}#${notice.number}`
}

/**
 * The issue and post-mortem addresses, when they are plain http(s) addresses: a URL is put inside
 * chat link syntax (`<url|text>`, `[text](url)`), so characters that would end it are refused.
 */
export function linkable(url: string | undefined): string | null {
  if (!url || url.length > 3000 || !/^https?:\/\/[^\s<>|()[\]"'`\\]+$/.test(url)) return null
  return url
}
