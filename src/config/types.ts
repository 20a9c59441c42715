/**
 * The validated shape of `.github/escalations.yml`. `escalations.schema.json` describes the
 * same shape for editors; `parseConfig` turns untrusted YAML into this.
 * Durations are whole minutes; the YAML accepts "30m", "4h", "2d" or "1h30m".
 */
export type Permission = 'read' | 'triage' | 'write' | 'maintain' | 'admin'

export interface RequiredField {
  /** The issue form's field id, e.g. `root-cause`. */
  id: string
  /** Fewer characters than this (after trimming) count as missing. */
  minLength: number
  /** What a good answer holds; shown when the field is missing. */
  hint: string
}

export interface Sla {
  acknowledgeMinutes: number
  updateEveryMinutes: number
  resolveMinutes: number
}

/** When SLA clocks run: always, or only inside working hours in a time zone. */
export type Calendar =
  | { kind: '24x7' }
  | {
      kind: 'business-hours'
      timeZone: string
      /** ISO weekdays, 1 = Monday … 7 = Sunday. */
      days: number[]
      /** Minutes after local midnight. */
      startMinute: number
      endMinute: number
    }

export interface Tier {
  label: string
  name: string
  meaning: string
  sla: Sla
  calendar: Calendar
  /** Logins assigned to the escalation. */
  owners: string[]
  /** Logins or `org/team` slugs told once when the escalation reaches this tier. */
  notify: string[]
  /** Told once per SLA breach. */
  escalationContacts: string[]
  /** Lowest collaborator permission allowed to apply this tier's label. */
  minPermission: Permission
}

export interface PostMortemConfig {
  directory: string
  /** Repository path of a custom template; null means the built-in one. */
  template: string | null
  label: string
  /** Extra reviewers besides the tier's owners. */
  reviewers: string[]
  /** Comment posted when an escalation closes as not planned or duplicate; empty: none. */
  notPlannedComment: string
}

export interface Config {
  triggerLabel: string
  needsInfoLabel: string
  breachLabel: string
  requiredFields: RequiredField[]
  /** Lower-cased answers that count as empty. */
  placeholders: string[]
  formPath: string
  /** Label of the tier used when none is given. */
  defaultTier: string
  /** Highest first: `tiers[0]` wins when several tier labels are present. */
  tiers: Tier[]
  /** Most status comments (and other content writes) one sweep may create. */
  maxWritesPerRun: number
  postMortem: PostMortemConfig
}
