/** Durations in the configuration: "30m", "2h", "1d", "1h30m" (d = 24 hours). */

const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/

const MINUTES_PER_HOUR = 60
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR

/** The longest duration the configuration accepts anywhere: a year, far from Date's limits. */
export const MAX_DURATION_MINUTES = 365 * MINUTES_PER_DAY

/** Thrown by `parseDuration` for text that is not a duration. */
export class DurationError extends Error {
  override readonly name = 'DurationError'
}

/**
 * Whole minutes in a duration such as `1h30m` (→ 90) or `2d` (→ 2880). Units must come
 * largest first, as the schema's pattern requires; surrounding whitespace is ignored.
 */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text.trim())
  if (!match) throw new DurationError(`not a duration: ${JSON.stringify(text)} (expected e.g. 30m, 2h, 1d, 1h30m)`)
  const [, days, hours, minutes] = match
  return Number(days ?? 0) * MINUTES_PER_DAY + Number(hours ?? 0) * MINUTES_PER_HOUR + Number(minutes ?? 0)
}

/**
 * What is wrong with a duration outside `[min, max]` minutes (`min` 0 means "longer than
 * 0"), as `must be … (got "…")`; undefined when it is inside. The text is a duration the
 * schema has accepted.
 */
export function durationBoundProblem(text: string, min: number, max = MAX_DURATION_MINUTES): string | undefined {
  const minutes = parseDuration(text)
  const got = `(got ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)})`
  if (min === 0 && minutes === 0) return `must be longer than 0 minutes ${got}`
  if (minutes < min) return `must be at least ${formatDuration(min).replace(' ', '')} ${got}`
  if (minutes > max) return `must be at most ${formatDuration(max).replace(' ', '')} ${got}`
  return undefined
}

/**
 * Human text for a number of minutes: the two largest non-zero units, so it stays
 * readable in a status comment (`90` → `1h 30m`, `1500` → `1d 1h`, `1445` → `1d 5m`,
 * `0` → `0m`). Smaller units beyond two are truncated, never rounded up, so a remaining
 * time shown is never longer than the real one. Negative input is shown as its size.
 */
export function formatDuration(minutes: number): string {
  const total = Math.floor(Math.abs(minutes))
  const parts = [
    [Math.floor(total / MINUTES_PER_DAY), 'd'],
    [Math.floor((total % MINUTES_PER_DAY) / MINUTES_PER_HOUR), 'h'],
    [total % MINUTES_PER_HOUR, 'm'],
  ] as const
  const shown = parts.filter(([count]) => count > 0).slice(0, 2)
  return shown.length === 0 ? '0m' : shown.map(([count, unit]) => `${count}${unit}`).join(' ')
}
