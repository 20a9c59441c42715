import cmark from 'cmark-gfm'

// The binding passes `sourcepos` to cmark; its typings misspell the option `sourcerepos`.
const SOURCE_POSITIONS = { sourcepos: true } as unknown as Parameters<typeof cmark.renderHtmlSync>[1]

/**
 * The 1-based lines where GitHub's own Markdown parser (cmark-gfm) sees a top-level `###`
 * heading: an `<h3>` outside any list item or block quote, located by `data-sourcepos`.
 */
export function githubTopLevelHeadingLines(markdown: string): number[] {
  const html = cmark.renderHtmlSync(markdown, SOURCE_POSITIONS)
  const lines: number[] = []
  let depth = 0
  for (const tag of html.matchAll(/<(\/?)(li|blockquote|h3)( [^>]*)?>/g)) {
    const [, closing, name, attributes] = tag
    if (name !== 'h3') depth += closing === '/' ? -1 : 1
    else if (closing === '' && depth === 0) lines.push(Number(/data-sourcepos="(\d+):/.exec(attributes ?? '')?.[1]))
  }
  return lines
}
