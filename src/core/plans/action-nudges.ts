import { utcDate } from '../time/sla-clock'
/**
 * Open preventive actions in the sweep: an overdue one gets one nudge naming its owner, at most
 * once every `preventive-actions.nudge-every`, and the dashboard counts them. The due date is
 * read from the issue's **Due:** line, which people move by editing the description.
 */
import type { Config } from '../../config/types'
import { readActionMarker, type ActionIssue } from '../followup/action-issues'
import { renderOverdueNudge } from '../followup/render-followup'
import { findOwnComments } from '../own-comments'
import type { Action } from '../plan'
import { renderMarker } from '../render/markers'

export interface ActionsOverview {
  open: number
  overdue: number
  /** Overdue actions per escalation number (the ledger's counts). */
  overdueByEscalation: Map<number, number>
  nudges: { number: number; actions: Action[] }[]
}

const DUE_LINE = '- **Due:** '

/** The date on the issue's **Due:** line, as written (`YYYY-MM-DD`), or the one it was filed with. */
export function dueOf(issue: ActionIssue): string | null {
  const line = issue.body.split('\n').find((candidate) => candidate.startsWith(DUE_LINE))
  const written = line?.slice(DUE_LINE.length, DUE_LINE.length + 10) ?? ''
  if (written.length === 10 && !Number.isNaN(Date.parse(`${written}T00:00:00Z`)) && written[4] === '-' && written[7] === '-') return written
  return readActionMarker(issue)?.due ?? null
}

export function planActionNudges(actions: ActionIssue[], config: Config, now: Date): ActionsOverview {
  const today = utcDate(now)
  const overview: ActionsOverview = { open: 0, overdue: 0, overdueByEscalation: new Map(), nudges: [] }
  for (const issue of actions) {
    const marker = readActionMarker(issue)
    if (!marker || issue.state !== 'open') continue
    overview.open += 1
    const due = dueOf(issue)
    if (!due || due >= today) continue
    overview.overdue += 1
    overview.overdueByEscalation.set(marker.escalation, (overview.overdueByEscalation.get(marker.escalation) ?? 0) + 1)
    const last = findOwnComments(issue.comments, 'nudge').at(-1)?.comment.createdAt
    if (last && now.getTime() - last.getTime() < config.preventiveActions.nudgeEveryMinutes * 60_000) continue
    const owner = issue.assignees[0] ?? marker.owner
    const body = `${renderMarker('nudge', { key: `nudge:${today}` })}\n${renderOverdueNudge({ owner, due, title: issue.title }, now)}`
    overview.nudges.push({ number: issue.number, actions: [{ kind: 'create-comment', marker: 'nudge', key: `nudge:${today}`, body }] })
  }
  return overview
}
