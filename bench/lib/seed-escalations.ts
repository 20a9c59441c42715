/**
 * Seeds a local GitHub with many open escalations as a team's repository looks after weeks of
 * use, through the local GitHub's own person actions (gh.act.*, i.e. the model functions the
 * REST handlers use), with the clock set to each item's time so every timestamp is right:
 *
 * - tiers 1/2/3 in about 10/30/60 %, ages log-uniform from 5 minutes to 10 days (many young,
 *   a long tail of old ones); labels `escalation` + tier, the tier's owner assigned;
 * - 0–40 comments each: intake's `ack` comment, the sweep's `status` comments at the tier's
 *   cadence (the last one a random part of the cadence ago, so a realistic few are due now),
 *   `breach` notices and `sla-breached` for breaches earlier sweeps would have seen, the
 *   owner's first response, `/status` updates by the owner that the action already
 *   acknowledged (its 👍), and ordinary comments by the reporter, the owner and others;
 * - `unacknowledged` `/status` updates posted since the last sweep (their authors' permission
 *   is looked up by the sweep).
 *
 * Bot comments are authored by `github-actions[bot]` with the `<!-- escalation-desk:<kind> {…} -->`
 * marker the action writes, so the action counts them as its own. Deterministic (seeded PRNG).
 */
import { BOT_LOGIN, type LocalGitHub } from '../../test/local-github'
import { COMPLETE, formBody } from '../../test/e2e/scenario'

export interface SeedOptions {
  count: number
  /** The sweep's "now"; every item is seeded before it. */
  now: Date
  /** Escalations carrying a `/status` the action has not acknowledged yet (by distinct owners). */
  unacknowledged?: number
  seed?: number
}

export interface SeedSummary {
  issues: number
  comments: number
  botComments: number
  statusUpdates: number
  reactions: number
  byTier: Record<string, number>
  breachedLabel: number
  minAgeMinutes: number
  maxAgeMinutes: number
}

interface TierShape {
  label: string
  share: number
  owner: string
  ackMinutes: number
  cadenceMinutes: number
  resolveMinutes: number
}

/** The shipped configuration's SLAs (templates/escalations.yml) and teamConfig()'s owners. */
const TIERS: TierShape[] = [
  { label: 'tier-1', share: 0.1, owner: 'olivia', ackMinutes: 30, cadenceMinutes: 120, resolveMinutes: 24 * 60 },
  { label: 'tier-2', share: 0.3, owner: 'olivia', ackMinutes: 120, cadenceMinutes: 480, resolveMinutes: 3 * 24 * 60 },
  { label: 'tier-3', share: 0.6, owner: 'tom', ackMinutes: 480, cadenceMinutes: 24 * 60, resolveMinutes: 10 * 24 * 60 },
]

/** How often the scheduled sweep runs (cron every 15 minutes). */
const SWEEP_EVERY = 15
const MIN = 60_000
const MIN_AGE = 5
const MAX_AGE = 10 * 24 * 60

const CUSTOMERS = [
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark Industries',
  'Wayne Enterprises',
  'Soylent',
  'Cyberdyne',
  'Tyrell',
  'Wonka',
]
const PROBLEMS = [
  'exports time out',
  'SSO login loops',
  'invoices duplicated',
  'dashboard shows stale data',
  'webhooks dropped',
  'API returns 500 on bulk update',
  'records missing after migration',
]
const CHATTER = [
  'Customer called again, they are getting nervous about the renewal.',
  'Attached the HAR file from their admin.',
  'Engineering is looking at the logs from the affected region.',
  "Can we get an update for the account team before tomorrow's QBR?",
  'Reproduced on staging with their dataset.',
  'Workaround shared with the customer; they can export in smaller batches.',
  '+1, same report from a second admin at the customer.',
]
const OTHERS = ['carla', 'rita', 'dana', 'eve']

function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const iso = (ms: number) => new Date(ms).toISOString()
/** Whole seconds, like GitHub's timestamps (and so the SLA keys the action derives from them). */
const second = (ms: number) => Math.floor(ms / 1000) * 1000

