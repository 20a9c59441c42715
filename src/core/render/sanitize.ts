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

/** Cuts to at most `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`
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
