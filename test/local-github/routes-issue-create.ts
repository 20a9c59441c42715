/** REST: POST /repos/{owner}/{repo}/issues (the way sub-issues and follow-ups get created). */
import { buildRestIssue } from './builders-rest'
import { checkBodyLength, HttpError, ok, type HandlerRequest, type Routes } from './http'
import { canBeAssigned, createIssue, ensureLabel } from './model'
import { labelName } from './routes-issues'

const R = '/repos/{owner}/{repo}'

/** GitHub's 422 for one invalid field value, e.g. an assignee who cannot be assigned. */
const invalid = (field: string, value: unknown) =>
  new HttpError(422, 'Validation Failed', { errors: [{ value, resource: 'Issue', field, code: 'invalid' }] })

function createIssueRoute(req: HandlerRequest) {
  const s = req.ctx.state
  const b = req.body as {
    title: string | number
    body?: string
    labels?: (string | { name?: string })[]
    assignees?: string[]
    assignee?: string | null
    milestone?: string | number | null
    type?: string | null
  }
  checkBodyLength('Issue', b.body)
  const assignees = b.assignees ?? (b.assignee ? [b.assignee] : [])
  const unassignable = assignees.find((login) => !canBeAssigned(s, login))
  if (unassignable !== undefined) throw invalid('assignees', unassignable)
  // no milestones or issue types exist here, so any value names a missing one
  if (b.milestone !== undefined && b.milestone !== null) throw invalid('milestone', b.milestone)
  if (b.type !== undefined && b.type !== null) throw invalid('type', b.type)
  const labels = (b.labels ?? []).map((l) => labelName(l as string | { name: string })).filter(Boolean)
  for (const name of labels) ensureLabel(s, name) // through the API, missing labels are created
  const issue = createIssue(s, { by: req.ctx.viewer.login, title: String(b.title), body: b.body ?? null, labels, assignees })
  return ok(buildRestIssue(req.ctx, issue), 201)
}

export const issueCreateRoutes: Routes = { [`POST ${R}/issues`]: createIssueRoute }
