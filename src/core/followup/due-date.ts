import { DateTime } from 'luxon'

/**
 * A due date as reviewers write it after `due` or `by`. Every pattern is anchored and applied to
 * a short slice (never to the document), with no nested quantifiers: matching stays linear.
 */
export type DueDate =
  | { kind: 'date'; iso: string; length: number }
  /** Date-shaped but not a day of the calendar (2026-02-30, 31 Apr 2026, a date with no year). */
  | { kind: 'invalid'; length: number }
  /** The template's `YYYY-MM-DD`. */
  | { kind: 'placeholder'; length: number }

/** Longest form: "September 30th, 2026" plus a little slack. */
const SLICE = 40

const ISO = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?![\p{L}\p{N}])/u
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{L}\p{N}])/u
const DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?[ \t]+(\p{L}{3,9})\.?(?:,?[ \t]+(\d{4}))?(?![\p{L}\p{N}])/iu
const MONTH_DAY = /^(\p{L}{3,9})\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?(?:,?[ \t]+(\d{4}))?(?![\p{L}\p{N}])/iu
const PLACEHOLDER = /^yyyy-mm-dd(?![\p{L}\p{N}])/iu

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}

/** The due date that starts at `text[0]`, or null when nothing there looks like one ("due to the outage"). */
export function readDueDate(text: string): DueDate | null {
  const slice = text.slice(0, SLICE)
  const placeholder = PLACEHOLDER.exec(slice)
  if (placeholder) return { kind: 'placeholder', length: placeholder[0].length }
  const iso = ISO.exec(slice)
  if (iso) return calendarDate(iso[1], iso[3], iso[4], iso[0].length)
  const dotted = DOTTED.exec(slice)
  if (dotted) return calendarDate(dotted[3], dotted[2], dotted[1], dotted[0].length)
  const dayMonth = DAY_MONTH.exec(slice)
  if (dayMonth) return namedMonthDate(dayMonth[3], dayMonth[2], dayMonth[1], dayMonth[0].length)
  const monthDay = MONTH_DAY.exec(slice)
  if (monthDay) return namedMonthDate(monthDay[3], monthDay[1], monthDay[2], monthDay[0].length)
  return null
}

/** A month word that is not a month ("by 3 people") means this was never a date. */
function namedMonthDate(year: string | undefined, monthName: string | undefined, day: string | undefined, length: number): DueDate | null {
  const month = MONTHS[(monthName ?? '').toLowerCase()]
  if (!month) return null
  if (!year) return { kind: 'invalid', length }
  return calendarDate(year, String(month), day, length)
}

function calendarDate(year: string | undefined, month: string | undefined, day: string | undefined, length: number): DueDate {
  const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone: 'utc' })
  if (!date.isValid) return { kind: 'invalid', length }
  return { kind: 'date', iso: date.toISODate() ?? '', length }
}
