/**
 * Which chat notices an escalation owes: every notification the action gave on GitHub (the
 * escalation opened, its tier raised, a breach, a missed update, its resolution) goes to the
 * tier's configured chat events once per channel. The card remembers what went out.
 */
import type { ChatEvent, Config } from '../../config/types'
import type { Escalation } from './derive'

export interface ChatDue {
  event: ChatEvent
  /** The notification it follows, e.g. `breach:resolve:tier-1`. */
  key: string
  /** The card's record once sent on a channel: `slack:<key>`. */
  sentKey: (channel: string) => string
}

function eventOf(key: string, firstNotify: string | undefined): ChatEvent | null {
  if (key.startsWith('notify:')) return key === firstNotify ? 'opened' : 'tier-raised'
  if (key.startsWith('breach:')) return 'breach'
  if (key.startsWith('missed-update:')) return 'missed-update'
  if (key.startsWith('resolved:')) return 'resolved'
  return null
}

/** Notices owed on `channels`, given every notification key given so far (this run's included). */
export function chatDue(escalation: Escalation, config: Config, given: string[], channels: string[]): { channel: string; due: ChatDue }[] {
  if (channels.length === 0) return []
  const sent = new Set(escalation.carried.chat)
  const firstNotify = [...escalation.carried.sent, ...given].find((key) => key.startsWith('notify:'))
  const wanted = new Set(config.tiers.find((tier) => tier.label === escalation.tier.label)?.chat ?? [])
  const owed: { channel: string; due: ChatDue }[] = []
  for (const key of [...new Set(given)]) {
    const event = eventOf(key, firstNotify)
    if (!event || !wanted.has(event)) continue
    for (const channel of channels) {
      const sentKey = (name: string) => `${name}:${key}`
      if (!sent.has(sentKey(channel))) owed.push({ channel, due: { event, key, sentKey } })
    }
  }
  return owed
}
