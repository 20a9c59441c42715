/**
 * User text (titles, form answers, comments) is untrusted. Before it appears in anything the
 * action writes it passes through here, shaped for where it goes:
 *
 * - notifying surfaces (comments, issue and PR titles, PR bodies): mentions (`@user`,
 *   `@org/team`) and references (`#12`, `GH-12`) get a zero-width joiner, links to issues
 *   become inline code (GitHub neither links nor cross-references code), so closing keywords
 *   (`fixes #1`) close nothing; e-mail addresses stay whole. `safeInline`, `safeCell`,
 *   `safeTitle`, `safeCommentBlock`.
 * - committed documents (files notify nobody): `safeDocumentBlock` keeps the text as written
 *   and only stops it from adding headings or raw HTML to the document.
 * - everywhere: HTML is escaped outside code only (inside code an entity shows as typed), code
 *   fences left open are closed, lengths are cut between graphemes, never inside an emoji.
 *
 * Every function is a linear scan (see markdown-scan.ts): no backtracking on user text.
 */
import { rewriteInline, type InlineRules } from './inline-text'
import {
  classifyLineStart,
  closesFence,
  indentation,
  inlineCode,
  listMarkerEnd,
  openingFence,
  precededByOddBackslashes,
  wellFormed,
  type Fence,
} from './markdown-scan'

export { inlineCode, wellFormed }

const ONE_LINE: InlineRules = { angles: 'all', notifying: true, escapeLoneBackticks: true, links: 'autolink' }
const TITLE: InlineRules = { angles: 'none', notifying: true, escapeLoneBackticks: false, links: 'text' }
const COMMENT_BLOCK: InlineRules = { angles: 'tags', notifying: true, escapeLoneBackticks: true, links: 'autolink' }
const DOCUMENT_BLOCK: InlineRules = { angles: 'tags', notifying: false, escapeLoneBackticks: true, links: 'verbatim' }

/** `@alice` → `@\u200Dalice`, `#12` → `#\u200D12`, `GH-12` → `GH-\u200D12`, links to issues as code; code and e-mail addresses untouched. */
export function neutralizeMentions(text: string): string {
  return rewriteInline(text, { angles: 'none', notifying: true, escapeLoneBackticks: false, links: 'text' })
}

/** Escapes `&`, `<` and `>` everywhere. For text that is never Markdown; Markdown wants the safe* functions (code stays as typed). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/**
 * Cuts to at most `max` UTF-16 code units, between graphemes, marking the cut with `…`. Never
 * splits a surrogate pair, a ZWJ emoji sequence (👩‍💻), a flag (🇯🇵) or a keycap.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, graphemeCut(text, max - 1)).trimEnd()}…`
}

/** The largest grapheme boundary at or before `max`. */
export function graphemeCut(text: string, max: number): number {
  let cut = 0
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > max) break
    cut = index + segment.length
  }
  return cut
}

function oneLine(text: string, max: number): string {
  return truncate(wellFormed(text).replace(/\s+/g, ' ').trim(), max)
}

/** A line that starts a heading, thematic break or raw HTML block starts plain text instead. */
function defuseLineStart(line: string): string {
  const start = classifyLineStart(line)
  if (start.kind === 'heading' || start.kind === 'break') return `${line.slice(0, start.at)}\\${line.slice(start.at)}`
  if (start.kind === 'html') return `${line.slice(0, start.at)}&lt;${line.slice(start.at + 1)}`
  return line
}

/** A final backslash would escape whatever Markdown we put after the text (`**`, `|`). */
function closeTrailingBackslash(text: string): string {
  return precededByOddBackslashes(text, text.length) ? `${text}\\` : text
}

/** One line of user text, safe inside Markdown prose on a notifying surface (and harmless in a document). */
export function safeInline(text: string, max = 300): string {
  return closeTrailingBackslash(rewriteInline(defuseLineStart(oneLine(text, max)), ONE_LINE))
}

/** One line of user text, safe inside a Markdown table cell: every `|` escaped, inside code too (GFM splits cells first). */
export function safeCell(text: string, max = 300): string {
  return safeInline(text, max).replace(/\|/g, '\\|')
}

/** An issue or pull request title: GitHub shows titles as text (code spans aside), so no HTML escaping; mentions and references broken. */
export function safeTitle(text: string, max = 240): string {
  return rewriteInline(oneLine(text, max), TITLE)
}

/** One line of user text as inline code, shown exactly as typed (nothing inside code notifies or renders). */
export function safeCode(text: string, max = 300): string {
  return inlineCode(oneLine(text, max))
}

