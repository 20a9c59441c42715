/** Bodies at GitHub's 65,536-character limit built to make Markdown parsers slow. */
export const BODY_LIMIT = 65_536

export const hostileBodies: Record<string, string> = {
  'heading of spaces': `###${' '.repeat(65_000)}`,
  'heading of spaces then text': `###${' '.repeat(65_000)}x`,
  'empty headings': '###\n'.repeat(BODY_LIMIT / 4),
  'nested quotes': '>'.repeat(BODY_LIMIT),
  'nested quotes with spaces': '> '.repeat(BODY_LIMIT / 2),
  'nested lists': '- '.repeat(BODY_LIMIT / 2),
  'quote staircase': Array.from({ length: 360 }, (_, n) => '>'.repeat(n + 1)).join('\n'),
  backticks: '`'.repeat(BODY_LIMIT),
  'backtick pairs': '`a'.repeat(BODY_LIMIT / 2),
  'empty fences': '```\n'.repeat(BODY_LIMIT / 4),
  'open brackets': '['.repeat(BODY_LIMIT),
  'brackets opened then closed': '['.repeat(BODY_LIMIT / 2) + ']'.repeat(BODY_LIMIT / 2),
  'unclosed links': '[a]('.repeat(BODY_LIMIT / 4),
  'image openers': '!['.repeat(BODY_LIMIT / 2),
  stars: '*'.repeat(BODY_LIMIT),
  'star letter': '*a'.repeat(BODY_LIMIT / 2),
  'star underscore': '*_'.repeat(BODY_LIMIT / 2),
  'angle brackets': '<'.repeat(BODY_LIMIT),
  'checkbox items': '- [x] a\n'.repeat(BODY_LIMIT / 8),
  'comma soup': ', '.repeat(BODY_LIMIT / 2),
  // Quadratic in micromark's block tokenizer (measured at this size: 100 s, 43 s, up to 1 s).
  'setext underlines': 'a\n=\n'.repeat(BODY_LIMIT / 4),
  'setext dashes': 'a\n-\n'.repeat(BODY_LIMIT / 4),
  'list item then plain lines': `- a\n${'b\n'.repeat((BODY_LIMIT - 4) / 2)}`,
  'quote then plain lines': `> a\n${'b\n'.repeat((BODY_LIMIT - 4) / 2)}`,
  'plain short lines': 'b\n'.repeat(BODY_LIMIT / 2),
  'blank-separated lines': 'b\n\n'.repeat(Math.floor(BODY_LIMIT / 3)),
  'thematic breaks of dashes': `${'- '.repeat(40)}\n`.repeat(Math.floor(BODY_LIMIT / 81)),
  'deep lists on every line': `${'- '.repeat(31)}x\n`.repeat(Math.floor(BODY_LIMIT / 64)),
  'list staircase': Array.from({ length: 1_000 }, (_, n) => `${' '.repeat((n % 30) * 2)}- a`).join('\n'),
  // Constructs left open: GitHub hides everything after them, the parser ends them at the next field.
  'unclosed comment': `<!--\n${'a\n'.repeat((BODY_LIMIT - 5) / 2)}`,
  'unclosed pre': `<pre>\n${'a\n'.repeat((BODY_LIMIT - 6) / 2)}`,
  'tilde fences': '~~~\n'.repeat(BODY_LIMIT / 4),
}

/** Wraps hostile content as the answer to one field of an otherwise normal body. */
export function withinField(label: string, content: string, next = 'Business impact'): string {
  return `### ${label}\n\n${content}\n\n### ${next}\n\nAll sales users.\n`
}
