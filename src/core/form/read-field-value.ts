import type { ScannedBody, Section } from './find-sections'
import { closesFence, fenceOpener, indentOf, isBlank } from './line-syntax'
import { readCheckboxes } from './read-checkboxes'
import { splitChoices } from './split-choices'
import type { FieldValue, FormField, ParseIssueBodyOptions } from './types'

/** What GitHub writes for an empty input, textarea or (in older bodies) dropdown. */
const NO_RESPONSE = '_No response_'
/** What GitHub writes for an empty optional dropdown. */
const NO_SELECTION = 'None'

/** The value of a field whose heading is not in the body. */
export function emptyValue(field: FormField): FieldValue {
  if (field.type === 'dropdown') return { kind: 'choices', selected: [] }
  if (field.type === 'checkboxes') return { kind: 'checkboxes', checked: [], unchecked: [] }
  return { kind: 'text', text: null }
}

/** Reads one field's answer from its section; Markdown in text answers is kept verbatim. */
export function readFieldValue(field: FormField, section: Section, body: ScannedBody, options: ParseIssueBodyOptions): FieldValue {
  if (field.type === 'checkboxes') return readCheckboxes(section, body, options)
  if (field.type === 'dropdown') return readChoices(field, section, body)
  const raw = body.source.slice(section.start, section.end).trim()
  const text = raw === '' || raw === NO_RESPONSE ? null : raw
  return { kind: 'text', text: field.render === null || text === null ? text : unwrapFence(text, sectionLines(section, body)) }
}

/**
 * GitHub writes a dropdown answer as one line of options. That line is the answer; anything the
 * filer added below it (a pasted heading, notes) is kept as `extra`, not read as an option.
 */
function readChoices(field: FormField, section: Section, body: ScannedBody): FieldValue {
  let first = section.firstLine
  while (first < section.endLine && isBlank(body.lines[first] ?? '')) first++
  if (first === section.endLine) return { kind: 'choices', selected: [] }
  const isAnswer = body.roles[first] !== 'heading'
  const answer = isAnswer ? (body.lines[first] ?? '').trim() : ''
  const restLine = isAnswer ? first + 1 : first
  const rest = body.source.slice(body.lineStarts[restLine] ?? section.end, section.end).trim()
  const noSelection = answer === '' || answer === NO_RESPONSE || (answer === NO_SELECTION && !field.options.includes(NO_SELECTION))
  const selected = noSelection ? [] : field.multiple ? splitChoices(answer, field.options) : [answer]
  return rest === '' ? { kind: 'choices', selected } : { kind: 'choices', selected, extra: rest }
}

/**
 * A `render:` textarea arrives as one fenced block: its content is the answer. A section that
 * is anything more than one fence (an edited body) stays as written. An unclosed fence runs to
 * the end of the section. GitHub writes render fences unindented, so no indentation is stripped.
 */
function unwrapFence(text: string, lines: string[]): string | null {
  let first = 0
  let last = lines.length - 1
  while (first <= last && isBlank(lines[first] ?? '')) first++
  while (last >= first && isBlank(lines[last] ?? '')) last--
  const opener = lines[first] ?? ''
  const indent = indentOf(opener)
  const fence = indent.columns <= 3 ? fenceOpener(opener, indent.index) : null
  if (fence === null) return text
  let close = first + 1
  while (close <= last && !closesFence(lines[close] ?? '', fence)) close++
  if (close < last) return text
  const inner = lines.slice(first + 1, close).join('\n')
  return inner.trim() === '' ? null : inner
}

function sectionLines(section: Section, body: ScannedBody): string[] {
  return body.lines.slice(section.firstLine, section.endLine)
}
