/** State changes with GitHub's semantics, shared by REST handlers (actor: the token's bot) and
 * person actions (actor: a human). Each records the issue events GitHub would record. */
import type { IssueEventRecord, IssueRecord, LabelRecord, RepoState, Role, StateReason } from './state'

const WRITE_ROLES: Role[] = ['write', 'maintain', 'admin']
/** GitHub's default color for labels created implicitly (e.g. by POST .../labels). */
const DEFAULT_LABEL_COLOR = 'ededed'

export class NotFound extends Error {}

export function getIssue(s: RepoState, number: number): IssueRecord {
  const issue = s.issues.get(number)
  if (!issue) throw new NotFound(`issue #${number} does not exist`)
  return issue
}

export function findLabel(s: RepoState, name: string): LabelRecord | undefined {
  return s.labels.get(name.toLowerCase())
}

export function ensureLabel(s: RepoState, name: string, color = DEFAULT_LABEL_COLOR): LabelRecord {
  const existing = findLabel(s, name)
  if (existing) return existing
  const label = { id: s.nextId('label'), name, color, description: null, isDefault: false }
  s.labels.set(name.toLowerCase(), label)
  return label
}

/** Only collaborators with write access or more can be assigned (brief's simplification). */
export function canBeAssigned(s: RepoState, login: string): boolean {
  const role = s.collaborators.get(login)
  return role !== undefined && WRITE_ROLES.includes(role)
}

function record(s: RepoState, issue: IssueRecord, e: Omit<IssueEventRecord, 'id' | 'seq' | 'issueNumber' | 'createdAt'>) {
  const now = s.clock.stamp()
  s.events.push({ ...e, id: s.nextId('event'), seq: s.nextSeq(), issueNumber: issue.number, createdAt: now })
  issue.updatedAt = now
}

export function createIssue(
  s: RepoState,
  input: { by: string; title: string; body?: string | null; labels?: string[]; assignees?: string[]; isPull?: boolean },
): IssueRecord {
  const now = s.clock.stamp()
  const issue: IssueRecord = {
    number: s.nextNumber++,
    id: s.nextId(input.isPull ? 'pull' : 'issue'),
    title: input.title,
    body: input.body ?? null,
    author: input.by,
    state: 'open',
    stateReason: null,
    labels: [],
    assignees: [],
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    closedBy: null,
    isPull: input.isPull ?? false,
    subIssueIds: [],
    parentId: null,
  }
  s.issues.set(issue.number, issue)
  // Labels that do not exist in the repository are silently not applied (issue forms, UI).
  addLabels(
    s,
    issue,
    (input.labels ?? []).filter((n) => findLabel(s, n)),
    input.by,
  )
  addAssignees(s, issue, input.assignees ?? [], input.by)
  return issue
}

/** Returns the labels newly applied (already-present ones are no-ops, like GitHub). */
export function addLabels(s: RepoState, issue: IssueRecord, names: string[], by: string): LabelRecord[] {
  const added: LabelRecord[] = []
  for (const name of names) {
    const label = ensureLabel(s, name)
    if (issue.labels.some((l) => l.toLowerCase() === label.name.toLowerCase())) continue
    issue.labels.push(label.name)
    added.push(label)
    record(s, issue, { event: 'labeled', actor: by, label: { name: label.name, color: label.color } })
  }
  return added
}

export function removeLabel(s: RepoState, issue: IssueRecord, name: string, by: string): boolean {
  const index = issue.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase())
  if (index < 0) return false
  const [removed] = issue.labels.splice(index, 1)
  const label = findLabel(s, removed!)
  record(s, issue, { event: 'unlabeled', actor: by, label: { name: removed!, color: label?.color ?? DEFAULT_LABEL_COLOR } })
  return true
}

export function setLabels(s: RepoState, issue: IssueRecord, names: string[], by: string): void {
  const wanted = new Set(names.map((n) => n.toLowerCase()))
  for (const current of [...issue.labels]) if (!wanted.has(current.toLowerCase())) removeLabel(s, issue, current, by)
  addLabels(s, issue, names, by)
}

