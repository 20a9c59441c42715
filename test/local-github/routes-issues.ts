/** REST: repository, issues, issue events/timeline, collaborator permission. */
import { buildRestIssue } from './builders-rest'
import { buildComment, buildIssueEvent, buildRepository, buildUser, isBot, type Ctx } from './builders'
import { checkBodyLength, HttpError, notFound, ok, paginate, type HandlerRequest, type Routes } from './http'
import { closeIssue, getIssue, NotFound, reopenIssue, rename, setAssignees, setBody, setLabels } from './model'
import type { IssueRecord, Role, StateReason } from './state'

const R = '/repos/{owner}/{repo}'

function issueOr404(ctx: Ctx, value: string | undefined): IssueRecord {
  try {
    return getIssue(ctx.state, Number(value))
  } catch (e) {
    if (e instanceof NotFound) throw notFound()
    throw e
  }
}

const labelName = (l: string | { name: string }) => (typeof l === 'string' ? l : l.name)

function listIssues(req: HandlerRequest) {
  const q = req.query
  const state = q.get('state') ?? 'open'
  const wanted = (q.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean)
  const sort = q.get('sort') ?? 'created'
  const direction = q.get('direction') ?? 'desc'
  const since = q.get('since')
  const creator = q.get('creator')
  const assignee = q.get('assignee')
  const items = [...req.ctx.state.issues.values()].filter(
    (i) =>
      (state === 'all' || i.state === state) &&
      wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)) &&
      (!since || i.updatedAt >= since) &&
      (!creator || i.author === creator) &&
      (!assignee ||
        (assignee === 'none' ? i.assignees.length === 0 : assignee === '*' ? i.assignees.length > 0 : i.assignees.includes(assignee))),
  )
  const key = (i: IssueRecord) =>
    sort === 'updated' ? i.updatedAt : sort === 'comments' ? String(commentCount(req.ctx, i)).padStart(9, '0') : i.createdAt
  // ties broken by number so pages are stable
  items.sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1))
  if (direction === 'desc') items.reverse()
  return paginate(
    items.map((i) => buildRestIssue(req.ctx, i)),
    req,
  )
}

const commentCount = (ctx: Ctx, i: IssueRecord) => [...ctx.state.comments.values()].filter((c) => c.issueNumber === i.number).length

function patchIssue(req: HandlerRequest) {
  const s = req.ctx.state
  const issue = issueOr404(req.ctx, req.params.issue_number)
  const b = req.body as {
    title?: string | number | null
    body?: string | null
    state?: 'open' | 'closed'
    state_reason?: StateReason | null
    labels?: (string | { name: string })[]
    assignees?: string[] | null
    assignee?: string | null
  }
  checkBodyLength('Issue', b.body)
  if (b.title !== undefined && b.title !== null) rename(s, issue, String(b.title), req.ctx.viewer.login)
  if (b.body !== undefined) setBody(s, issue, b.body)
  if (b.labels) setLabels(s, issue, b.labels.map(labelName), req.ctx.viewer.login)
  if (b.assignees !== undefined || b.assignee !== undefined)
    setAssignees(s, issue, b.assignees ?? (b.assignee ? [b.assignee] : []), req.ctx.viewer.login)
  if (b.state === 'closed')
    closeIssue(s, issue, b.state_reason && b.state_reason !== 'reopened' ? b.state_reason : 'completed', req.ctx.viewer.login)
  else if (b.state === 'open') reopenIssue(s, issue, req.ctx.viewer.login)
  else if (b.state_reason && issue.state === 'closed' && b.state_reason !== 'reopened') issue.stateReason = b.state_reason
  return ok(buildRestIssue(req.ctx, issue))
}

function eventsOf(ctx: Ctx, number: number) {
  return ctx.state.events.filter((e) => e.issueNumber === number)
}

/** The REST timeline: issue events plus `commented` entries, chronological. */
export function timelineOf(ctx: Ctx, issue: IssueRecord): object[] {
  const events = eventsOf(ctx, issue.number).map((e) => ({ at: e.createdAt, seq: e.seq, item: buildIssueEvent(ctx, e) as object }))
  const comments = [...ctx.state.comments.values()]
    .filter((c) => c.issueNumber === issue.number)
    .map((c) => ({ at: c.createdAt, seq: c.seq, item: { ...buildComment(ctx, c), event: 'commented', actor: buildUser(ctx, c.author) } }))
  return [...events, ...comments].sort(chronological).map((x) => x.item)
}

/** By timestamp; equal timestamps (a frozen test clock) in creation order. */
export const chronological = (a: { at: string; seq: number }, b: { at: string; seq: number }) =>
  a.at === b.at ? a.seq - b.seq : a.at < b.at ? -1 : 1

/** Legacy `permission` maps maintain→write and triage→read (OpenAPI description). */
const LEGACY: Record<Role, string> = { admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read' }

function permission(req: HandlerRequest) {
  const s = req.ctx.state
  const login = req.params.username!
  // Apps' bots are no users: GitHub answers 404 "<login> is not a user" (seen for Copilot too)
  if (isBot(login)) throw new HttpError(404, `${login} is not a user`)
  const role = s.collaborators.get(login)
  // Non-collaborators: everyone can read a public repository, so GitHub answers read/read there;
  // in a private one they have no access: none/none. (Choice documented in README-local-github.)
  const answer = role
    ? { permission: LEGACY[role], role_name: role }
    : s.visibility === 'public'
      ? { permission: 'read', role_name: 'read' }
      : { permission: 'none', role_name: 'none' }
  return ok({ ...answer, user: { ...buildUser(req.ctx, login), permissions: permissionsOf(role), role_name: answer.role_name } })
}

function permissionsOf(role: Role | undefined) {
  const rank = ['read', 'triage', 'write', 'maintain', 'admin'].indexOf(role ?? '')
  return { admin: rank >= 4, maintain: rank >= 3, push: rank >= 2, triage: rank >= 1, pull: rank >= 0 }
}

export const issueRoutes: Routes = {
  [`GET ${R}`]: (req) => ok(buildRepository(req.ctx, { rest: true })),
  [`GET ${R}/issues`]: listIssues,
  [`GET ${R}/issues/{issue_number}`]: (req) => ok(buildRestIssue(req.ctx, issueOr404(req.ctx, req.params.issue_number))),
  [`PATCH ${R}/issues/{issue_number}`]: patchIssue,
  [`GET ${R}/issues/{issue_number}/events`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    return paginate(
      eventsOf(req.ctx, issue.number).map((e) => buildIssueEvent(req.ctx, e)),
      req,
    )
  },
  [`GET ${R}/issues/{issue_number}/timeline`]: (req) => paginate(timelineOf(req.ctx, issueOr404(req.ctx, req.params.issue_number)), req),
  [`GET ${R}/collaborators/{username}/permission`]: permission,
}

export { issueOr404, labelName }
