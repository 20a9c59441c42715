/**
 * What the action writes about preventive actions: the check comment on the post-mortem pull
 * request, the sub-issue each item becomes, and the nudge when one is overdue. Only the nudge
 * mentions anyone (its owner, on purpose); elsewhere logins are code and user text is inert.
 */
import { fitBody } from '../render/limits'
import { inlineCode, neutralizeMentions, safeCell, safeInline } from '../render/sanitize'
import { MAX_ACTION_ITEMS, type ActionItem } from './action-items'
import { utcDate } from '../time/sla-clock'
import { describeProblems } from './problem-text'
import type { ActionRecord } from '../lifecycle/card-data'

const FORMAT = inlineCode('- [ ] <what> @owner due YYYY-MM-DD')
const DATE_FORMS = ['2026-12-15', '2026/12/15', '15 Dec 2026', 'Dec 15, 2026', '15.12.2026'].map(inlineCode).join(', ')
const HOW_TO_WRITE = `Write each item on one line as ${FORMAT}. Dates may be written ${DATE_FORMS} (day.month.year).`
const SECTION = inlineCode('## Preventive action items')
/** Rows stop well before GitHub's body limit; the rest are counted. */
const TABLE_BUDGET = 50_000
export const MAX_TITLE = 256

export function renderActionsCheck(items: ActionItem[], sectionFound: boolean, truncated = false): string {
  const heading = '### Preventive action items'
  if (!sectionFound) {
    return [
      heading,
      '',
      `This post-mortem has no ${SECTION} section, so no follow-up issue will be opened when it is merged.`,
      `Add the section back with one line per action, as ${FORMAT}.`,
    ].join('\n')
  }
  if (items.length === 0) {
    return [
      heading,
      '',
      `The ${SECTION} section lists no actions yet. Add one line per action, as ${FORMAT}: when this pull request is merged, each becomes a sub-issue of the escalation, assigned to its owner.`,
    ].join('\n')
  }
  const notReady = items.filter((item) => !item.done && item.problems.length > 0)
  const cap = truncated ? ['', capNote()] : []
  if (notReady.length === 0) return fitBody([heading, '', readyLine(items), '', ...itemTable(items, false), ...cap].join('\n'))
  return fitBody(
    [
      heading,
      '',
      `**${notReady.length} of ${items.length} ${plural(items.length, 'item')} ${notReady.length === 1 ? 'is' : 'are'} not ready:** each needs an owner and a due date to become a sub-issue of the escalation when this pull request is merged.`,
      '',
      ...itemTable(notReady, true),
      '',
      HOW_TO_WRITE,
      ...cap,
      '',
      '_This comment is updated when the document changes._',
    ].join('\n'),
  )
}

/** The check comment once the post-mortem is merged: the sub-issues filed, and what was not. */
export function renderActionsFiled(filed: readonly ActionRecord[], escalation: number, notFiled: number): string {
  const lines = ['### Preventive action items', '']
  if (filed.length === 0) lines.push(`Merged: no item became a sub-issue of #${escalation}.`)
  else {
    lines.push(`Merged: ${filed.length === 1 ? 'the item is' : `the ${filed.length} items are`} now sub-issues of #${escalation}.`, '')
    lines.push('| Issue | Action | Owner | Due |', '| --- | --- | --- | --- |')
    for (const record of [...filed].sort((a, b) => a.number - b.number).slice(0, MAX_ACTION_ITEMS)) {
      lines.push(
        `| #${record.number} | ${safeCell(record.title, 120)} | ${record.owner ? inlineCode(record.owner) : '—'} | ${record.due ?? '—'} |`,
      )
    }
  }
  if (notFiled > 0)
    lines.push(
      '',
      `${notFiled} ${plural(notFiled, 'item')} without an owner or a due date ${notFiled === 1 ? 'was' : 'were'} not filed: open ${notFiled === 1 ? 'it' : 'them'} by hand, or add ${notFiled === 1 ? 'it' : 'them'} in a follow-up post-mortem.`,
    )
  return fitBody(lines.join('\n'))
}

function readyLine(items: ActionItem[]): string {
  const done = items.filter((item) => item.done).length
  const checked = done > 0 ? ` (${done} already checked off)` : ''
  if (items.length === 1) {
    return `✅ The one item is ready to become a sub-issue of the escalation when this pull request is merged${checked}, assigned to its owner with its due date.`
  }
  return `✅ All ${items.length} items are ready to become sub-issues of the escalation when this pull request is merged${checked}, each assigned to its owner with its due date.`
}

