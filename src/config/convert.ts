/** Converts a merged, checked YAML configuration into the `Config` the action uses. */
import { parseDuration } from './duration'
import type { RawCalendar, RawTier, ResolvedRawConfig, Weekday } from './raw-types'
import { parseHours } from './semantic'
import type { Calendar, Config, Tier } from './types'

const ISO_WEEKDAY: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 }

// Business-hours calendars that leave these out get a plain office week.
const DEFAULT_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const DEFAULT_HOURS = '09:00-17:00'
// A required field without min-length only has to be present and not a placeholder.
const DEFAULT_MIN_LENGTH = 1

/** kebab → camel, durations → minutes, weekdays → ISO numbers, hours → minutes. */
export function toConfig(raw: ResolvedRawConfig): Config {
  const tierLabel = (label: string): string => raw.tiers.find((tier) => tier.label.toLowerCase() === label.toLowerCase())?.label ?? label
  const postMortem = raw['post-mortem']
  return {
    triggerLabel: raw['trigger-label'],
    needsInfoLabel: raw['needs-info-label'],
    breachLabel: raw['breach-label'],
    requiredFields: raw['required-fields'].map((field) => ({
      id: field.id,
      minLength: field['min-length'] ?? DEFAULT_MIN_LENGTH,
      hint: field.hint?.trim() ?? '',
    })),
    placeholders: unique(raw.placeholders.map((text) => text.trim().toLowerCase())),
    formPath: raw.form,
    // Spelled as the tier's own label so later comparisons can be exact.
    defaultTier: tierLabel(raw['default-tier']),
    tiers: raw.tiers.map(toTier),
    maxWritesPerRun: raw['max-writes-per-run'],
    postMortem: {
      directory: stripSlashes(postMortem.directory),
      template: postMortem.template,
      label: postMortem.label,
      reviewers: postMortem.reviewers.map(stripAt),
      notPlannedComment: postMortem['not-planned-comment'].trim(),
    },
  }
}

function toTier(tier: RawTier): Tier {
  return {
    label: tier.label,
    name: tier.name,
    meaning: tier.meaning?.trim() ?? '',
    sla: {
      acknowledgeMinutes: parseDuration(tier.sla.acknowledge),
      updateEveryMinutes: parseDuration(tier.sla['update-every']),
      resolveMinutes: parseDuration(tier.sla.resolve),
    },
    calendar: toCalendar(tier.calendar ?? '24x7'),
    owners: (tier.owners ?? []).map(stripAt),
    notify: (tier.notify ?? []).map(stripAt),
    escalationContacts: (tier['escalation-contacts'] ?? []).map(stripAt),
    minPermission: tier['min-permission'] ?? 'triage',
  }
}

function toCalendar(calendar: RawCalendar): Calendar {
  if (calendar === '24x7') return { kind: '24x7' }
  const [startMinute, endMinute] = parseHours(calendar.hours ?? DEFAULT_HOURS)
  return {
    kind: 'business-hours',
    timeZone: calendar['time-zone'],
    days: [...new Set((calendar.days ?? DEFAULT_DAYS).map((day) => ISO_WEEKDAY[day]))].sort((a, b) => a - b),
    startMinute,
    endMinute,
  }
}

// The schema allows "@octocat" because people write mentions that way; the API wants "octocat".
function stripAt(login: string): string {
  return login.startsWith('@') ? login.slice(1) : login
}

// "postmortems/" and "./postmortems" name the same folder as "postmortems".
function stripSlashes(directory: string): string {
  return directory.replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.'
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
