import { endsHtmlBlock, htmlBlockStart, type HtmlBlock } from './html-block'
import {
  atxHeading,
  closesFence,
  fenceOpener,
  indentOf,
  isBlank,
  isSetextUnderline,
  isThematicBreak,
  listMarker,
  type AtxHeading,
  type Fence,
  type Indent,
  type ListMarker,
} from './line-syntax'

/**
 * What a line is at the top level of the body. `list` covers an item's own lines and its lazy
 * continuation lines; `code` covers fenced blocks (fences included) and indented code; `html`
 * raw HTML blocks; `quote` lines starting with `>`.
 */
export type LineRole = 'blank' | 'heading' | 'list' | 'quote' | 'code' | 'html' | 'break' | 'text'

export interface ScannedLine {
  role: LineRole
  /** Set for top-level ATX headings (any level). */
  heading: AtxHeading | null
}

type Construct = { kind: 'fence'; fence: Fence } | { kind: 'html'; block: HtmlBlock }

/**
 * The open paragraph, if any: `top` at the top level, `nested` inside a list item or quote.
 * Lines that start no block continue either ("lazy" lines), but only a top-level paragraph
 * keeps a lone HTML tag, an empty or non-1 list item or a setext underline from starting a block.
 */
type Paragraph = 'none' | 'top' | 'nested'

const LINE = {
  blank: { role: 'blank', heading: null },
  list: { role: 'list', heading: null },
  quote: { role: 'quote', heading: null },
  code: { role: 'code', heading: null },
  html: { role: 'html', heading: null },
  break: { role: 'break', heading: null },
  text: { role: 'text', heading: null },
} as const satisfies Record<Exclude<LineRole, 'heading'>, ScannedLine>

/**
 * Follows the top-level block structure cmark-gfm (GitHub) gives a body, one line at a time, in
 * time linear in the line, keeping only what decides whether a line is a top-level heading: an
 * open fence or HTML block, the content column of an open list item (and a fence inside it),
 * which paragraph is open. Container contents are not parsed further: a `###` line inside a
 * quote or indented into an item is never a top-level heading.
 */
export class BlockScanner {
  private construct: Construct | null = null
  private listColumn: number | null = null
  private itemConstruct: Construct | null = null
  /** The open item began with an empty line: a blank line now ends it. */
  private itemEmpty = false
  private paragraph: Paragraph = 'none'
  private previousBlank = true

  /** Inside a fenced code block or an HTML block, which would hide a heading line. */
  get insideConstruct(): boolean {
    return this.construct !== null
  }

  /** The previous line was blank, or there was none. */
  get afterBlankLine(): boolean {
    return this.previousBlank
  }

  /** Ends the open fence or HTML block before the next line (a form heading GitHub wrote ends it). */
  interrupt(): void {
    this.construct = null
    this.paragraph = 'none'
  }

  scan(line: string): ScannedLine {
    const scanned = this.construct === null ? this.scanOpen(line) : this.continueConstruct(line, this.construct)
    this.previousBlank = isBlank(line)
    return scanned
  }

  private continueConstruct(line: string, construct: Construct): ScannedLine {
    if (construct.kind === 'fence') {
      if (closesFence(line, construct.fence)) this.construct = null
      return LINE.code
    }
    if (construct.block.terminators.length === 0) {
      if (!isBlank(line)) return LINE.html
      this.construct = null
      return LINE.blank
    }
    if (endsHtmlBlock(line, construct.block)) this.construct = null
    return LINE.html
  }

  private scanOpen(line: string): ScannedLine {
    const indent = indentOf(line)
    if (indent.index === line.length) {
      this.paragraph = 'none'
      if (this.itemEmpty) this.listColumn = null
      if (this.itemConstruct?.kind === 'html' && this.itemConstruct.block.terminators.length === 0) this.itemConstruct = null
      return LINE.blank
    }
    if (this.listColumn !== null) {
      const inList = this.continueList(line, indent, this.listColumn)
      if (inList !== null) return inList
      this.listColumn = null
      this.itemConstruct = null
    }
    return this.scanTopLevel(line, indent)
  }

  /** A line while a list item is open: inside the item, a new item, or null when the list ends. */
  private continueList(line: string, indent: Indent, column: number): ScannedLine | null {
    if (indent.columns >= column) {
      this.itemEmpty = false
      this.scanInsideItem(line, indent, column)
      return LINE.list
    }
    if (indent.columns <= 3 && isThematicBreak(line, indent.index)) return null
    const marker = indent.columns <= 3 ? listMarker(line, indent) : null
    if (marker !== null) return this.openItem(line, marker)
    // Without a blank line before it, text that starts no block continues the item's paragraph.
    if (!this.previousBlank && this.paragraph === 'nested' && !startsBlock(line, indent)) return LINE.list
    return null
  }

