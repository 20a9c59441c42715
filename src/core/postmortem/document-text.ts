/**
 * User text as a committed document holds it: files notify nobody, so text stays intact (no
 * invisible characters in addresses or names); only what would change the document's shape
 * is defused: headings, setext underlines, thematic breaks and HTML that could hide the rest
 * (see `safeDocumentBlock`), and `|` in table cells.
 */
import { safeDocumentBlock, truncate } from '../render/sanitize'

/** A block of user Markdown inside the document. */
export function documentBlock(text: string): string {
  return safeDocumentBlock(text)
}

/** One line of user text in the document's prose. */
export function documentInline(text: string, max = 300): string {
  return safeDocumentBlock(truncate(text.replace(/\s+/g, ' ').trim(), max))
}

/** One line of user text in a table cell. */
export function documentCell(text: string, max = 300): string {
  return documentInline(text, max).replace(/\|/g, '\\|')
}