/** Users who cannot be assigned are silently ignored, like GitHub. Returns the added logins. */
export function addAssignees(s: RepoState, issue: IssueRecord, logins: string[], by: string): string[] {
  const added: string[] = []
  for (const login of logins) {
    if (issue.assignees.includes(login) || !canBeAssigned(s, login) || issue.assignees.length >= 10) continue
    issue.assignees.push(login)
    added.push(login)
    record(s, issue, { event: 'assigned', actor: by, assignee: login })
  }
  return added
}

export function removeAssignees(s: RepoState, issue: IssueRecord, logins: string[], by: string): string[] {
  const removed = logins.filter((l) => issue.assignees.includes(l))
  issue.assignees = issue.assignees.filter((a) => !removed.includes(a))
  for (const login of removed) record(s, issue, { event: 'unassigned', actor: by, assignee: login })
  return removed
}

export function setAssignees(s: RepoState, issue: IssueRecord, logins: string[], by: string): void {
  removeAssignees(
    s,
    issue,
    issue.assignees.filter((a) => !logins.includes(a)),
    by,
  )
  addAssignees(s, issue, logins, by)
}

export function rename(s: RepoState, issue: IssueRecord, title: string, by: string): string | undefined {
  if (title === issue.title) return undefined
  const from = issue.title
  issue.title = title
  record(s, issue, { event: 'renamed', actor: by, rename: { from, to: title } })
  return from
}

export function setBody(s: RepoState, issue: IssueRecord, body: string | null): string | null | undefined {
  if (body === issue.body) return undefined
  const from = issue.body
  issue.body = body
  issue.updatedAt = s.clock.stamp()
  return from
}

/** An edit of title and body by a person: the webhook's `changes` (each field's previous value, only where it changed). */
export function editTitleAndBody(
  s: RepoState,
  issue: IssueRecord,
  input: { by: string; title?: string; body?: string },
): Record<string, { from: string }> {
  const changes: Record<string, { from: string }> = {}
  if (input.title !== undefined) {
    const from = rename(s, issue, input.title, input.by)
    if (from !== undefined) changes.title = { from }
  }
  if (input.body !== undefined) {
    const from = setBody(s, issue, input.body)
    if (from !== undefined) changes.body = { from: from ?? '' }
  }
  return changes
}

export function closeIssue(s: RepoState, issue: IssueRecord, reason: StateReason, by: string): boolean {
  if (issue.state === 'closed') {
    issue.stateReason = reason // GitHub lets the reason change on a closed issue without a new event
    return false
  }
  issue.state = 'closed'
  issue.stateReason = reason
  issue.closedAt = s.clock.stamp()
  issue.closedBy = by
  record(s, issue, { event: 'closed', actor: by, stateReason: reason })
  return true
}

/** A merge records `merged` (with the merge commit) before the `closed` event, like GitHub. */
export function markMerged(s: RepoState, issue: IssueRecord, by: string, commitId: string): void {
  record(s, issue, { event: 'merged', actor: by, commitId })
  closeIssue(s, issue, 'completed', by)
}

export function reopenIssue(s: RepoState, issue: IssueRecord, by: string): boolean {
  if (issue.state === 'open') return false
  issue.state = 'open'
  issue.stateReason = 'reopened'
  issue.closedAt = null
  record(s, issue, { event: 'reopened', actor: by, stateReason: 'reopened' })
  return true
}

export function addComment(s: RepoState, issue: IssueRecord, body: string, by: string) {
  const now = s.clock.stamp()
  const comment = { id: s.nextId('comment'), seq: s.nextSeq(), issueNumber: issue.number, author: by, body, createdAt: now, updatedAt: now }
  s.comments.set(comment.id, comment)
  issue.updatedAt = now
  return comment
}

export function getComment(s: RepoState, id: number) {
  const comment = s.comments.get(id)
  if (!comment) throw new NotFound(`comment ${id} does not exist`)
  return comment
}

export function react(s: RepoState, commentId: number, content: string, by: string) {
  getComment(s, commentId)
  const existing = s.reactions.find((r) => r.commentId === commentId && r.user === by && r.content === content)
  if (existing) return { reaction: existing, created: false }
  const reaction = { id: s.nextId('reaction'), commentId, user: by, content, createdAt: s.clock.stamp() }
  s.reactions.push(reaction)
  return { reaction, created: true }
}
