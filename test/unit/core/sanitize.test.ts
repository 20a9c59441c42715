import { describe, expect, it } from 'vitest'
import {
  escapeHtml,
  inlineCode,
  neutralizeMentions,
  safeCell,
  safeCode,
  safeCommentBlock,
  safeDocumentBlock,
  safeInline,
  safeTitle,
  truncate,
  wellFormed,
} from '../../../src/core/render/sanitize'
import { fitBody } from '../../../src/core/render/limits'
import { readMarker, renderMarker } from '../../../src/core/render/markers'

const ZWJ = '\u200D'
const QUERY = "WHERE stage <> 'Closed' && age > 30"
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('mentions and references (notifying surfaces)', () => {
  it('breaks @user, @org/team, #12 and GH-7 with a zero-width joiner', () => {
    const out = neutralizeMentions('ping @octocat and @acme/leads about #12 and GH-7')
    expect(out).toBe(`ping @${ZWJ}octocat and @${ZWJ}acme/leads about #${ZWJ}12 and GH-${ZWJ}7`)
  })

  it('leaves e-mail addresses whole: an @ after a letter, digit, ".", "_", "+" or "-" is an address', () => {
    for (const address of ['hank@globex.com', 'a@b.c', 'first.last+tag@mail.example.co.uk', 'ops_team@x.io', 'x-y@z.org', '42@numbers.net'])
      expect(safeInline(`mail ${address} now`)).toBe(`mail ${address} now`)
  })

  it('leaves code spans and numeric entities alone', () => {
    expect(safeInline('run `git log @{u} #12`')).toBe('run `git log @{u} #12`')
    expect(neutralizeMentions('&#35; and &#64;')).toBe('&#35; and &#64;')
  })

  it('keeps URLs whole; one holding @ or #12 becomes an explicit autolink, which nothing can unlink', () => {
    expect(safeInline('see https://example.com/docs.')).toBe('see https://example.com/docs.')
    expect(safeInline('[ see https://mastodon.social/@hank and https://example.com/faq#42.')).toBe(
      '[ see <https://mastodon.social/@hank> and <https://example.com/faq#42>.',
    )
    expect(safeInline('https://example.com/a<b>')).toBe('<https://example.com/a>&lt;b&gt;')
    expect(safeDocumentBlock('see https://example.com/faq#42 and www.example.com/@x')).toBe(
      'see https://example.com/faq#42 and www.example.com/@x',
    )
    expect(safeDocumentBlock('https://example.com/a<!--')).toBe('<https://example.com/a>&lt;!--')
  })

  it('makes links to issues, pull requests and their comments inline code: no link, no cross-reference', () => {
    expect(safeInline('see https://github.com/acme/support/issues/12.')).toBe('see `https://github.com/acme/support/issues/12`.')
    expect(safeInline('(https://github.com/o/r/pull/3#issuecomment-99)')).toBe('(`https://github.com/o/r/pull/3#issuecomment-99`)')
    expect(safeCell('www.github.com/o/r/discussions/5')).toBe('`www.github.com/o/r/discussions/5`')
    expect(safeInline('https://github.com/o/r/issues')).toBe('https://github.com/o/r/issues') // a list, not an issue
    expect(safeInline('https://example.com/docs')).toBe('https://example.com/docs')
  })

  it('defuses closing keywords in titles and PR text: the issue they name is no reference', () => {
    expect(safeTitle('fixes #1, closes o/r#2, resolves https://github.com/o/r/issues/3')).toBe(
      `fixes #${ZWJ}1, closes o/r#${ZWJ}2, resolves \`https://github.com/o/r/issues/3\``,
    )
  })

  it('keeps a lone backtick from pairing with the code span around a link', () => {
    expect(safeInline('a ` https://github.com/o/r/issues/1')).toBe('a \\` `https://github.com/o/r/issues/1`')
  })
})

