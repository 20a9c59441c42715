/**
 * Reads `.github/escalations.yml`: YAML → schema check → merge over the built-in
 * defaults → semantic checks → `Config`. Every problem found is reported at once, each as
 * `file:line:column: <key path> <what is wrong>`, in one `ConfigError`.
 */
import { LineCounter, parseDocument } from 'yaml'
import { defaultConfigText } from '../templates.generated'
import { convertErrors, firstAliasWhere, structureProblems } from './yaml-errors'
import { ConfigError, type Problem } from './errors'
import { createLocator, type Locator } from './locate'
import { asResolved, mergeOverDefaults } from './merge'
import type { RawConfig, ResolvedRawConfig } from './raw-types'
import { schemaProblems } from './schema-problems'
import { semanticProblems } from './semantic'
import { toConfig } from './convert'
import type { Config } from './types'

/** Where the built-in defaults are said to come from in error messages. */
export const BUILT_IN_FILE = 'built-in defaults'

/**
 * Parses and validates a configuration file's `text`; `file` names it in error messages.
 * Keys the file leaves out take the built-in defaults (templates/escalations.yml).
 * @throws ConfigError listing every problem found.
 */
export function parseConfig(text: string, file: string): Config {
  const { raw, locator } = readValidated(text, file)
  const merged = mergeOverDefaults(raw, builtInRaw())
  throwIfAny(file, semanticProblems(merged, locator))
  return toConfig(merged)
}

let cachedDefaults: ResolvedRawConfig | undefined

// The template goes through the same checks as a user file, so a broken template fails
// loudly (and in tests) rather than yielding a half-valid configuration.
function builtInRaw(): ResolvedRawConfig {
  cachedDefaults ??= asResolved(readValidated(defaultConfigText, BUILT_IN_FILE).raw)
  return cachedDefaults
}

// Generous for anchors shared between tiers, far below what an alias bomb needs.
const MAX_ALIAS_COUNT = 100

/** YAML syntax and schema checks; returns the user's keys (kebab-case) and a locator. */
function readValidated(text: string, file: string): { raw: RawConfig; locator: Locator } {
  const lineCounter = new LineCounter()
  // uniqueKeys (the default) makes a repeated key a syntax error instead of "last one wins".
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true })
  throwIfAny(file, convertErrors(doc.errors, file))
  throwIfAny(file, structureProblems(doc, lineCounter, file))

  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
  } catch (error) {
    // Anchors that expand into far more data than the file holds (an alias bomb).
    const message = error instanceof Error ? error.message : String(error)
    throw new ConfigError(file, [`${firstAliasWhere(doc, lineCounter, file)}: YAML aliases expand too far: ${message}`])
  }
  // An empty file, or one holding only comments, changes nothing.
  const value = data ?? {}
  const locator = createLocator(doc, lineCounter, file)
  throwIfAny(file, schemaProblems(value, locator))
  return { raw: value as RawConfig, locator }
}

function throwIfAny(file: string, problems: Problem[]): void {
  if (problems.length === 0) return
  throw new ConfigError(
    file,
    sortByPosition(problems).map((problem) => `${problem.where}: ${problem.text}`),
  )
}

// Line order reads like the file; ajv's order follows the schema instead.
function sortByPosition(problems: Problem[]): Problem[] {
  const key = (where: string): [number, number] => {
    const match = /:(\d+):(\d+)$/.exec(where)
    return match ? [Number(match[1]), Number(match[2])] : [0, 0]
  }
  return [...problems].sort((a, b) => {
    const [lineA, colA] = key(a.where)
    const [lineB, colB] = key(b.where)
    return lineA - lineB || colA - colB
  })
}
