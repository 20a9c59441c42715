/**
 * Rules for text that GitHub shows: after rendering, a text run (outside code) that still
 * holds Markdown syntax means the syntax did not render. Each rule is narrow, so that text a
 * person typed (a lone `*`, `2 ** 10`, an escaped `\## heading` in a paragraph) passes.
 */

const snippet = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 50))
const isSpace = (char: string | undefined) => char === undefined || char === ' ' || char === '\t' || char === '\n'
const isBoundary = (char: string | undefined) => isSpace(char) || (char !== undefined && /[\p{P}\p{S}]/u.test(char))

/** `**bold**` or `__bold__` left as asterisks or underscores: two delimiters enclosing non-blank text. */
function unrenderedEmphasis(text: string, delimiter: '**' | '__'): string[] {
  const found: number[] = []
  for (let at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, at + 2)) found.push(at)
  const problems: string[] = []
  for (let i = 0; i + 1 < found.length; i += 2) {
    const [open, close] = [found[i]!, found[i + 1]!]
    if (isSpace(text[open + 2]) || isSpace(text[close - 1]) || close === open + 2) continue
    if (delimiter === '__' && (!isBoundary(text[open - 1]) || !isBoundary(text[close + 2]))) continue
    problems.push(`Markdown shown raw (${delimiter}…${delimiter}): ${snippet(text, open)}`)
  }
  return problems
}

/** Two backtick runs of the same length in one text run: a code span that did not render. */
function unrenderedCode(text: string): string[] {
  const seen = new Map<number, number>()
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '`') continue
    let end = i
    while (text[end] === '`') end++
    const earlier = seen.get(end - i)
    if (earlier !== undefined) return [`Markdown shown raw (a \`code\` span): ${snippet(text, earlier)}`]
    seen.set(end - i, i)
    i = end - 1
  }
  return []
}

const ANYWHERE: [RegExp, string][] = [
  [/\|\s?:?-{3}/, 'a table delimiter row (|---)'],
  [/\]\(https?:/, 'a link ([text](url))'],
]

/** Constructs that only mean something at the start of a line, shown anywhere as text. */
const LINE_START_ANYWHERE: [RegExp, string][] = [
  [/^[-*+] \[[ xX]\] /, 'a task list item (- [ ])'],
  [/^<\/?(details|summary)\b/i, 'a <details> block'],
  [/^<sub>/i, 'a <sub> tag'],
]

/** Constructs that, outside any paragraph, list item, cell or heading, betray a raw HTML block. */
const LINE_START_RAW: [RegExp, string][] = [
  [/^#{1,6} /, 'a heading (#)'],
  [/^([-*+]|\d{1,9}[.)]) /, 'a list item'],
  [/^> /, 'a blockquote (>)'],
  [/^\|/, 'a table row (|)'],
]

/**
 * Problems in one text run. `lineStart`: the run begins a line. `raw`: the run sits outside
 * every block cmark would have made from Markdown (it came through inside an HTML block).
 */
export function rawMarkdownIn(text: string, lineStart: boolean, raw: boolean): string[] {
  const problems = [...unrenderedEmphasis(text, '**'), ...unrenderedEmphasis(text, '__'), ...unrenderedCode(text)]
  for (const [pattern, what] of ANYWHERE) {
    const match = pattern.exec(text)
    if (match) problems.push(`Markdown shown raw (${what}): ${snippet(text, match.index)}`)
  }
  let offset = 0
  for (const [index, line] of text.split('\n').entries()) {
    const start = line.trimStart()
    if (index > 0 || lineStart) {
      const rules = raw ? [...LINE_START_ANYWHERE, ...LINE_START_RAW] : LINE_START_ANYWHERE
      for (const [pattern, what] of rules) if (pattern.test(start)) problems.push(`Markdown shown raw (${what}): ${snippet(text, offset)}`)
    }
    offset += line.length + 1
  }
  return problems
}
