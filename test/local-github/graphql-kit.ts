/** GraphQL building blocks shared by every resolver module: GitHub's typed errors, Relay
 * connections, and per-request contexts for other repositories. */
import { isBot, userId, type Ctx } from './builders'
import type { RepoState } from './state'

type Args = Record<string, any>
const WEB = 'https://github.com'

/** A GitHub-style GraphQL error (`type` appears next to `message`, like NOT_FOUND). `mistake`
 * marks errors a correct caller never provokes: they are recorded as validation errors. */
export class GitHubGraphQLError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly mistake = false,
  ) {
    super(message)
  }
}

const cursorOf = (index: number) => Buffer.from(`cursor:v2:${index}`).toString('base64')
const indexOf = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().split(':')[2])

/** Relay connection with first/last/after/before over an already-filtered list. */
export function connection<T>(items: T[], args: Args, extra: Record<string, unknown> = {}) {
  let start = 0
  let end = items.length
  if (args.after) start = Math.max(start, indexOf(args.after) + 1)
  if (args.before) end = Math.min(end, indexOf(args.before))
  const filteredCount = Math.max(end - start, 0)
  if (typeof args.first === 'number') end = Math.min(end, start + args.first)
  if (typeof args.last === 'number') start = Math.max(start, end - args.last)
  const edges = items.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node }))
  return {
    totalCount: items.length,
    filteredCount,
    pageCount: edges.length,
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    ...extra,
  }
}

/** The same request's context for another repository (sub-issues, organizations, projects),
 * so each repository's index is built once per request. */
export function ctxFor(ctx: Ctx, state: RepoState): Ctx {
  if (state === ctx.state) return ctx
  ctx.siblings ??= new Map([[ctx.state, ctx]])
  let sibling = ctx.siblings.get(state)
  if (!sibling) ctx.siblings.set(state, (sibling = { ...ctx, state }))
  return sibling
}

/** In GraphQL a bot's login has no "[bot]" suffix (`github-actions`), unlike REST. */
export function actor(login: string) {
  const bot = isBot(login)
  const name = bot ? login.replace(/\[bot\]$/, '') : login
  return {
    __typename: bot ? 'Bot' : 'User',
    login: name,
    id: `${bot ? 'BOT' : 'U'}_kgDO${userId(login)}`,
    databaseId: userId(login),
    url: bot ? `${WEB}/apps/${name}` : `${WEB}/${login}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${userId(login)}?v=4`,
  }
}

/** Node ids of organizations and users, derived from the login. */
export const ownerNodeId = (kind: 'Organization' | 'User', login: string) =>
  `${kind === 'Organization' ? 'O' : 'U'}_kgDO${Buffer.from(login).toString('base64url')}`
