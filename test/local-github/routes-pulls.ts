/** REST: pull requests (they share the issue number sequence, like GitHub). */
import { buildDiffEntry, buildPull } from './builders-git'
import { checkBodyLength, HttpError, notFound, ok, paginate, validationFailed, type HandlerRequest, type Routes } from './http'
import { closeIssue, reopenIssue, rename, setBody } from './model'
import { openPull, pullFiles, pullHeadSha } from './model-pulls'
import type { PullRecord, RepoState } from './state'

const R = '/repos/{owner}/{repo}'

function pullOr404(s: RepoState, value: string | undefined): PullRecord {
  const pull = s.pulls.get(Number(value))
  if (!pull) throw notFound()
  return pull
}

/** `head` may be 'branch' or 'owner:branch'. */
const branchOf = (head: string) => head.slice(head.indexOf(':') + 1)

function listPulls(req: HandlerRequest) {
  const s = req.ctx.state
  const state = req.query.get('state') ?? 'open'
  const head = req.query.get('head')
  const base = req.query.get('base')
  const pulls = [...s.pulls.values()]
    .filter((p) => {
      const issue = s.issues.get(p.number)!
      // GitHub applies `head` only in the owner:branch form; a bare branch name is ignored (all PRs match)
      const headMatches = !head || !head.includes(':') || head === `${s.owner}:${p.head}`
      return (state === 'all' || issue.state === state) && headMatches && (!base || p.base === base)
    })
    .sort((a, b) => b.number - a.number)
  if (req.query.get('direction') === 'asc') pulls.reverse()
  return paginate(
    pulls.map((p) => buildPull(req.ctx, p)),
    req,
  )
}

function createPull(req: HandlerRequest) {
  const s = req.ctx.state
  if (!s.actionsCanCreatePullRequests) throw new HttpError(403, 'GitHub Actions is not permitted to create or approve pull requests.')
  const b = req.body as { title?: string; head: string; base: string; body?: string; draft?: boolean }
  checkBodyLength('PullRequest', b.body)
  const head = branchOf(b.head)
  const headSha = s.git.refs.get(`heads/${head}`)
  const baseSha = s.git.refs.get(`heads/${b.base}`)
  if (!headSha) throw validationFailed('PullRequest', `head ${b.head} does not exist`, 'head', false)
  if (!baseSha) throw validationFailed('PullRequest', `base ${b.base} does not exist`, 'base', false)
  const open = [...s.pulls.values()].find((p) => p.head === head && p.base === b.base && s.issues.get(p.number)!.state === 'open')
  if (open) throw validationFailed('PullRequest', `A pull request already exists for ${s.owner}:${head}.`, undefined, false)
  if (headSha === baseSha) throw validationFailed('PullRequest', `No commits between ${b.base} and ${head}`, undefined, false)
  const pull = openPull(s, { by: req.ctx.viewer.login, head, base: b.base, title: b.title ?? head, body: b.body ?? null, draft: b.draft })
  return ok(buildPull(req.ctx, pull), 201)
}

function patchPull(req: HandlerRequest) {
  const s = req.ctx.state
  const pull = pullOr404(s, req.params.pull_number)
  const issue = s.issues.get(pull.number)!
  const b = req.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string }
  checkBodyLength('PullRequest', b.body)
  if (b.title !== undefined) rename(s, issue, b.title, req.ctx.viewer.login)
  if (b.body !== undefined) setBody(s, issue, b.body)
  if (b.base !== undefined) pull.base = b.base
  if (b.state === 'closed') closeIssue(s, issue, 'completed', req.ctx.viewer.login)
  if (b.state === 'open') reopenIssue(s, issue, req.ctx.viewer.login)
  return ok(buildPull(req.ctx, pull))
}

function requestReviewers(req: HandlerRequest) {
  const s = req.ctx.state
  const pull = pullOr404(s, req.params.pull_number)
  const reviewers = (req.body as { reviewers?: string[] }).reviewers ?? []
  const author = s.issues.get(pull.number)!.author
  if (reviewers.includes(author))
    throw validationFailed('PullRequest', 'Review cannot be requested from pull request author.', undefined, false)
  if (reviewers.some((r) => !s.collaborators.has(r)))
    throw validationFailed(
      'PullRequest',
      `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${s.owner}/${s.name} repository.`,
      undefined,
      false,
    )
  for (const r of reviewers) if (!pull.requestedReviewers.includes(r)) pull.requestedReviewers.push(r)
  return ok(buildPull(req.ctx, pull), 201)
}

export const pullRoutes: Routes = {
  [`GET ${R}/pulls`]: listPulls,
  [`POST ${R}/pulls`]: createPull,
  [`GET ${R}/pulls/{pull_number}`]: (req) => ok(buildPull(req.ctx, pullOr404(req.ctx.state, req.params.pull_number))),
  [`PATCH ${R}/pulls/{pull_number}`]: patchPull,
  [`GET ${R}/pulls/{pull_number}/files`]: (req) => {
    const s = req.ctx.state
    const pull = pullOr404(s, req.params.pull_number)
    return paginate(
      pullFiles(s, pull).map((f) => buildDiffEntry(req.ctx, f, pullHeadSha(s, pull) ?? '')),
      req,
    )
  },
  [`POST ${R}/pulls/{pull_number}/requested_reviewers`]: requestReviewers,
}
