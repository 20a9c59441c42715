/**
 * The validated shape of `.github/escalations.yml`. `escalations.schema.json` describes the
 * same shape for editors; `parseConfig` turns untrusted YAML into this.
 * Durations are whole minutes; the YAML accepts "30m", "4h", "2d" or "1h30m".
 */
export type Permission = 'read' | 'triage' | 'write' | 'maintain' | 'admin'

/** Moments a tier can announce in the team chat. */
export type ChatEvent = 'opened' | 'tier-raised' | 'breach' | 'missed-update' | 'resolved'

/** Every chat event, in the order an escalation meets them. */
export const CHAT_EVENTS = ['opened', 'tier-raised', 'breach', 'missed-update', 'resolved'] as const satisfies readonly ChatEvent[]

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
  /** Events this tier announces in the team chat; empty: none. */
  chat: ChatEvent[]
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
  /** A close by someone below this does not open the post-mortem until an owner resolves or re-closes. */
  closePermission: Permission
}

export interface PreventiveActionsConfig {
  label: string
  nudgeEveryMinutes: number
}

export interface CsatConfig {
  /** `filer`: whoever opened the escalation; otherwise these logins (without `@`). */
  ask: 'filer' | string[]
  /** Business days before the one reminder; 0: no reminder. At most 30. */
  remindAfterBusinessDays: number
  /** Ratings (1–5) at or below this are low. 1–4. */
  lowRating: number
}

export interface RepeatCustomersConfig {
  windowDays: number
  /** Earlier escalations from one customer within the window that make this one a repeat customer. */
  threshold: number
  label: string
}

export interface ReportConfig {
  periodDays: number
  issueTitle: string
  /** Also commit each report as a Markdown file under `directory`. */
  commit: boolean
  /** Relative, normalised (no `./`, no trailing `/`), never under `.github`. */
  directory: string
}

/** Names of the GitHub Project's fields the action fills in. */
export interface ProjectFieldNames {
  tier: string
  state: string
  slaDue: string
  customer: string
  arr: string
  owner: string
}

export interface ProjectConfig {
  /** Login of the organization or user owning the project. */
  owner: string
  number: number
  fields: ProjectFieldNames
}

export interface OrganizationConfig {
  /** `all`: every repository of the workflow's owner; otherwise these repository names. */
  repositories: string[] | 'all'
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
  /** Owners are warned once when this percentage of the acknowledge or resolve target has passed; 0: never. */
  slaWarningPercent: number
  /** Lowest permission allowed to run thread commands (/ack, /status, /eta, …). */
  commandPermission: Permission
  /**
   * GitHub Apps whose tier labels count, normalised: lower-case, no `@`, no `[bot]`
   * (`My-Labeler[bot]` → `my-labeler`). Other Apps' tier labels are refused like an outsider's.
   */
  trustedApps: string[]
  postMortem: PostMortemConfig
  preventiveActions: PreventiveActionsConfig
  csat: CsatConfig
  repeatCustomers: RepeatCustomersConfig
  report: ReportConfig
  /** The GitHub Project kept in step with escalations; null: none. */
  project: ProjectConfig | null
  /** The repositories one workflow serves; null: only its own. */
  organization: OrganizationConfig | null
}
