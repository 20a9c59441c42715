import { BlockScanner, type LineRole } from './block-scanner'
import { FieldLabels, lastFormHeadingLines } from './field-labels'
import { withoutClosingSequence } from './line-syntax'
import type { FormField } from './types'

/** The body text that answers one field: from the end of its heading line to the next claimed heading. */
export interface Section {
  start: number
  end: number
  /** Lines `firstLine` up to (not including) `endLine` of the body. */
  firstLine: number
  endLine: number
}

/** The body split into lines, each with its top-level role. */
export interface ScannedBody {
  source: string
  lines: string[]
  /** Offset in `source` of each line's first character. */
  lineStarts: number[]
  roles: LineRole[]
}

export interface SectionMap {
  /** Keyed by field id; fields whose heading is missing have no entry. */
  sections: Map<string, Section>
  unknownHeadings: string[]
  body: ScannedBody
}

/**
 * Splits the body into field sections in one pass over its lines. A top-level `###` heading
 * starts a section when its text matches a label not yet claimed; any other heading stays inside
 * the section before it, so no text is lost. Fences, HTML blocks, quotes and list items hide the
 * `###` lines inside them, as on GitHub, with one exception: GitHub wrote the form's headings, so
 * a fence or HTML block left open in one answer ends at a later field's heading written as GitHub
 * writes it (column 0, after a blank line, the last such line for that field).
 */
export function findSections(source: string, fields: FormField[]): SectionMap {
  const lines = source.split('\n')
  const labels = new FieldLabels(fields)
  const formHeadings = lastFormHeadingLines(lines, labels)
  const scanner = new BlockScanner()
  const sections = new Map<string, Section>()
  const unknownHeadings: string[] = []
  const roles: LineRole[] = []
  const lineStarts: number[] = []
  let current: Section | null = null
  let offset = 0
  for (const [index, line] of lines.entries()) {
    const lineStart = offset
    lineStarts.push(lineStart)
    offset += line.length + 1
    const formHeading = formHeadings.get(index)
    if (formHeading !== undefined && !sections.has(formHeading) && scanner.insideConstruct && scanner.afterBlankLine) {
      scanner.interrupt()
    }
    const { role, heading } = scanner.scan(line)
    roles.push(role)
    if (heading === null || heading.level !== 3) continue
    const id = labels.match(heading.content)
    if (id !== undefined && !sections.has(id)) {
      if (current !== null) close(current, lineStart, index)
      current = { start: lineStart + line.length, end: source.length, firstLine: index + 1, endLine: lines.length }
      sections.set(id, current)
      continue
    }
    // Empty `###` lines are noise, not headings worth reporting.
    const text = withoutClosingSequence(heading.content).trim()
    if (id === undefined && current !== null && text !== '') unknownHeadings.push(text)
  }
  return { sections, unknownHeadings, body: { source, lines, lineStarts, roles } }
}

function close(section: Section, end: number, endLine: number): void {
  section.end = end
  section.endLine = endLine
}
