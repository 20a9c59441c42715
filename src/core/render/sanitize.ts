/**
 * User text (titles, bodies, comments) is untrusted. Before it appears in anything the action
 * writes it passes through here: mentions and references are broken with a zero-width joiner
 * so nobody is pinged or cross-linked by text they did not write, HTML cannot open a comment
 * that would swallow our hidden markers, and lengths stay bounded.
 */
const ZERO_WIDTH_JOINER = '\u200D'

/** `@alice` → `@\u200Dalice`, `#12` → `#\u200D12`, `GH-12` → `GH-\u200D12`. */
export function neutralizeMentions(text: string): string {
  return text
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZERO_WIDTH_JOINER}`)
    .replace(/#(?=\d)/g, `#${ZERO_WIDTH_JOINER}`)
    .replace(/\bGH-(?=\d)/gi, (match) => `${match}${ZERO_WIDTH_JOINER}`)
}

/** Escapes `<` and `>` so user text can never open an HTML comment or tag. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Cuts to at most `max` UTF-16 code units, between characters, marking the cut with `…`.
 * `String#slice` can split an emoji's surrogate pair, leaving half a character that GitHub
 * cannot store in a title or file; this never does.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = ''
  for (const char of text) {
    if (cut.length + char.length > max - 1) break
    cut += char
  }
  return `${cut.trimEnd()}…`
}

/** One line of user text, safe inside Markdown prose. */
export function safeInline(text: string, max = 300): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return neutralizeMentions(escapeHtml(truncate(oneLine, max)))
}

/** One line of user text, safe inside a Markdown table cell. */
export function safeCell(text: string, max = 300): string {
  return safeInline(text, max).replace(/\\/g, '\\\\').replace(/\|/g, '\\|')
}

/** Inline code that survives any backticks inside the text. */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}
