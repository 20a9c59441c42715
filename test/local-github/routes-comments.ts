/** REST: issue comments, reactions, labels and assignees on an issue. */
import { buildRestIssue } from './builders-rest'
import { buildComment, buildLabel, buildReaction, type Ctx } from './builders'
import { checkBodyLength, HttpError, notFound, ok, paginate, type HandlerRequest, type Routes } from './http'
import {
  addAssignees,
  addComment,
  addLabels,
  findLabel,
  getComment,
  NotFound,
  react,
  removeAssignees,
  removeLabel,
  setLabels,
} from './model'
import { issueOr404, labelName } from './routes-issues'

const R = '/repos/{owner}/{repo}'

function commentOr404(ctx: Ctx, id: string | undefined) {
  try {
    return getComment(ctx.state, Number(id))
  } catch (e) {
    if (e instanceof NotFound) throw notFound()
    throw e
  }
}

const labelsOf = (req: HandlerRequest, names: string[]) =>
  names
    .map((n) => findLabel(req.ctx.state, n))
    .filter((l) => l !== undefined)
    .map((l) => buildLabel(req.ctx, l))

/** Body is `{labels: [...]}` (strings or {name}); PUT also accepts the legacy bare forms. */
function requestedLabels(body: unknown): string[] {
  const raw = Array.isArray(body) ? body : typeof body === 'string' ? [body] : ((body as { labels?: unknown })?.labels ?? [])
  return (Array.isArray(raw) ? raw : [raw]).map((l) => labelName(l as string | { name: string }))
}

export const commentRoutes: Routes = {
  [`GET ${R}/issues/{issue_number}/comments`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    const since = req.query.get('since')
    const comments = [...req.ctx.state.comments.values()]
      .filter((c) => c.issueNumber === issue.number && (!since || c.updatedAt >= since))
      .sort((a, b) => a.id - b.id)
    return paginate(
      comments.map((c) => buildComment(req.ctx, c)),
      req,
    )
  },
  [`POST ${R}/issues/{issue_number}/comments`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    checkBodyLength('IssueComment', req.body.body)
    return ok(buildComment(req.ctx, addComment(req.ctx.state, issue, req.body.body, req.ctx.viewer.login)), 201)
  },
  [`GET ${R}/issues/comments/{comment_id}`]: (req) => ok(buildComment(req.ctx, commentOr404(req.ctx, req.params.comment_id))),
  [`PATCH ${R}/issues/comments/{comment_id}`]: (req) => {
    const comment = commentOr404(req.ctx, req.params.comment_id)
    checkBodyLength('IssueComment', req.body.body)
    comment.body = req.body.body
    comment.updatedAt = req.ctx.state.clock.stamp()
    return ok(buildComment(req.ctx, comment))
  },
  [`DELETE ${R}/issues/comments/{comment_id}`]: (req) => {
    const comment = commentOr404(req.ctx, req.params.comment_id)
    req.ctx.state.comments.delete(comment.id)
    req.ctx.state.reactions = req.ctx.state.reactions.filter((r) => r.commentId !== comment.id)
    return { status: 204 }
  },
  [`GET ${R}/issues/comments/{comment_id}/reactions`]: (req) => {
    const comment = commentOr404(req.ctx, req.params.comment_id)
    const content = req.query.get('content')
    const list = req.ctx.state.reactions.filter((r) => r.commentId === comment.id && (!content || r.content === content))
    return paginate(
      list.map((r) => buildReaction(req.ctx, r)),
      req,
    )
  },
  [`POST ${R}/issues/comments/{comment_id}/reactions`]: (req) => {
    const comment = commentOr404(req.ctx, req.params.comment_id)
    const { reaction, created } = react(req.ctx.state, comment.id, req.body.content, req.ctx.viewer.login)
    return ok(buildReaction(req.ctx, reaction), created ? 201 : 200)
  },
  [`GET ${R}/issues/{issue_number}/labels`]: (req) => paginate(labelsOf(req, issueOr404(req.ctx, req.params.issue_number).labels), req),
  [`POST ${R}/issues/{issue_number}/labels`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    addLabels(req.ctx.state, issue, requestedLabels(req.body), req.ctx.viewer.login) // creates missing labels, like GitHub
    return ok(labelsOf(req, issue.labels))
  },
  [`PUT ${R}/issues/{issue_number}/labels`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    setLabels(req.ctx.state, issue, requestedLabels(req.body), req.ctx.viewer.login)
    return ok(labelsOf(req, issue.labels))
  },
  [`DELETE ${R}/issues/{issue_number}/labels/{name}`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    if (!removeLabel(req.ctx.state, issue, req.params.name!, req.ctx.viewer.login)) throw new HttpError(404, 'Label does not exist')
    return ok(labelsOf(req, issue.labels))
  },
  [`POST ${R}/issues/{issue_number}/assignees`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    addAssignees(req.ctx.state, issue, req.body.assignees ?? [], req.ctx.viewer.login) // non-assignable users silently ignored
    return ok(buildRestIssue(req.ctx, issue), 201)
  },
  [`DELETE ${R}/issues/{issue_number}/assignees`]: (req) => {
    const issue = issueOr404(req.ctx, req.params.issue_number)
    removeAssignees(req.ctx.state, issue, req.body?.assignees ?? [], req.ctx.viewer.login)
    return ok(buildRestIssue(req.ctx, issue))
  },
}
