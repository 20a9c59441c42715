/**
 * The sanitiser against GitHub's renderer, on thousands of generated hostile texts (a fixed
 * seed, so every run checks the same ones): whatever the text, it adds no heading, no raw HTML
 * and no hidden comment where we place it, notifies nobody on comments, and breaks no table.
 */
import { describe, expect, it } from 'vitest'
import { safeCell, safeCommentBlock, safeDocumentBlock, safeInline } from '../../src/core/render/sanitize'
import { findRenderingProblems, renderGfm } from './gfm'
import { scanHtml } from './html-scan'

const PIECES = [
  '`',
  '``',
  '```',
  '~~~',
  '<',
  '<!--',
  '-->',
  '<b>',
  '</b>',
  '<details>',
  '<h2>',
  '#',
  '## ',
  '\n',
  '\n\n',
  '\r\n',
  ' ',
  '    ',
  '\t',
  'a',
  'b',
  '@',
  '@x',
  '@o/t',
  '\\',
  '|',
  '>',
  '> ',
  '- ',
  '* ',
  '1. ',
  '*',
  '_',
  '---',
  '===',
  '&',
  '&lt;',
  '&#60;',
  'x@y.io',
  '#1',
  'GH-2',
  'fixes #3',
  'https://github.com/o/r/issues/1',
  'https://example.com/a_b',
  '🇯🇵',
  '👩‍💻',
  'é',
  '(',
  ')',
  '[',
  ']',
  ':',
  '.',
]

/** mulberry32: a tiny seeded generator, so the texts are the same on every run. */
function generator(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hostileTexts(count: number, seed: number): string[] {
  const random = generator(seed)
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(random() * 40) }, () => PIECES[Math.floor(random() * PIECES.length)]!).join(''),
  )
}

const MARKDOWN_TAGS = new Set(['p', 'code', 'pre', 'em', 'strong', 'a', 'ul', 'ol', 'li', 'blockquote', 'del', 'input', 'br'])
const TABLE_TAGS = new Set(['table', 'thead', 'tbody', 'tr', 'th', 'td'])

/** Tags and comments in the rendered HTML that Markdown alone would not have made. */
function foreignMarkup(html: string, ours: Set<string>): string[] {
  return scanHtml(html).flatMap((piece) => {
    if (piece.kind === 'comment') return [`<!--${piece.text}-->`]
    if (piece.kind === 'tag' && !MARKDOWN_TAGS.has(piece.name) && !ours.has(piece.name)) return [`<${piece.name}>`]
    return []
  })
}

const headings = (html: string) =>
  scanHtml(html).filter((piece) => piece.kind === 'tag' && !piece.closing && /^h[1-6]$|^hr$/.test(piece.name))
/**
 * What must never happen, whatever the text. (Entities shown inside code are checked by the
 * unit tests, for inline code, fences and indented code: inside list items and tab-indented
 * blockquotes the sanitiser treats a line it cannot be sure is code as text, which is safe but
 * shows `&lt;` if CommonMark did make it code.)
 */
const HIDING = /never closed|opens inside another|spans a blank line|lone surrogate|splits the address/
const hiding = (problem: string) => HIDING.test(problem)

/** Visible text outside code and links that GitHub would turn into a mention. */
function liveMentions(html: string): string[] {
  return scanHtml(html)
    .filter((piece) => piece.kind === 'text' && !piece.inside.includes('code') && !piece.inside.includes('a'))
    .flatMap((piece) =>
      piece.kind === 'text' ? [...piece.text.matchAll(/(?:^|[^A-Za-z0-9._+\-\u200D])@[A-Za-z0-9]/g)].map((m) => m[0]) : [],
    )
}

/** A committed document keeps exactly its own sections, and nothing hides the text after the user block. */
function expectSafeDocument(text: string): void {
  const markdown = `## Before\n\n${safeDocumentBlock(text)}\n\n## After\n\nThe end.\n`
  const html = renderGfm(markdown)
  const context = `${JSON.stringify(text)}\n${html}`
  expect(headings(html), context).toHaveLength(2)
  expect(html.endsWith('<h2>After</h2>\n<p>The end.</p>\n'), context).toBe(true)
  expect(foreignMarkup(html, new Set(['h2', ...TABLE_TAGS])), context).toEqual([])
  expect(findRenderingProblems(markdown, { kind: 'document' }).filter(hiding), context).toEqual([])
}

