import type { Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'

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

/** Deeper container prefixes than this on one line are flattened (see `capContainerDepth`). */
const MAX_CONTAINER_MARKS = 32
const CONTAINER_MARKS = new Set(['>', '-', '*', '+', '.', ')'])

/**
 * Parses Markdown into an mdast tree of blocks. The text micromark sees has the same length as
 * `source`, so every node's `position.*.offset` indexes `source` itself.
 */
export function parseMarkdownBlocks(source: string): Root {
  return fromMarkdown(capContainerDepth(source), { extensions: [BLOCKS_ONLY] })
}

/**
 * micromark spends time quadratic in the nesting depth of one line (`>>>>…` 64 KB deep takes
 * over 20 s). Past the 32nd container mark on a line, marks become `x`: same length, and only
 * content 32 levels down changes — never whether a top-level line is a heading or a fence.
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
  let seen = 0
  let prefix = ''
  for (let i = 0; i < end; i++) {
    const char = line.charAt(i)
    if (CONTAINER_MARKS.has(char)) seen++
    prefix += CONTAINER_MARKS.has(char) && seen > MAX_CONTAINER_MARKS ? 'x' : char
  }
  return prefix + line.slice(end)
}
