/** GraphQL query root: the viewer, repositories, organizations and users, as far as the token sees. */
import type { Ctx } from './builders'
import { repositoryNode } from './graphql-repository'
import { connection, ctxFor, GitHubGraphQLError, ownerNodeId } from './graphql-kit'
import { viewerNode } from './graphql-resolvers'
import { accessOf, findRepo, isOrganization } from './hub'

type Args = Record<string, any>

function organizationNode(ctx: Ctx, login: string) {
  const repos = ctx.hub.repos.filter((r) => r.owner.toLowerCase() === login.toLowerCase())
  const owner = repos[0]?.owner ?? login
  return {
    __typename: 'Organization',
    id: ownerNodeId('Organization', owner),
    login: owner,
    name: owner,
    url: `https://github.com/${owner}`,
    repositories: (args: Args) =>
      connection(
        repos
          .filter((r) => accessOf(ctx.viewer, r) !== 'none')
          .filter((r) => !args.privacy || r.visibility === String(args.privacy).toLowerCase())
          .map((r) => repositoryNode(ctxFor(ctx, r))),
        args,
      ),
  }
}

function userNode(login: string) {
  return { __typename: 'User', id: ownerNodeId('User', login), login, url: `https://github.com/${login}` }
}

/** Extra fields for the organization and user nodes (Projects adds `projectV2`). */
export type OwnerExtension = (ctx: Ctx, login: string, kind: 'Organization' | 'User') => Record<string, unknown>

export function queryRoot(ctx: Ctx, extend: OwnerExtension = () => ({})) {
  return {
    viewer: () => viewerNode(ctx),
    repository: ({ owner, name }: Args) => {
      const state = findRepo(ctx.hub, owner, name)
      if (!state || accessOf(ctx.viewer, state) === 'none')
        throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`)
      return repositoryNode(ctxFor(ctx, state))
    },
    organization: ({ login }: Args) => {
      if (!isOrganization(ctx.hub, login))
        throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to an Organization with the login of '${login}'.`)
      return { ...organizationNode(ctx, login), ...extend(ctx, login, 'Organization') }
    },
    // every login that is no organization here counts as a user (the local GitHub keeps no user list)
    user: ({ login }: Args) => {
      if (isOrganization(ctx.hub, login))
        throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`)
      return { ...userNode(login), ...extend(ctx, login, 'User') }
    },
  }
}