/** A comment block notifies nobody, cross-references nothing and adds no heading or HTML. */
function expectSafeComment(text: string): void {
  const markdown = `<!-- escalation-desk:card {} -->\n### Card\n\n${safeCommentBlock(text)}\n\n**Owner:** olivia\n`
  const html = renderGfm(markdown)
  const context = `${JSON.stringify(text)}\n${html}`
  expect(headings(html), context).toHaveLength(1)
  expect(foreignMarkup(html, new Set(['h3', ...TABLE_TAGS])), context).toEqual(['<!-- escalation-desk:card {} -->'])
  expect(liveMentions(html), context).toEqual([])
  expect(html, context).not.toContain('href="https://github.com/o/r/issues/1"')
  const problems = findRenderingProblems(markdown, { kind: 'comment' })
  expect(
    problems.filter((problem) => hiding(problem) || /cross-ref/.test(problem)),
    context,
  ).toEqual([])
}

/** A table cell stays one cell of one row; a single line stays on its line, adding no heading or HTML. */
function expectSafeLine(text: string): void {
  const table = renderGfm(`| | |\n|---|---|\n| **Impact** | ${safeCell(text)} |\n| **Next** | soon |\n`)
  const context = `${JSON.stringify(text)}\n${table}`
  expect(table.match(/<td>/g), context).toHaveLength(4)
  expect(table, context).toContain('<td><strong>Next</strong></td>\n<td>soon</td>')
  expect(foreignMarkup(table, TABLE_TAGS), context).toEqual([])
  expect(liveMentions(table), context).toEqual([])
  const line = renderGfm(`> ${safeInline(text)}\n\nAfter.\n`)
  expect(headings(line), line).toHaveLength(0)
  expect(line.endsWith('<p>After.</p>\n'), line).toBe(true)
  expect(foreignMarkup(line, new Set()), line).toEqual([])
}

/** Texts the generator once found wrong, each named for what it caught. */
const FOUND: [string, string][] = [
  ['an autolink swallowing the backticks after it', 'x https://x.com/`<b>`'],
  ['backticks in a URL inside an open bracket, where nothing autolinks', '[ https://x.com/`<b>` y`'],
  ['a backslash taken into a URL, freeing the < after it', 'see https://github.com/o/r/issues/1\\<h2>'],
  ['a backslash before our inline code', ']\\https://github.com/o/r/issues/1'],
  ['our code span next to a user code span', '```a <h2>```https://github.com/o/r/issues/1* b'],
  ['a link destination swallowing our inline code', '[x](a|https://github.com/o/r/issues/1~~x@y.io)https://github.com/o/r/issues/1- b'],
  ['a link to an issue', 'see [the ticket](https://github.com/o/r/issues/1) now'],
  ['a destination that makes no link, read as text', '](https://example.com/@everyone#1 x'],
  ['an e-mail autolink holding a backtick', '<``x@y.io> <!--`@x'],
  ['an address glued to a URL', 'x@y.io.https://github.com/o/r/issues/1'],
  ['emphasis closing right before an @', '_a b_@x and *c*@y'],
  ['GH- inside a host name', 'mail x@y.io---GH-2a or GH-2x@y.io'],
  ['a list item opening with indented code, after a blank line', '-     <b>code</b>'],
  ['an indented list marker continuing a paragraph', 'text\n\t1.     <b>x</b>'],
  ['a tab after a nested list marker', '* * \t<details>x'],
  ['a tab after a blockquote marker', '>- * \t<details>x'],
  ['a fence inside a blockquote', '> ```\n> <b>\n> ## x\n> ```\n> <b>'],
  ['a quote continued lazily, then indented', '> a\nb\n>     <!-- x -->'],
  ['a heading and a setext underline inside a quote', '> text\n> ===\n> ## Resolution'],
  ['a code span across lines', 'a `b\n<!-- c` d'],
]

describe('texts the generator found, rendered by cmark-gfm', () => {
  it.each(FOUND)('%s', (_, text) => {
    expectSafeDocument(text)
    expectSafeComment(text)
    expectSafeLine(text)
  })
})

// FUZZ_COUNT and FUZZ_SEED run more or other texts (e.g. FUZZ_COUNT=15000 FUZZ_SEED=7) when the sanitiser changes.
const TEXTS = hostileTexts(Number(process.env.FUZZ_COUNT ?? 1500), Number(process.env.FUZZ_SEED ?? 20261124))

describe('generated hostile text, rendered by cmark-gfm', () => {
  it('committed documents', () => TEXTS.forEach(expectSafeDocument))
  it('comment blocks', () => TEXTS.forEach(expectSafeComment))
  it('table cells and single lines', () => TEXTS.forEach(expectSafeLine))
})
