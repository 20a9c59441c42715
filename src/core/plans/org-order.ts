/**
 * The order an organisation sweep visits its repositories in. A desk past one job's time stops
 * starting repositories when its time runs out; those it did not reach go first next run, so
 * every repository is swept at least every other run however the list is written. What was left
 * is read back from the action's own dashboard (its marker), never from memory.
 */

/** The dashboard marker's data: the repositories the last run did not reach. */
export interface OrgDashboardData {
  notReached: string[]
}

/** `notReached` from a dashboard marker's data; anything else (older dashboards, damage) is none. */
export function notReachedOf(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return []
  const list = (data as { notReached?: unknown }).notReached
  return Array.isArray(list) ? list.filter((name): name is string => typeof name === 'string') : []
}

/** The repositories left last time first (those still listed, in the list's order), then the rest. */
export function orgSweepOrder(repositories: string[], leftLastTime: string[]): string[] {
  const left = new Set(leftLastTime.map((name) => name.toLowerCase()))
  const first = repositories.filter((name) => left.has(name.toLowerCase()))
  return [...first, ...repositories.filter((name) => !left.has(name.toLowerCase()))]
}
