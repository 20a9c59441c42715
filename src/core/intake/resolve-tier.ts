import type { Config, Tier } from '../../config/types'
import { labelEventsOf, type IssueSnapshot, type LabelEvent, type RepoPermission } from '../snapshot'
import { hasPermission } from './permissions'

/** A one-off explanation posted as its own comment, found again by its key. */
export interface Notice {
  key: string
  text: string
}

export interface TierDecision {
  tier: Tier
  source: 'label' | 'requested' | 'default'
  /** Who set the tier, when a person did by label. */
  setBy: string | null
  labelsToAdd: string[]
  labelsToRemove: string[]
  notices: Notice[]
}

interface TierInput {
  issue: IssueSnapshot
  config: Config
  /** Index into `config.tiers` of the tier asked for in the form, if any. */
  requestedTierIndex: number | null
  permissions: ReadonlyMap<string, RepoPermission>
}

function lastApplied(issue: IssueSnapshot, label: string): LabelEvent | null {
  return labelEventsOf(issue.events).findLast((event) => event.kind === 'labeled' && event.label === label) ?? null
}

/** Who put each present tier label there; a label with no event left is the author's. */
function applierOf(issue: IssueSnapshot, label: string): { login: string; isBot: boolean; at: Date | null } {
  const event = lastApplied(issue, label)
  return event ? { login: event.actor, isBot: event.actorIsBot, at: event.at } : { login: issue.author, isBot: false, at: null }
}

/** The logins whose repository permission the tier decision needs. */
export function actorsToCheck(issue: IssueSnapshot, config: Config, requestedTierIndex: number | null): string[] {
  const actors = new Set<string>()
  const present = config.tiers.filter((tier) => issue.labels.includes(tier.label))
  for (const tier of present) {
    const applier = applierOf(issue, tier.label)
    if (!applier.isBot) actors.add(applier.login)
  }
  if (present.length === 0 && requestedTierIndex !== null && config.tiers[requestedTierIndex]?.label !== config.defaultTier) {
    actors.add(issue.author)
  }
  return [...actors]
}

/**
 * Which tier the escalation is in. Tier labels from people below the tier's permission are
 * removed (issue forms apply labels for whoever files them); of the rest the highest wins and
 * the others go. With no tier label, the form's requested tier holds if its filer could have
 * labelled it, else the default; either way the label is added so the tier is visible.
 */
export function resolveTier({ issue, config, requestedTierIndex, permissions }: TierInput): TierDecision {
  const labelsToRemove: string[] = []
  const notices: Notice[] = []
  const allowed: { tier: Tier; by: string | null; at: Date | null }[] = []
  for (const tier of config.tiers.filter((candidate) => issue.labels.includes(candidate.label))) {
    const applier = applierOf(issue, tier.label)
    if (applier.isBot || hasPermission(permissions.get(applier.login), tier.minPermission)) {
      allowed.push({ tier, by: applier.isBot ? null : applier.login, at: applier.at })
      continue
    }
    labelsToRemove.push(tier.label)
    notices.push({
      key: `tier-refused:${tier.label}:${applier.at?.toISOString() ?? 'created'}`,
      text:
        `@${applier.login}, thanks for flagging this. The \`${tier.label}\` label (${tier.name}) can only be applied by ` +
        `someone with ${tier.minPermission} access or higher to this repository, so it has been removed. ` +
        `If this escalation needs ${tier.name}, please ask a maintainer or the escalation owners to apply it.`,
    })
  }
  const [winner, ...others] = allowed
  if (winner) {
    for (const other of others) labelsToRemove.push(other.tier.label)
    if (others.length > 0) {
      const removed = others.map((other) => `\`${other.tier.label}\``).join(', ')
      notices.push({
        key: `tier-extra:${others.map((other) => other.tier.label).join(',')}:${winner.at?.toISOString() ?? 'created'}`,
        text: `An escalation has one tier: \`${winner.tier.label}\` (${winner.tier.name}) is the highest applied, so ${removed} ${others.length > 1 ? 'were' : 'was'} removed.`,
      })
    }
    return { tier: winner.tier, source: 'label', setBy: winner.by, labelsToAdd: [], labelsToRemove, notices }
  }
  return fallbackTier({ issue, config, requestedTierIndex, permissions }, labelsToRemove, notices)
}

function fallbackTier(input: TierInput, labelsToRemove: string[], notices: Notice[]): TierDecision {
  const { issue, config, requestedTierIndex, permissions } = input
  const defaultTier = config.tiers.find((tier) => tier.label === config.defaultTier) ?? config.tiers[config.tiers.length - 1]
  if (!defaultTier) throw new Error('The configuration defines no tiers.')
  const requested = requestedTierIndex === null ? undefined : config.tiers[requestedTierIndex]
  let tier = defaultTier
  let source: TierDecision['source'] = 'default'
  if (requested && requested !== defaultTier) {
    if (hasPermission(permissions.get(issue.author), requested.minPermission)) {
      tier = requested
      source = 'requested'
    } else {
      notices.push({
        key: `tier-requested:${requested.label}`,
        text:
          `The form asked for ${requested.name} (\`${requested.label}\`). Tiers are set by the escalation owners, so this ` +
          `escalation starts at ${defaultTier.name} (\`${defaultTier.label}\`) until someone with ${requested.minPermission} ` +
          `access applies \`${requested.label}\`.`,
      })
    }
  }
  return { tier, source, setBy: null, labelsToAdd: [tier.label], labelsToRemove, notices }
}
