/** A small shape checker for chat payloads (neither Slack nor Teams publishes a JSON schema for
 * what their webhooks accept): each check adds a problem with the JSON path it is about. */

export interface ShapeProblem {
  path: string
  message: string
}

export type Json = Record<string, unknown>

export class Shapes {
  readonly problems: ShapeProblem[] = []

  fail(path: string, message: string): false {
    this.problems.push({ path, message })
    return false
  }

  object(value: unknown, path: string): value is Json {
    return (value !== null && typeof value === 'object' && !Array.isArray(value)) || this.fail(path, 'must be an object')
  }

  array(value: unknown, path: string, { min = 0, max = Infinity } = {}): value is unknown[] {
    if (!Array.isArray(value)) return this.fail(path, 'must be an array')
    if (value.length < min) return this.fail(path, `must have at least ${min} item(s)`)
    if (value.length > max) return this.fail(path, `must have at most ${max} items (has ${value.length})`)
    return true
  }

  string(value: unknown, path: string, { min = 0, max = Infinity } = {}): value is string {
    if (typeof value !== 'string') return this.fail(path, 'must be a string')
    if (value.length < min) return this.fail(path, min === 1 ? 'must not be empty' : `must have at least ${min} characters`)
    if (value.length > max) return this.fail(path, `must have at most ${max} characters (has ${value.length})`)
    return true
  }

  optionalString(value: unknown, path: string, limits: { min?: number; max?: number } = {}): boolean {
    return value === undefined || this.string(value, path, limits)
  }

  oneOf(value: unknown, allowed: readonly unknown[], path: string): boolean {
    return (
      allowed.includes(value) ||
      this.fail(path, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')} (is ${JSON.stringify(value)})`)
    )
  }

  /** Keys the receiving service does not know make it reject the payload (Slack's invalid_blocks). */
  onlyKeys(value: Json, allowed: readonly string[], path: string): boolean {
    const extra = Object.keys(value).filter((k) => !allowed.includes(k))
    return extra.length === 0 || this.fail(path, `has unknown properties ${extra.join(', ')}`)
  }
}

const MENTION_PATTERNS = [
  /<@[UW][A-Z0-9]+(?:\|[^>]*)?>/g, // Slack user
  /<!(?:channel|here|everyone)(?:\|[^>]*)?>/g, // Slack broadcast
  /<!subteam\^[A-Z0-9]+(?:\|[^>]*)?>/g, // Slack user group
  /<at>[^<]*<\/at>/g, // Teams mention
  /@(?:everyone|channel|here)\b/g, // plain broadcast words
]

/** Every mention-like text anywhere in the payload (strings in document order, then by pattern). */
export function mentionsIn(payload: unknown): string[] {
  const strings: string[] = []
  const walk = (v: unknown) => {
    if (typeof v === 'string') strings.push(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(payload)
  const found: string[] = []
  for (const text of strings) for (const pattern of MENTION_PATTERNS) for (const m of text.matchAll(pattern)) found.push(m[0])
  return found
}
