/**
 * Where a raw HTML block starts and ends, as cmark-gfm (GitHub's parser) decides. An HTML block
 * hides any `###` line inside it, so the top-level scan has to know its extent.
 */
export interface HtmlBlock {
  /** The block ends on the first line containing one of these (lower case); empty: at a blank line. */
  terminators: readonly string[]
}

const LITERAL_END = ['</script>', '</pre>', '</style>']
const LITERAL_TAGS = new Set(['script', 'pre', 'style'])
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param section source title summary table tbody td tfoot th ' +
    'thead tr track ul'
  ).split(' '),
)
const UNTIL_BLANK: HtmlBlock = { terminators: [] }

/**
 * The HTML block starting at `at` (the first non-blank index of a line indented at most 3), or
 * null. Types 1–5 end at a marker (`</pre>`, `-->`, `?>`, `>`, `]]>`), 6–7 at a blank line; a
 * type-7 block (any lone open or closing tag) cannot interrupt a paragraph.
 */
export function htmlBlockStart(line: string, at: number, paragraphOpen: boolean): HtmlBlock | null {
  if (line.charCodeAt(at) !== LESS_THAN) return null
  if (line.startsWith('<!--', at)) return { terminators: ['-->'] }
  if (line.startsWith('<?', at)) return { terminators: ['?>'] }
  if (line.startsWith('<![CDATA[', at)) return { terminators: [']]>'] }
  if (line.startsWith('<!', at)) return isUpperCase(line.charCodeAt(at + 2)) ? { terminators: ['>'] } : null
  const closing = line.charCodeAt(at + 1) === SLASH
  const nameStart = at + (closing ? 2 : 1)
  const nameEnd = tagNameEnd(line, nameStart)
  if (nameEnd === nameStart) return null
  const name = line.slice(nameStart, nameEnd).toLowerCase()
  const next = line.charCodeAt(nameEnd)
  const endsName = nameEnd === line.length || next === SPACE || next === TAB || next === GREATER_THAN
  if (!closing && LITERAL_TAGS.has(name) && endsName) return { terminators: LITERAL_END }
  if (BLOCK_TAGS.has(name) && (endsName || line.startsWith('/>', nameEnd))) return UNTIL_BLANK
  if (!paragraphOpen && isLoneTag(line, nameEnd)) return UNTIL_BLANK
  return null
}

/** Whether the line ends `block` (a block ending at a blank line never ends on a line with text). */
export function endsHtmlBlock(line: string, block: HtmlBlock): boolean {
  if (block.terminators.length === 0) return false
  const lower = line.toLowerCase()
  return block.terminators.some((terminator) => lower.includes(terminator))
}

/**
 * A tag name runs over ASCII letters, digits and `-` and starts with a letter. Tag names of a
 * type-7 line are then followed by attributes and `>` with nothing but whitespace after: this
 * approximates cmark's full attribute grammar by one `>` at the end and no other `<` or `>`.
 */
function tagNameEnd(line: string, start: number): number {
  if (!isLetter(line.charCodeAt(start))) return start
  let end = start + 1
  while (end < line.length && (isLetter(line.charCodeAt(end)) || isDigitOrDash(line.charCodeAt(end)))) end++
  return end
}

function isLoneTag(line: string, nameEnd: number): boolean {
  let end = line.length
  while (end > nameEnd && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === TAB)) end--
  if (line.charCodeAt(end - 1) !== GREATER_THAN) return false
  const inside = line.slice(nameEnd, end - 1)
  return !inside.includes('<') && !inside.includes('>')
}

function isLetter(char: number): boolean {
  return isUpperCase(char) || (char >= 97 && char <= 122)
}

function isUpperCase(char: number): boolean {
  return char >= 65 && char <= 90
}

function isDigitOrDash(char: number): boolean {
  return (char >= 48 && char <= 57) || char === 45
}

const TAB = 9
const SPACE = 32
const SLASH = 47
const LESS_THAN = 60
const GREATER_THAN = 62