describe('HTML outside code only', () => {
  it('escapes tags and comments in prose, keeps code exactly as typed', () => {
    expect(safeInline(`Query \`${QUERY}\` <b>bold</b> <!-- x -->`)).toBe(`Query \`${QUERY}\` &lt;b&gt;bold&lt;/b&gt; &lt;!-- x --&gt;`)
    expect(safeInline('<!-- escalation-desk:ack {} -->')).not.toContain('<!--')
  })

  it('shows <details> as text rather than opening a block', () => {
    expect(safeInline('<details><summary>x</summary>')).toBe('&lt;details&gt;&lt;summary&gt;x&lt;/summary&gt;')
    expect(safeDocumentBlock('<details>\n<summary>x</summary>\n\n## y\n</details>')).toBe(
      '&lt;details>\n&lt;summary>x&lt;/summary>\n\n\\## y\n&lt;/details>',
    )
  })

  it('in documents escapes only a < that could open HTML: comparisons read as written', () => {
    expect(safeDocumentBlock(`Root cause: ${QUERY}; 3 < 4, a <= b, <!-- gone, <b>`)).toBe(
      `Root cause: ${QUERY}; 3 < 4, a <= b, &lt;!-- gone, &lt;b>`,
    )
  })

  it('escapeHtml still escapes everything, for text that is never Markdown', () => {
    expect(escapeHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d')
  })
})

describe('committed documents: safeDocumentBlock', () => {
  it('keeps the text intact: no joiners, code fences and inline code untouched', () => {
    const text = `Mail hank@globex.com or @everyone about #12.\n\n\`${QUERY}\`\n\n\`\`\`sql\nSELECT * FROM opp ${QUERY}\n## not a heading\n\`\`\``
    expect(safeDocumentBlock(text)).toBe(text)
  })

  it('cannot add a section: ATX headings, setext underlines and thematic breaks become text', () => {
    const out = safeDocumentBlock(
      'Intro\n## Resolution\nDone\n===\nMore\n---\n\n***\n\n- - -\n> ## quoted\n- ### listed\n   # three spaces\n#hashtag',
    )
    expect(out).toBe(
      'Intro\n\\## Resolution\nDone\n\\===\nMore\n\\---\n\n\\***\n\n\\- - -\n> \\## quoted\n- \\### listed\n   \\# three spaces\n#hashtag',
    )
  })

  it('normalises CRLF and lone CR line endings', () => {
    expect(safeDocumentBlock('a\r\n## b\rc\r\n')).toBe('a\n\\## b\nc\n')
  })

  it('closes a code fence left open, so it cannot swallow the rest of the document', () => {
    expect(safeDocumentBlock('```sql\nSELECT 1 <!--')).toBe('```sql\nSELECT 1 <!--\n```')
    expect(safeDocumentBlock('~~~~\ncode\n~~~\nstill code')).toBe('~~~~\ncode\n~~~\nstill code\n~~~~')
  })

  it('treats a backtick line with a backtick in its info string as text, as CommonMark does', () => {
    expect(safeDocumentBlock('``` a`b\n<!-- x')).toBe('\\`\\`\\` a\\`b\n&lt;!-- x')
  })

  it('keeps indented code after a blank line, but not inside a list (there it is text)', () => {
    expect(safeDocumentBlock('Code:\n\n    <tag> ## x')).toBe('Code:\n\n    <tag> ## x')
    expect(safeDocumentBlock('- item\n\n    <!-- x')).toBe('- item\n\n    &lt;!-- x')
  })
})

describe('comment blocks: safeCommentBlock', () => {
  it('defuses mentions, links to issues, headings and HTML outside code; code stays as typed', () => {
    const out = safeCommentBlock('## Done\n@everyone see https://github.com/o/r/issues/1 <!--\n\n```\n@everyone <b>\n```')
    expect(out).toBe(`\\## Done\n@${ZWJ}everyone see \`https://github.com/o/r/issues/1\` &lt;!--\n\n\`\`\`\n@everyone <b>\n\`\`\``)
  })
})

describe('table cells and single lines', () => {
  it('escapes every pipe, inside code too, and keeps one line', () => {
    expect(safeCell('a | b\nc')).toBe('a \\| b c')
    expect(safeCell('`c|d` and \\|')).toBe('`c\\|d` and \\\\|')
  })

  it('a single line cannot start a heading or a break where it is placed at a line start', () => {
    expect(safeInline('## Resolution')).toBe('\\## Resolution')
    expect(safeInline('---')).toBe('\\---')
  })

  it('closes a trailing backslash so it cannot escape the Markdown after it', () => {
    expect(safeInline('C:\\exports\\')).toBe('C:\\exports\\\\')
  })

  it('titles are text: no entities, mentions broken', () => {
    expect(safeTitle(`[Escalation] ${QUERY} @everyone`)).toBe(`[Escalation] ${QUERY} @${ZWJ}everyone`)
  })

  it('safeCode shows text exactly, whatever its backticks', () => {
    expect(safeCode('<tbd> `x`')).toBe('`` <tbd> `x` ``')
  })
})

describe('inline code', () => {
  it('wraps text holding backtick runs of any length', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
    expect(inlineCode('a```b``c')).toBe('````a```b``c````')
    expect(inlineCode('`start')).toBe('`` `start ``')
    expect(inlineCode(' both ')).toBe('`  both  `')
  })
})

