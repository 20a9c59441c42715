/**
 * Rewrites the inline text of one paragraph of user text for a destination, outside code
 * spans only (inside code nothing links, notifies or renders as HTML, and an entity would
 * show as typed). A single left-to-right pass; the code spans are found first.
 */
import { destinationMayAct, emailRanges, findLink, issueLinkFinder, namesIssue, writeLink, type LinkStyle } from './links'
import { codeSpanRanges, couldFollowHtmlStart, inlineCode, linkDestinationEnd } from './markdown-scan'

const ZWJ = '\u200D'

export interface InlineRules {
  /** `all`: every `<` and `>` as entities; `tags`: only a `<` that could open HTML; `none`: titles, which GitHub shows as text. */
  angles: 'all' | 'tags' | 'none'
  /** Comments, titles and PR bodies notify: break mentions, `#123`/`GH-123` references and links to issues. */
  notifying: boolean
  /** Backticks that pair with nothing become `\``, so no later text (or our own code span) can pair with them. */
  escapeLoneBackticks: boolean
  links: LinkStyle
}

/** Applies `rules` to the text outside the code spans of `text`. */
export function rewriteInline(text: string, rules: InlineRules): string {
  const out = new Output()
  let from = 0
  for (const [start, end] of codeSpanRanges(text)) {
    rewriteText(text.slice(from, start), rules, out, text[start])
    out.pushCode(text.slice(start, end))
    from = end
  }
  rewriteText(text.slice(from), rules, out, undefined)
  return out.toString()
}

/**
 * Output built piece by piece. It remembers its last character and how many backslashes end
 * it, because reading a long concatenated string back would flatten it again and again.
 */
class Output {
  private readonly pieces: string[] = []
  private last = ''
  private backslashes = 0

  push(piece: string): void {
    if (piece === '') return
    this.pieces.push(piece)
    this.last = piece[piece.length - 1]!
    let run = 0
    while (run < piece.length && piece[piece.length - 1 - run] === '\\') run++
    this.backslashes = run === piece.length ? this.backslashes + run : run
  }

  /** A code span, kept apart from a backtick just before it: side by side, their runs would merge and pair differently. */
  pushCode(code: string): void {
    if (this.last === '`') this.push(' ')
    this.push(code)
  }

  /** Markup of ours (a code span, an `<autolink>`): a backslash typed just before would escape its first character. */
  pushMarkup(markup: string): void {
    if (this.escapesNext) this.push('\\')
    this.pushCode(markup)
  }

  /** Removes the backslash that would escape the next character, if there is one. */
  dropEscape(): void {
    if (!this.escapesNext) return
    const trimmed = this.pieces.pop()!.slice(0, -1)
    if (trimmed !== '') this.pieces.push(trimmed)
    this.backslashes--
    this.last = this.pieces.at(-1)?.at(-1) ?? ''
  }

  /** The output ends in an odd run of backslashes: the next character is escaped. */
  get escapesNext(): boolean {
    return this.backslashes % 2 === 1
  }

  toString(): string {
    return this.pieces.join('')
  }
}

const isAsciiAlnum = (char: string | undefined) =>
  char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9'))
const isDigit = (char: string | undefined) => char !== undefined && char >= '0' && char <= '9'
/**
 * Characters that end an e-mail address's local part: an `@` after one of them is an address,
 * not a mention. Not `_`: it may close emphasis (`_a b_@x`), leaving `@x` to start a text node.
 */
const endsEmailLocal = (char: string | undefined) => isAsciiAlnum(char) || char === '.' || char === '+' || char === '-'

/** Rewrites one stretch of text between code spans; `following` is the character after it (a code span's backtick). */
function rewriteText(text: string, rules: InlineRules, out: Output, following: string | undefined): void {
  const issueLinkEnd = issueLinkFinder(text)
  const emails = emailRanges(text)
  // Inside a link's `(destination)` nothing of ours may be inserted: the link would swallow it.
  let destinationEnd = -1
  // A destination already found to act as text: a `](` inside it is broken too, without scanning again.
  let brokenUntil = -1
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    const prev = text[i - 1]
    const inDestination = i < destinationEnd
    const email = emails.get(i)
    const issueEnd = rules.notifying && !inDestination ? issueLinkEnd(i) : null
    const link = issueEnd === null && !inDestination ? findLink(text, i) : null
    const written = link && writeLink(text.slice(i, link.end), link, rules.links)
    if (email !== undefined) {
      out.push(text.slice(i, email))
      i = email - 1
    } else if (char === ']' && text[i + 1] === '(' && !inDestination) {
      const end = i < brokenUntil ? brokenUntil : linkDestinationEnd(text, i + 2)
      // A link to an issue cross-references it, and a destination that did not make a link would read as
      // text with mentions in it: break the link syntax, so its URL is treated as any other (code, autolink).
      const breakLink = rules.notifying && (i < brokenUntil || namesIssue(text, i + 2, end) || destinationMayAct(text.slice(i + 2, end)))
      out.push(breakLink ? ']\\' : ']')
      if (breakLink) brokenUntil = end
      else destinationEnd = end
    } else if (issueEnd !== null) {
      out.pushMarkup(inlineCode(text.slice(i, issueEnd)))
      if (text[issueEnd] === '`') out.push(' ')
      i = issueEnd - 1
    } else if (link && written !== null) {
      if (written === text.slice(i, link.end)) out.push(written)
      else out.pushMarkup(written)
      i = link.end - 1
    } else if (char === '`') {
      out.push(rules.escapeLoneBackticks && !out.escapesNext ? '\\`' : '`')
    } else if (
      char === '<' &&
      (rules.angles === 'all' || (rules.angles === 'tags' && couldFollowHtmlStart(i + 1 < text.length ? text[i + 1] : following)))
    ) {
      // `\<` shows `<` too, but a URL just before would take the backslash into its link and free the `<`;
      // and after a backslash the entity would show as `&lt;`: so the backslash goes.
      out.dropEscape()
      out.push('&lt;')
    } else if (char === '>' && out.escapesNext) {
      out.push(char)
    } else if (char === '>' && rules.angles === 'all') {
      out.push('&gt;')
    } else if (rules.notifying && char === '@' && !endsEmailLocal(prev) && isAsciiAlnum(text[i + 1])) {
      out.push(`@${ZWJ}`)
    } else if (rules.notifying && char === '#' && prev !== '&' && isDigit(text[i + 1])) {
      out.push(`#${ZWJ}`)
    } else if (rules.notifying && char === '-' && isDigit(text[i + 1]) && isGhPrefix(text, i)) {
      out.push(`-${ZWJ}`)
    } else {
      out.push(char)
    }
  }
}

/** `GH-12` (any case) as a whole word, its dash at `dash` (`GH-2a`, as in a host name, references nothing). */
function isGhPrefix(text: string, dash: number): boolean {
  const g = text[dash - 2]?.toLowerCase()
  const h = text[dash - 1]?.toLowerCase()
  if (g !== 'g' || h !== 'h' || isAsciiAlnum(text[dash - 3]) || text[dash - 3] === '_') return false
  let end = dash + 1
  while (isDigit(text[end])) end++
  return !isAsciiAlnum(text[end]) && text[end] !== '_'
}
