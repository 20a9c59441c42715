import { isDigits } from './zones'

/** The pieces of a written time, each read from one word without regular expressions. */
export interface ClockTime {
  hour: number
  minute: number
  second: number
  /** `pm`, `am`, or null for a 24-hour time. */
  meridiem: 'am' | 'pm' | null
  /** A zone written onto the time itself: `16:00Z`, `16:00+01:00`. */
  zone: string | null
}

export interface CalendarDate {
  year: number
  month: number
  day: number
}

/** `16:00`, `16:00:30`, `16:00:00.000Z`, `16:00+01:00`, `9am`, `9:30pm`; null when the word is not a time. */
export function readClock(word: string): ClockTime | null {
  let index = digitRun(word, 0)
  if (index === 0 || index > 2) return null
  const hour = Number(word.slice(0, index))
  const fields = [0, 0]
  let hasMinutes = false
  for (let field = 0; field < 2 && word[index] === ':'; field++) {
    const end = digitRun(word, index + 1)
    if (end - index !== 3) return null
    fields[field] = Number(word.slice(index + 1, end))
    hasMinutes = true
    index = end
  }
  if (hasMinutes && (word[index] === '.' || word[index] === ',')) index = digitRun(word, index + 1) // fractions of a second
  const rest = word.slice(index)
  const meridiem = rest === 'am' || rest === 'pm' ? rest : null
  if (!hasMinutes && !meridiem) return null
  return { hour, minute: fields[0] ?? 0, second: fields[1] ?? 0, meridiem, zone: meridiem || rest === '' ? null : rest }
}

/** `2026-11-24`, or ISO `2026-11-24t16:00z` (the word is lower-cased); null when the word is not a date. */
export function readDate(word: string): { date: CalendarDate; clock: ClockTime | null } | null {
  const [year = '', month = '', rest = ''] = splitOnce(word, '-', 2)
  const tAt = rest.indexOf('t')
  const day = tAt >= 0 ? rest.slice(0, tAt) : rest
  if (!isDigits(year, 4, 4) || !isDigits(month, 1, 2) || !isDigits(day, 1, 2)) return null
  const date = { year: Number(year), month: Number(month), day: Number(day) }
  if (tAt < 0) return { date, clock: null }
  const clock = readClock(rest.slice(tAt + 1))
  return clock ? { date, clock } : null
}

const UNIT_MINUTES: Readonly<Record<string, number>> = {
  w: 10080,
  week: 10080,
  weeks: 10080,
  d: 1440,
  day: 1440,
  days: 1440,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
}

/** `2h`, `90m`, `1h30m`, `2d`, `1 hour 30 minutes` (spaces already removed); minutes, or null. */
export function readDuration(text: string): number | null {
  const seen = new Set<number>()
  let total = 0
  let index = 0
  while (index < text.length) {
    const digitsEnd = digitRun(text, index)
    if (digitsEnd === index || digitsEnd - index > 6) return null
    const letters = letterRun(text, digitsEnd)
    const unit = UNIT_MINUTES[text.slice(digitsEnd, letters)]
    if (unit === undefined || seen.has(unit)) return null
    seen.add(unit)
    total += Number(text.slice(index, digitsEnd)) * unit
    index = letters
  }
  return seen.size > 0 ? total : null
}

const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
}

/** ISO weekday of a weekday name or its usual abbreviations; null otherwise. */
export function readWeekday(word: string): number | null {
  return WEEKDAYS[word] ?? null
}

function digitRun(text: string, from: number): number {
  let index = from
  while (index < text.length && (text[index] ?? '') >= '0' && (text[index] ?? '') <= '9') index++
  return index
}

function letterRun(text: string, from: number): number {
  let index = from
  while (index < text.length && (text[index] ?? '') >= 'a' && (text[index] ?? '') <= 'z') index++
  return index
}

/** At most `count` splits; the last piece keeps the rest. */
function splitOnce(text: string, separator: string, count: number): string[] {
  const pieces: string[] = []
  let rest = text
  for (let split = 0; split < count; split++) {
    const at = rest.indexOf(separator)
    if (at < 0) break
    pieces.push(rest.slice(0, at))
    rest = rest.slice(at + 1)
  }
  return [...pieces, rest]
}
