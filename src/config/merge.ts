/** Merges a user file over the built-in defaults, key by key. */
import {
  DEFAULT_PROJECT_FIELDS,
  NESTED_MAP_KEYS,
  TOP_LEVEL_KEYS,
  type NestedMapKey,
  type RawConfig,
  type RawProject,
  type ResolvedRawConfig,
  type ResolvedRawProject,
} from './raw-types'

const NESTED_MAPS = Object.keys(NESTED_MAP_KEYS) as NestedMapKey[]

/**
 * Checks that the built-in defaults give every key, so merging always yields a complete
 * configuration. A failure here is a bug in templates/escalations.yml, not a user error.
 */
export function asResolved(defaults: RawConfig): ResolvedRawConfig {
  const missing = [
    ...TOP_LEVEL_KEYS.filter((key) => defaults[key] === undefined),
    ...NESTED_MAPS.flatMap((map) => {
      const given = (defaults[map] ?? {}) as Record<string, unknown>
      return NESTED_MAP_KEYS[map].filter((key) => given[key] === undefined).map((key) => `${map}.${key}`)
    }),
  ]
  if (missing.length > 0) throw new Error(`Built-in defaults are missing: ${missing.join(', ')}`)
  return { ...defaults, project: defaults.project ? withFieldDefaults(defaults.project) : null } as ResolvedRawConfig
}

/**
 * `user` over `defaults`: a key the user gives replaces the default whole (lists such as
 * `tiers` and `required-fields` are not merged item by item, so a user can remove a default
 * tier), except the maps in `NESTED_MAP_KEYS` (`post-mortem`, `csat`, …) and
 * `project.fields`, whose keys merge one by one. `project` and `organization` are whole
 * values: null (off) or what the user wrote.
 *
 * When the user replaces `tiers` but not `default-tier`, and the built-in default tier is
 * not among theirs, the lowest (last) tier becomes the default rather than an error about
 * a key they never wrote.
 */
export function mergeOverDefaults(user: RawConfig, defaults: ResolvedRawConfig): ResolvedRawConfig {
  const merged = { ...defaults, ...definedOnly(user) } as ResolvedRawConfig
  for (const map of NESTED_MAPS) {
    Object.assign(merged, { [map]: { ...defaults[map], ...definedOnly(user[map] ?? {}) } })
  }
  if (user.project !== undefined) merged.project = user.project === null ? null : withFieldDefaults(user.project)
  if (user['default-tier'] === undefined && user.tiers !== undefined) {
    const labels = user.tiers.map((tier) => tier.label.toLowerCase())
    const last = user.tiers[user.tiers.length - 1]
    if (!labels.includes(defaults['default-tier'].toLowerCase()) && last) merged['default-tier'] = last.label
  }
  return merged
}

// A project that names only some fields keeps the documented names (Tier, State, …) for the rest.
function withFieldDefaults(project: RawProject): ResolvedRawProject {
  return { ...project, fields: { ...DEFAULT_PROJECT_FIELDS, ...definedOnly(project.fields ?? {}) } }
}

// Spreading `{ key: undefined }` would erase a default; YAML cannot produce undefined, but
// callers building RawConfig objects in code can.
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
