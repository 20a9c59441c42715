/** Checks the schema cannot express: cross-references, uniqueness, bounds on durations, time zones, hour ranges. */
import { calendarProblems } from './calendar-checks'
import { describeValue } from './describe-value'
import { durationBoundProblem } from './duration'
import type { Problem } from './errors'
import { formatPath, type Locator, type YamlPath } from './locate'
import type { ResolvedRawConfig } from './raw-types'
import { listProblems } from './semantic-lists'

/** Reports one problem at a path of the merged configuration. */
export type Report = (path: YamlPath, text: string) => void

// A nudge more often than hourly would be noise, not a reminder.
const MIN_NUDGE_MINUTES = 60

/** Every semantic problem in a merged configuration, located in the user's file. */
export function semanticProblems(config: ResolvedRawConfig, locator: Locator): Problem[] {
  const problems: Problem[] = []
  const report: Report = (path, text) => {
    problems.push({ where: locator.where(path), text: `${formatPath(path)} ${text}` })
  }
  labelProblems(config, locator, report)
  tierProblems(config, report)
  const nudge = durationBoundProblem(config['preventive-actions']['nudge-every'], MIN_NUDGE_MINUTES)
  if (nudge) report(['preventive-actions', 'nudge-every'], nudge)

  const fieldIds = new Set<string>()
  config['required-fields'].forEach((field, index) => {
    if (fieldIds.has(field.id)) report(['required-fields', index, 'id'], `repeats the field id ${describeValue(field.id)}`)
    fieldIds.add(field.id)
  })
  listProblems(config, report, (path) => locator.has(path))
  return problems
}

// GitHub label names are case-insensitive, so "Tier-1" and "tier-1" are the same label,
// and issues and pull requests share one set of labels.
function labelProblems(config: ResolvedRawConfig, locator: Locator, report: Report): void {
  const labelOwners = new Map<string, YamlPath>()
  const claimLabel = (label: string, path: YamlPath): void => {
    const earlier = labelOwners.get(label.toLowerCase())
    if (!earlier) return void labelOwners.set(label.toLowerCase(), path)
    // Point at whichever of the two the user wrote; defaults alone never collide.
    const [here, other] = locator.has(path) || !locator.has(earlier) ? [path, earlier] : [earlier, path]
    report(here, `uses the label ${JSON.stringify(label)}, already used by ${formatPath(other)}`)
  }
  claimLabel(config['trigger-label'], ['trigger-label'])
  claimLabel(config['needs-info-label'], ['needs-info-label'])
  claimLabel(config['breach-label'], ['breach-label'])
  config.tiers.forEach((tier, index) => claimLabel(tier.label, ['tiers', index, 'label']))
  claimLabel(config['post-mortem'].label, ['post-mortem', 'label'])
  claimLabel(config['preventive-actions'].label, ['preventive-actions', 'label'])
  claimLabel(config['repeat-customers'].label, ['repeat-customers', 'label'])
}

function tierProblems(config: ResolvedRawConfig, report: Report): void {
  config.tiers.forEach((tier, index) => {
    const at = (...rest: (string | number)[]): YamlPath => ['tiers', index, ...rest]
    for (const key of ['acknowledge', 'update-every', 'resolve'] as const) {
      const problem = durationBoundProblem(tier.sla[key], 0)
      if (problem) report(at('sla', key), problem)
    }
    if (tier.calendar !== undefined) calendarProblems(tier.calendar, at('calendar'), report)
  })

  const tierLabels = config.tiers.map((tier) => tier.label.toLowerCase())
  if (!tierLabels.includes(config['default-tier'].toLowerCase())) {
    report(
      ['default-tier'],
      `names no tier (got ${JSON.stringify(config['default-tier'])}; tiers: ${config.tiers.map((t) => t.label).join(', ')})`,
    )
  }
}
