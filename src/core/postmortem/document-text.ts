/**
 * User text as a committed document holds it: files notify nobody, so text stays intact (no
 * invisible characters in addresses or names); only what would change the document's shape
 * is defused: headings and HTML outside code, and `|` in table cells.
 */
import { escapeHtml, truncate } from '../render/sanitize'

const safeDocumentBlock = (text: string) => escapeHtml(text)

/** A block of user Markdown inside the document. */
export function documentBlock(text: string): string {
  return safeDocumentBlock(text.replace(/\r\n?/g, '\n'))
}

/** One line of user text in the document's prose. */
export function documentInline(text: string, max = 300): string {
  const line = truncate(text.replace(/\s+/g, ' ').trim(), max)
  return safeDocumentBlock(line)
}

/** One line of user text in a table cell. */
export function documentCell(text: string, max = 300): string {
  return documentInline(text, max).replace(/\|/g, '\\|')
}
