/**
 * Validates parsed YAML against `escalations.schema.json` and turns ajv's errors into
 * `file:line:column: <key path> <what is wrong> (got <value>)` lines.
 */
import type { ErrorObject } from 'ajv'
import type { Problem } from './errors'
import { describeValue } from './describe-value'
import { formatPath, type Locator, type PathSegment } from './locate'
// Compiled at build time (scripts/generate-validator.mjs), not at start-up. verbose gives each
// error its parentSchema (for the schema's editor messages, errorMessage and
// patternErrorMessage, which VS Code's YAML extension shows too) and the offending data.
import { validate } from './validate-config.generated'

/** Every schema problem in `data`, located in the user's file; empty when it is valid. */
export function schemaProblems(data: unknown, locator: Locator): Problem[] {
  if (validate(data)) return []
  const problems: Problem[] = []
  const seen = new Set<string>()
  for (const error of validate.errors ?? []) {
    const problem = describeError(error, locator)
    if (!problem) continue
    const line = `${problem.where}: ${problem.text}`
    if (seen.has(line)) continue
    seen.add(line)
    problems.push(problem)
  }
  return problems
}

function describeError(error: ErrorObject, locator: Locator): Problem | undefined {
  const path = toPath(error.instancePath)
  const parent = (error.parentSchema ?? {}) as { errorMessage?: string; patternErrorMessage?: string }
  const got = ` (got ${describeValue(error.data)})`
  const at = (p: PathSegment[], text: string): Problem => ({ where: locator.where(p), text: `${formatPath(p)} ${text}` })
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'if':
      return undefined // the failing then/else branch reports the real problem
    case 'additionalProperties': {
      const key = String(params.additionalProperty)
      const allowed = Object.keys((error.schema === false && error.parentSchema?.properties) || {})
      const allowedText = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : ''
      // Located at the key itself: the user needs to rename or remove that word.
      return { where: locator.where(path, key), text: `${formatPath([...path, key])} is not a known key${allowedText}` }
    }
    case 'required':
      return at(path, `is missing the required key "${String(params.missingProperty)}"`)
    case 'type': {
      const types = Array.isArray(params.type) ? params.type : [params.type]
      return at(path, `must be ${types.map((t) => TYPE_NAMES[String(t)] ?? String(t)).join(' or ')}${got}`)
    }
    case 'enum': {
      const values = (params.allowedValues as unknown[]).map(String).join(', ')
      return at(path, `${parent.errorMessage ?? `must be one of: ${values}`}${got}`)
    }
    case 'const':
      return at(path, `${parent.errorMessage ?? `must be ${JSON.stringify(params.allowedValue)}`}${got}`)
    case 'pattern':
      return at(path, `${parent.patternErrorMessage ?? `must match ${String(params.pattern)}`}${got}`)
    case 'minLength':
      return at(path, params.limit === 1 ? `must not be empty` : `must be at least ${String(params.limit)} characters${got}`)
    case 'maxLength':
      return at(path, `must be at most ${String(params.limit)} characters${got}`)
    case 'minimum':
    case 'maximum':
      return at(path, `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}${got}`)
    case 'minItems':
      return at(path, `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`)
    case 'maxItems':
      return at(path, `must list at most ${String(params.limit)} items`)
    case 'uniqueItems': {
      const later = Math.max(Number(params.i), Number(params.j))
      const value = Array.isArray(error.data) ? (error.data as unknown[])[later] : undefined
      return at([...path, later], `repeats ${describeValue(value)}, already listed`)
    }
    default:
      return at(path, `${error.message ?? 'is invalid'}${got}`)
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
  null: 'null',
}

/** ajv's JSON Pointer (`/tiers/0/sla`) as path segments; numeric segments are list indexes. */
function toPath(pointer: string): PathSegment[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment))
}
