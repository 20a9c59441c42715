/** Sub-issues with GitHub's rules, shared by REST and GraphQL: linked by database id (an issue
 * number passed by mistake names no issue, or another one), one parent per issue, at most 100
 * sub-issues a parent (closed ones count) and 8 levels of nesting, same owner only. */
import type { Hub } from './hub'
import type { IssueRecord, RepoState } from './state'

export const MAX_SUB_ISSUES = 100
/** Levels of sub-issues below a top-level issue (GitHub: "up to eight levels"). */
export const MAX_DEPTH = 8

export interface Located {
  repo: RepoState
  issue: IssueRecord
}

/** Why GitHub refuses a link: 404 for ids that name nothing, 422 for broken rules. `mistake`
 * marks refusals a correct caller never provokes (recorded as validation errors). */
export class SubIssueRefusal extends Error {
  constructor(
    readonly status: 404 | 422,
    message: string,
    readonly mistake: boolean,
  ) {
    super(message)
  }
}

export function findIssueById(hub: Hub, id: number): Located | undefined {
  for (const repo of hub.repos) for (const issue of repo.issues.values()) if (issue.id === id) return { repo, issue }
  return undefined
}

const ancestors = (hub: Hub, issue: IssueRecord): IssueRecord[] => {
  const chain: IssueRecord[] = []
  for (let at = issue.parentId; at !== null;) {
    const parent = findIssueById(hub, at)?.issue
    if (!parent) break
    chain.push(parent)
    at = parent.parentId
  }
  return chain
}

/** Levels below `issue` (0 for an issue without sub-issues). */
function height(hub: Hub, issue: IssueRecord): number {
  const children = issue.subIssueIds.map((id) => findIssueById(hub, id)?.issue).filter((c) => c !== undefined)
  return children.length ? 1 + Math.max(...children.map((c) => height(hub, c))) : 0
}

export function addSubIssue(hub: Hub, parent: Located, subId: number, replaceParent = false): Located {
  const sub = findIssueById(hub, subId)
  if (!sub) throw new SubIssueRefusal(404, 'Not Found', true)
  if (sub.repo.owner.toLowerCase() !== parent.repo.owner.toLowerCase())
    throw new SubIssueRefusal(422, 'The sub-issue must belong to the same repository owner as the parent issue', true)
  if (sub.issue.isPull || parent.issue.isPull) throw new SubIssueRefusal(422, 'Pull requests cannot be sub-issues or have sub-issues', true)
  if (sub.issue === parent.issue || ancestors(hub, parent.issue).includes(sub.issue))
    throw new SubIssueRefusal(422, 'An issue cannot be a sub-issue of itself or of its own sub-issues', true)
  if (sub.issue.parentId === parent.issue.id) throw new SubIssueRefusal(422, 'Issue is already a sub-issue of this parent', false)
  if (sub.issue.parentId !== null && !replaceParent) throw new SubIssueRefusal(422, 'Sub issue may only have one parent', false)
  if (parent.issue.subIssueIds.length >= MAX_SUB_ISSUES)
    throw new SubIssueRefusal(422, `Parent issue cannot have more than ${MAX_SUB_ISSUES} sub-issues`, false)
  if (ancestors(hub, parent.issue).length + 1 + height(hub, sub.issue) > MAX_DEPTH)
    throw new SubIssueRefusal(422, `Sub-issues cannot be nested more than ${MAX_DEPTH} levels deep`, false)
  if (sub.issue.parentId !== null) unlink(hub, sub.issue)
  parent.issue.subIssueIds.push(sub.issue.id)
  sub.issue.parentId = parent.issue.id
  const now = parent.repo.clock.stamp()
  parent.issue.updatedAt = now
  sub.issue.updatedAt = now
  return sub
}

export function removeSubIssue(hub: Hub, parent: Located, subId: number): Located {
  const sub = findIssueById(hub, subId)
  if (!sub || sub.issue.parentId !== parent.issue.id) throw new SubIssueRefusal(404, 'Not Found', true)
  unlink(hub, sub.issue)
  return sub
}

function unlink(hub: Hub, sub: IssueRecord) {
  const parent = sub.parentId === null ? undefined : findIssueById(hub, sub.parentId)?.issue
  if (parent) parent.subIssueIds = parent.subIssueIds.filter((id) => id !== sub.id)
  sub.parentId = null
}

export function subIssuesOf(hub: Hub, issue: IssueRecord): Located[] {
  return issue.subIssueIds.map((id) => findIssueById(hub, id)).filter((x) => x !== undefined)
}

export function parentOf(hub: Hub, issue: IssueRecord): Located | undefined {
  return issue.parentId === null ? undefined : findIssueById(hub, issue.parentId)
}

/** Closed sub-issues count as completed, whatever their close reason (GitHub's progress bar). */
export function summaryOf(hub: Hub, issue: IssueRecord) {
  const subs = subIssuesOf(hub, issue)
  const completed = subs.filter((s) => s.issue.state === 'closed').length
  return { total: subs.length, completed, percentCompleted: subs.length ? Math.round((completed * 100) / subs.length) : 0 }
}
