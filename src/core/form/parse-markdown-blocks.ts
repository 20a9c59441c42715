import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { indentOf, isThematicBreak } from './line-syntax'

/**
 * Issue bodies only need their block structure: headings, fences, lists and quotes. Inline
 * constructs are switched off because micromark's emphasis and link resolution go quadratic
 * on runs like `*_*_…` or `[[[…]]]` (seconds on 64 KB), and heading text is compared raw anyway.
 */
const BLOCKS_ONLY = {
  disable: {
    null: [
      'attention',
      'autolink',
      'characterEscape',
      'characterReference',
      'codeText',
      'definition',
      'hardBreakEscape',
      'htmlText',
      'labelStartImage',
      'labelStartLink',
      'labelEnd',
    ],
  },
}

/**
 * The most mdast is ever handed at once, in whole lines. micromark's block tokenizer costs
 * 2–5 µs per line even on plain text, 20–80 µs per list item, and goes quadratic in the lines of
 * one paragraph on setext underlines (`a\n=\n…`: 100 s on 64 KB) or lazy lines after a list item
 * or quote (40 s). Under these limits the worst input measured parses in under 10 ms; callers
 * keep the rest of the text verbatim. 50 lines hold any real checkbox field.
 */
export const MARKDOWN_LIMITS = { chars: 2_048, lines: 50 } as const

export interface ParsedBlocks {
  tree: Root
  /** The text mdast parsed: the first `lineCount` lines, joined; node offsets index it. */
  text: string
  lineCount: number
}

/** Parses as many whole lines as fit in MARKDOWN_LIMITS into an mdast tree of blocks. */
export function parseMarkdownBlocks(lines: readonly string[], onParse?: (text: string) => void): ParsedBlocks {
  let lineCount = 0
  let chars = 0
  for (const line of lines) {
    const next = chars + line.length + (lineCount === 0 ? 0 : 1)
    if (lineCount === MARKDOWN_LIMITS.lines || next > MARKDOWN_LIMITS.chars) break
    chars = next
    lineCount++
  }
  const text = lines.slice(0, lineCount).join('\n')
  onParse?.(text)
  return { tree: fromMarkdown(capContainerDepth(text), { extensions: [BLOCKS_ONLY] }), text, lineCount }
}

/** Deeper container prefixes than this on one line are flattened (see `capContainerDepth`). */
const MAX_CONTAINER_MARKS = 8
const CONTAINER_MARKS = new Set(['>', '-', '*', '+', '.', ')'])

/**
 * micromark spends time quadratic in the nesting depth of one line (`>>>>…` 64 KB deep takes
 * over 20 s; 50 lines 31 lists deep, 24 ms). Past the 8th container mark on a line, marks become
 * `x`: same length, and only content 8 levels down changes, which no checkbox answer has. A
 * thematic break (`- - - …`) is no nesting and is left alone.
 */
export function capContainerDepth(source: string): string {
  const lines = source.split('\n')
  let changed = false
  for (const [index, line] of lines.entries()) {
    const capped = capLine(line)
    if (capped !== line) {
      lines[index] = capped
      changed = true
    }
  }
  return changed ? lines.join('\n') : source
}

function capLine(line: string): string {
  let marks = 0
  let end = 0
  for (; end < line.length; end++) {
    const char = line.charAt(end)
    if (CONTAINER_MARKS.has(char)) marks++
    else if (char !== ' ' && char !== '\t' && (char < '0' || char > '9')) break
  }
  if (marks <= MAX_CONTAINER_MARKS) return line
  const indent = indentOf(line)
  if (indent.columns <= 3 && isThematicBreak(line, indent.index)) return line
  let seen = 0
  let prefix = ''
  for (let i = 0; i < end; i++) {
    const char = line.charAt(i)
    if (CONTAINER_MARKS.has(char)) seen++
    prefix += CONTAINER_MARKS.has(char) && seen > MAX_CONTAINER_MARKS ? 'x' : char
  }
  return prefix + line.slice(end)
}
