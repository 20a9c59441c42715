/** Merges a user file over the built-in defaults, key by key. */
import { POST_MORTEM_KEYS, TOP_LEVEL_KEYS, type RawConfig, type ResolvedRawConfig } from './raw-types'

/**
 * Checks that the built-in defaults give every key, so merging always yields a complete
 * configuration. A failure here is a bug in templates/escalations.yml, not a user error.
 */
export function asResolved(defaults: RawConfig): ResolvedRawConfig {
  const missing = [
    ...TOP_LEVEL_KEYS.filter((key) => defaults[key] === undefined),
    ...POST_MORTEM_KEYS.filter((key) => defaults['post-mortem']?.[key] === undefined).map((key) => `post-mortem.${key}`),
  ]
  if (missing.length > 0) throw new Error(`Built-in defaults are missing: ${missing.join(', ')}`)
  return defaults as ResolvedRawConfig
}

/**
 * `user` over `defaults`: a key the user gives replaces the default whole (lists such as
 * `tiers` and `required-fields` are not merged item by item, so a user can remove a default
 * tier), except `post-mortem`, whose keys merge one by one.
 *
 * When the user replaces `tiers` but not `default-tier`, and the built-in default tier is
 * not among theirs, the lowest (last) tier becomes the default rather than an error about
 * a key they never wrote.
 */
export function mergeOverDefaults(user: RawConfig, defaults: ResolvedRawConfig): ResolvedRawConfig {
  const merged: ResolvedRawConfig = {
    ...defaults,
    ...definedOnly(user),
    'post-mortem': { ...defaults['post-mortem'], ...definedOnly(user['post-mortem'] ?? {}) },
  }
  if (user['default-tier'] === undefined && user.tiers !== undefined) {
    const labels = user.tiers.map((tier) => tier.label.toLowerCase())
    const last = user.tiers[user.tiers.length - 1]
    if (!labels.includes(defaults['default-tier'].toLowerCase()) && last) merged['default-tier'] = last.label
  }
  return merged
}

// Spreading `{ key: undefined }` would erase a default; YAML cannot produce undefined, but
// callers building RawConfig objects in code can.
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