type Planned = { kind: 'bot'; at: number; body: string } | { kind: 'human'; at: number; by: string; body: string; ackedByBot: boolean }

function marker(kind: string, data: unknown): string {
  return `<!-- escalation-desk:${kind} ${JSON.stringify(data).replace(/--/g, '-\\u002d')} -->`
}

export function seedEscalations(gh: LocalGitHub, options: SeedOptions): SeedSummary {
  const random = mulberry32(options.seed ?? 20261124)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const now = options.now.getTime()
  const summary: SeedSummary = {
    issues: 0,
    comments: 0,
    botComments: 0,
    statusUpdates: 0,
    reactions: 0,
    byTier: {},
    breachedLabel: 0,
    minAgeMinutes: Infinity,
    maxAgeMinutes: 0,
  }

  // Oldest first, so issue numbers grow with creation time as on GitHub.
  const shapes = Array.from({ length: options.count }, () => {
    const r = random()
    const tier = r < TIERS[0]!.share ? TIERS[0]! : r < TIERS[0]!.share + TIERS[1]!.share ? TIERS[1]! : TIERS[2]!
    const ageMinutes = Math.exp(Math.log(MIN_AGE) + random() * (Math.log(MAX_AGE) - Math.log(MIN_AGE)))
    return { tier, ageMinutes, comments: Math.floor(random() * 41) }
  }).sort((a, b) => b.ageMinutes - a.ageMinutes)

  const unacknowledged = new Set<number>()
  // The freshest escalations past their first hour: a /status posted minutes ago, before the
  // issue_comment run could acknowledge it (or that run failed).
  for (let i = shapes.length - 1; i >= 0 && unacknowledged.size < (options.unacknowledged ?? 0); i--)
    if (shapes[i]!.ageMinutes > 60 && shapes[i]!.comments > 0) unacknowledged.add(i)

  for (const [index, shape] of shapes.entries()) {
    const { tier } = shape
    const start = second(now - shape.ageMinutes * MIN)
    const age = now - start
    gh.clock.set(iso(start))
    const customer = pick(CUSTOMERS)
    const opened = gh.act.openIssue({
      by: 'carla',
      title: `[Escalation] ${customer}: ${pick(PROBLEMS)}`,
      body: formBody({ ...COMPLETE, customer: `${customer} Corporation` }),
      labels: ['escalation', tier.label],
      assignees: [tier.owner],
    })
    const number = opened.number
    summary.issues += 1
    summary.byTier[tier.label] = (summary.byTier[tier.label] ?? 0) + 1
    summary.minAgeMinutes = Math.min(summary.minAgeMinutes, age / MIN)
    summary.maxAgeMinutes = Math.max(summary.maxAgeMinutes, age / MIN)

    const planned: Planned[] = []
    let budget = shape.comments
    const add = (item: Planned) => {
      if (budget <= 0 || item.at > now) return false
      planned.push(item)
      budget -= 1
      return true
    }

    // Intake's acknowledgement comment, a minute after filing.
    add({
      kind: 'bot',
      at: start + MIN,
      body: `${marker('ack', { tier: tier.label })}\n### Escalation received: \`${tier.label}\`\n\nOwner: @${tier.owner}.`,
    })

    // The owner's first response: mostly in time, some late, a few never.
    const r = random()
    const ackAt =
      r < 0.85
        ? start + tier.ackMinutes * MIN * (0.1 + 0.8 * random())
        : r < 0.95
          ? start + tier.ackMinutes * MIN * (1.1 + 2 * random())
          : Infinity
    const ackBy = start + tier.ackMinutes * MIN
    const resolveBy = start + tier.resolveMinutes * MIN
    if (ackAt <= now)
      add({
        kind: 'human',
        at: second(ackAt),
        by: tier.owner,
        body: 'Looking into it now; first findings within the hour.',
        ackedByBot: false,
      })

    // Breaches earlier sweeps saw (more than a sweep interval ago): labelled and notified.
    const breaches: { key: string; at: number }[] = []
    const ackBreachSeenAt = Math.min(ackAt, now) > ackBy ? ackBy + SWEEP_EVERY * MIN * random() : Infinity
    if (ackBreachSeenAt < now - SWEEP_EVERY * MIN) breaches.push({ key: `acknowledge:${tier.label}:${iso(ackBy)}`, at: ackBreachSeenAt })
    if (resolveBy < now - SWEEP_EVERY * MIN)
      breaches.push({ key: `resolve:${tier.label}:${iso(resolveBy)}`, at: resolveBy + SWEEP_EVERY * MIN * random() })
    for (const breach of breaches)
      add({
        kind: 'bot',
        at: second(breach.at),
        body: `${marker('breach', { key: breach.key })}\n**SLA breached** on this \`${tier.label}\` escalation.`,
      })

    // /status updates by the owner, acknowledged by the action; at most a few.
    const human = Math.min(Math.floor(budget * 0.15), 4)
    for (let i = 0; i < human; i++) {
      const at = second(start + age * (0.2 + 0.8 * random()))
      add({
        kind: 'human',
        at,
        by: tier.owner,
        body: `/status Working with engineering on a fix.\nNext step: verify with ${customer} ops.\nETA: ${iso(at + 6 * 60 * MIN)
          .slice(0, 16)
          .replace('T', ' ')} UTC`,
        ackedByBot: true,
      })
    }
    if (unacknowledged.has(index))
      add({
        kind: 'human',
        at: second(now - (2 + 10 * random()) * MIN),
        by: tier.owner,
        body: '/status Fix deployed to their region; watching error rates.\nETA: tomorrow 12:00 UTC',
        ackedByBot: false,
      })

    // The sweep's status comments: every cadence back from the last one, which was a random
    // part of the cadence (plus one sweep interval) ago; none before the first was due.
    const statusRoom = Math.floor(budget * 0.6)
    const firstDue = start + tier.cadenceMinutes * MIN
    let last = now - (tier.cadenceMinutes + SWEEP_EVERY) * MIN * random()
    for (let i = 0; i < statusRoom && last >= firstDue; i++, last -= tier.cadenceMinutes * MIN) {
      const at = second(last)
      const seen = breaches.filter((breach) => breach.at <= at).map((breach) => breach.key)
      add({
        kind: 'bot',
        at,
        body: `${marker('status', { key: iso(at), at: iso(at), breaches: seen })}\n### Status update: \`${tier.label}\`, ${seen.length > 0 ? 'SLA breached' : 'within SLA'}\n\n| | |\n|---|---|\n| **Owner** | ${tier.owner} |`,
      })
    }

    // Ordinary conversation fills the rest.
    while (budget > 0) {
      const at = second(start + age * random())
      if (!add({ kind: 'human', at, by: random() < 0.3 ? tier.owner : pick(OTHERS), body: pick(CHATTER), ackedByBot: false })) break
    }

    planned.sort((a, b) => a.at - b.at)
    for (const item of planned) {
      gh.clock.set(iso(item.at))
      if (item.kind === 'bot') {
        gh.act.comment(number, item.body, BOT_LOGIN)
        summary.botComments += 1
      } else {
        const { commentId } = gh.act.comment(number, item.body, item.by)
        if (item.body.startsWith('/status')) summary.statusUpdates += 1
        if (item.ackedByBot) {
          gh.clock.set(iso(item.at + 30_000))
          gh.act.react(commentId, '+1', BOT_LOGIN)
          summary.reactions += 1
        }
      }
      summary.comments += 1
    }
    // The breach label went on with the first breach a sweep saw.
    if (breaches.length > 0) {
      gh.clock.set(iso(second(Math.min(...breaches.map((breach) => breach.at)))))
      gh.act.label(number, 'sla-breached', BOT_LOGIN)
      summary.breachedLabel += 1
    }
  }
  gh.clock.set(iso(now))
  return summary
}
