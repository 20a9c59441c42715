/**
 * Small linear scanners for the few pieces of CommonMark structure the sanitiser must know
 * about: inline code spans, fenced code blocks, and how a line starts (container markers,
 * headings, thematic breaks, setext underlines). No regular expression here runs over user
 * text with more than one quantifier, so every scan is linear in the text's length.
 */

/**
 * Half-open ranges `[start, end)` of inline code spans, backticks included, paired as
 * CommonMark pairs them, left to right. GitHub's autolinker takes a URL up to the next space
 * or `<`, backticks included, and a link's `](destination "title")` is read before any code
 * span in it: backticks in either open nothing.
 */
export function codeSpanRanges(text: string): [number, number][] {
  const runs: { start: number; length: number }[] = []
  const runAt = new Map<number, number>()
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '`') continue
    let end = i
    while (text[end] === '`') end++
    runAt.set(i, runs.length)
    runs.push({ start: i, length: end - i })
    i = end - 1
  }
  // Run indices by length, each with a forward-only cursor: finding a closer never rescans.
  const byLength = new Map<number, { indices: number[]; cursor: number }>()
  runs.forEach((run, index) => {
    const entry = byLength.get(run.length) ?? { indices: [], cursor: 0 }
    entry.indices.push(index)
    byLength.set(run.length, entry)
  })
  const closerAfter = (index: number, length: number): number | undefined => {
    const entry = byLength.get(length)
    if (!entry) return undefined
    while (entry.cursor < entry.indices.length && entry.indices[entry.cursor]! <= index) entry.cursor++
    return entry.indices[entry.cursor]
  }
  const ranges: [number, number][] = []
  for (let i = 0; i < text.length;) {
    const index = runAt.get(i)
    if (index === undefined) {
      if (text[i] === ']' && text[i + 1] === '(') i = linkDestinationEnd(text, i + 2)
      else i = urlPrefixLength(text, i) > 0 ? urlRunEnd(text, i) : i + 1
      continue
    }
    const run = runs[index]!
    // A backslash makes the opener's first backtick literal (escapes do not apply to closers).
    const escaped = precededByOddBackslashes(text, run.start)
    const length = escaped ? run.length - 1 : run.length
    const closer = length > 0 ? closerAfter(index, length) : undefined
    if (closer === undefined) {
      i = run.start + run.length
      continue
    }
    ranges.push([run.start + (escaped ? 1 : 0), runs[closer]!.start + length])
    i = runs[closer]!.start + length
  }
  return ranges
}

/** Where a link's `(destination "title")` opened at `from` ends: its balancing `)`, or the line's end. */
export function linkDestinationEnd(text: string, from: number): number {
  let depth = 1
  let i = from
  for (; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === '(') depth++
    else if (text[i] === ')' && --depth === 0) return i + 1
  }
  return i
}

/** The length of an autolink's start at `i`, any case: `https://`, `http://`, `ftp://` or `www.`; 0 if none. */
export function urlPrefixLength(text: string, i: number): number {
  const first = text[i]
  if (first !== 'h' && first !== 'H' && first !== 'f' && first !== 'F' && first !== 'w' && first !== 'W') return 0
  const head = text.slice(i, i + 8).toLowerCase()
  for (const prefix of ['https://', 'http://', 'ftp://', 'www.']) if (head.startsWith(prefix)) return prefix.length
  return 0
}

/** Where GitHub's autolinker stops reading a URL that starts at `from`: the next whitespace or `<`. */
export function urlRunEnd(text: string, from: number): number {
  let end = from
  while (end < text.length && text[end] !== '<' && !/\s/.test(text[end]!)) end++
  return end
}

export function precededByOddBackslashes(text: string, index: number): boolean {
  let count = 0
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) count++
  return count % 2 === 1
}

/**
 * Leading indentation from `from`: how many columns it spans, where the text starts, and the
 * column reached. Tabs stop at multiples of 4 counted from the line's start, so a caller that
 * starts mid-line passes the column `from` is at.
 */
export function indentation(line: string, from = 0, column = from): { columns: number; end: number; column: number } {
  let at = column
  let end = from
  for (; end < line.length; end++) {
    if (line[end] === ' ') at++
    else if (line[end] === '\t') at += 4 - (at % 4)
    else break
  }
  return { columns: at - column, end, column: at }
}

export interface Fence {
  char: '`' | '~'
  length: number
}

/** A line opening a fenced code block: up to 3 spaces, 3+ backticks or tildes; backtick fences take no backtick in the info string. */
export function openingFence(line: string): Fence | null {
  const { columns, end } = indentation(line)
  const char = line[end]
  if (columns > 3 || (char !== '`' && char !== '~')) return null
  let stop = end
  while (line[stop] === char) stop++
  if (stop - end < 3) return null
  if (char === '`' && line.includes('`', stop)) return null
  return { char, length: stop - end }
}

/** A line closing `fence`: up to 3 spaces, at least as many of the same character, then only spaces. */
export function closesFence(line: string, fence: Fence): boolean {
  const { columns, end } = indentation(line)
  if (columns > 3) return false
  let stop = end
  while (line[stop] === fence.char) stop++
  return stop - end >= fence.length && line.slice(stop).trim() === ''
}

