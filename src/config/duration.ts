/** Durations in the configuration: "30m", "2h", "1d", "1h30m" (d = 24 hours). */

const DURATION = /^(?=\d)(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$/

const MINUTES_PER_HOUR = 60
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR

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
