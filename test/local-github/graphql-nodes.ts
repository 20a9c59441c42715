/** Global node ids back to records: ids here are `<prefix>_kwDO<base64url(database id)>`. */
import { nodeId, type Ctx } from './builders'
import { GitHubGraphQLError } from './graphql-kit'
import { projectNode, type ContentNode } from './graphql-projects'
import type { Hub } from './hub'
import { findIssueById, type Located } from './sub-issues'

export const unresolvable = (id: unknown) =>
  new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`)

export function databaseIdOf(id: unknown, prefix: string): number | undefined {
  if (typeof id !== 'string' || !id.startsWith(`${prefix}_kwDO`)) return undefined
  const n = Number(Buffer.from(id.slice(prefix.length + 5), 'base64url').toString())
  return Number.isSafeInteger(n) && nodeId(prefix, n) === id ? n : undefined
}

/** An issue (`I_…`) or pull request (`PR_…`) by node id, in any repository. */
export function issueByNodeId(hub: Hub, id: unknown, kinds: ('I' | 'PR')[] = ['I', 'PR']): Located {
  for (const prefix of kinds) {
    const databaseId = databaseIdOf(id, prefix)
    const found = databaseId === undefined ? undefined : findIssueById(hub, databaseId)
    if (found && found.issue.isPull === (prefix === 'PR')) return found
  }
  throw unresolvable(id)
}

/** Query.node / nodes for issues, pull requests and projects (what callers look up by id). */
export function nodeRoot(ctx: Ctx, content: ContentNode) {
  const node = (id: unknown) => {
    const project = ctx.hub.projects.find((p) => p.id === databaseIdOf(id, 'PVT'))
    if (project) return projectNode(ctx, project, content)
    return content(ctx, issueByNodeId(ctx.hub, id))
  }
  return {
    node: ({ id }: { id: string }) => node(id),
    nodes: ({ ids }: { ids: string[] }) => ids.map(node),
  }
}
