/**
 * Lists whose items the schema sees as different but the action would treat as one:
 * App logins with and without `[bot]`, logins with and without `@`, names differing only
 * in letter case.
 */
import { describeValue } from './describe-value'
import { formatPath, type YamlPath } from './locate'
import { appSlug, stripAt } from './normalise'
import type { ResolvedRawConfig } from './raw-types'
import type { Report } from './semantic'

/** `has` tells whether the user's file gives a path, so a clash is reported where they wrote it. */
export function listProblems(config: ResolvedRawConfig, report: Report, has: (path: YamlPath) => boolean): void {
  repeats(config['trusted-apps'], ['trusted-apps'], appSlug, report)
  const ask = config.csat.ask
  if (ask !== 'filer') repeats(ask, ['csat', 'ask'], (login) => stripAt(login).toLowerCase(), report)
  const repositories = config.organization?.repositories
  if (repositories && repositories !== 'all') repeats(repositories, ['organization', 'repositories'], (name) => name.toLowerCase(), report)
  if (config.project) projectFieldProblems(config.project.fields, report, has)
}

function repeats(items: readonly string[], path: YamlPath, same: (item: string) => string, report: Report): void {
  const firstIndex = new Map<string, number>()
  items.forEach((item, index) => {
    const key = same(item)
    const earlier = firstIndex.get(key)
    if (earlier === undefined) return void firstIndex.set(key, index)
    report([...path, index], `repeats ${describeValue(item)}, already listed as ${formatPath([...path, earlier])}`)
  })
}

// Two keys naming one project field would write two values into it. Field names left out
// are defaults, so the clash is reported at the key the user wrote.
function projectFieldProblems(fields: Record<string, string>, report: Report, has: (path: YamlPath) => boolean): void {
  const at = (key: string): YamlPath => ['project', 'fields', key]
  const firstKey = new Map<string, string>()
  for (const [key, name] of Object.entries(fields)) {
    const earlier = firstKey.get(name.toLowerCase())
    if (earlier === undefined) {
      firstKey.set(name.toLowerCase(), key)
      continue
    }
    const [here, other] = has(at(key)) || !has(at(earlier)) ? [key, earlier] : [earlier, key]
    report(at(here), `names the field ${describeValue(fields[here])}, already used by ${formatPath(at(other))}`)
  }
}
