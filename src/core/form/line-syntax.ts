/**
 * Recognisers for the CommonMark block starts that decide where a top-level `###` line is a
 * heading (GitHub renders with cmark-gfm). Each looks at one line, left to right, in time linear
 * in the line: plain loops, no regular expressions.
 */

export interface Indent {
  /** Columns of leading whitespace, tabs advancing to the next multiple of 4. */
  columns: number
  /** Index of the first character that is not a space or tab (the line length if none). */
  index: number
}

/** Leading whitespace of `line` from index `from` (columns counted from there). */
export function indentOf(line: string, from = 0): Indent {
  let columns = 0
  let index = from
  for (; index < line.length; index++) {
    const char = line.charCodeAt(index)
    if (char === SPACE) columns++
    else if (char === TAB) columns += 4 - (columns % 4)
    else break
  }
  return { columns, index }
}

/** CommonMark's blank line: nothing but spaces and tabs. */
export function isBlank(line: string): boolean {
  return isBlankFrom(line, 0)
}

export interface AtxHeading {
  level: number
  /** Text after the opening `#`s, spaces and tabs trimmed; a closing `#` sequence is kept. */
  content: string
}

/** `#` to `######` followed by a space, a tab or the end of the line; `at` is the first non-blank index. */
export function atxHeading(line: string, at: number): AtxHeading | null {
  let end = at
  while (end < line.length && line.charCodeAt(end) === HASH) end++
  const level = end - at
  if (level < 1 || level > 6) return null
  if (end < line.length && !isSpaceOrTab(line.charCodeAt(end))) return null
  return { level, content: trimSpacesAndTabs(line.slice(end)) }
}

/** What CommonMark shows of a heading: the optional closing `#` sequence removed. */
export function withoutClosingSequence(content: string): string {
  let end = content.length
  while (end > 0 && content.charCodeAt(end - 1) === HASH) end--
  if (end === content.length) return content
  if (end === 0) return ''
  return isSpaceOrTab(content.charCodeAt(end - 1)) ? trimSpacesAndTabs(content.slice(0, end)) : content
}

export interface Fence {
  char: number
  length: number
}

/** A run of 3+ backticks (with no backtick after it) or 3+ tildes at `at`. */
export function fenceOpener(line: string, at: number): Fence | null {
  const char = line.charCodeAt(at)
  if (char !== BACKTICK && char !== TILDE) return null
  const length = runLength(line, at, char)
  if (length < 3) return null
  if (char === BACKTICK && line.indexOf('`', at + length) !== -1) return null
  return { char, length }
}

/** A closing fence: up to 3 spaces, at least as many of the same character, then only whitespace. */
export function closesFence(line: string, fence: Fence): boolean {
  const { columns, index } = indentOf(line)
  if (columns > 3) return false
  const length = runLength(line, index, fence.char)
  return length >= fence.length && isBlankFrom(line, index + length)
}

/** `***`, `- - -`, `___`: three or more of one of `-*_`, only spaces and tabs between. */
export function isThematicBreak(line: string, at: number): boolean {
  const char = line.charCodeAt(at)
  if (char !== DASH && char !== STAR && char !== UNDERSCORE) return false
  let count = 0
  for (let i = at; i < line.length; i++) {
    const next = line.charCodeAt(i)
    if (next === char) count++
    else if (!isSpaceOrTab(next)) return false
  }
  return count >= 3
}

/** `===` or `---` (one unbroken run, trailing whitespace allowed): turns an open paragraph into a heading. */
export function isSetextUnderline(line: string, at: number): boolean {
  const char = line.charCodeAt(at)
  if (char !== EQUALS && char !== DASH) return false
  return isBlankFrom(line, at + runLength(line, at, char))
}

export interface ListMarker {
  /** Column where the item's content starts: lines indented this far belong to the item. */
  contentColumn: number
  /** Index of the first character of the item's content on this line (the line length if none). */
  contentIndex: number
  empty: boolean
  /** The content on this line is indented code (5+ columns past the marker). */
  indentedCode: boolean
  /** The number of an ordered marker, or null for `-`, `+`, `*`. */
  start: number | null
}

/** `-`, `+`, `*`, or 1–9 digits and `.` or `)`, followed by whitespace or the end of the line. */
export function listMarker(line: string, indent: Indent): ListMarker | null {
  const at = indent.index
  const char = line.charCodeAt(at)
  let end = at + 1
  let start: number | null = null
  if (char !== DASH && char !== PLUS && char !== STAR) {
    end = at
    while (end < line.length && end - at < 10 && isDigit(line.charCodeAt(end))) end++
    const digits = end - at
    const delimiter = line.charCodeAt(end)
    if (digits < 1 || digits > 9 || (delimiter !== DOT && delimiter !== PAREN)) return null
    start = Number(line.slice(at, end))
    end++
  }
  const width = end - at
  if (end < line.length && !isSpaceOrTab(line.charCodeAt(end))) return null
  const after = indentOf(line.slice(end))
  const empty = end + after.index === line.length
  // Content indented 5+ past the marker is indented code inside the item: the item starts 1 column in.
  const indentedCode = !empty && after.columns >= 5
  const gap = empty || indentedCode ? 1 : after.columns
  return { contentColumn: indent.columns + width + gap, contentIndex: end + after.index, empty, indentedCode, start }
}

/** The text with leading and trailing spaces and tabs removed (other whitespace is content). */
export function trimSpacesAndTabs(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && isSpaceOrTab(text.charCodeAt(start))) start++
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--
  return text.slice(start, end)
}

export function isBlankFrom(line: string, from: number): boolean {
  for (let i = from; i < line.length; i++) if (!isSpaceOrTab(line.charCodeAt(i))) return false
  return true
}

function runLength(line: string, at: number, char: number): number {
  let end = at
  while (end < line.length && line.charCodeAt(end) === char) end++
  return end - at
}

function isSpaceOrTab(char: number): boolean {
  return char === SPACE || char === TAB
}

function isDigit(char: number): boolean {
  return char >= 48 && char <= 57
}

const TAB = 9
const SPACE = 32
const HASH = 35
const PAREN = 41
const STAR = 42
const PLUS = 43
const DASH = 45
const DOT = 46
const EQUALS = 61
const UNDERSCORE = 95
const BACKTICK = 96
const TILDE = 126
