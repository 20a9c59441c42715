import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const cmark = require('cmark-gfm')

/** GitHub-flavoured Markdown to HTML, with the extensions github.com turns on. */
export function renderGfm(markdown: string): string {
  return cmark.renderHtmlSync(markdown, { extensions: { table: true, strikethrough: true, autolink: true, tasklist: true } })
}

/** The rendered text outside code: where GitHub turns `@login` into a mention and `#12` into a reference. */
export function liveText(markdown: string): string {
  return renderGfm(markdown)
    .replace(/<pre>[^]*?<\/pre>/g, ' ')
    .replace(/<code>[^<]*<\/code>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
}

/** Logins GitHub would notify: `@` after a non-word character, then a login's first character. */
export function liveMentions(markdown: string): string[] {
  return [...liveText(markdown).matchAll(/(?:^|[^\w`])@([A-Za-z0-9][A-Za-z0-9-]*)/g)].map((match) => match[1] ?? '')
}

/** `#12`, `GH-12` references GitHub would link. */
export function liveReferences(markdown: string): string[] {
  return [...liveText(markdown).matchAll(/(?:^|[^\w&])(?:#|GH-)(\d+)/gi)].map((match) => match[1] ?? '')
}

/** The checkboxes of the outermost lists, as cmark-gfm renders them (code and comments excluded by the parser itself). */
export function topLevelTaskCount(markdown: string): number {
  let depth = 0
  let count = 0
  for (const [tag] of renderGfm(markdown).matchAll(/<\/?(?:ul|ol)\b[^>]*>|<input type="checkbox"[^>]*>/g)) {
    if (tag.startsWith('</')) depth--
    else if (tag.startsWith('<input')) count += depth === 1 ? 1 : 0
    else depth++
  }
  return count
}
