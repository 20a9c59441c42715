/** Who is asking and about which repository: the token's identity (401 for unknown tokens, like
 * GitHub) and the repository named by the route's {owner}/{repo}, if the token may see it. */
import type { Ctx } from './builders'
import { accessOf, findRepo, fullName, OBSERVER, tokenOf, type Identity } from './hub'
import type { RouteMatch } from './openapi'

export type Refusal = { status: number; message: string; kind?: 'route' | 'semantic'; documentation?: string }

const AUTH_DOCS = 'https://docs.github.com/rest'
const GRAPHQL_AUTH_DOCS = 'https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql'

/** The identity behind the Authorization header, or GitHub's refusal. No header at all is the
 * tests' own observer: reads only. */
export function identify(base: Ctx, header: string | undefined, write: boolean, graphql: boolean): Identity | Refusal {
  const token = tokenOf(header)
  if (token === null) {
    if (graphql) return { status: 401, message: 'This endpoint requires you to be authenticated.', documentation: GRAPHQL_AUTH_DOCS }
    if (write) return { status: 401, message: 'Requires authentication', documentation: AUTH_DOCS }
    return OBSERVER
  }
  return base.hub.tokens.get(token) ?? { status: 401, message: 'Bad credentials', documentation: AUTH_DOCS }
}

export const isRefusal = (x: Identity | Refusal | Ctx): x is Refusal => 'status' in x

/** The request's context: the repository from {owner}/{repo} (the default one for routes without),
 * checked against what the token may do there. */
export function requestCtx(base: Ctx, viewer: Identity, match: RouteMatch | undefined, write: boolean): Ctx | Refusal {
  const { owner, repo } = match?.params ?? {}
  if (owner === undefined || repo === undefined) return { ...base, viewer }
  const state = findRepo(base.hub, owner, repo)
  if (!state) return { status: 404, kind: 'route', message: `No repository ${owner}/${repo} on this local GitHub` }
  const access = accessOf(viewer, state)
  if (access === 'none') return { status: 404, kind: 'route', message: `The token of ${viewer.login} cannot see ${fullName(state)}` }
  // GITHUB_TOKEN (and any app) reads public repositories it is not installed on, but writes nothing there
  if (write && access === 'read' && viewer.kind === 'app')
    return { status: 403, kind: 'semantic', message: 'Resource not accessible by integration' }
  return { ...base, state, viewer }
}
