/** An ETA is a short commitment; the rest of a long line is not part of it. */
const MAX_ETA_LENGTH = 200

/**
 * The `ETA:` commitment in a status text: `ETA: <rest of that line>` anywhere, including mid-line
 * ("Restore running. ETA: 11:00 UTC today"), case-insensitive, `**ETA**:` and `ETA -` too. Returns
 * the raw text after the separator, trimmed, up to the end of that line, at most 200 characters;
 * null if none. One pass over the text, no regular expressions: every character is looked at a
 * bounded number of times, whatever the input.
 */
export function findEta(text: string): string | null {
  for (let at = 0; at + 3 <= text.length; at++) {
    if (!isEtaWord(text, at)) continue
    const value = valueAfter(text, at + 3)
    if (value) return value
  }
  return null
}

function isEtaWord(text: string, at: number): boolean {
  return (
    lower(text, at) === 'e' &&
    lower(text, at + 1) === 't' &&
    lower(text, at + 2) === 'a' &&
    !isWordChar(text[at - 1]) &&
    !isWordChar(text[at + 3])
  )
}

/** After `ETA`: markdown emphasis and blanks, one separator, more of the same, then the value. */
function valueAfter(text: string, from: number): string | null {
  let index = skipDecoration(text, from)
  if (!SEPARATORS.has(text[index] ?? '')) return null
  index = skipDecoration(text, index + 1)
  const end = lineEnd(text, index)
  const value = text.slice(index, end).trim()
  if (!value) return null
  return truncate(value, MAX_ETA_LENGTH)
}

const SEPARATORS = new Set([':', '-', '–', '—'])
const DECORATION = new Set(['*', '_', ' ', '\t'])

// Each skip stops at the first other character, so the same run is never scanned for two ETAs.
function skipDecoration(text: string, from: number): number {
  let index = from
  while (index < text.length && DECORATION.has(text[index] ?? '')) index++
  return index
}

function lineEnd(text: string, from: number): number {
  let index = from
  while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index++
  return index
}

function truncate(value: string, length: number): string {
  if (value.length <= length) return value
  // Never split a surrogate pair (an emoji at the cut would become a broken character).
  const code = value.charCodeAt(length - 1)
  const cut = code >= 0xd800 && code <= 0xdbff ? length - 1 : length
  return value.slice(0, cut).trimEnd()
}

function lower(text: string, index: number): string {
  return (text[index] ?? '').toLowerCase()
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char)
}

// Tested on one character at a time: no backtracking possible.
const WORD_CHAR = /[\p{L}\p{N}]/u
