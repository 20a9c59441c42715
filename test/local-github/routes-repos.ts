/** REST: the repositories of an organization, and those an app installation's token reaches. */
import { buildRepository, type Ctx } from './builders'
import { HttpError, notFound, ok, paginate, type HandlerRequest, type Routes } from './http'
import { accessOf, isOrganization } from './hub'
import type { RepoState } from './state'

const visibleRepos = (ctx: Ctx) => ctx.hub.repos.filter((r) => accessOf(ctx.viewer, r) !== 'none')
const restRepo = (ctx: Ctx, state: RepoState) => buildRepository({ ...ctx, state }, { rest: true })

const TYPE_FILTERS: Record<string, (r: RepoState) => boolean> = {
  public: (r) => r.visibility === 'public',
  private: (r) => r.visibility === 'private',
  forks: () => false,
}

function orgRepos(req: HandlerRequest) {
  const org = req.params.org!
  if (!isOrganization(req.ctx.hub, org)) throw notFound()
  const type = req.query.get('type') ?? 'all'
  const sort = req.query.get('sort') ?? 'created'
  // GitHub's default direction: asc for full_name, desc otherwise
  const direction = req.query.get('direction') ?? (sort === 'full_name' ? 'asc' : 'desc')
  const list = visibleRepos(req.ctx)
    .filter((r) => r.owner.toLowerCase() === org.toLowerCase())
    .filter(TYPE_FILTERS[type] ?? (() => true))
    .sort((a, b) => (sort === 'full_name' ? a.name.localeCompare(b.name) : a.id - b.id))
  if (direction === 'desc') list.reverse()
  return paginate(
    list.map((r) => restRepo(req.ctx, r)),
    req,
  )
}

/** Only installation tokens have an installation; its repositories are those it was granted. */
function installationRepos(req: HandlerRequest) {
  const viewer = req.ctx.viewer
  if (viewer.kind !== 'app')
    throw new HttpError(403, 'You must authenticate with an installation access token in order to list repositories for an installation.')
  const installed = req.ctx.hub.repos.filter(
    (r) => !viewer.repositories || viewer.repositories.includes(`${r.owner}/${r.name}`.toLowerCase()),
  )
  const page = paginate(
    installed.map((r) => restRepo(req.ctx, r)),
    req,
  )
  const body = { total_count: installed.length, repositories: page.body, repository_selection: viewer.repositories ? 'selected' : 'all' }
  return { ...ok(body), headers: page.headers }
}

export const repoListRoutes: Routes = {
  'GET /orgs/{org}/repos': orgRepos,
  'GET /installation/repositories': installationRepos,
}
