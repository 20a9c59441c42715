/** Checks the schema cannot express: cross-references, uniqueness, time zones, hour ranges. */
import { parseDuration } from './duration'
import { formatPath, type Locator, type YamlPath } from './locate'
import type { RawCalendar, ResolvedRawConfig } from './raw-types'
import type { Problem } from './errors'

/** Every semantic problem in a merged configuration, located in the user's file. */
export function semanticProblems(config: ResolvedRawConfig, locator: Locator): Problem[] {
  const problems: Problem[] = []
  const report = (path: YamlPath, text: string): void => {
    problems.push({ where: locator.where(path), text: `${formatPath(path)} ${text}` })
  }

  // GitHub label names are case-insensitive, so "Tier-1" and "tier-1" are the same label.
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

  config.tiers.forEach((tier, index) => {
    const at = (...rest: (string | number)[]): YamlPath => ['tiers', index, ...rest]
    claimLabel(tier.label, at('label'))
    for (const key of ['acknowledge', 'update-every', 'resolve'] as const) {
      if (parseDuration(tier.sla[key]) === 0) report(at('sla', key), `must be longer than 0 minutes (got "${tier.sla[key]}")`)
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

  const fieldIds = new Set<string>()
  config['required-fields'].forEach((field, index) => {
    if (fieldIds.has(field.id)) report(['required-fields', index, 'id'], `repeats the field id ${JSON.stringify(field.id)}`)
    fieldIds.add(field.id)
  })
  return problems
}

function calendarProblems(calendar: RawCalendar, path: YamlPath, report: (path: YamlPath, text: string) => void): void {
  if (calendar === '24x7') return
  const zone = calendar['time-zone']
  if (!isTimeZone(zone)) {
    report([...path, 'time-zone'], `is not a known IANA time zone such as Europe/Berlin (got ${JSON.stringify(zone)})`)
  }
  if (calendar.hours !== undefined) {
    const [start, end] = parseHours(calendar.hours)
    if (start >= end) report([...path, 'hours'], `must start before it ends (got ${JSON.stringify(calendar.hours)})`)
  }
}

/** Whether the runtime's time zone database knows `zone`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** `"09:00-17:30"` → `[540, 1050]` minutes after midnight; the schema has checked the shape. */
export function parseHours(hours: string): [number, number] {
  const [start = '', end = ''] = hours.split('-')
  const minutes = (hhmm: string): number => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number)
    return h * 60 + m
  }
  return [minutes(start), minutes(end)]
}
