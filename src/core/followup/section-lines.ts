/**
 * The top-level task-list lines of one `##` section of a Markdown document, read line by line in
 * one pass (no regular expression ever sees the whole document). Enough of CommonMark to agree
 * with what GitHub shows: fenced code and HTML comments hide what is inside them, a heading
 * only counts outside both, and lines indented under a list item (continuations, nested
 * lists) belong to that item.
 */
export interface TaskLine {
  /** The line as written, without its line ending. */
  raw: string
  done: boolean
  /** What follows the checkbox. */
  content: string
}

export interface SectionScan {
  sectionFound: boolean
  tasks: TaskLine[]
  /** More task lines followed the last one read. */
  truncated: boolean
}

interface Fence {
  char: string
  length: number
  /** The column its content is relative to: 0, or the list item's content column. */
  base: number
}

interface ListItem {
  marker: number
  content: string
}

export function scanSectionTasks(document: string, isSectionTitle: (title: string) => boolean, maxTasks: number): SectionScan {
  const tasks: TaskLine[] = []
  let sectionFound = false
  let inSection = false
  let fence: Fence | null = null
  let inComment = false
  let itemContentColumn: number | null = null
  let previousBlank = true
  let start = 0
  while (start <= document.length) {
    const newline = document.indexOf('\n', start)
    const end = newline < 0 ? document.length : newline
    const line = document.slice(start, end > start && document[end - 1] === '\r' ? end - 1 : end)
    start = end + 1
    const indent = indentOf(line)
    const nestedUnderItem = itemContentColumn !== null && indent.columns >= itemContentColumn
    if (fence) {
      if (closesFence(line, indent, fence)) fence = null
      continue
    }
    if (inComment) {
      if (line.includes('-->')) inComment = false
      continue
    }
    const base = nestedUnderItem && itemContentColumn !== null ? itemContentColumn : 0
    if (indent.columns - base <= 3) {
      const opened = opensFence(line.slice(indent.chars), base)
      const comment = !opened && line.slice(indent.chars).startsWith('<!--')
      if (opened || comment) {
        fence = opened
        inComment = comment && !line.includes('-->', indent.chars + 4)
        // A block at the left margin ends the list; one indented under an item belongs to it.
        if (base === 0) itemContentColumn = null
        continue
      }
    }
    const blank = indent.chars === line.length
    if (!nestedUnderItem && indent.columns <= 3) {
      const level = headingLevel(line.slice(indent.chars))
      if (level > 0 && level <= 2) {
        if (inSection) break
        inSection = level === 2 && isSectionTitle(headingText(line.slice(indent.chars + level)))
        sectionFound ||= inSection
        itemContentColumn = null
        previousBlank = true
        continue
      }
    }
    if (!inSection || nestedUnderItem || blank) {
      previousBlank = blank
      continue
    }
    const item = indent.columns <= 3 ? listItem(line.slice(indent.chars)) : null
    if (item) {
      itemContentColumn = indent.columns + item.marker
      const task = taskOf(item.content)
      if (task) {
        if (tasks.length >= maxTasks) return { sectionFound, tasks, truncated: true }
        tasks.push({ raw: line, ...task })
      }
    } else if (previousBlank) {
      // A paragraph after a blank line ends the list; one without is a lazy continuation.
      itemContentColumn = null
    }
    previousBlank = false
  }
  return { sectionFound, tasks, truncated: false }
}

/** Leading whitespace in characters and in columns (tabs to the next multiple of 4). */
function indentOf(line: string): { chars: number; columns: number } {
  let columns = 0
  let chars = 0
  for (; chars < line.length; chars++) {
    if (line[chars] === ' ') columns++
    else if (line[chars] === '\t') columns += 4 - (columns % 4)
    else break
  }
  return { chars, columns }
}

function opensFence(text: string, base: number): Fence | null {
  const char = text[0]
  if (char !== '`' && char !== '~') return null
  const length = runLength(text, char)
  if (length < 3) return null
  // A backtick fence's info string cannot hold a backtick (that would be inline code).
  if (char === '`' && text.indexOf('`', length) >= 0) return null
  return { char, length, base }
}

function closesFence(line: string, indent: { chars: number; columns: number }, fence: Fence): boolean {
  if (indent.columns - fence.base > 3) return false
  const text = line.slice(indent.chars)
  const length = runLength(text, fence.char)
  return length >= fence.length && text.slice(length).trim() === ''
}

function runLength(text: string, char: string): number {
  let length = 0
  while (text[length] === char) length++
  return length
}

/** 1–6 for an ATX heading (`## Title`), 0 otherwise. */
function headingLevel(text: string): number {
  const level = runLength(text, '#')
  if (level < 1 || level > 6) return 0
  const next = text[level]
  return next === undefined || next === ' ' || next === '\t' ? level : 0
}

/** The heading's text without the optional closing `#`s. */
function headingText(rest: string): string {
  let text = rest.trim()
  let hashes = text.length
  while (hashes > 0 && text[hashes - 1] === '#') hashes--
  if (hashes < text.length && (hashes === 0 || text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) text = text.slice(0, hashes)
  return text.trim()
}

/** `- x`, `* x`, `+ x`, `1. x`, `1) x`: the marker's width (spaces after it included) and the content. */
function listItem(text: string): ListItem | null {
  let width = 0
  if (text[0] === '-' || text[0] === '*' || text[0] === '+') width = 1
  else {
    while (width < 9 && isDigit(text[width])) width++
    if (width === 0 || (text[width] !== '.' && text[width] !== ')')) return null
    width++
  }
  const spaces = runLength(text.slice(width), ' ')
  if (spaces === 0 && width < text.length) return null
  // Five or more spaces: the content is indented code, which starts one space after the marker.
  const gap = spaces >= 5 ? 1 : Math.max(spaces, 1)
  return { marker: width + gap, content: text.slice(width + spaces) }
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9'
}

/** `[ ] …`, `[x] …`, `[X] …` with something after the box. */
function taskOf(content: string): { done: boolean; content: string } | null {
  if (content[0] !== '[' || content[2] !== ']') return null
  const box = content[1]
  if (box !== ' ' && box !== 'x' && box !== 'X') return null
  const after = content[3]
  if (after !== ' ' && after !== '\t') return null
  const rest = content.slice(4).trim()
  return rest ? { done: box !== ' ', content: rest } : null
}
