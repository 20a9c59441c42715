/**
 * Seeds a repository of the local GitHub with many open escalations as a team's repository
 * looks after weeks of use: what people did, through the local GitHub's own person actions
 * (gh.act.*, the model functions the REST handlers use), with the clock set to each item's time.
 * What the action itself writes is left to the action: `catchUp` (bench/lib/catch-up.ts) runs a
 * real sweep over the seeded repository afterwards, which posts the cards, accepts the commands
 * and labels the breaches exactly as the product does. Seeded here on the action's behalf are
 * only a placeholder card where intake posted it (first comment, a minute after filing; the
 * catch-up sweep edits it into the real card) and the cadence's earlier status digests, so the
 * threads are as long as real ones.
 *
 * - tiers 1/2/3 in about 10/30/60 %, ages log-uniform from 30 minutes to 10 days; labels
 *   `escalation` + tier, the tier's owner assigned;
 * - 0–40 comments each: the owner's first response (mostly in time, some late, a few never),
 *   `/status` updates by the owner, the sweep's digests at the tier's cadence, and ordinary
 *   comments by the reporter, the owner and others.
 *
 * Deterministic (seeded PRNG).
 */
import { BOT_LOGIN, type Clock, type RepoHandle } from '../../test/local-github'
import { renderMarker as marker } from '../../src/core/render/markers'
import { CHATTER, CUSTOMERS, mulberry32, OTHERS, PROBLEMS, drawTier, fileSeeded, iso, second, type TierShape } from './seed-shapes'

export interface SeedOptions {
  count: number
  /** Every item is seeded before this moment. */
  now: Date
  seed?: number
  /** The action's login (github-actions[bot] for GITHUB_TOKEN, `<app>[bot]` for an App token). */
  bot?: string
}

export interface SeedSummary {
  issues: number
  comments: number
  botComments: number
  statusUpdates: number
  byTier: Record<string, number>
  minAgeMinutes: number
  maxAgeMinutes: number
}

const MIN = 60_000
const MIN_AGE = 30
const MAX_AGE = 10 * 24 * 60

type Planned = { bot: true; at: number; body: string } | { bot: false; at: number; by: string; body: string }

export function seedEscalations(repo: RepoHandle, clock: Clock, options: SeedOptions): SeedSummary {
  const random = mulberry32(options.seed ?? 20261124)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const bot = options.bot ?? BOT_LOGIN
  const now = options.now.getTime()
  const summary: SeedSummary = {
    issues: 0,
    comments: 0,
    botComments: 0,
    statusUpdates: 0,
    byTier: {},
    minAgeMinutes: Infinity,
    maxAgeMinutes: 0,
  }

  // Oldest first, so issue numbers grow with creation time as on GitHub.
  const shapes = Array.from({ length: options.count }, () => {
    const tier = drawTier(random)
    const ageMinutes = Math.exp(Math.log(MIN_AGE) + random() * (Math.log(MAX_AGE) - Math.log(MIN_AGE)))
    return { tier, ageMinutes, comments: Math.floor(random() * 41) }
  }).sort((a, b) => b.ageMinutes - a.ageMinutes)

  for (const shape of shapes) {
    const { tier } = shape
    const start = second(now - shape.ageMinutes * MIN)
    const age = now - start
    clock.set(iso(start))
    const customer = pick(CUSTOMERS)
    const number = fileSeeded(repo, tier, customer, pick(PROBLEMS))
    summary.issues += 1
    summary.byTier[tier.label] = (summary.byTier[tier.label] ?? 0) + 1
    summary.minAgeMinutes = Math.min(summary.minAgeMinutes, age / MIN)
    summary.maxAgeMinutes = Math.max(summary.maxAgeMinutes, age / MIN)

    const planned = planThread({ tier, start, now, budget: shape.comments, random, pick, customer })
    for (const item of planned) {
      clock.set(iso(item.at))
      const { commentId } = repo.act.comment(number, item.body, item.bot ? bot : item.by)
      summary.comments += 1
      if (item.bot) summary.botComments += 1
      else if (item.body.startsWith('/status')) {
        // Its own issue_comment run accepted it, half a minute later.
        summary.statusUpdates += 1
        clock.set(iso(item.at + 30_000))
        repo.act.react(commentId, '+1', bot)
      }
    }
  }
  clock.set(iso(now))
  return summary
}

