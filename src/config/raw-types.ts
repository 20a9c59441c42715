/**
 * The configuration as written in YAML (kebab-case keys, durations as text), after the
 * schema has accepted it. `parseConfig` merges it over the built-in defaults and converts
 * it to `Config`.
 */
import type { Permission } from './types'

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
  tiers?: RawTier[]
  'post-mortem'?: RawPostMortem
}

/** A user file merged over the defaults: every top-level and post-mortem key present. */
export type ResolvedRawConfig = Required<Omit<RawConfig, 'post-mortem'>> & {
  'post-mortem': Required<RawPostMortem>
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
  'tiers',
  'post-mortem',
] as const satisfies readonly (keyof RawConfig)[]

export const POST_MORTEM_KEYS = [
  'directory',
  'template',
  'label',
  'reviewers',
  'not-planned-comment',
] as const satisfies readonly (keyof RawPostMortem)[]