describe('lengths', () => {
  it('bounds length', () => {
    expect(safeInline('x'.repeat(1000), 50)).toHaveLength(50)
  })

  it('cuts between graphemes: never inside a ZWJ sequence, a flag, a keycap or a combining mark', () => {
    const family = '👩‍👩‍👧‍👦'
    expect(truncate(`ab${family}cd`, 6)).toBe('ab…')
    expect(truncate(`ab${family}cd`, 14)).toBe(`ab${family}…`)
    expect(truncate('🇯🇵🇺🇸🇩🇪', 6)).toBe('🇯🇵…')
    expect(truncate('1️⃣2️⃣3️⃣', 5)).toBe('1️⃣…')
    expect(truncate('cafe\u0301s', 5)).toBe('caf…')
  })

  it('fitBody cuts between graphemes and closes a fence it leaves open', () => {
    const body = `intro\n\`\`\`\n${'🇯🇵'.repeat(40_000)}\n\`\`\``
    const fitted = fitBody(body)
    expect(fitted.length).toBeLessThanOrEqual(65_536)
    expect(fitted).not.toMatch(LONE_SURROGATE)
    expect(fitted.endsWith("```\n\n_… cut to fit GitHub's 65,536-character limit._")).toBe(true)
    expect(fitted.split('\n').at(-4)!.length % 4).toBe(0) // whole flags only
  })

  it('replaces lone surrogates (half an emoji) that GitHub cannot store', () => {
    expect(wellFormed('a\uD83Db\uDE00c😀')).toBe('a\uFFFDb\uFFFDc😀')
    expect(safeInline('x\uD83D')).toBe('x\uFFFD')
  })
})

describe('linear time on hostile input', () => {
  // Each of these takes minutes with a backtracking or quadratic scanner; a linear one, milliseconds.
  const hostile = [
    '`'.repeat(1) + ' `` '.repeat(50_000),
    Array.from({ length: 1000 }, (_, i) => '`'.repeat(i + 1)).join(' '),
    '- '.repeat(100_000) + 'x',
    '> '.repeat(100_000) + '#',
    `### ${' '.repeat(100_000)}x`,
    '@'.repeat(100_000),
    'https://'.repeat(50_000),
    `https://x.com/${'('.repeat(50_000)}${')'.repeat(50_000)}`,
    '](@'.repeat(50_000),
    'a@'.repeat(100_000) + 'b.io',
    'xhttps://'.repeat(50_000),
    '\\'.repeat(100_000) + '<'.repeat(100_000),
  ]
  it.each(hostile.map((text, index) => [index, text]))('input %i', (_, text) => {
    expect(safeDocumentBlock(text).length).toBeGreaterThan(0)
    expect(safeCommentBlock(text, 400_000).length).toBeGreaterThan(0)
    expect(safeCell(text, 400_000).length).toBeGreaterThan(0)
  })
})

describe('markers', () => {
  it('round-trips data, even data holding "-->"', () => {
    const body = `${renderMarker('ack', { note: 'x --> y' })}\nrest`
    expect(readMarker(body)).toEqual({ kind: 'ack', data: { note: 'x --> y' } })
  })

  it('reads a damaged marker as kind without data, and text without a marker as null', () => {
    expect(readMarker('<!-- escalation-desk:ack {oops -->')).toEqual({ kind: 'ack', data: undefined })
    expect(readMarker('hello <!-- escalation-desk:ack -->')).toBeNull()
  })
})
