/**
 * What the accepted commands add up to: the status updates, the ETA, the pauses while waiting
 * on the customer, the owners and the resolution. Pure folds over the command log, oldest first.
 */
import { parseCsat } from '../followup/csat'
import { findEta, parseTimeExpression } from '../time/parse-time'
import type { CommandRecord } from './card-data'
import { firstWord } from './commands'
import { parseLogins } from './command-arguments'

export interface HumanUpdate {
  at: Date
  by: string
  text: string
  commentId: number
}

export interface Eta {
  /** Null when the text given could not be read as a time (an ETA inside a /status). */
  at: Date | null
  text: string
  by: string
  setAt: Date
}

export interface PauseSpan {
  start: Date
  /** Null while still waiting. */
  end: Date | null
  by: string
  reason: string
}

export interface Resolution {
  at: Date
  by: string
  summary: string
}

const when = (record: CommandRecord) => new Date(record.at)

export function updatesOf(records: CommandRecord[]): HumanUpdate[] {
  return records
    .filter((record) => record.name === 'status')
    .map((record) => ({ at: when(record), by: record.by, text: record.arg, commentId: record.id }))
}

/** The latest commitment: an `/eta`, or an `ETA:` written in a `/status`. */
export function etaOf(records: CommandRecord[], timeZone: string): Eta | null {
  let eta: Eta | null = null
  for (const record of records) {
    const text = record.name === 'eta' ? record.arg : record.name === 'status' ? findEta(record.arg) : null
    if (text === null || text === '') continue
    const parsed = parseTimeExpression(text, when(record), timeZone)
    eta = { at: parsed.ok ? parsed.at : null, text, by: record.by, setAt: when(record) }
  }
  return eta
}

/** `/waiting customer` opens a pause, `/resume` closes it; a second `/waiting` while waiting changes nothing. */
export function pausesOf(records: CommandRecord[]): PauseSpan[] {
  const pauses: PauseSpan[] = []
  for (const record of records) {
    const open = pauses.at(-1)?.end === null ? pauses.at(-1) : undefined
    if (record.name === 'waiting' && !open) {
      const reason = record.arg.slice(firstWord(record.arg).length).trim()
      pauses.push({ start: when(record), end: null, by: record.by, reason })
    }
    if ((record.name === 'resume' || record.name === 'resolve') && open) open.end = when(record)
  }
  return pauses
}

export function resolutionOf(records: CommandRecord[]): Resolution | null {
  const last = records.findLast((record) => record.name === 'resolve')
  return last ? { at: when(last), by: last.by, summary: last.arg } : null
}

export interface CsatRecord {
  rating: number
  comment: string
  by: string
  at: Date
  commentId: number
}

/** The latest customer-satisfaction rating recorded with `/csat`. */
export function csatOf(records: CommandRecord[]): CsatRecord | null {
  const last = records.findLast((record) => record.name === 'csat')
  if (!last) return null
  const parsed = parseCsat(last.arg)
  return 'problem' in parsed ? null : { rating: parsed.rating, comment: parsed.comment, by: last.by, at: when(last), commentId: last.id }
}

/** The executive sponsor named by the latest `/sponsor`. */
export function sponsorOf(records: CommandRecord[]): string | null {
  const last = records.findLast((record) => record.name === 'sponsor')
  return last ? (parseLogins(last.arg)?.[0] ?? null) : null
}

/** Owners named by the latest `/owner`, or null when nobody named any. */
export function ownersOf(records: CommandRecord[]): string[] | null {
  const last = records.findLast((record) => record.name === 'owner')
  return last ? parseLogins(last.arg) : null
}