  /** Tracks a fence or HTML block inside the item: its lines are no paragraph a lazy line could continue. */
  private scanInsideItem(line: string, indent: Indent, column: number): void {
    const relative = indent.columns - column
    if (this.itemConstruct !== null) {
      const content = relative <= 3 ? line.slice(indent.index) : ''
      if (
        this.itemConstruct.kind === 'fence' ? closesFence(content, this.itemConstruct.fence) : endsHtmlBlock(line, this.itemConstruct.block)
      ) {
        this.itemConstruct = null
      }
      return
    }
    if (relative > 3) return
    this.openItemContent(line, indent.index)
  }

  private openItem(line: string, marker: ListMarker): ScannedLine {
    this.listColumn = marker.contentColumn
    this.itemConstruct = null
    this.itemEmpty = marker.empty
    this.paragraph = 'none'
    if (!marker.empty && !marker.indentedCode) this.openItemContent(line, marker.contentIndex)
    return LINE.list
  }

  /** The block an item's content line starts at `at`: a fence, an HTML block or a paragraph. */
  private openItemContent(line: string, at: number): void {
    const fence = fenceOpener(line, at)
    const html = fence === null ? htmlBlockStart(line, at, this.paragraph === 'nested') : null
    if (fence !== null) this.itemConstruct = { kind: 'fence', fence }
    else if (html !== null && !endsHtmlBlock(line, html)) this.itemConstruct = { kind: 'html', block: html }
    this.paragraph = fence === null && html === null ? contentParagraph(line, at) : 'none'
  }

  private scanTopLevel(line: string, indent: Indent): ScannedLine {
    if (indent.columns >= 4) return this.paragraph === 'none' ? LINE.code : LINE.text
    const at = indent.index
    const heading = atxHeading(line, at)
    if (heading !== null) {
      this.paragraph = 'none'
      return { role: 'heading', heading }
    }
    const fence = fenceOpener(line, at)
    if (fence !== null) {
      this.construct = { kind: 'fence', fence }
      this.paragraph = 'none'
      return LINE.code
    }
    const html = htmlBlockStart(line, at, this.paragraph === 'top')
    if (html !== null) {
      if (!endsHtmlBlock(line, html)) this.construct = { kind: 'html', block: html }
      this.paragraph = 'none'
      return LINE.html
    }
    return this.scanParagraphOrContainer(line, indent)
  }

  private scanParagraphOrContainer(line: string, indent: Indent): ScannedLine {
    const at = indent.index
    if (line.charCodeAt(at) === GREATER_THAN) {
      this.paragraph = contentParagraph(line, at)
      return LINE.quote
    }
    const topParagraph = this.paragraph === 'top'
    if (topParagraph && isSetextUnderline(line, at)) {
      this.paragraph = 'none'
      return LINE.text
    }
    if (isThematicBreak(line, at)) {
      this.paragraph = 'none'
      return LINE.break
    }
    const marker = listMarker(line, indent)
    // A list that interrupts a paragraph must not start empty, nor ordered from other than 1.
    if (marker !== null && !(topParagraph && (marker.empty || (marker.start !== null && marker.start !== 1)))) {
      return this.openItem(line, marker)
    }
    // A lazy line continues a quote's paragraph; anything else is (or continues) a top-level one.
    if (this.paragraph === 'none') this.paragraph = 'top'
    return LINE.text
  }
}

/**
 * Whether the content of a container line, from `at` (past a list marker, or at a `>`), leaves a
 * paragraph open. Quote markers are skipped; a nested list marker counts as paragraph text.
 */
function contentParagraph(line: string, at: number): Paragraph {
  let index = at
  for (;;) {
    const indent = indentOf(line, index)
    if (indent.index === line.length) return 'none'
    // Four columns past a quote marker (or the item's content column) is indented code.
    if (indent.columns >= 4) return 'none'
    index = indent.index
    if (line.charCodeAt(index) !== GREATER_THAN) break
    index++
    if (line.charCodeAt(index) === SPACE || line.charCodeAt(index) === TAB) index++
  }
  const startsOther =
    atxHeading(line, index) !== null ||
    fenceOpener(line, index) !== null ||
    htmlBlockStart(line, index, false) !== null ||
    isThematicBreak(line, index)
  return startsOther ? 'none' : 'nested'
}

/** Lines that start a block even after a list item's paragraph (so are no lazy continuation line). */
function startsBlock(line: string, indent: Indent): boolean {
  if (indent.columns > 3) return false
  const at = indent.index
  return (
    line.charCodeAt(at) === GREATER_THAN ||
    atxHeading(line, at) !== null ||
    fenceOpener(line, at) !== null ||
    htmlBlockStart(line, at, false) !== null
  )
}

const TAB = 9
const SPACE = 32
const GREATER_THAN = 62
