/**
 * GitHub's renderer (cmark-gfm, with GitHub's extensions and raw HTML kept, as GitHub keeps it
 * before its sanitiser) and a check of what a reader would see wrong in something the action
 * wrote: Markdown shown raw, entities shown as text, addresses split by invisible characters,
 * half emoji, an HTML comment hiding content, and on notifying surfaces live cross-references.
 */
import cmark from 'cmark-gfm'
import { scanHtml } from './html-scan'
import { rawMarkdownIn } from './raw-markdown'

export type Surface = 'comment' | 'pr-body' | 'document' | 'summary' | 'title'

export function renderGfm(markdown: string): string {
  return cmark.renderHtmlSync(markdown, {
    extensions: { table: true, strikethrough: true, autolink: true, tasklist: true, tagfilter: true },
    unsafe: true,
  })
}

/** Everything a reader would see wrong in `markdown` written to `kind`; empty when it renders as meant. */
export function findRenderingProblems(markdown: string, { kind }: { kind: Surface }): string[] {
  const problems = loneSurrogates(markdown)
  if (kind === 'title') return [...problems, ...splitAddresses(markdown), ...titleProblems(markdown)]
  const html = renderGfm(markdown)
  const shown = scanHtml(html).map((piece) => (piece.kind === 'text' ? piece.text : ' '))
  problems.push(...splitAddresses(shown.join('')), ...entitiesShownAsText(html), ...hiddenByComments(html), ...textProblems(html, kind))
  return problems
}

const around = (text: string, at: number) => JSON.stringify(text.slice(Math.max(0, at - 30), at + 50))

function loneSurrogates(text: string): string[] {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xd800 || code > 0xdfff) continue
    const next = text.charCodeAt(i + 1)
    if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++
    else return [`a lone surrogate (half an emoji) at ${i}: ${around(text, i)}`]
  }
  return []
}

