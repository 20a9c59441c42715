import { DateTime, IANAZone } from 'luxon'

/** Customer satisfaction: the `/csat` rating and when to remind someone who has not given one. */
export const MAX_CSAT_COMMENT = 1000

const ACCEPTED =
  'Rate from 1 (poor) to 5 (excellent): `/csat 4`, `/csat 4/5` or `/csat 4 of 5`, then any comment, e.g. `/csat 4 quick recovery, slow first reply`.'

/** "4 good recovery", "4/5 good", "4 of 5", "4 out of 5 stars: good" → 4 and the comment. */
export function parseCsat(args: string): { rating: number; comment: string } | { problem: string } {
  const text = args.slice(0, MAX_CSAT_COMMENT * 2).trim()
  if (!text) return { problem: `A rating is missing. ${ACCEPTED}` }
  const digits = leadingDigits(text)
  if (digits.length === 0) return { problem: `The rating comes first, as a number. ${ACCEPTED}` }
  let rest = text.slice(digits.length)
  if (rest[0] === '.' || rest[0] === ',') {
    if (isDigit(rest[1])) return { problem: `Ratings are whole numbers. ${ACCEPTED}` }
  } else if (rest !== '' && !/[\s/]/.test(rest[0] ?? '')) return { problem: `The rating comes first, as a number. ${ACCEPTED}` }
  const rating = Number(digits)
  if (digits.length > 1 || rating < 1 || rating > 5)
    return { problem: `${digits.length > 3 ? 'That' : digits} is not a rating from 1 to 5. ${ACCEPTED}` }
  const scale = readScale(rest)
  if (scale && scale.of !== '5') return { problem: `Ratings are out of 5. ${ACCEPTED}` }
  if (scale) rest = rest.slice(scale.length)
  return { rating, comment: commentOf(rest) }
}

/** "/5", " / 5", " of 5", " out of 5": the scale written after the rating. */
function readScale(rest: string): { of: string; length: number } | null {
  let at = skipSpaces(rest, 0)
  if (rest[at] === '/') at = skipSpaces(rest, at + 1)
  else {
    const word = rest.slice(at).toLowerCase()
    const prefix = word.startsWith('out of ') ? 7 : word.startsWith('of ') ? 3 : 0
    if (prefix === 0) return null
    at = skipSpaces(rest, at + prefix)
  }
  const of = leadingDigits(rest.slice(at))
  if (!of) return null
  const after = rest[at + of.length]
  if (after !== undefined && !/[\s.,:;!)-]/.test(after)) return null
  return { of, length: at + of.length }
}

/** What follows the rating, without a leading "stars" or separator, on one line. */
function commentOf(rest: string): string {
  let comment = rest.replace(/\s+/g, ' ').trim()
  const lower = comment.toLowerCase()
  if (lower.startsWith('stars') || lower.startsWith('star')) {
    const word = lower.startsWith('stars') ? 5 : 4
    if (comment[word] === undefined || !/[\p{L}\p{N}]/u.test(comment[word] ?? '')) comment = comment.slice(word)
  }
  let start = 0
  while (start < comment.length && ' .,:;-–—'.includes(comment[start] ?? '')) start++
  comment = comment.slice(start)
  if (comment.length <= MAX_CSAT_COMMENT) return comment
  let cut = ''
  for (const char of comment) {
    if (cut.length + char.length > MAX_CSAT_COMMENT - 1) break
    cut += char
  }
  return `${cut.trimEnd()}…`
}

function leadingDigits(text: string): string {
  let end = 0
  while (end < text.length && isDigit(text[end])) end++
  return text.slice(0, end)
}

function skipSpaces(text: string, from: number): number {
  let at = from
  while (text[at] === ' ' || text[at] === '\t') at++
  return at
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

const MONDAY_TO_FRIDAY = [1, 2, 3, 4, 5]
/** Keeps the loop bounded; the configuration allows 30. */
const MAX_WORKING_DAYS = 3660

/**
 * The instant `days` working days after `start`, at the same local time in `timeZone` (across DST
 * changes too: 10:00 stays 10:00). Starting on a day off counts from there: 1 working day after
 * Saturday 10:00 is Monday 10:00. A local time a DST change skips moves forward by the gap.
 * `workDays`: ISO weekdays, 1 = Monday … 7 = Sunday.
 */
export function businessDaysAfter(start: Date, days: number, timeZone: string, workDays: number[] = MONDAY_TO_FRIDAY): Date {
  const zone = IANAZone.create(timeZone)
  if (!zone.isValid) throw new RangeError(`Unknown time zone ${JSON.stringify(timeZone)}`)
  if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS)
    throw new RangeError(`Working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, not ${days}`)
  const working = new Set(workDays.filter((day) => Number.isInteger(day) && day >= 1 && day <= 7))
  if (working.size === 0) throw new RangeError('At least one working day (ISO weekday 1–7) is needed')
  const local = DateTime.fromJSDate(start, { zone })
  let counted = 0
  let offset = 0
  // Each week holds at least one working day, so this ends within 7 × days steps.
  while (counted < days) {
    offset++
    if (working.has(local.plus({ days: offset }).weekday)) counted++
  }
  return local.plus({ days: offset }).toJSDate()
}
