/** Projects (v2) mutations: adding items (the existing item if already there, like GitHub) and
 * setting or clearing field values, one call each (GitHub has no add-and-set in one). */
import { nodeId, type Ctx } from './builders'
import { GitHubGraphQLError } from './graphql-kit'
import { databaseIdOf, issueByNodeId, unresolvable } from './graphql-nodes'
import { fieldNodeId, itemNode, requireProjects, type ContentNode } from './graphql-projects'
import { setFieldValue } from './project-values'
import { addItem, MAX_ITEMS, nextProjectId, type ProjectRecord } from './projects'

type Args = Record<string, any>

export function projectMutations(ctx: Ctx, content: ContentNode) {
  const hub = ctx.hub
  const projectById = (id: unknown): ProjectRecord => {
    const found = hub.projects.find((p) => p.id === databaseIdOf(id, 'PVT'))
    if (!found) throw unresolvable(id)
    return found
  }
  const itemIn = (p: ProjectRecord, id: unknown) => {
    const item = p.items.find((i) => nodeId('PVTI', i.id) === id)
    if (!item) throw unresolvable(id)
    return item
  }
  const fieldIn = (p: ProjectRecord, id: unknown) => {
    const field = p.fields.find((f) => fieldNodeId(f) === id)
    // a field id from another project is a caller's mix-up
    if (!field) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`, true)
    return field
  }
  const done = (input: Args, key: string, value: unknown) => ({ clientMutationId: input.clientMutationId ?? null, [key]: value })

  return {
    addProjectV2ItemById: ({ input }: Args) => {
      requireProjects(ctx)
      const p = projectById(input.projectId)
      const at = issueByNodeId(hub, input.contentId)
      const item = addItem(hub, p, at.issue.id, ctx.viewer.login)
      if (item === 'full')
        throw new GitHubGraphQLError('UNPROCESSABLE', `Projects can have at most ${MAX_ITEMS.toLocaleString('en-US')} items.`)
      return done(input, 'item', itemNode(ctx, p, item, content))
    },
    updateProjectV2ItemFieldValue: ({ input }: Args) => {
      requireProjects(ctx)
      const p = projectById(input.projectId)
      const item = itemIn(p, input.itemId)
      const field = fieldIn(p, input.fieldId)
      const problem = setFieldValue(item, field, input.value ?? {}, ctx.viewer.login, hub.clock.stamp(), () => nextProjectId(hub, 'value'))
      if (problem) throw new GitHubGraphQLError('UNPROCESSABLE', problem, true)
      return done(input, 'projectV2Item', itemNode(ctx, p, item, content))
    },
    clearProjectV2ItemFieldValue: ({ input }: Args) => {
      requireProjects(ctx)
      const p = projectById(input.projectId)
      const item = itemIn(p, input.itemId)
      item.values.delete(fieldIn(p, input.fieldId).id)
      return done(input, 'projectV2Item', itemNode(ctx, p, item, content))
    },
  }
}