/** Where a list marker (`-`, `+`, `*`, `1.`, `1)`) at `from` ends, if one is there. */
export function listMarkerEnd(line: string, from: number): number | null {
  let end = from
  const char = line[from]
  if (char === '-' || char === '+' || char === '*') end = from + 1
  else {
    while (end < line.length && end - from < 9 && line[end]! >= '0' && line[end]! <= '9') end++
    if (end === from || (line[end] !== '.' && line[end] !== ')')) return null
    end++
  }
  const after = line[end]
  return after === undefined || after === ' ' || after === '\t' ? end : null
}

/**
 * For every position of a line, what the rest of the line is made of: the one non-blank
 * character it repeats (or `mixed`, or nothing) and how often, and how long the run of the
 * character at that position is. Built once, right to left, so each question is O(1).
 */
function suffixShape(line: string) {
  const n = line.length
  const only: (string | null)[] = new Array<string | null>(n + 1).fill(null)
  const count = new Array<number>(n + 1).fill(0)
  const run = new Array<number>(n + 1).fill(0)
  for (let i = n - 1; i >= 0; i--) {
    const char = line[i]!
    run[i] = line[i + 1] === char ? run[i + 1]! + 1 : 1
    if (char === ' ' || char === '\t') [only[i], count[i]] = [only[i + 1]!, count[i + 1]!]
    else if (only[i + 1] === null && count[i + 1] === 0) [only[i], count[i]] = [char, 1]
    else if (only[i + 1] === char) [only[i], count[i]] = [char, count[i + 1]! + 1]
    else [only[i], count[i]] = ['mixed', 0]
  }
  return { only, count, run }
}

function isAtxHeading(line: string, at: number): boolean {
  let end = at
  while (line[end] === '#' && end - at < 7) end++
  const after = line[end]
  return end > at && end - at <= 6 && (after === undefined || after === ' ' || after === '\t')
}

export type LineStart = { kind: 'heading' | 'break' | 'html' | 'code' | 'text'; at: number }

/**
 * What a line would start as, looking through blockquote markers and list markers: an ATX
 * heading, a thematic break or setext underline (`break`), a raw HTML block (`<` then a letter,
 * `/`, `!` or `?`), a list item opening with indented code (`code`), or plain text; `at` is
 * where that construct's first character is.
 */
export function classifyLineStart(line: string): LineStart {
  const shape = suffixShape(line)
  let { end: at, column } = indentation(line)
  for (;;) {
    const char = line[at]
    const only = shape.only[at]
    if ((only === '-' || only === '*' || only === '_') && shape.count[at]! >= 3) return { kind: 'break', at }
    if ((char === '=' || char === '-') && only === char && shape.run[at] === shape.count[at]) return { kind: 'break', at }
    if (char === '#' && isAtxHeading(line, at)) return { kind: 'heading', at }
    if (char === '<' && startsHtml(line, at)) return { kind: 'html', at }
    if (char === '>') {
      ;({ end: at, column } = indentation(line, at + 1, column + 1))
      continue
    }
    const marker = listMarkerEnd(line, at)
    if (marker === null) return { kind: 'text', at }
    const after = indentation(line, marker, column + (marker - at))
    // A list item whose first line holds 5 or more columns after its marker starts with indented code.
    if (after.columns >= 5 && after.end < line.length) return { kind: 'code', at: after.end }
    ;({ end: at, column } = after)
  }
}

/**
 * `<` that could begin raw HTML, an HTML comment, a declaration or an autolink (`<x@y.io>`,
 * whose address may hold a backtick): anything but a space, `=`, `>` or the end after it, so
 * `a <= b`, `3 < 4` and `<>` stay as typed.
 */
export function startsHtml(text: string, at: number): boolean {
  return couldFollowHtmlStart(text[at + 1])
}

/** Whether `next`, right after a `<`, could make it the start of HTML or an autolink. */
export function couldFollowHtmlStart(next: string | undefined): boolean {
  return next !== undefined && next !== '=' && next !== '>' && !/\s/.test(next)
}

/** Replaces unpaired UTF-16 surrogates (half an emoji) with U+FFFD, which GitHub can store and show. */
export function wellFormed(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xd800 || code > 0xdfff) continue
    const next = text.charCodeAt(i + 1)
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++
      continue
    }
    out += `${text.slice(from, i)}\uFFFD`
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}

/** Inline code that survives any backticks inside the text. */
export function inlineCode(text: string): string {
  let longestRun = 0
  for (let i = 0, run = 0; i < text.length; i++) {
    run = text[i] === '`' ? run + 1 : 0
    longestRun = Math.max(longestRun, run)
  }
  const fence = '`'.repeat(longestRun + 1)
  // CommonMark strips one space from each side of a span that has both (and is not all spaces).
  const stripped = text.startsWith(' ') && text.endsWith(' ') && text.trim() !== ''
  const pad = text.startsWith('`') || text.endsWith('`') || stripped ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