/** Multi-line user text in a comment: its Markdown kept, no heading or HTML of its own, nobody notified, nothing cross-referenced. */
export function safeCommentBlock(text: string, max = 20_000): string {
  return rewriteBlock(truncate(text, max), COMMENT_BLOCK)
}

/**
 * Multi-line user text in a committed document: kept as written (no joiners, nothing escaped
 * inside code), but it cannot add a section (`## Resolution`, a setext `===`/`---` underline,
 * a thematic break) or raw HTML (`<!--` would hide the rest of the document).
 */
export function safeDocumentBlock(text: string): string {
  return rewriteBlock(text, DOCUMENT_BLOCK)
}

/**
 * Line by line: fenced code is copied as is (and closed if left open); every other line has
 * its start defused and its inline text rewritten. Code spans are paired within a line only:
 * a span that runs across lines becomes text (its backticks escaped), which is safe, where
 * guessing CommonMark's paragraphs wrong could leave text we took for code unescaped. The block
 * is placed after a blank line. Indented code is recognised only where CommonMark is sure to
 * see it (after a blank line, outside lists); anywhere else an indented line is text.
 */
function rewriteBlock(text: string, rules: InlineRules): string {
  // A block starts after a blank line (or at the start of the document): that is how callers place it.
  return rewriteLines(wellFormed(text).replace(/\r\n?/g, '\n').split('\n'), rules, 0, 'blank').join('\n')
}

/** Blockquotes nested deeper than this are rewritten as text lines, which is safe, if plainer. */
const MAX_QUOTE_DEPTH = 8

type LineState = 'blank' | 'code' | 'text'

function rewriteLines(lines: string[], rules: InlineRules, depth: number, first: LineState): string[] {
  const out: string[] = []
  let fence: Fence | null = null
  let previous = first
  let inList = false
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    if (fence) {
      out.push(line)
      if (closesFence(line, fence)) fence = null
      continue
    }
    const quote = depth < MAX_QUOTE_DEPTH ? quotePrefix(line) : null
    if (quote !== null) {
      // A blockquote's lines are a block of their own: rewrite them without their `>`, then put it back.
      let last = index
      while (last + 1 < lines.length && quotePrefix(lines[last + 1]!) !== null) last++
      const run = lines.slice(index, last + 1)
      const prefixes = run.map((quoted) => quoted.slice(0, quotePrefix(quoted)!))
      const inner = rewriteLines(
        run.map((quoted, i) => quoted.slice(prefixes[i]!.length)),
        rules,
        depth + 1,
        // Only a quote that follows a blank line surely starts a new blockquote (else it may continue one).
        previous === 'blank' ? 'blank' : 'text',
      )
      out.push(...inner.map((rewritten, i) => `${prefixes[Math.min(i, prefixes.length - 1)]!}${rewritten}`))
      index = last
      previous = 'text'
      continue
    }
    const opening = openingFence(line)
    const blank = line.trim() === ''
    const { columns, end } = indentation(line)
    if (opening || blank || (columns >= 4 && !inList && (previous === 'blank' || previous === 'code'))) {
      out.push(line)
      fence = opening
      previous = opening ? 'text' : blank ? (previous === 'code' ? 'code' : 'blank') : 'code'
      continue
    }
    if (columns <= 3 && listMarkerEnd(line, end) !== null) inList = true
    else if (columns === 0 && previous === 'blank') inList = false
    // A list item opening with indented code, where no paragraph could be continuing instead (at the top
    // level only: inside a blockquote a tab's width depends on the column the stripped marker left).
    const opensCode = depth === 0 && previous === 'blank' && columns <= 3 && classifyLineStart(line).kind === 'code'
    out.push(opensCode ? line : rewriteInline(defuseLineStart(line), rules))
    previous = 'text'
  }
  if (fence) out.push(fence.char.repeat(fence.length))
  return out
}

/**
 * The length of a line's blockquote marker (up to 3 spaces, `>`, one optional space), or null.
 * A tab in that prefix or in the indentation after it would shift CommonMark's columns: such a
 * line is left to be rewritten as text.
 */
function quotePrefix(line: string): number | null {
  const { columns, end } = indentation(line)
  if (columns > 3 || line[end] !== '>' || line.slice(0, end).includes('\t')) return null
  const length = line[end + 1] === ' ' ? end + 2 : end + 1
  return line.slice(length, indentation(line, length).end).includes('\t') ? null : length
}
