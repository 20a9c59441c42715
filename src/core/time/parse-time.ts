import { DateTime, FixedOffsetZone, type Zone } from 'luxon'
import { readClock, readDate, readDuration, readWeekday, type CalendarDate, type ClockTime } from './time-words'
import { resolveZone } from './zones'

export { findEta } from './eta'

/** `problem` is a clause that reads after the input: `Could not read "…" as a time: <problem>`. */
export type TimeParse = { ok: true; at: Date } | { ok: false; problem: string }

/**
 * Accepted forms, for refusal messages. Zones: UTC/GMT/Z, an IANA name (Europe/Berlin, any case),
 * an offset (+02:00, -0800, UTC+5:30), or an abbreviation (ZONE_ABBREVIATIONS in ./zones); none: the
 * caller's default zone. A bare time or weekday is today (or that weekday, today included) in that
 * zone; a time already past is still returned: refusing it is the caller's call.
 */
export const TIME_FORMS: readonly string[] = [
  '2026-11-24 16:00 UTC',
  '2026-11-24T16:00Z',
  '2026-11-24T16:00+01:00',
  '16:00 Europe/Berlin',
  '16:00 today',
  'tomorrow 09:00 PST',
  'friday 17:00 CET',
  'in 2h',
  'in 90m',
  'in 1h30m',
  'in 2d',
]

/** Longer text is not a time anyone wrote on purpose. */
const MAX_LENGTH = 120
const MINUTE = 60_000

type Day = { kind: 'today' } | { kind: 'tomorrow' } | { kind: 'weekday'; weekday: number } | { kind: 'date'; date: CalendarDate }

interface Parts {
  day: Day | null
  clock: ClockTime | null
  zoneWords: string[]
}

export function parseTimeExpression(text: string, now: Date, defaultZone: string): TimeParse {
  if (text.length > MAX_LENGTH) return refuse(`it is longer than ${MAX_LENGTH} characters`)
  const words = wordsOf(text)
  if (words.length === 0) return refuse('it is empty')
  if (words[0] === 'in') return relative(words.slice(1), now)
  const parts = readParts(words)
  if (typeof parts === 'string') return refuse(parts)
  return resolve(parts, now, defaultZone)
}

/**
 * Lower-cased words without the filler "at" and closing punctuation ("ETA: 11:00 UTC."), with a
 * detached "am"/"pm" joined to its time ("5 pm" → "5pm").
 */
function wordsOf(text: string): string[] {
  let trimmed = text.trim().toLowerCase()
  while (trimmed !== '' && '.,;!'.includes(trimmed.at(-1) ?? '')) trimmed = trimmed.slice(0, -1)
  const words: string[] = []
  for (const word of trimmed.split(/\s+/)) {
    const previous = words.at(-1) ?? ''
    if ((word === 'am' || word === 'pm') && isDigit(previous.at(-1))) words[words.length - 1] = previous + word
    else if (word !== '' && word !== 'at') words.push(word)
  }
  return words
}

function relative(words: string[], now: Date): TimeParse {
  const minutes = readDuration(words.filter((word) => word !== 'and').join(''))
  if (minutes === null) return refuse(`"in ${words.join(' ')}" is not a duration such as in 2h, in 90m, in 1h30m or in 2d`)
  return { ok: true, at: new Date(now.getTime() + minutes * MINUTE) }
}

function readParts(words: string[]): Parts | string {
  const parts: Parts = { day: null, clock: null, zoneWords: [] }
  for (const word of words) {
    const problem = readWord(word, parts)
    if (problem) return problem
  }
  if (parts.clock) return parts
  if (parts.zoneWords.length > 0) return `"${parts.zoneWords.join(' ')}" is not a time of day (HH:MM), a day or a time zone`
  return 'it has a day but no time of day (HH:MM)'
}

/** Files one word into `parts`; a problem when it repeats or contradicts what came before. */
function readWord(word: string, parts: Parts): string | null {
  const weekday = readWeekday(word)
  const dated = readDate(word)
  const day: Day | null =
    word === 'today' || word === 'tomorrow'
      ? { kind: word }
      : weekday !== null
        ? { kind: 'weekday', weekday }
        : dated
          ? { kind: 'date', date: dated.date }
          : null
  if (day && parts.day) return `it names two days ("${word}" and one before it)`
  if (day) parts.day = day
  const clock = dated ? dated.clock : day ? null : readClock(word)
  if (clock && parts.clock) return `it names two times of day ("${word}" and one before it)`
  if (clock) parts.clock = clock
  else if (!day && !dated) parts.zoneWords.push(word)
  return null
}

function resolve(parts: Parts, now: Date, defaultZone: string): TimeParse {
  const { clock, day } = parts
  if (!clock) return refuse('it has no time of day (HH:MM)')
  if (clock.zone && parts.zoneWords.length > 0)
    return refuse(`it names two time zones ("${clock.zone}" and "${parts.zoneWords.join(' ')}")`)
  const zoneText = clock.zone ?? (parts.zoneWords.length > 0 ? parts.zoneWords.join('') : null)
  const zone = zoneText === null ? (resolveZone(defaultZone) ?? FixedOffsetZone.utcInstance) : resolveZone(zoneText)
  if (!zone) return refuse(unknownZone(clock.zone ?? parts.zoneWords.join(' ')))
  const hour = hour24(clock)
  if (hour === null || clock.minute > 59 || clock.second > 59) return refuse(`${describeClock(clock)} is not a time of day (00:00–23:59)`)
  const date = dateIn(day, now, zone)
  const at = DateTime.fromObject({ ...date, hour, minute: clock.minute, second: clock.second }, { zone })
  if (!at.isValid) return refuse(`${date.year}-${pad(date.month)}-${pad(date.day)} is not a date`)
  return { ok: true, at: at.toJSDate() }
}

function hour24(clock: ClockTime): number | null {
  if (!clock.meridiem) return clock.hour <= 23 ? clock.hour : null
  if (clock.hour < 1 || clock.hour > 12) return null
  return (clock.hour % 12) + (clock.meridiem === 'pm' ? 12 : 0)
}

/** The calendar date the words name, counted in the zone the time is written in. */
function dateIn(day: Day | null, now: Date, zone: Zone): CalendarDate {
  if (day?.kind === 'date') return day.date
  const today = DateTime.fromJSDate(now, { zone })
  const ahead = day?.kind === 'tomorrow' ? 1 : day?.kind === 'weekday' ? (day.weekday - today.weekday + 7) % 7 : 0
  const date = today.plus({ days: ahead })
  return { year: date.year, month: date.month, day: date.day }
}

function unknownZone(written: string): string {
  return `"${written}" is not a time zone: use UTC, an IANA name such as Europe/Berlin, an offset such as +02:00, or an abbreviation such as PST or CET`
}

function describeClock(clock: ClockTime): string {
  return `"${clock.hour}:${pad(clock.minute)}${clock.meridiem ?? ''}"`
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

function refuse(problem: string): TimeParse {
  return { ok: false, problem }
}
