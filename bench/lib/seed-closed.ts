/**
 * Seeds many closed escalations, a year of them, as the local GitHub's person actions (fast, no
 * HTTP): filed by carla with the tier's label and owner, the action's card a minute later (a
 * placeholder of a real card's size: the ledger reads it, the sweep never edits a closed
 * escalation's card), the owner's `/ack` and a few `/status` updates (each accepted with the
 * action's 👍, as their runs did), some conversation, then `/resolve` and the action closing the
 * issue as completed with its resolution notice; one in ten closed as not planned by the owner
 * instead. The ledger and the report are left to the action (the report job rebuilds them).
 */
import { renderMarker } from '../../src/core/render/markers'
import { BOT_LOGIN, type Clock, type RepoHandle } from '../../test/local-github'
import { CHATTER, CUSTOMERS, mulberry32, OTHERS, PROBLEMS, drawTier, fileSeeded, iso, second } from './seed-shapes'

export interface ClosedSeed {
  count: number
  /** Every escalation was filed within `days` before this moment, and closed before it. */
  until: Date
  days?: number
  seed?: number
}

export interface ClosedSummary {
  issues: number
  comments: number
  resolved: number
  notPlanned: number
  byCustomer: Record<string, number>
}

const MIN = 60_000
/** A card's table rows, so the placeholder weighs what a real card does (~1.5 KB). */
const CARD_ROWS = [
  '| **State** | Resolved |',
  '| **Tier** | Critical (`tier-1`): requested on the form |',
  '| **Owners** | @olivia |',
  '| **Acknowledge** | ✅ met at 2026-11-24 09:12 UTC (12m) |',
  '| **Next update** | ✅ met |',
  '| **Resolve** | ✅ met at 2026-11-25 08:40 UTC |',
  '| **ETA** | 2026-11-24 16:00 UTC (from olivia, 2026-11-24 10:50 UTC) |',
  '| **Notified** | @acme/support-leads, @vp-sam |',
  '| **Post-mortem** | #5001 |',
]

export function seedClosedEscalations(repo: RepoHandle, clock: Clock, options: ClosedSeed): ClosedSummary {
  const random = mulberry32(options.seed ?? 20251124)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const until = options.until.getTime()
  const span = (options.days ?? 365) * 24 * 60 * MIN
  const summary: ClosedSummary = { issues: 0, comments: 0, resolved: 0, notPlanned: 0, byCustomer: {} }
  const starts = Array.from({ length: options.count }, () => second(until - span * random())).sort((a, b) => a - b)
  for (const start of starts) {
    const tier = drawTier(random)
    const customer = pick(CUSTOMERS)
    summary.byCustomer[customer] = (summary.byCustomer[customer] ?? 0) + 1
    clock.set(iso(start))
    const number = fileSeeded(repo, tier, customer, pick(PROBLEMS))
    const say = (at: number, body: string, by: string, accepted = false) => {
      clock.set(iso(second(Math.min(at, until - MIN))))
      const { commentId } = repo.act.comment(number, body, by)
      summary.comments += 1
      if (accepted) repo.act.react(commentId, '+1', BOT_LOGIN)
    }
    say(
      start + MIN,
      `${renderMarker('card', { v: 1, start: iso(start) })}\n### ${tier.name} escalation\n\n| | |\n|---|---|\n${CARD_ROWS.join('\n')}`,
      BOT_LOGIN,
    )
    const resolveAt = start + tier.resolveMinutes * MIN * (0.1 + 1.2 * random())
    const ackAt = start + tier.ackMinutes * MIN * (0.1 + 1.4 * random())
    say(ackAt, '/ack', tier.owner, true)
    const updates = Math.floor(random() * 4)
    for (let i = 1; i <= updates; i++)
      say(
        ackAt + ((resolveAt - ackAt) * i) / (updates + 1),
        '/status Working with engineering on a fix; next step: verify with the customer.',
        tier.owner,
        true,
      )
    const chatter = Math.floor(random() * 5)
    for (let i = 0; i < chatter; i++) say(start + (resolveAt - start) * random(), pick(CHATTER), random() < 0.3 ? tier.owner : pick(OTHERS))
    if (random() < 0.1) {
      clock.set(iso(second(Math.min(resolveAt, until - MIN))))
      repo.act.close(number, { by: tier.owner, reason: 'not_planned' })
      summary.notPlanned += 1
    } else {
      say(resolveAt, '/resolve Fixed and verified with the customer.', tier.owner, true)
      say(
        resolveAt + 30_000,
        `${renderMarker('notice', { key: 'resolved' })}\n**Resolved.** The post-mortem is ready for review.`,
        BOT_LOGIN,
      )
      clock.set(iso(second(Math.min(resolveAt + 40_000, until - MIN))))
      repo.act.close(number, { by: BOT_LOGIN, reason: 'completed' })
      summary.resolved += 1
    }
    summary.issues += 1
  }
  clock.set(iso(until))
  return summary
}
