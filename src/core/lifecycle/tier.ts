/**
 * Which tier the escalation is in. Tier labels are judged by who applied them: the action's
 * own labels stand (it applies only what a command, the form or the default called for); a
 * person's stand when their repository permission reaches the tier's; another App's stand only
 * when the configuration trusts it. Refused labels are removed and the person is told.
 */
import type { Config, Tier } from '../../config/types'
import { hasPermission } from '../intake/permissions'
import { labelEventsOf, type IssueSnapshot, type LabelEvent, type RepoPermission } from '../snapshot'
import type { TierRecord } from './card-data'

/** One explanation owed to someone, found again by its key so it is given once. */
export interface Notice {
  key: string
  text: string
}

export interface TierDecision {
  tier: Tier
  source: TierRecord['source']
  /** Who set the tier and when, as the timeline has it (null: the action, at filing). */
  setBy: string | null
  setAt: Date | null
  labelsToAdd: string[]
  labelsToRemove: string[]
  notices: Notice[]
  /** A tier the form asked for that its filer may not set: the card says an owner can confirm it. */
  requestedDenied: Tier | null
}

export interface TierInput {
  issue: IssueSnapshot
  config: Config
  /** Index into `config.tiers` of the tier asked for in the form, if any. */
  requestedTierIndex: number | null
  permissions: ReadonlyMap<string, RepoPermission>
  /** A `/tier` accepted in this run: it decides, and the labels follow. */
  command: { label: string; by: string; at: Date } | null
  /** Tiers the card recorded as accepted: their labels stand when their events scrolled out of view. */
  accepted: TierRecord[]
}

interface Applier {
  login: string
  kind: 'action' | 'person' | 'app'
  at: Date | null
}

function lastApplied(issue: IssueSnapshot, label: string): LabelEvent | null {
  return labelEventsOf(issue.events).findLast((event) => event.kind === 'labeled' && event.label === label) ?? null
}

function applierOf(issue: IssueSnapshot, label: string): Applier {
  const event = lastApplied(issue, label)
  if (!event) return { login: issue.author, kind: 'person', at: null }
  return { login: event.actor, kind: event.byAction ? 'action' : event.actorIsBot ? 'app' : 'person', at: event.at }
}

const appName = (login: string) => login.toLowerCase().replace(/\[bot\]$/, '')

/** People whose permission the tier decision needs (Apps are never looked up: they are trusted or not). */
export function tierActorsToCheck(
  issue: IssueSnapshot,
  config: Config,
  requestedTierIndex: number | null,
  accepted: TierRecord[],
): string[] {
  const actors = new Set<string>()
  const present = config.tiers.filter((tier) => issue.labels.includes(tier.label))
  for (const tier of present) {
    const applier = applierOf(issue, tier.label)
    if (applier.kind === 'person' && !wasAccepted(accepted, tier.label, applier.at)) actors.add(applier.login)
  }
  if (present.length === 0 && requestedTierIndex !== null && config.tiers[requestedTierIndex]?.label !== config.defaultTier)
    actors.add(issue.author)
  return [...actors]
}

/** The card recorded this very application as accepted (or its event is out of view): no need to judge again. */
function wasAccepted(accepted: TierRecord[], label: string, at: Date | null): boolean {
  return accepted.some((record) => record.label === label && (at === null || Date.parse(record.at) === at.getTime()))
}

function stands(input: TierInput, tier: Tier, applier: Applier): boolean {
  if (applier.kind === 'action') return true
  if (wasAccepted(input.accepted, tier.label, applier.at)) return true
  if (applier.kind === 'app') return input.config.trustedApps.includes(appName(applier.login))
  return hasPermission(input.permissions.get(applier.login), tier.minPermission)
}