interface ThreadShape {
  tier: TierShape
  start: number
  now: number
  budget: number
  random: () => number
  pick: <T>(list: readonly T[]) => T
  customer: string
}

/** One escalation's comments, oldest first, at most `budget` of them, none after `now`. */
function planThread({ tier, start, now, budget, random, pick, customer }: ThreadShape): Planned[] {
  const age = now - start
  const planned: Planned[] = []
  const add = (item: Planned) => {
    if (budget <= 0 || item.at > now) return false
    planned.push(item)
    budget -= 1
    return true
  }
  // Intake's card, a minute after filing: a placeholder the catch-up sweep renders for real.
  add({
    bot: true,
    at: start + MIN,
    body: `${marker('card', { v: 1, start: iso(start) })}\n### ${tier.name} escalation (\`${tier.label}\`)\n\nOwner: @${tier.owner}.`,
  })
  // The owner's first response: mostly in time, some late, a few never.
  const r = random()
  const ackAt =
    r < 0.85
      ? start + tier.ackMinutes * MIN * (0.1 + 0.8 * random())
      : r < 0.95
        ? start + tier.ackMinutes * MIN * (1.1 + 2 * random())
        : Infinity
  if (ackAt <= now) add({ bot: false, at: second(ackAt), by: tier.owner, body: 'Looking into it now; first findings within the hour.' })
  // /status updates by the owner; at most a few.
  const updates = Math.min(Math.floor(budget * 0.15), 4)
  for (let i = 0; i < updates; i++) {
    const at = second(start + age * (0.2 + 0.8 * random()))
    const eta = iso(at + 6 * 60 * MIN)
      .slice(0, 16)
      .replace('T', ' ')
    add({
      bot: false,
      at,
      by: tier.owner,
      body: `/status Working with engineering on a fix; next step: verify with ${customer} ops. ETA: ${eta} UTC`,
    })
  }
  // The sweep's earlier digests, every cadence from the first one due.
  const digests = Math.floor(budget * 0.6)
  for (let i = 1, at = start + tier.cadenceMinutes * MIN; i <= digests && at < now - 30 * MIN; i++, at += tier.cadenceMinutes * MIN)
    add({ bot: true, at: second(at), body: digestBody(tier, customer, second(at)) })
  // Ordinary conversation fills the rest.
  while (budget > 0) {
    const at = second(start + age * random())
    if (!add({ bot: false, at, by: random() < 0.3 ? tier.owner : pick(OTHERS), body: pick(CHATTER) })) break
  }
  return planned.sort((a, b) => a.at - b.at)
}

/** A status digest shaped like the sweep's (marker, headline, clock table). */
function digestBody(tier: TierShape, customer: string, at: number): string {
  return [
    marker('status', { key: `digest:${iso(at)}`, keys: [] }),
    `### Status: ${tier.name} escalation, ${customer} Corporation · 🟢 within SLA`,
    '',
    '| | |',
    '|---|---|',
    '| **Acknowledge** | ✅ met |',
    `| **Next update** | due ${iso(at + tier.cadenceMinutes * MIN).slice(0, 16)} UTC |`,
    '| **Resolve** | running |',
    '| **ETA** | not given yet |',
    `| **Owners** | ${tier.owner} |`,
    '',
    `**Since ${iso(at - tier.cadenceMinutes * MIN).slice(0, 16)} UTC:** no activity on the issue.`,
  ].join('\n')
}
