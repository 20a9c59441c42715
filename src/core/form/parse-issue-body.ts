import { findSections } from './find-sections'
import { normaliseBody } from './normalise-body'
import { emptyValue, readFieldValue } from './read-field-value'
import type { FieldValue, FormTemplate, ParsedIssueBody, ParseIssueBodyOptions } from './types'

/**
 * Maps an issue body written by an issue form back to the form's fields, tolerating user edits:
 * reordered, re-cased, renamed or deleted headings, pasted headings, `###` inside code fences or
 * mid-line, fences or comments left open. Never throws on body content; missing fields are
 * listed in `absent`. Time is linear in the body length: one scan over its lines finds the
 * sections, and the Markdown parser only ever sees checkbox lists, within MARKDOWN_LIMITS.
 */
export function parseIssueBody(body: string, template: FormTemplate, options: ParseIssueBodyOptions = {}): ParsedIssueBody {
  const { sections, unknownHeadings, body: scanned } = findSections(normaliseBody(body), template.fields)
  const fields: Record<string, FieldValue> = {}
  const absent: string[] = []
  for (const field of template.fields) {
    const section = sections.get(field.id)
    if (section === undefined) absent.push(field.id)
    fields[field.id] = section === undefined ? emptyValue(field) : readFieldValue(field, section, scanned, options)
  }
  return { fields, absent, unknownHeadings }
}
