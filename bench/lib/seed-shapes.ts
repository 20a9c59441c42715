/** What seeded escalations are made of: the shipped tiers' SLAs, customers, chatter, a seeded PRNG. */
import { COMPLETE, formBody } from '../../test/e2e/scenario'
import type { RepoHandle } from '../../test/local-github'

export interface TierShape {
  label: string
  name: string
  share: number
  owner: string
  ackMinutes: number
  cadenceMinutes: number
  resolveMinutes: number
}

/** The shipped configuration's SLAs (templates/escalations.yml) and teamConfig()'s owners. */
export const TIERS: TierShape[] = [
  { label: 'tier-1', name: 'Critical', share: 0.1, owner: 'olivia', ackMinutes: 30, cadenceMinutes: 120, resolveMinutes: 24 * 60 },
  { label: 'tier-2', name: 'High', share: 0.3, owner: 'olivia', ackMinutes: 120, cadenceMinutes: 480, resolveMinutes: 3 * 24 * 60 },
  { label: 'tier-3', name: 'Standard', share: 0.6, owner: 'tom', ackMinutes: 480, cadenceMinutes: 24 * 60, resolveMinutes: 10 * 24 * 60 },
]

export const CUSTOMERS = [
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

export const PROBLEMS = [
  'exports time out',
  'SSO login loops',
  'invoices duplicated',
  'dashboard shows stale data',
  'webhooks dropped',
  'API returns 500 on bulk update',
  'records missing after migration',
]

export const CHATTER = [
  'Customer called again, they are getting nervous about the renewal.',
  'Attached the HAR file from their admin.',
  'Engineering is looking at the logs from the affected region.',
  "Can we get an update for the account team before tomorrow's QBR?",
  'Reproduced on staging with their dataset.',
  'Workaround shared with the customer; they can export in smaller batches.',
  '+1, same report from a second admin at the customer.',
]

export const OTHERS = ['carla', 'rita', 'dana', 'eve']

export { mulberry32 } from '../../test/seeded-random'

export const iso = (ms: number) => new Date(ms).toISOString()

/** Whole seconds, like GitHub's timestamps (and so the SLA keys the action derives from them). */
export const second = (ms: number) => Math.floor(ms / 1000) * 1000

/** A tier drawn by the shipped shares (about 10/30/60 %). */
export function drawTier(random: () => number): TierShape {
  const r = random()
  return r < TIERS[0]!.share ? TIERS[0]! : r < TIERS[0]!.share + TIERS[1]!.share ? TIERS[1]! : TIERS[2]!
}

/** Files a complete escalation for `customer` as the CSM does, at the clock's current time; its number. */
export function fileSeeded(repo: RepoHandle, tier: TierShape, customer: string, problem: string): number {
  return repo.act.openIssue({
    by: 'carla',
    title: `[Escalation] ${customer}: ${problem}`,
    body: formBody({ ...COMPLETE, customer: `${customer} Corporation` }),
    labels: ['escalation', tier.label],
    assignees: [tier.owner],
  }).number
}
