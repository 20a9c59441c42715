import type { Heading, RootContent } from 'mdast'
import type { FormField } from './types'

/** The body text that answers one field: from the end of its heading to the next claimed heading. */
export interface Section {
  start: number
  end: number
  /** Top-level blocks inside the section, in order. */
  nodes: RootContent[]
}

export interface SectionMap {
  /** Keyed by field id; fields whose heading is missing have no entry. */
  sections: Map<string, Section>
  unknownHeadings: string[]
}

/**
 * Splits top-level blocks into field sections. A `###` heading starts a section when its text
 * matches a label not yet claimed; any other heading stays inside the section before it, so no
 * text is lost. Only top-level headings count: mdast already keeps fenced, quoted and listed
 * `###` lines out of `children`.
 */
export function findSections(children: RootContent[], source: string, fields: FormField[]): SectionMap {
  const byLabel = new Map<string, string>()
  for (const field of fields) byLabel.set(normaliseLabel(field.label), field.id)

  const sections = new Map<string, Section>()
  const unknownHeadings: string[] = []
  let current: Section | null = null
  for (const node of children) {
    if (node.type === 'heading' && node.depth === 3) {
      const text = headingText(node, source)
      const id = byLabel.get(normaliseLabel(text))
      if (id !== undefined && !sections.has(id)) {
        if (current !== null) current.end = startOf(node)
        current = { start: endOf(node), end: source.length, nodes: [] }
        sections.set(id, current)
        continue
      }
      // Empty `###` lines are noise, not headings worth reporting.
      if (id === undefined && current !== null && text !== '') unknownHeadings.push(text)
    }
    current?.nodes.push(node)
  }
  return { sections, unknownHeadings }
}

/** Labels match trimmed, case-insensitive and with runs of whitespace collapsed. */
export function normaliseLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/** The heading's raw source text without `###` and closing hashes, as GitHub wrote the label. */
function headingText(node: Heading, source: string): string {
  const first = node.children[0]
  const last = node.children[node.children.length - 1]
  if (first === undefined || last === undefined) return ''
  return source.slice(startOf(first), endOf(last)).trim()
}

/** Offsets are always set by mdast-util-from-markdown; the fallbacks only satisfy the types. */
export function startOf(node: { position?: { start: { offset?: number } } }): number {
  return node.position?.start.offset ?? 0
}

export function endOf(node: { position?: { end: { offset?: number } } }): number {
  return node.position?.end.offset ?? 0
}
