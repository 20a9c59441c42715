/** Converts a merged, checked YAML configuration into the `Config` the action uses. */
import { parseHours } from './calendar-checks'
import { parseDuration } from './duration'
import { appSlug, normaliseDirectory, stripAt } from './normalise'
import type { RawCalendar, RawTier, ResolvedRawConfig, ResolvedRawProject, Weekday } from './raw-types'
import type { Calendar, Config, ProjectConfig, Tier } from './types'

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
  const { csat, report } = raw
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
    slaWarningPercent: raw['sla-warning-at'],
    commandPermission: raw['command-permission'],
    trustedApps: unique(raw['trusted-apps'].map(appSlug)),
    postMortem: {
      directory: normaliseDirectory(postMortem.directory),
      template: postMortem.template,
      label: postMortem.label,
      reviewers: postMortem.reviewers.map(stripAt),
      notPlannedComment: postMortem['not-planned-comment'].trim(),
      closePermission: postMortem['close-permission'],
    },
    preventiveActions: {
      label: raw['preventive-actions'].label,
      nudgeEveryMinutes: parseDuration(raw['preventive-actions']['nudge-every']),
    },
    csat: {
      ask: csat.ask === 'filer' ? 'filer' : csat.ask.map(stripAt),
      remindAfterBusinessDays: csat['remind-after-business-days'],
      lowRating: csat['low-rating'],
    },
    repeatCustomers: {
      windowDays: raw['repeat-customers']['window-days'],
      threshold: raw['repeat-customers'].threshold,
      label: raw['repeat-customers'].label,
    },
    report: {
      periodDays: report['period-days'],
      issueTitle: report['issue-title'],
      commit: report.commit,
      directory: normaliseDirectory(report.directory),
    },
    project: raw.project && toProject(raw.project),
    organization: raw.organization && { repositories: copyList(raw.organization.repositories) },
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
    // Chat is opt-in for a tier the user writes: a new tier should not start posting.
    // Copied, as the cached defaults' lists must not be shared with a caller's Config.
    chat: [...(tier.chat ?? [])],
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

function toProject(project: ResolvedRawProject): ProjectConfig {
  const { fields } = project
  return {
    owner: stripAt(project.owner),
    number: project.number,
    fields: {
      tier: fields.tier,
      state: fields.state,
      slaDue: fields['sla-due'],
      customer: fields.customer,
      arr: fields.arr,
      owner: fields.owner,
    },
  }
}

function copyList<T>(value: T[] | 'all'): T[] | 'all' {
  return value === 'all' ? 'all' : [...value]
}

function unique(values: string[]): string[] {
  return [...new Set(values)]
}
