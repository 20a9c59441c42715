/**
 * Repeat customers: one customer written many ways ("Globex Corporation", "GLOBEX corp.",
 * "Globex, Inc.") is one key, and a customer's earlier escalations within a window are found
 * from the ledger's compact records.
 */

/** Work on at most this much of a name; keys are at most MAX_KEY characters. */
const MAX_INPUT = 1000
export const MAX_KEY = 200
const DAY = 86_400_000

/**
 * Legal forms, as they read once case, accents and dots are folded ("S.r.l." → "srl"), removed
 * from the end of a name. A few common ones past the required list (KG, SE, LLP, LP, SARL, Pte,
 * Oyj, Ltda) are here too: "GmbH & Co. KG" is one legal form.
 */
const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'nv',
  'plc',
  'pty',
  'co',
  'corp',
  'corporation',
  'company',
  'kk',
  'oy',
  'ab',
  'as',
  'aps',
  'srl',
  'spa',
  'kg',
  'se',
  'llp',
  'lp',
  'sarl',
  'pte',
  'oyj',
  'ltda',
])

/** "Pty" and "Pte" are only legal forms before "Ltd"; alone they stay part of the name. */
const ONLY_BEFORE_LTD = new Set(['pty', 'pte'])

/** Answers that name nobody; issue forms write "_No response_" for a field left empty. */
const PLACEHOLDERS = new Set(['n a', 'na', 'none', 'tbd', 'unknown', 'no response', 'not applicable', 'not given', 'not known', 'nil'])

/** Letters without a decomposition that still fold to ASCII. */
const FOLDS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' }

export function normaliseCustomer(name: string | null): string | null {
  if (name === null) return null
  const words = foldText(name.slice(0, MAX_INPUT)).split(' ').filter(Boolean)
  const key = withoutLegalForm(words).join(' ')
  if (!key || PLACEHOLDERS.has(key)) return null
  return cutAtCharacter(key, MAX_KEY)
}

/** Lower case, accents off, `&` as "and", dots, slashes and apostrophes joined ("S.A." → "sa", "A/S" → "as"), other punctuation a space. */
function foldText(text: string): string {
  let folded = ''
  for (const char of text.normalize('NFKD').toLowerCase()) {
    if (/\p{M}/u.test(char)) continue
    if (char === '.' || char === '/' || char === "'" || char === '’') continue
    if (char === '&' || char === '+') folded += ' and '
    else if (/[\p{L}\p{N}]/u.test(char)) folded += FOLDS[char] ?? char
    else folded += ' '
  }
  return folded
}

/** Legal forms off the end ("co ltd", "gmbh and co kg"), and a leading "the"; never the whole name. */
function withoutLegalForm(words: string[]): string[] {
  let end = words.length
  let removed = false
  while (end > 1) {
    const last = words[end - 1] ?? ''
    const legal = LEGAL_SUFFIXES.has(last) && (!ONLY_BEFORE_LTD.has(last) || (removed && words[end] === 'ltd'))
    if (!legal && !(removed && last === 'and')) break
    end--
    removed = true
  }
  const start = end > 1 && words[0] === 'the' ? 1 : 0
  return words.slice(start, end)
}

function cutAtCharacter(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = ''
  for (const char of text) {
    if (cut.length + char.length > max) break
    cut += char
  }
  return cut.trimEnd()
}

export interface PastEscalation {
  number: number
  repo?: string
  customerKey: string | null
  tier: string
  filedAt: string
  state: string
  slaMet: boolean | null
}

export interface RepeatOptions {
  now: Date
  windowDays: number
  /** The current escalation's number, never its own repeat. */
  exclude: number
  /** Its repository ("owner/name") in organisation mode: numbers repeat across repositories. Absent: exclude by number alone. */
  excludeRepo?: string
}

/** The same customer's escalations filed in [now − windowDays, now], newest first, the current one left out. */
export function findRepeats(customerKey: string | null, past: PastEscalation[], options: RepeatOptions): PastEscalation[] {
  if (customerKey === null) return []
  const until = options.now.getTime()
  const since = until - options.windowDays * DAY
  const seen = new Set<string>()
  const earlier: { escalation: PastEscalation; filed: number }[] = []
  for (const escalation of past) {
    const filed = Date.parse(escalation.filedAt)
    if (escalation.customerKey !== customerKey || Number.isNaN(filed) || filed < since || filed > until) continue
    if (isCurrent(escalation, options)) continue
    const id = `${escalation.repo ?? ''}#${escalation.number}`
    if (seen.has(id)) continue
    seen.add(id)
    earlier.push({ escalation, filed })
  }
  return earlier.sort((a, b) => b.filed - a.filed || b.escalation.number - a.escalation.number).map(({ escalation }) => escalation)
}

function isCurrent(escalation: PastEscalation, options: RepeatOptions): boolean {
  if (escalation.number !== options.exclude) return false
  return (
    options.excludeRepo === undefined ||
    escalation.repo === undefined ||
    escalation.repo.toLowerCase() === options.excludeRepo.toLowerCase()
  )
}

/** `threshold` counts EARLIER escalations (the current one not included). */
export function isRepeatCustomer(earlier: PastEscalation[], threshold: number): boolean {
  return earlier.length >= Math.max(1, threshold)
}
