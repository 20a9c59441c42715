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
 * Follows CommonMark's top-level block structure one line at a time, in time linear in the line,
 * keeping only what decides whether a line is a top-level heading: an open fence or HTML block,
 * the content column of an open list item, whether a paragraph is open. Container contents are
 * not parsed: a `###` line inside a quote or indented into an item is never a top-level heading.
 */
export class BlockScanner {
  private construct: Construct | null = null
  private listColumn: number | null = null
  private paragraphOpen = false
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
    this.paragraphOpen = false
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
      if (indentOf(line).index < line.length) return LINE.html
      this.construct = null
      return LINE.blank
    }
    if (endsHtmlBlock(line, construct.block)) this.construct = null
    return LINE.html
  }

  private scanOpen(line: string): ScannedLine {
    const indent = indentOf(line)
    if (indent.index === line.length) {
      this.paragraphOpen = false
      return LINE.blank
    }
    if (this.listColumn !== null) {
      const inList = this.continueList(line, indent)
      if (inList !== null) return inList
    }
    return this.scanTopLevel(line, indent)
  }

  /** A line while a list item is open: inside the item, a new item, or null when the list ends. */
  private continueList(line: string, indent: Indent): ScannedLine | null {
    if (indent.columns >= (this.listColumn ?? 0)) {
      this.paragraphOpen = true
      return LINE.list
    }
    if (indent.columns <= 3 && isThematicBreak(line, indent.index)) {
      this.listColumn = null
      return null
    }
    const marker = indent.columns <= 3 ? listMarker(line, indent) : null
    if (marker !== null) {
      this.listColumn = marker.contentColumn
      this.paragraphOpen = !marker.empty
      return LINE.list
    }
    // Without a blank line before it, text that starts no block continues the item's paragraph.
    if (!this.previousBlank && this.paragraphOpen && !startsBlock(line, indent)) return LINE.list
    this.listColumn = null
    return null
  }

  private scanTopLevel(line: string, indent: Indent): ScannedLine {
    if (indent.columns >= 4) return this.paragraphOpen ? LINE.text : LINE.code
    const at = indent.index
    const heading = atxHeading(line, at)
    if (heading !== null) {
      this.paragraphOpen = false
      return { role: 'heading', heading }
    }
    const fence = fenceOpener(line, at)
    if (fence !== null) {
      this.construct = { kind: 'fence', fence }
      this.paragraphOpen = false
      return LINE.code
    }
    const html = htmlBlockStart(line, at, this.paragraphOpen)
    if (html !== null) {
      if (!endsHtmlBlock(line, html)) this.construct = { kind: 'html', block: html }
      this.paragraphOpen = false
      return LINE.html
    }
    return this.scanParagraphOrContainer(line, indent)
  }

  private scanParagraphOrContainer(line: string, indent: Indent): ScannedLine {
    const at = indent.index
    if (line.charCodeAt(at) === GREATER_THAN) {
      this.paragraphOpen = true
      return LINE.quote
    }
    if (this.paragraphOpen && isSetextUnderline(line, at)) {
      this.paragraphOpen = false
      return LINE.text
    }
    if (isThematicBreak(line, at)) {
      this.paragraphOpen = false
      return LINE.break
    }
    const marker = listMarker(line, indent)
    // A list that interrupts a paragraph must not start empty, nor ordered from other than 1.
    if (marker !== null && !(this.paragraphOpen && (marker.empty || (marker.start !== null && marker.start !== 1)))) {
      this.listColumn = marker.contentColumn
      this.paragraphOpen = !marker.empty
      return LINE.list
    }
    this.paragraphOpen = true
    return LINE.text
  }
}

/** Lines that interrupt a paragraph (so cannot be a lazy continuation line). */
function startsBlock(line: string, indent: Indent): boolean {
  if (indent.columns > 3) return false
  const at = indent.index
  return (
    line.charCodeAt(at) === GREATER_THAN ||
    atxHeading(line, at) !== null ||
    fenceOpener(line, at) !== null ||
    htmlBlockStart(line, at, true) !== null
  )
}

const GREATER_THAN = 62
