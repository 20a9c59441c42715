/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`: enough to find where a
 * working day starts and ends, DST included, without bundling a time-zone database.
 */
export interface LocalParts {
  year: number
  month: number
  day: number
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number
  /** Minutes after local midnight. */
  minute: number
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 }

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {}
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  }
}

/** The instant at which the zone's clock shows `minute` on the given local date. */
export function zonedInstant(year: number, month: number, day: number, minute: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minute)
  let guess = asUtc
  // Two passes settle the offset on either side of a DST change.
  for (let pass = 0; pass < 2; pass++) {
    const shown = localParts(new Date(guess), timeZone)
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, 0, shown.minute)
    guess += asUtc - shownAsUtc
  }
  return new Date(guess)
}