function refusal(tier: Tier, applier: Applier): Notice {
  const who = applier.kind === 'app' ? `The App ${applier.login}` : `@${applier.login}, thanks for flagging this. The`
  const label =
    applier.kind === 'app' ? `applied the \`${tier.label}\` label (${tier.name}), which` : `\`${tier.label}\` label (${tier.name})`
  const rule =
    applier.kind === 'app'
      ? 'only people with the tier’s permission, or Apps listed in `trusted-apps`, may apply'
      : `can only be applied by someone with ${tier.minPermission} access or higher to this repository`
  return {
    key: `tier-refused:${tier.label}:${applier.at?.toISOString() ?? 'created'}`,
    text: `${who} ${label} ${rule}, so it has been removed. If this escalation needs ${tier.name}, ask an owner to run \`/tier ${tier.label}\`.`,
  }
}

export function resolveTier(input: TierInput): TierDecision {
  const { issue, config } = input
  const tierLabels = config.tiers.map((tier) => tier.label)
  if (input.command) {
    const tier = config.tiers.find((candidate) => candidate.label.toLowerCase() === input.command?.label.toLowerCase())
    if (tier) {
      const labelsToRemove = tierLabels.filter((label) => label !== tier.label && issue.labels.includes(label))
      const labelsToAdd = issue.labels.includes(tier.label) ? [] : [tier.label]
      return {
        tier,
        source: 'command',
        setBy: input.command.by,
        setAt: input.command.at,
        labelsToAdd,
        labelsToRemove,
        notices: [],
        requestedDenied: null,
      }
    }
  }
  const labelsToRemove: string[] = []
  const notices: Notice[] = []
  const allowed: { tier: Tier; applier: Applier }[] = []
  for (const tier of config.tiers.filter((candidate) => issue.labels.includes(candidate.label))) {
    const applier = applierOf(issue, tier.label)
    if (stands(input, tier, applier)) allowed.push({ tier, applier })
    else {
      labelsToRemove.push(tier.label)
      notices.push(refusal(tier, applier))
    }
  }
  const [winner, ...others] = allowed
  if (!winner) return fallbackTier(input, labelsToRemove, notices)
  for (const other of others) labelsToRemove.push(other.tier.label)
  const person = winner.applier.kind === 'action' ? null : winner.applier.login
  const recorded = input.accepted.findLast((record) => record.label === winner.tier.label)
  // The action's own label carries the source it was applied for (a command, the form, the default).
  const source = winner.applier.kind === 'action' && recorded ? recorded.source : 'label'
  const setBy = winner.applier.kind === 'action' && recorded ? recorded.by : person
  // The default the action applied stands for a tier the form asked for and its filer could not set.
  const requested = input.requestedTierIndex === null ? undefined : config.tiers[input.requestedTierIndex]
  const requestedDenied = source === 'default' && requested && requested !== winner.tier ? requested : null
  return { tier: winner.tier, source, setBy, setAt: winner.applier.at, labelsToAdd: [], labelsToRemove, notices, requestedDenied }
}

function fallbackTier(input: TierInput, labelsToRemove: string[], notices: Notice[]): TierDecision {
  const { issue, config, requestedTierIndex, permissions } = input
  const defaultTier = config.tiers.find((tier) => tier.label === config.defaultTier) ?? config.tiers[config.tiers.length - 1]
  if (!defaultTier) throw new Error('The configuration defines no tiers.')
  const requested = requestedTierIndex === null ? undefined : config.tiers[requestedTierIndex]
  const base = { setAt: null, labelsToRemove, notices }
  if (requested && requested !== defaultTier && hasPermission(permissions.get(issue.author), requested.minPermission)) {
    return { ...base, tier: requested, source: 'requested', setBy: issue.author, labelsToAdd: [requested.label], requestedDenied: null }
  }
  // Asked for by someone who may not set it: the default holds, and the card says an owner can confirm it.
  const requestedDenied = requested && requested !== defaultTier ? requested : null
  return { ...base, tier: defaultTier, source: 'default', setBy: null, labelsToAdd: [defaultTier.label], requestedDenied }
}
