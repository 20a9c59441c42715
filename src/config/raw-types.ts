/**
 * The configuration as written in YAML (kebab-case keys, durations as text), after the
 * schema has accepted it. `parseConfig` merges it over the built-in defaults and converts
 * it to `Config`.
 */
import type { ChatEvent, Permission } from './types'

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun'

export interface RawSla {
  acknowledge: string
  'update-every': string
  resolve: string
}

export type RawCalendar = '24x7' | { 'time-zone': string; days?: Weekday[]; hours?: string }

export interface RawTier {
  label: string
  name: string
  meaning?: string
  sla: RawSla
  calendar?: RawCalendar
  owners?: string[]
  notify?: string[]
  'escalation-contacts'?: string[]
  'min-permission'?: Permission
  chat?: ChatEvent[]
}

export interface RawRequiredField {
  id: string
  'min-length'?: number
  hint?: string
}

export interface RawPostMortem {
  directory?: string
  template?: string | null
  label?: string
  reviewers?: string[]
  'not-planned-comment'?: string
  'close-permission'?: Permission
}

export interface RawPreventiveActions {
  label?: string
  'nudge-every'?: string
}

export interface RawCsat {
  ask?: 'filer' | string[]
  'remind-after-business-days'?: number
  'low-rating'?: number
}

export interface RawRepeatCustomers {
  'window-days'?: number
  threshold?: number
  label?: string
}

export interface RawReport {
  'period-days'?: number
  'issue-title'?: string
  commit?: boolean
  directory?: string
}

export interface RawProjectFields {
  tier?: string
  state?: string
  'sla-due'?: string
  customer?: string
  arr?: string
  owner?: string
}

export interface RawProject {
  owner: string
  number: number
  fields?: RawProjectFields
}

export interface RawOrganization {
  repositories: 'all' | string[]
}

/** A user file: every key optional. */
export interface RawConfig {
  'trigger-label'?: string
  'needs-info-label'?: string
  'breach-label'?: string
  form?: string
  placeholders?: string[]
  'required-fields'?: RawRequiredField[]
  'default-tier'?: string
  'max-writes-per-run'?: number
  'sla-warning-at'?: number
  'command-permission'?: Permission
  'trusted-apps'?: string[]
  tiers?: RawTier[]
  'post-mortem'?: RawPostMortem
  'preventive-actions'?: RawPreventiveActions
  csat?: RawCsat
  'repeat-customers'?: RawRepeatCustomers
  report?: RawReport
  project?: RawProject | null
  organization?: RawOrganization | null
}

/** Top-level keys, in template order; the built-in defaults must give all of them. */
export const TOP_LEVEL_KEYS = [
  'trigger-label',
  'needs-info-label',
  'breach-label',
  'form',
  'placeholders',
  'required-fields',
  'default-tier',
  'max-writes-per-run',
  'sla-warning-at',
  'command-permission',
  'trusted-apps',
  'tiers',
  'post-mortem',
  'preventive-actions',
  'csat',
  'repeat-customers',
  'report',
  'project',
  'organization',
] as const satisfies readonly (keyof RawConfig)[]

/**
 * Maps whose keys merge one by one over the defaults, each with its keys in template order;
 * the built-in defaults must give every one of them.
 */
export const NESTED_MAP_KEYS = {
  'post-mortem': ['directory', 'template', 'label', 'reviewers', 'not-planned-comment', 'close-permission'],
  'preventive-actions': ['label', 'nudge-every'],
  csat: ['ask', 'remind-after-business-days', 'low-rating'],
  'repeat-customers': ['window-days', 'threshold', 'label'],
  report: ['period-days', 'issue-title', 'commit', 'directory'],
} as const satisfies { [K in NestedMapKey]: readonly (keyof NonNullable<RawConfig[K]>)[] }

export type NestedMapKey = 'post-mortem' | 'preventive-actions' | 'csat' | 'repeat-customers' | 'report'

/** A project after merging: every field name present. */
export type ResolvedRawProject = Omit<RawProject, 'fields'> & { fields: Required<RawProjectFields> }

/** A user file merged over the defaults: every top-level key and every nested map key present. */
export type ResolvedRawConfig = Required<Omit<RawConfig, NestedMapKey | 'project'>> & {
  [K in NestedMapKey]: Required<NonNullable<RawConfig[K]>>
} & { project: ResolvedRawProject | null }

/** The project field names used for those a `project` leaves out. */
export const DEFAULT_PROJECT_FIELDS: Required<RawProjectFields> = {
  tier: 'Tier',
  state: 'State',
  'sla-due': 'SLA due',
  customer: 'Customer',
  arr: 'ARR',
  owner: 'Owner',
}
