import type { List } from 'mdast'
import type { ScannedBody, Section } from './find-sections'
import { isBlank } from './line-syntax'
import { parseMarkdownBlocks } from './parse-markdown-blocks'
import type { FieldValue, ParseIssueBodyOptions } from './types'

type CheckboxValue = Extract<FieldValue, { kind: 'checkboxes' }>

interface Segment {
  isList: boolean
  lines: string[]
}

/**
 * Checkbox answers are top-level list items `- [x] label`. Only the section's list lines go to
 * mdast, and no more than its limits; everything else in the section (and list lines past the
 * limits) is kept verbatim as `extra`.
 */
export function readCheckboxes(section: Section, body: ScannedBody, options: ParseIssueBodyOptions): FieldValue {
  const segments = segmentsOf(section, body)
  const listLines: string[] = []
  for (const segment of segments) {
    if (!segment.isList) continue
    if (listLines.length > 0) listLines.push('')
    listLines.push(...segment.lines)
  }
  const parsed = parseMarkdownBlocks(listLines, options.onMarkdown)
  const value = itemsOf(parsed.tree.children, parsed.text)
  const extra = extraText(segments, parsed.lineCount)
  return extra === '' ? value : { ...value, extra }
}

/** Consecutive lines of the section, split where list lines start or stop; blank lines join the run before. */
function segmentsOf(section: Section, body: ScannedBody): Segment[] {
  const segments: Segment[] = []
  let current: Segment | null = null
  for (let index = section.firstLine; index < section.endLine; index++) {
    const line = body.lines[index] ?? ''
    const role = body.roles[index]
    if (current === null || (role !== 'blank' && (role === 'list') !== current.isList)) {
      current = { isList: role === 'list', lines: [] }
      segments.push(current)
    }
    current.lines.push(line)
  }
  return segments.map((segment) => ({ ...segment, lines: withoutBlankEnds(segment.lines) })).filter((segment) => segment.lines.length > 0)
}

/** Non-list text, plus list lines beyond what mdast parsed, in body order. */
function extraText(segments: Segment[], parsedLines: number): string {
  const pieces: string[] = []
  let budget = parsedLines
  let first = true
  for (const segment of segments) {
    if (!segment.isList) {
      pieces.push(segment.lines.join('\n'))
      continue
    }
    // Segments were joined with one blank line between them.
    if (!first) budget--
    first = false
    const taken = Math.max(0, Math.min(budget, segment.lines.length))
    budget -= segment.lines.length
    if (taken < segment.lines.length) pieces.push(segment.lines.slice(taken).join('\n'))
  }
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .join('\n\n')
}

/**
 * The installed parser has no GFM task-list extension, so `checked` is usually null and the
 * `[x]` marker is read from the item's first paragraph instead.
 */
function itemsOf(nodes: readonly { type: string }[], text: string): CheckboxValue {
  const checked: string[] = []
  const unchecked: string[] = []
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of (node as List).children) {
      const paragraph = item.children[0]
      if (paragraph?.type !== 'paragraph') continue
      const itemText = text.slice(paragraph.position?.start.offset ?? 0, paragraph.position?.end.offset ?? 0)
      const marker = /^\[([ xX])\](?=[ \t]|$)/.exec(itemText)
      if (marker === null && typeof item.checked !== 'boolean') continue
      const isChecked = typeof item.checked === 'boolean' ? item.checked : marker?.[1] !== ' '
      const label = (marker === null ? itemText : itemText.slice(marker[0].length)).trim()
      if (label !== '') (isChecked ? checked : unchecked).push(label)
    }
  }
  return { kind: 'checkboxes', checked, unchecked }
}

function withoutBlankEnds(lines: string[]): string[] {
  let start = 0
  let end = lines.length
  while (start < end && isBlank(lines[start] ?? '')) start++
  while (end > start && isBlank(lines[end - 1] ?? '')) end--
  return lines.slice(start, end)
}
