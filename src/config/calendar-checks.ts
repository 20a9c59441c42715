/** Business-hours calendars: the checks the schema cannot express, and reading their hours. */
import { describeValue } from './describe-value'
import type { YamlPath } from './locate'
import type { RawCalendar } from './raw-types'

/** Reports an unknown time zone and hours that end before they start. */
export function calendarProblems(calendar: RawCalendar, path: YamlPath, report: (path: YamlPath, text: string) => void): void {
  if (calendar === '24x7') return
  const zone = calendar['time-zone']
  if (!isTimeZone(zone)) {
    report([...path, 'time-zone'], `is not a known IANA time zone such as Europe/Berlin (got ${describeValue(zone)})`)
  }
  if (calendar.hours !== undefined) {
    const [start, end] = parseHours(calendar.hours)
    if (start >= end) report([...path, 'hours'], `must start before it ends (got ${JSON.stringify(calendar.hours)})`)
  }
}

/** Whether the runtime's time zone database knows `zone`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/** `"09:00-17:30"` → `[540, 1050]` minutes after midnight; the schema has checked the shape. */
export function parseHours(hours: string): [number, number] {
  const [start = '', end = ''] = hours.split('-')
  const minutes = (hhmm: string): number => {
    const [h = 0, m = 0] = hhmm.split(':').map(Number)
    return h * 60 + m
  }
  return [minutes(start), minutes(end)]
}
