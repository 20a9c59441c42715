/**
 * A small scanner for the HTML cmark-gfm writes: tags, comments and text, each text run with
 * the elements it sits in. cmark escapes every `<` of text, so a `<` in its output is always
 * markup (its own, or raw HTML it passed through); that makes a full HTML parser unnecessary.
 */

export type HtmlPiece =
  | { kind: 'text'; text: string; raw: string; inside: readonly string[] }
  | { kind: 'comment'; text: string; closed: boolean; at: number }
  | { kind: 'tag'; name: string; closing: boolean }

const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'col', 'area', 'base', 'source', 'track', 'embed', 'param'])
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" }

/** Text with the entities cmark writes decoded (`&amp;lt;` becomes `&lt;`: it shows as typed). */
export function decodeEntities(html: string): string {
  return html.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name]!)
}

/** Where the tag starting at `<` (index `start`) ends: its closing `>`, quotes respected. */
function tagEnd(html: string, start: number): number {
  let quote: string | null = null
  for (let i = start + 1; i < html.length; i++) {
    const char = html[i]!
    if (quote) {
      if (char === quote) quote = null
    } else if (char === '"' || char === "'") quote = char
    else if (char === '>') return i + 1
  }
  return html.length
}

export function scanHtml(html: string): HtmlPiece[] {
  const pieces: HtmlPiece[] = []
  const open: string[] = []
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const textEnd = lt < 0 ? html.length : lt
    if (textEnd > i) {
      const raw = html.slice(i, textEnd)
      pieces.push({ kind: 'text', text: decodeEntities(raw), raw, inside: [...open] })
    }
    if (lt < 0) break
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      const end = close < 0 ? html.length : close + 3
      pieces.push({ kind: 'comment', text: html.slice(lt + 4, close < 0 ? html.length : close), closed: close >= 0, at: lt })
      i = end
      continue
    }
    const end = tagEnd(html, lt)
    const raw = html.slice(lt + 1, end - 1)
    const closing = raw.startsWith('/')
    const name = /^\/?([A-Za-z][A-Za-z0-9-]*)/.exec(raw)?.[1]?.toLowerCase()
    if (name) {
      pieces.push({ kind: 'tag', name, closing })
      if (closing) {
        const at = open.lastIndexOf(name)
        if (at >= 0) open.length = at
      } else if (!VOID.has(name) && !raw.endsWith('/')) open.push(name)
    }
    i = end
  }
  return pieces
}
