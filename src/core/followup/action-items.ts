import { truncate } from '../render/sanitize'
import { utcDate } from '../time/sla-clock'
import { readDueDate, type DueDate } from './due-date'
import { scanSectionTasks } from './section-lines'

/**
 * The preventive action items of a post-mortem: the checklist under `## Preventive action items`,
 * one `- [ ] <what> @owner due YYYY-MM-DD` a line. Merged, each becomes a sub-issue of the
 * escalation, so what cannot be one (no owner, no date) is reported while the pull request is open.
 */
export type ActionItemProblem = 'no-owner' | 'no-due' | 'bad-due' | 'placeholder'

export interface ActionItem {
  /** 1-based, in list order. */
  index: number
  /** The item without its checkbox, owner and due date; at most MAX_ITEM_TEXT characters. */
  text: string
  /** A GitHub login, without `@`. */
  owner: string | null
  /** YYYY-MM-DD. Set for a date already past at `today` too (that is a `bad-due`). */
  due: string | null
  done: boolean
  problems: ActionItemProblem[]
  /** The line as written (at most MAX_RAW characters). */
  raw: string
}

export interface ActionItemsScan {
  items: ActionItem[]
  sectionFound: boolean
  /** Items past MAX_ACTION_ITEMS were not read. */
  truncated: boolean
}

/** GitHub takes at most 100 sub-issues under one parent. */
export const MAX_ACTION_ITEMS = 100
export const MAX_ITEM_TEXT = 256
const MAX_RAW = 1000
const MAX_LOGIN = 39
/** Enough for the longest date form ("September 30th, 2026"). */
const DATE_SLICE = 40

/**
 * `today`: a due date before it (UTC calendar dates) is `bad-due` on an open item: it would be
 * overdue the moment it became an issue, most often a mistyped year.
 */
export function parseActionItems(document: string, options: { today?: Date } = {}): ActionItemsScan {
  const scan = scanSectionTasks(document, isActionSectionTitle, MAX_ACTION_ITEMS)
  const today = options.today ? utcDate(options.today) : null
  const items = scan.tasks.map((task, position) => {
    const owner = findOwner(task.content)
    const due = findDue(task.content)
    return {
      index: position + 1,
      text: truncate(tidy(withoutSpans(task.content, [...owner.spans, ...(due ? [due.span] : [])])), MAX_ITEM_TEXT),
      owner: owner.login,
      due: due?.date.kind === 'date' ? due.date.iso : null,
      done: task.done,
      problems: problemsOf(owner, due?.date ?? null, task.done, today),
      raw: truncate(task.raw, MAX_RAW),
    }
  })
  return { items, sectionFound: scan.sectionFound, truncated: scan.truncated }
}

/** "Preventive action items", any case, "preventative" and a suffix ("… (owners, dates)") allowed. */
function isActionSectionTitle(title: string): boolean {
  const text = title.toLowerCase()
  return text.startsWith('preventive action item') || text.startsWith('preventative action item')
}

type Span = [start: number, end: number]

interface OwnerScan {
  login: string | null
  placeholder: boolean
  /** The owner's and the placeholders' mentions, cut from the text. */
  spans: Span[]
}

/** The first `@login` (not `@org/team`, not an e-mail address); the template's `@owner` is a placeholder. */
function findOwner(text: string): OwnerScan {
  const scan: OwnerScan = { login: null, placeholder: false, spans: [] }
  for (let at = text.indexOf('@'); at >= 0 && scan.login === null; at = text.indexOf('@', at + 1)) {
    if (at > 0 && isWordChar(text[at - 1])) continue
    const login = loginAt(text, at + 1)
    if (!login) continue
    scan.spans.push([labelStart(text, at), at + 1 + login.length])
    if (login.toLowerCase() === 'owner') scan.placeholder = true
    else scan.login = login
  }
  return scan
}

/** Where an "owner:" label before the mention starts ("Add alerting (owner: @alice)"), else the mention itself. */
function labelStart(text: string, at: number): number {
  let start = at
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--
  if (text[start - 1] === ':') start--
  const label = text.slice(Math.max(0, start - 5), start).toLowerCase()
  return label === 'owner' && !isWordChar(text[start - 6]) ? start - 5 : at
}

function loginAt(text: string, start: number): string | null {
  let end = start
  while (end < text.length && end - start <= MAX_LOGIN && (isAlphanumeric(text[end]) || text[end] === '-')) end++
  let login = text.slice(start, end)
  if (login.length > MAX_LOGIN || isWordChar(text[end]) || text[end] === '/') return null
  // "@alice-" is alice followed by a dash: logins neither start nor end with one.
  while (login.endsWith('-')) login = login.slice(0, -1)
  return login && !login.startsWith('-') ? login : null
}

/** The first `due <date>` / `by <date>`; "due to the outage" and "by 20%" are not dates and are skipped. */
function findDue(text: string): { date: DueDate; span: Span } | null {
  const lower = text.toLowerCase()
  for (let at = 0; at < lower.length; at++) {
    const keyword = lower.startsWith('due', at) ? 3 : lower.startsWith('by', at) ? 2 : 0
    if (keyword === 0 || (at > 0 && isWordChar(lower[at - 1]))) continue
    let start = at + keyword
    if (lower[start] === ':') start++
    const gap = start
    while (lower[start] === ' ' || lower[start] === '\t') start++
    if (start === gap && lower[at + keyword] !== ':') continue
    const date = readDueDate(text.slice(start, start + DATE_SLICE))
    if (date) return { date, span: [at, start + date.length] }
  }
  return null
}

function problemsOf(owner: OwnerScan, due: DueDate | null, done: boolean, today: string | null): ActionItemProblem[] {
  const problems: ActionItemProblem[] = []
  if (!owner.login) problems.push('no-owner')
  if (!due || due.kind === 'placeholder') problems.push('no-due')
  else if (due.kind === 'invalid' || (today !== null && !done && due.iso < today)) problems.push('bad-due')
  if (owner.placeholder || due?.kind === 'placeholder') problems.push('placeholder')
  return problems
}

function withoutSpans(text: string, spans: Span[]): string {
  let result = ''
  let from = 0
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    result += `${text.slice(from, start)} `
    from = end
  }
  return result + text.slice(from)
}

const SEPARATORS = ' ,;:-–—·|/'

/** What is left once the owner and date are cut: no doubled spaces, dangling commas or empty brackets. */
function tidy(text: string): string {
  const tidied = text
    .replace(/\s+/g, ' ')
    .replace(/ (?=[,;:.)\]])/g, '')
    .replace(/[,;:](?=[,;:)\]])/g, '')
    .replace(/\( ?\)|\[ ?\]/g, '')
    .replace(/ {2}/g, ' ')
  let start = 0
  let end = tidied.length
  while (start < end && SEPARATORS.includes(tidied[start] ?? '')) start++
  while (end > start && SEPARATORS.includes(tidied[end - 1] ?? '')) end--
  return tidied.slice(start, end)
}

function isAlphanumeric(char: string | undefined): boolean {
  return char !== undefined && ((char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z') || (char >= '0' && char <= '9'))
}

function isWordChar(char: string | undefined): boolean {
  return isAlphanumeric(char) || char === '_'
}
