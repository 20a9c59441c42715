import type { Code, List, RootContent } from 'mdast'
import { endOf, startOf, type Section } from './find-sections'
import { splitChoices } from './split-choices'
import type { FieldValue, FormField } from './types'

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
export function readFieldValue(field: FormField, section: Section, source: string): FieldValue {
  if (field.type === 'checkboxes') return readCheckboxes(section.nodes, source)
  const raw = source.slice(section.start, section.end).trim()
  const text = raw === '' || raw === NO_RESPONSE ? null : raw
  if (field.type !== 'dropdown') {
    return { kind: 'text', text: field.render === null ? text : unwrapFence(text, section.nodes, source) }
  }
  if (text === null || (text === NO_SELECTION && !field.options.includes(NO_SELECTION))) {
    return { kind: 'choices', selected: [] }
  }
  return { kind: 'choices', selected: field.multiple ? splitChoices(text, field.options) : [text] }
}

/** A `render:` textarea arrives as one fenced block; anything else (an edited body) stays as is. */
function unwrapFence(text: string | null, nodes: RootContent[], source: string): string | null {
  const only = nodes[0]
  if (text === null || nodes.length !== 1 || only?.type !== 'code' || !isFenced(only, source)) return text
  const inner = fenceContent(only, source)
  return inner.trim() === '' ? null : inner
}

function isFenced(node: Code, source: string): boolean {
  const opener = source.slice(startOf(node), startOf(node) + 4).trimStart()
  return opener.startsWith('```') || opener.startsWith('~~~')
}

/**
 * The lines between the fences, from the original source (the parser saw a depth-capped copy).
 * GitHub writes render fences unindented, so no indentation is stripped.
 */
function fenceContent(node: Code, source: string): string {
  const block = source.slice(startOf(node), endOf(node))
  const openerEnd = block.indexOf('\n')
  if (openerEnd === -1) return ''
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(block)?.[1] ?? '```'
  const inner = block.slice(openerEnd + 1)
  const lastBreak = inner.lastIndexOf('\n')
  const lastLine = inner.slice(lastBreak + 1).trim()
  const closed = lastLine.startsWith(fence) && lastLine.split('').every((char) => char === fence.charAt(0))
  if (!closed) return inner
  return lastBreak === -1 ? '' : inner.slice(0, lastBreak)
}

/**
 * Checkbox answers are top-level list items `- [x] label`. The installed parser has no GFM
 * task-list extension, so `checked` is usually null and the `[x]` marker is read from the
 * item's first paragraph instead.
 */
function readCheckboxes(nodes: RootContent[], source: string): FieldValue {
  const checked: string[] = []
  const unchecked: string[] = []
  for (const node of nodes) {
    if (node.type !== 'list') continue
    for (const item of (node as List).children) {
      const paragraph = item.children[0]
      if (paragraph?.type !== 'paragraph') continue
      const text = source.slice(startOf(paragraph), endOf(paragraph))
      const marker = /^\[([ xX])\](?=[ \t]|$)/.exec(text)
      if (marker === null && typeof item.checked !== 'boolean') continue
      const isChecked = typeof item.checked === 'boolean' ? item.checked : marker?.[1] !== ' '
      const label = (marker === null ? text : text.slice(marker[0].length)).trim()
      if (label !== '') (isChecked ? checked : unchecked).push(label)
    }
  }
  return { kind: 'checkboxes', checked, unchecked }
}