function capNote(): string {
  return `Only the first ${MAX_ACTION_ITEMS} items are read (GitHub allows ${MAX_ACTION_ITEMS} sub-issues under one issue): fold the rest into fewer items.`
}

function itemTable(items: ActionItem[], withFixes: boolean): string[] {
  const rows = [
    withFixes ? '| # | Action | Owner | Due | To fix |' : '| # | Action | Owner | Due |',
    withFixes ? '| ---: | --- | --- | --- | --- |' : '| ---: | --- | --- | --- |',
  ]
  let length = 0
  for (const [shown, item] of items.entries()) {
    const cells = [
      String(item.index),
      item.text ? safeCell(item.text, 120) : '_(no description)_',
      item.owner ? inlineCode(item.owner) : '—',
      item.due ?? '—',
    ]
    const row = `| ${[...cells, ...(withFixes ? [describeProblems(item)] : [])].join(' | ')} |`
    length += row.length + 1
    if (length > TABLE_BUDGET) return [...rows, '', `_… and ${items.length - shown} more not shown._`]
    rows.push(row)
  }
  return rows
}

export interface ActionIssueContext {
  escalation: number
  escalationTitle: string
  postMortemPull: number
  postMortemPath: string
}

export function renderActionIssue(item: ActionItem, context: ActionIssueContext): { title: string; body: string } {
  const title = item.text
    ? inertTitle(item.text)
    : `Preventive action ${item.index} from the post-mortem of escalation ${context.escalation}`
  const body = [
    `A preventive action agreed in the post-mortem of #${context.escalation} (${safeInline(context.escalationTitle, 200)}): part of what stops it from happening again.`,
    '',
    `- **What:** ${item.text ? safeInline(item.text, 300) : '_not described_'}`,
    `- **Owner:** ${item.owner ? inlineCode(item.owner) : '_not named in the post-mortem_'}`,
    `- **Due:** ${item.due ?? '_no date given_'}`,
    `- **Escalation:** #${context.escalation}`,
    `- **Post-mortem:** #${context.postMortemPull}, ${inlineCode(safeInline(context.postMortemPath, 300))}`,
    '',
    item.done
      ? 'It was already checked off in the post-mortem.'
      : 'Close this issue when the action is done. If the date has to move, change the **Due:** line above and say why in a comment.',
  ].join('\n')
  return { title, body: fitBody(body) }
}

/** One line, no control characters, mentions and references inert, cut between graphemes. */
function inertTitle(text: string): string {
  let line = ''
  for (const char of text) line += char < ' ' || char === '\u007F' ? ' ' : char
  return cutGraphemes(neutralizeMentions(line.replace(/\s+/g, ' ').trim()), MAX_TITLE)
}

/** At most `max` UTF-16 code units, never splitting a grapheme (an emoji sequence, a letter and its accents). */
export function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = ''
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (cut.length + segment.length > max - 1) break
    cut += segment
  }
  return `${cut.trimEnd()}…`
}

export function renderOverdueNudge(item: { owner: string | null; due: string; title: string }, today: Date): string {
  const what = safeInline(item.title, 200)
  const when = dueWords(item.due, today)
  const how =
    'Close this issue when it is done; if it needs more time, change the **Due:** line in the description to the new date and say why in a comment.'
  if (item.owner && isLogin(item.owner)) return `@${item.owner}, this preventive action ${when}: **${what}**. ${how}`
  return `This preventive action has no owner and ${when}: **${what}**. Assign whoever will do it. ${how}`
}

/** "was due 2026-12-15 (3 days ago)", "is due today (2026-12-15)", "is due 2026-12-20 (in 2 days)". */
function dueWords(due: string, today: Date): string {
  const dueDay = Date.parse(`${due}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(dueDay)) return `was due ${safeInline(due, 40)}`
  const days = Math.round((Date.parse(`${utcDate(today)}T00:00:00Z`) - dueDay) / 86_400_000)
  if (days > 0) return `was due ${due} (${days} ${plural(days, 'day')} ago)`
  if (days === 0) return `is due today (${due})`
  return `is due ${due} (in ${-days} ${plural(-days, 'day')})`
}

/** A mention only for what GitHub would read as one login: 1–39 letters, digits and inner hyphens. */
function isLogin(login: string): boolean {
  if (login.length < 1 || login.length > 39 || login.startsWith('-') || login.endsWith('-')) return false
  for (const char of login) if (!/[A-Za-z0-9-]/.test(char)) return false
  return true
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