// Zero-width space, non-joiner, joiner, word joiner (alternation: eslint reads a class with U+200D as an emoji sequence).
const INVISIBLE = /\u200B|\u200C|\u200D|\u2060/
const INVISIBLES = /\u200B|\u200C|\u200D|\u2060/g
const ASCII_ADDRESS = /^[A-Za-z0-9@.:/#_+~%?=&-]$/
const isLocal = (char: string | undefined) => char !== undefined && /[A-Za-z0-9._+-]/.test(char)
const isHost = (char: string | undefined) => char !== undefined && /[A-Za-z0-9._-]/.test(char)
const isLetter = (char: string | undefined) => char !== undefined && /[A-Za-z]/.test(char)

/** Whether `text` (invisibles removed) holds an e-mail address or URL that spans position `at`. */
function addressSpans(text: string, at: number): boolean {
  for (let i = text.indexOf('@'); i >= 0; i = text.indexOf('@', i + 1)) {
    let start = i
    while (isLocal(text[start - 1])) start--
    let end = i + 1
    while (isHost(text[end]) || text[end] === '@') end++
    if (text.slice(i + 1, end).includes('@') || text[start - 1] === '/') continue // as GitHub's autolinker: no address
    while (text[end - 1] === '.') end--
    // As GitHub's autolinker: a dot followed by a letter or digit, and a letter last.
    const domain = text.slice(i + 1, end)
    if (start < i && /\.[A-Za-z0-9]/.test(domain) && isLetter(domain.at(-1)) && start < at && at < end) return true
  }
  for (let i = text.indexOf('://'); i >= 0; i = text.indexOf('://', i + 1)) {
    let start = i
    while (isLetter(text[start - 1])) start--
    // As GitHub's autolinker: every letter before `://` is the scheme, and only these link.
    if (/^(https?|ftp)$/i.test(text.slice(start, i)) && start < at) return true
  }
  const www = text.toLowerCase().indexOf('www.')
  return www >= 0 && www < at
}

/** An e-mail address or URL, in the text a reader sees, with a zero-width character inside: copied, it no longer works. */
function splitAddresses(shown: string): string[] {
  const problems: string[] = []
  for (const token of shown.split(/[\s()<>[\]"'`|*]+/)) {
    if (!INVISIBLE.test(token)) continue
    const bare = token.replace(INVISIBLES, '')
    let kept = 0
    const chars = [...token]
    for (const [index, char] of chars.entries()) {
      // A joiner between two emoji (👩‍💻) is part of the emoji, not of an address.
      const nextToAscii = ASCII_ADDRESS.test(chars[index - 1] ?? '') || ASCII_ADDRESS.test(chars[index + 1] ?? '')
      if (!INVISIBLE.test(char)) kept += char.length
      else if (nextToAscii && kept < bare.length && addressSpans(bare, kept)) {
        problems.push(`an invisible character splits the address in ${JSON.stringify(bare)}`)
        break
      }
    }
  }
  return problems
}

/** `&amp;lt;` in text (code included): the reader sees `&lt;`. Attributes (a link's href) are not shown. */
function entitiesShownAsText(html: string): string[] {
  for (const piece of scanHtml(html)) {
    const match = piece.kind === 'text' ? /&amp;(lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/i.exec(piece.raw) : null
    if (match && piece.kind === 'text')
      return [`an entity shown as text (${match[0].replace('&amp;', '&')}): ${around(piece.raw, match.index)}`]
  }
  return []
}

function hiddenByComments(html: string): string[] {
  const problems: string[] = []
  for (const piece of scanHtml(html)) {
    if (piece.kind !== 'comment') continue
    if (!piece.closed) problems.push(`an HTML comment is never closed and hides everything after it: ${around(html, piece.at)}`)
    else if (piece.text.includes('<!--')) problems.push(`an HTML comment opens inside another and hides text: ${around(html, piece.at)}`)
    else if (/\n[ \t]*\n/.test(piece.text)) problems.push(`an HTML comment spans a blank line and hides content: ${around(html, piece.at)}`)
  }
  return problems
}

const CODE = new Set(['code', 'pre'])
/** Elements cmark makes from Markdown blocks; text outside all of them came through raw HTML. */
const MARKDOWN_BLOCKS = new Set(['p', 'li', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const INLINE = new Set(['a', 'strong', 'em', 'del', 'code', 'sub', 'sup', 'span', 'img', 'kbd', 'b', 'i', 's', 'input'])
const CLOSING_KEYWORD = /\b(close[sd]?|fix(e[sd])?|resolve[sd]?):?\s+([\w.-]+\/[\w.-]+)?#\d/i
const ISSUE_URL = /https?:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/(issues|pull|discussions)\/\d/i

/** Rules for the text a reader sees (code and pre aside). */
function textProblems(html: string, kind: Surface): string[] {
  const problems: string[] = []
  let lineStart = true
  for (const piece of scanHtml(html)) {
    if (piece.kind === 'tag') {
      if (!INLINE.has(piece.name)) lineStart = true
      continue
    }
    if (piece.kind !== 'text' || piece.inside.some((name) => CODE.has(name))) continue
    const raw = !piece.inside.some((name) => MARKDOWN_BLOCKS.has(name))
    problems.push(...rawMarkdownIn(piece.text, lineStart, raw))
    if (kind !== 'document' && kind !== 'summary') problems.push(...notifyingProblems(piece.text, kind))
    lineStart = piece.text.endsWith('\n')
  }
  return problems
}

/** A PR's title and body close issues on merge (squash merges carry them); a comment's issue links cross-reference. */
function notifyingProblems(text: string, kind: Surface): string[] {
  const problems: string[] = []
  const keyword = CLOSING_KEYWORD.exec(text)
  if (keyword && (kind === 'pr-body' || kind === 'title')) problems.push(`a live closing keyword: ${around(text, keyword.index)}`)
  const url = ISSUE_URL.exec(text)
  if (url) problems.push(`a link to an issue outside code (GitHub cross-references it): ${around(text, url.index)}`)
  return problems
}

/** Titles are text (code spans aside): entities show as typed, and mentions notify. */
function titleProblems(title: string): string[] {
  const text = title.replace(/`[^`]*`/g, ' ')
  const problems = notifyingProblems(text, 'title')
  const entity = /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.exec(text)
  if (entity) problems.push(`an entity shown as text in a title: ${around(text, entity.index)}`)
  const mention = /(^|[^A-Za-z0-9._+-])@[A-Za-z0-9]/.exec(text)
  if (mention) problems.push(`a live mention in a title: ${around(text, mention.index)}`)
  return problems
}
