/**
 * Untrusted text made inert for chat, and cut to a length limit. Both services parse text:
 * Slack mrkdwn turns `<!channel>`, `<@U123>` and `<https://x|y>` into pings and links; Teams'
 * Adaptive Card Markdown turns `[x](y)` into links and `<at>` into mentions. Each grapheme is
 * escaped on its own and the cut is counted on the escaped text, so an entity (`&lt;`), an emoji
 * or a letter with its accents is never split and the result always fits the limit.
 */

const ZERO_WIDTH_JOINER = '\u200D'
const ELLIPSIS = '…'
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

export type Dialect = 'slack' | 'teams' | 'plain'

/** Slack wants exactly `&`, `<` and `>` as entities; `@` gets a joiner so `@channel` stays a word. */
function slackGrapheme(g: string): string {
  return g.replace(/[&<>@]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `@${ZERO_WIDTH_JOINER}`))
}

const TEAMS_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\\': '\\\\',
  '[': '\\[',
  ']': '\\]',
  '@': `@${ZERO_WIDTH_JOINER}`,
}

/** CommonMark entities for `<at>` and HTML, backslashes so `[x](y)` is no link. */
function teamsGrapheme(g: string): string {
  return g.replace(/[&<>\\[\]@]/g, (c) => TEAMS_ESCAPES[c] ?? c)
}

/** Plain text (Slack plain_text, button titles): nothing is parsed, but no mention shape is left either. */
function plainGrapheme(g: string): string {
  return g.replace(/[<@]/g, (c) => `${c}${ZERO_WIDTH_JOINER}`)
}

const ESCAPE: Record<Dialect, (g: string) => string> = { slack: slackGrapheme, teams: teamsGrapheme, plain: plainGrapheme }

/**
 * Control characters (they corrupt JSON budgets and terminals), bidirectional overrides (they
 * make text read differently from what it says) and lone surrogates (not text) are replaced.
 */
function cleanGrapheme(g: string): string {
  if (g.length === 1) {
    const code = g.charCodeAt(0)
    if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD'
  }
  // eslint-disable-next-line no-control-regex
  return g.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, ' ')
}

export interface InertOptions {
  /** Whitespace runs (newlines too) become one space. */
  oneLine?: boolean
}

/** `text` safe to put in `dialect`, at most `max` UTF-16 code units, cut between graphemes with `…`. */
export function inert(text: string, max: number, dialect: Dialect, { oneLine = false }: InertOptions = {}): string {
  const source = oneLine ? text.replace(/\s+/g, ' ').trim() : text.replace(/\r\n?/g, '\n').trim()
  const escape = ESCAPE[dialect]
  let out = ''
  // How much of `out` still leaves room for the ellipsis, should the next grapheme not fit.
  let roomForEllipsis = 0
  for (const { segment } of graphemes.segment(source)) {
    const piece = escape(cleanGrapheme(segment))
    if (out.length + piece.length > max) return `${out.slice(0, roomForEllipsis).trimEnd()}${ELLIPSIS}`
    out += piece
    if (out.length <= max - ELLIPSIS.length) roomForEllipsis = out.length
  }
  return out
}
