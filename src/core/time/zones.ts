import { FixedOffsetZone, IANAZone, type Zone } from 'luxon'

/**
 * Abbreviations people write after a time, as fixed offsets: "17:00 PST" means UTC-8 even in
 * July, because that is what was written. Where one abbreviation has several meanings, the
 * English-speaking one wins: CST is US Central (not China), IST is India (not Ireland or Israel),
 * BST is British Summer Time. The generic US names (PT, MT, CT, ET) follow DST via their IANA zone.
 */
const ABBREVIATIONS: Readonly<Record<string, number | string>> = {
  utc: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  ist: 330,
  sgt: 480,
  hkt: 480,
  awst: 480,
  jst: 540,
  kst: 540,
  acst: 570,
  aest: 600,
  aedt: 660,
  nzst: 720,
  nzdt: 780,
  hst: -600,
  akst: -540,
  akdt: -480,
  pst: -480,
  pdt: -420,
  mst: -420,
  mdt: -360,
  cst: -360,
  cdt: -300,
  est: -300,
  edt: -240,
  pt: 'America/Los_Angeles',
  mt: 'America/Denver',
  ct: 'America/Chicago',
  et: 'America/New_York',
}

/** For refusal messages and documentation. */
export const ZONE_ABBREVIATIONS: readonly string[] = Object.keys(ABBREVIATIONS)
  .filter((name) => name !== 'z')
  .map((name) => name.toUpperCase())

/**
 * A zone as written: UTC/GMT/Z, an abbreviation above, an IANA name (any case), or an offset
 * (+02:00, -0800, +2, UTC+5:30, GMT-8). Null when it is none of these.
 */
export function resolveZone(text: string): Zone | null {
  const name = text.toLowerCase()
  const known = ABBREVIATIONS[name]
  if (typeof known === 'number') return FixedOffsetZone.instance(known)
  if (typeof known === 'string') return IANAZone.create(known)
  const offset = parseOffset(name.startsWith('utc') || name.startsWith('gmt') ? name.slice(3) : name)
  if (offset !== null) return FixedOffsetZone.instance(offset)
  // Intl would take "+02:00" as a zone too; offsets were handled above, so only names remain.
  if (!name.startsWith('+') && !name.startsWith('-') && IANAZone.isValidZone(text)) return IANAZone.create(text)
  return null
}

/** "+02:00", "-0800", "+2", "+5:30" → minutes east of UTC; null otherwise. */
export function parseOffset(text: string): number | null {
  const sign = text[0] === '+' ? 1 : text[0] === '-' || text[0] === '−' ? -1 : 0
  if (sign === 0) return null
  const body = text.slice(1)
  const colon = body.indexOf(':')
  const hours = colon >= 0 ? body.slice(0, colon) : body.length > 2 ? body.slice(0, body.length - 2) : body
  const minutes = colon >= 0 ? body.slice(colon + 1) : body.length > 2 ? body.slice(-2) : '00'
  if (!isDigits(hours, 1, 2) || !isDigits(minutes, 2, 2)) return null
  const total = Number(hours) * 60 + Number(minutes)
  if (Number(minutes) > 59 || total > 14 * 60) return null
  return sign * total
}

export function isDigits(text: string, min: number, max: number): boolean {
  if (text.length < min || text.length > max) return false
  for (const char of text) if (char < '0' || char > '9') return false
  return true
}
