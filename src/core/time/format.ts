import { DateTime } from 'luxon'
import type { Calendar } from '../../config/types'
import { formatUtc } from './sla-clock'

/** "2026-11-24 01:30 PST" in the zone (Luxon's short offset name; fall back to "UTC-8" style). Unknown zones: UTC. */
export function formatInZone(instant: Date, timeZone: string): string {
  const local = inZone(instant, timeZone)
  if (!local) return formatUtc(instant)
  return `${local.toFormat('yyyy-MM-dd HH:mm')} ${zoneName(local)}`
}

/**
 * A due time as people read it: UTC always, plus the tier calendar's local time when it has a zone:
 * "2026-11-24 09:30 UTC (01:30 PST)"; 24x7 calendars: UTC only. If the local date differs from the
 * UTC date, include it: "(Mon 23 Nov 22:30 PST)".
 */
export function formatDue(instant: Date, calendar: Calendar): string {
  const utc = formatUtc(instant)
  if (calendar.kind === '24x7') return utc
  const local = inZone(instant, calendar.timeZone)
  if (!local) return utc
  const name = zoneName(local)
  if (name === 'UTC') return utc
  const sameDate = local.toISODate() === instant.toISOString().slice(0, 10)
  return `${utc} (${local.toFormat(sameDate ? 'HH:mm' : 'ccc d LLL HH:mm')} ${name})`
}

function inZone(instant: Date, timeZone: string): DateTime | null {
  // A fixed locale: digits, weekday and month names must not follow the runner's settings.
  const local = DateTime.fromJSDate(instant, { zone: timeZone }).setLocale('en-US')
  return local.isValid ? local : null
}

/**
 * The zone's abbreviation where one is in common use: en-US knows PST/EST, en-GB knows CET/BST.
 * Otherwise Intl says "GMT+9"; we say "UTC+9", the way the rest of our text names offsets.
 */
function zoneName(local: DateTime): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = local.setLocale(locale).offsetNameShort
    if (name && !name.startsWith('GMT+') && !name.startsWith('GMT-')) return name
  }
  return `UTC${local.toFormat('Z')}`
}
