/**
 * URLs and e-mail addresses in user text, found as GitHub's autolinker finds them (cmark-gfm's autolink.c) and
 * written so that what follows cannot change them: a link to an issue becomes inline code (no
 * link, no cross-reference); a URL GitHub might leave unlinked (inside an unclosed `[`, say)
 * becomes an explicit `<autolink>` so a `#12` or `@name` in it can never act on its own.
 */
import { inlineCode, urlPrefixLength, urlRunEnd } from './markdown-scan'

export interface FoundLink {
  end: number
  /** The URL ran into `<` or `>`: escaped as entities, they would be read into the link and shown as `&lt;`. */
  cutByAngle: boolean
  www: boolean
}

/** How URLs are written: `autolink` on notifying surfaces, `verbatim` in documents, `text` in titles (which link nothing). */
export type LinkStyle = 'autolink' | 'verbatim' | 'text'

const isLetter = (char: string | undefined) => char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z'))
const isAlnum = (char: string | undefined) => isLetter(char) || (char !== undefined && char >= '0' && char <= '9')
const isHostChar = (char: string | undefined) => isAlnum(char) || char === '.' || char === '-'
const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char)

/**
 * The URL at `i`, if GitHub would link one there: a scheme not glued to a letter (`www.` only
 * after a space, `(`, `*`, `_`, `~` or nothing), a host of letters, digits, `.` and `-`, then
 * up to a space, `<` or `>`, minus trailing punctuation and an unbalanced `)`. Where unsure it
 * answers no, and the text is defused like any other.
 */
export function findLink(text: string, i: number): FoundLink | null {
  const prefix = urlPrefixLength(text, i)
  if (prefix === 0) return null
  const www = prefix === 4
  const prev = text[i - 1]
  if (www ? !(prev === undefined || isSpace(prev) || '(*_~'.includes(prev)) : isLetter(prev)) return null
  if (!isAlnum(text[i + prefix])) return null
  let host = i + prefix
  while (isHostChar(text[host])) host++
  const after = text[host]
  if (after !== undefined && !'/?#:'.includes(after) && !isSpace(after) && after !== '<' && after !== '>') return null
  const { end, run } = urlExtent(text, i)
  return end > i + prefix ? { end, cutByAngle: text[run] === '<' || text[run] === '>', www } : null
}

/**
 * For one text: where a link to an issue that starts at `i` ends, or `null`. Found generously
 * (GitHub may cross-reference a URL it does not link: glued to a word, inside brackets), and
 * each run of URL text is scanned once, however many schemes it holds.
 */
/** Whether `[from, to)` names an issue, pull request or discussion (`/issues/12`, `/pull/3`). */
export function namesIssue(text: string, from: number, to: number): boolean {
  return findLastIssuePath(text, from, to) >= 0
}

export function issueLinkFinder(text: string): (i: number) => number | null {
  let runStop = -1
  let lastIssuePath = -1
  return (i) => {
    if (urlPrefixLength(text, i) === 0) return null
    if (i >= runStop) {
      runStop = urlExtent(text, i).run
      lastIssuePath = findLastIssuePath(text, i, runStop)
    }
    return lastIssuePath > i ? trimTrailing(text, i, runStop) : null
  }
}

/** A URL's run (to a space, `<` or `>`) and its end once trailing punctuation is dropped. */
function urlExtent(text: string, i: number): { end: number; run: number } {
  let run = i
  const stop = urlRunEnd(text, i)
  while (run < stop && text[run] !== '>') run++
  return { end: trimTrailing(text, i, run), run }
}

const TRAILING_PUNCTUATION = new Set(['?', '!', '.', ',', ':', ';', '*', '_', '~', "'", '"'])

function trimTrailing(text: string, start: number, runEnd: number): number {
  let end = runEnd
  let open = 0
  let close = 0
  for (let i = start; i < end; i++) {
    if (text[i] === '(') open++
    else if (text[i] === ')') close++
  }
  while (end > start) {
    const last = text[end - 1]!
    if (TRAILING_PUNCTUATION.has(last)) end--
    else if (last === ')' && close > open) {
      close--
      end--
    } else break
  }
  return end
}

/** Characters that could act outside a link GitHub did not make: mentions, references, code and emphasis. */
const RISKY = /[@#`*_]|GH-\d/i
/** What in a link destination would notify or reference if the link does not form and it reads as text. */
const ACTS_AS_TEXT = /[@`]|#\d|GH-\d/i

/** Whether the text of a link's `(destination)` would act, read as text: then the link is better broken. */
export function destinationMayAct(destination: string): boolean {
  return ACTS_AS_TEXT.test(destination)
}

/** The URL written for `style`; `null` when it should be treated as ordinary text. */
export function writeLink(url: string, link: FoundLink, style: LinkStyle): string | null {
  if (style === 'text') return null
  // A backtick in a URL GitHub leaves unlinked (inside an unclosed `[`) would open a code span.
  const risky = link.cutByAngle || url.includes('`') || (style === 'autolink' && RISKY.test(url))
  if (!risky) return url
  return link.www ? inlineCode(url) : `<${url}>`
}

const ISSUE_PATHS = ['/issues/', '/pull/', '/pulls/', '/discussions/']

/** The last place in `[from, to)` naming an issue, pull request or discussion (`/issues/12`, `/pull/3`), or -1. */
function findLastIssuePath(text: string, from: number, to: number): number {
  const lower = text.slice(from, to).toLowerCase()
  let last = -1
  for (const path of ISSUE_PATHS) {
    for (let at = lower.indexOf(path); at >= 0; at = lower.indexOf(path, at + 1)) {
      const next = lower[at + path.length]
      if (next !== undefined && next >= '0' && next <= '9') last = Math.max(last, from + at)
    }
  }
  return last
}

const isEmailLocal = (char: string | undefined) => isAlnum(char) || (char !== undefined && '.+-_'.includes(char))

/**
 * E-mail addresses as GitHub's autolinker finds them (start → end): a local part of letters,
 * digits and `.+-_`, one `@`, a domain with a dot followed by a letter or digit, ending in a
 * letter. Kept whole: a joiner inside one breaks the address when copied. One pass; each `@`
 * looks back and ahead no further than the `@` before and after it.
 */
export function emailRanges(text: string): Map<number, number> {
  const ranges = new Map<number, number>()
  let previousAt = -1
  for (let at = text.indexOf('@'); at >= 0; previousAt = at, at = text.indexOf('@', at + 1)) {
    let start = at
    while (start - 1 > previousAt && isEmailLocal(text[start - 1])) start--
    if (start === at || text[start - 1] === '/') continue
    let end = at + 1
    let dots = 0
    for (; end < text.length; end++) {
      const char = text[end]
      if (char === '.' && isAlnum(text[end + 1])) dots++
      else if (!isAlnum(char) && char !== '-' && char !== '_' && char !== '.') break
    }
    if (text[end] === '@') continue // two @: not an address
    // The autolinker reads a URL first: `x@y.io.https://…` leaves the address `x@y.io`.
    if (text.startsWith('://', end)) while (end > at + 1 && isLetter(text[end - 1])) end--
    while (end > at + 1 && '.-_'.includes(text[end - 1]!)) end--
    if (dots > 0 && isLetter(text[end - 1])) ranges.set(start, end)
  }
  return ranges
}
