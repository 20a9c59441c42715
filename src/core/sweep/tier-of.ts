import type { Config, Tier } from '../../config/types'
import type { IssueSnapshot } from '../snapshot'

/**
 * The tier a sweep reads off the labels: the highest tier label present, else the default.
 * Intake has already removed labels from people without permission; the sweep does not
 * second-guess it (that would cost a permission lookup per escalation).
 */
export function resolveTierLabel(issue: IssueSnapshot, config: Config): Tier {
  const labelled = config.tiers.find((tier) => issue.labels.includes(tier.label))
  const fallback = config.tiers.find((tier) => tier.label === config.defaultTier) ?? config.tiers.at(-1)
  const tier = labelled ?? fallback
  if (!tier) throw new Error('The configuration defines no tiers.')
  return tier
}
