/** REST: sub-issues (add, list, remove, parent). */
import { type Ctx } from './builders'
import { buildRestIssue, withRepo } from './builders-rest'
import { HttpError, notFound, ok, paginate, type HandlerRequest, type Routes } from './http'
import { issueOr404 } from './routes-issues'
import { addSubIssue, parentOf, removeSubIssue, subIssuesOf, SubIssueRefusal, type Located } from './sub-issues'

const R = '/repos/{owner}/{repo}/issues/{issue_number}'

const restOf = (ctx: Ctx, at: Located) => buildRestIssue(withRepo(ctx, at.repo), at.issue)

function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (!(e instanceof SubIssueRefusal)) throw e
    if (e.status === 404) throw new HttpError(404, 'Not Found', {}, e.mistake)
    throw new HttpError(
      422,
      'Validation Failed',
      { errors: [{ resource: 'Issue', code: 'custom', field: 'sub_issue_id', message: e.message }] },
      e.mistake,
    )
  }
}

const located = (req: HandlerRequest): Located => ({ repo: req.ctx.state, issue: issueOr404(req.ctx, req.params.issue_number) })

export const subIssueRoutes: Routes = {
  [`POST ${R}/sub_issues`]: (req) => {
    const parent = located(req)
    const b = req.body as { sub_issue_id: number; replace_parent?: boolean }
    guarded(() => addSubIssue(req.ctx.hub, parent, b.sub_issue_id, b.replace_parent ?? false))
    return ok(buildRestIssue(req.ctx, parent.issue), 201)
  },
  [`GET ${R}/sub_issues`]: (req) =>
    paginate(
      subIssuesOf(req.ctx.hub, located(req).issue).map((at) => restOf(req.ctx, at)),
      req,
    ),
  [`DELETE ${R}/sub_issue`]: (req) => {
    const parent = located(req)
    guarded(() => removeSubIssue(req.ctx.hub, parent, (req.body as { sub_issue_id: number }).sub_issue_id))
    return ok(buildRestIssue(req.ctx, parent.issue))
  },
  [`GET ${R}/parent`]: (req) => {
    const parent = parentOf(req.ctx.hub, located(req).issue)
    if (!parent) throw notFound()
    return ok(restOf(req.ctx, parent))
  },
}
