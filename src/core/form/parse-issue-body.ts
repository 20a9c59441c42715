import { findSections } from './find-sections'
import { parseMarkdownBlocks } from './parse-markdown-blocks'
import { emptyValue, readFieldValue } from './read-field-value'
import type { FieldValue, FormTemplate, ParsedIssueBody } from './types'

/**
 * Maps an issue body written by an issue form back to the form's fields, tolerating user edits:
 * reordered, re-cased, renamed or deleted headings, pasted headings, `###` inside code fences or
 * mid-line. Never throws on body content; missing fields are listed in `absent`.
 * Time is linear in the body length (no backtracking regular expressions, inline Markdown not parsed).
 */
export function parseIssueBody(body: string, template: FormTemplate): ParsedIssueBody {
  // Bodies edited in the web UI come back with CRLF; offsets below index this normalised text.
  const source = body.replace(/\r\n?/g, '\n')
  const tree = parseMarkdownBlocks(source)
  const { sections, unknownHeadings } = findSections(tree.children, source, template.fields)

  const fields: Record<string, FieldValue> = {}
  const absent: string[] = []
  for (const field of template.fields) {
    const section = sections.get(field.id)
    if (section === undefined) absent.push(field.id)
    fields[field.id] = section === undefined ? emptyValue(field) : readFieldValue(field, section, source)
  }
  return { fields, absent, unknownHeadings }
}
