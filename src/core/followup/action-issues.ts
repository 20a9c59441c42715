/**
 * Preventive actions as sub-issues of the escalation: the post-mortem's checklist, once merged,
 * planned against the issues that already hold it (found by the action's own marker), so a
 * re-run makes nothing twice and an item edited in a follow-up post-mortem updates its issue.
 */
import { readMarker, renderMarker } from '../render/markers'
import type { CommentSnapshot } from '../snapshot'
import type { ActionItem } from './action-items'
import { renderActionIssue, type ActionIssueContext } from './render-followup'

export interface ActionMarker {
  escalation: number
  pull: number
  /** The item's place in the list when it was made. */
  key: number
  text: string
  due: string | null
  owner: string | null
}

export interface ActionIssue {
  number: number
  databaseId: number
  title: string
  body: string
  state: 'open' | 'closed'
  byAction: boolean
  assignees: string[]
  comments: CommentSnapshot[]
  /** The issue it is a sub-issue of, when the read says. */
  parent: number | null
}

/** GitHub allows 100 sub-issues a parent, closed ones included. */
export const MAX_SUB_ISSUES = 100

export function readActionMarker(issue: Pick<ActionIssue, 'body' | 'byAction'>): ActionMarker | null {
  if (!issue.byAction) return null
  const marker = readMarker(issue.body)
  if (marker?.kind !== 'preventive-action') return null
  const data = marker.data as Partial<ActionMarker> | undefined
  if (typeof data?.escalation !== 'number' || typeof data.key !== 'number' || typeof data.text !== 'string') return null
  return {
    escalation: data.escalation,
    pull: data.pull ?? 0,
    key: data.key,
    text: data.text,
    due: data.due ?? null,
    owner: data.owner ?? null,
  }
}

export type ActionChange =
  | { kind: 'create'; item: ActionItem; title: string; body: string; assignees: string[] }
  | { kind: 'update'; issue: ActionIssue; item: ActionItem; title: string; body: string; assignees: string[] | null }
  | { kind: 'link'; issue: ActionIssue }
  /** Already as the item says: nothing to write, listed on the card all the same. */
  | { kind: 'keep'; issue: ActionIssue; item: ActionItem }

export interface ActionPlan {
  changes: ActionChange[]
  /** Items left out: done before the merge, or past GitHub's 100 sub-issues. */
  skipped: { item: ActionItem; why: string }[]
}

function issueFor(item: ActionItem, context: ActionIssueContext): { title: string; body: string } {
  const { title, body } = renderActionIssue(item, context)
  const marker: ActionMarker = {
    escalation: context.escalation,
    pull: context.postMortemPull,
    key: item.index,
    text: item.text,
    due: item.due,
    owner: item.owner,
  }
  return { title, body: `${renderMarker('preventive-action', marker)}\n${body}` }
}

/**
 * The changes that bring the escalation's sub-issues to the merged checklist: an item matches
 * the issue holding its text, else the one made for its place in the list; the rest are new.
 * Issues of this escalation that are not linked yet (a run stopped in between) are linked.
 */
export function planActionIssues(
  items: ActionItem[],
  existing: ActionIssue[],
  context: ActionIssueContext & { linked: ReadonlySet<number> },
): ActionPlan {
  const mine = existing.filter((issue) => readActionMarker(issue)?.escalation === context.escalation)
  const unmatched = new Set(mine)
  const changes: ActionChange[] = []
  const skipped: ActionPlan['skipped'] = []
  const open = items.filter((item) => !item.done && !item.problems.includes('placeholder'))
  for (const item of items.filter((candidate) => candidate.done))
    skipped.push({ item, why: 'already done when the post-mortem was merged' })
  // The template's example items (`@owner due YYYY-MM-DD`) are no plan anyone made.
  for (const item of items.filter((candidate) => !candidate.done && candidate.problems.includes('placeholder')))
    skipped.push({ item, why: 'still the template’s placeholder' })
  const pick = (test: (marker: ActionMarker) => boolean) => {
    const found = [...unmatched].find((issue) => test(readActionMarker(issue)!))
    if (found) unmatched.delete(found)
    return found
  }
  const matches = open.map((item) => ({ item, issue: pick((marker) => marker.text === item.text) }))
  for (const match of matches) match.issue ??= pick((marker) => marker.key === match.item.index)
  let count = mine.length
  for (const { item, issue } of matches) {
    const wanted = issueFor(item, context)
    const assignees = item.owner ? [item.owner] : []
    if (!issue) {
      if (count >= MAX_SUB_ISSUES) {
        skipped.push({ item, why: `GitHub allows ${MAX_SUB_ISSUES} sub-issues an issue` })
        continue
      }
      count += 1
      changes.push({ kind: 'create', item, ...wanted, assignees })
      continue
    }
    const marker = readActionMarker(issue)!
    // The item as it was filed: people may since have moved its date or owner on the issue itself; leave those be.
    const unchanged = marker.text === item.text && marker.due === item.due && marker.owner === item.owner
    const ownerChanged = item.owner !== null && !issue.assignees.some((login) => login.toLowerCase() === item.owner?.toLowerCase())
    if (!unchanged && (issue.title !== wanted.title || issue.body !== wanted.body || ownerChanged)) {
      changes.push({ kind: 'update', issue, item, ...wanted, assignees: ownerChanged ? assignees : null })
    } else changes.push({ kind: 'keep', issue, item })
  }
  for (const issue of mine) if (!context.linked.has(issue.number)) changes.push({ kind: 'link', issue })
  return { changes, skipped }
}
