/** GraphQL Projects (v2): projects of organizations and users, their fields and items, and
 * Issue.projectItems. Tokens without Projects access get GitHub's errors (GITHUB_TOKEN:
 * FORBIDDEN "Resource not accessible by integration"). */
import { nodeId, type Ctx } from './builders'
import { actor, connection, GitHubGraphQLError, ownerNodeId } from './graphql-kit'
import type { FieldRecord, FieldValue, ItemRecord, ProjectRecord } from './projects'
import { findProject } from './projects'
import type { IssueRecord } from './state'
import { findIssueById, type Located } from './sub-issues'

type Args = Record<string, any>
/** Builds the Issue/PullRequest node of an item's content (passed in: graphql-resolvers imports this module). */
export type ContentNode = (ctx: Ctx, at: Located) => object

export function requireProjects(ctx: Ctx): void {
  if (ctx.viewer.projects) return
  if (ctx.viewer.kind === 'app') throw new GitHubGraphQLError('FORBIDDEN', 'Resource not accessible by integration')
  throw new GitHubGraphQLError(
    'INSUFFICIENT_SCOPES',
    "Your token has not been granted the required scopes to execute this query. The 'projectV2' field requires one of the following scopes: ['read:project'], but your token has only been granted the: ['repo'] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.",
  )
}

const SINGLE = 'SINGLE_SELECT'
export const fieldNodeId = (f: FieldRecord) => nodeId(f.dataType === SINGLE ? 'PVTSSF' : 'PVTF', f.id)

export function fieldNode(ctx: Ctx, p: ProjectRecord, f: FieldRecord, content: ContentNode) {
  return {
    __typename: f.dataType === SINGLE ? 'ProjectV2SingleSelectField' : 'ProjectV2Field',
    id: fieldNodeId(f),
    databaseId: f.id,
    name: f.name,
    dataType: f.dataType,
    createdAt: f.createdAt,
    updatedAt: f.createdAt,
    project: () => projectNode(ctx, p, content),
    options: ({ names }: Args) =>
      f.options.filter((o) => !names || names.includes(o.name)).map((o) => ({ ...o, nameHTML: o.name, descriptionHTML: o.description })),
  }
}

function valueNode(ctx: Ctx, p: ProjectRecord, item: ItemRecord, f: FieldRecord, v: FieldValue, content: ContentNode) {
  const option = f.options.find((o) => o.id === v.optionId)
  const common = {
    id: nodeId('PVTFV', v.id),
    databaseId: v.id,
    createdAt: v.updatedAt,
    updatedAt: v.updatedAt,
    creator: actor(v.creator),
    field: fieldNode(ctx, p, f, content),
    item: () => itemNode(ctx, p, item, content),
  }
  if (v.text !== undefined) return { __typename: 'ProjectV2ItemFieldTextValue', ...common, text: v.text }
  if (v.number !== undefined) return { __typename: 'ProjectV2ItemFieldNumberValue', ...common, number: v.number }
  if (v.date !== undefined) return { __typename: 'ProjectV2ItemFieldDateValue', ...common, date: v.date }
  return {
    __typename: 'ProjectV2ItemFieldSingleSelectValue',
    ...common,
    optionId: v.optionId,
    name: option?.name ?? null,
    nameHTML: option?.name ?? null,
    color: option?.color ?? 'GRAY',
    description: option?.description ?? null,
    descriptionHTML: option?.description ?? null,
  }
}

/** Values in field order; the built-in Title shows the content's title, like GitHub. */
function valuesOf(ctx: Ctx, p: ProjectRecord, item: ItemRecord, content: ContentNode) {
  const at = findIssueById(ctx.hub, item.contentId)
  return p.fields.flatMap((f) => {
    const stored = item.values.get(f.id)
    if (f.dataType === 'TITLE' && at)
      return [valueNode(ctx, p, item, f, { id: item.id, text: at.issue.title, updatedAt: item.updatedAt, creator: item.creator }, content)]
    return stored ? [valueNode(ctx, p, item, f, stored, content)] : []
  })
}

export function itemNode(ctx: Ctx, p: ProjectRecord, item: ItemRecord, content: ContentNode) {
  const at = findIssueById(ctx.hub, item.contentId)
  const values = () => valuesOf(ctx, p, item, content)
  return {
    __typename: 'ProjectV2Item',
    id: nodeId('PVTI', item.id),
    databaseId: item.id,
    fullDatabaseId: String(item.id),
    type: at?.issue.isPull ? 'PULL_REQUEST' : 'ISSUE',
    isArchived: false,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    creator: actor(item.creator),
    content: () => (at ? content(ctx, at) : null),
    project: () => projectNode(ctx, p, content),
    fieldValues: (args: Args) => connection(values(), args),
    fieldValueByName: ({ name }: Args): unknown => values().find((v) => v.field.name === name) ?? null,
  }
}

export function projectNode(ctx: Ctx, p: ProjectRecord, content: ContentNode) {
  const web = p.ownerKind === 'Organization' ? `https://github.com/orgs/${p.owner}` : `https://github.com/users/${p.owner}`
  return {
    __typename: 'ProjectV2',
    id: nodeId('PVT', p.id),
    databaseId: p.id,
    fullDatabaseId: String(p.id),
    number: p.number,
    title: p.title,
    closed: false,
    public: false,
    shortDescription: null,
    readme: null,
    url: `${web}/projects/${p.number}`,
    createdAt: p.createdAt,
    updatedAt: p.createdAt,
    viewerCanUpdate: ctx.viewer.projects,
    owner: { __typename: p.ownerKind, login: p.owner, id: ownerNodeId(p.ownerKind, p.owner) },
    fields: (args: Args) =>
      connection(
        p.fields.map((f) => fieldNode(ctx, p, f, content)),
        args,
      ),
    field: ({ name }: Args) => {
      const f = p.fields.find((x) => x.name === name)
      return f ? fieldNode(ctx, p, f, content) : null
    },
    items: (args: Args) =>
      connection(
        p.items.map((i) => itemNode(ctx, p, i, content)),
        args,
      ),
  }
}

/** `projectV2(number)` and `projectsV2(first)` on organizations and users. */
export function projectOwnerFields(content: ContentNode) {
  return (ctx: Ctx, login: string) => ({
    projectV2: ({ number }: Args) => {
      requireProjects(ctx)
      const p = findProject(ctx.hub, login, number)
      if (!p) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a ProjectV2 with the number ${number}.`)
      return projectNode(ctx, p, content)
    },
    projectsV2: (args: Args) => {
      requireProjects(ctx)
      const owned = ctx.hub.projects.filter((p) => p.owner.toLowerCase() === login.toLowerCase())
      return connection(
        owned.map((p) => projectNode(ctx, p, content)),
        args,
      )
    },
  })
}

/** Issue.projectItems / projectsV2: the projects the issue (or PR) is an item of. */
export function issueProjectFields(ctx: Ctx, issue: IssueRecord, content: ContentNode) {
  const memberships = () => ctx.hub.projects.flatMap((p) => p.items.filter((i) => i.contentId === issue.id).map((item) => ({ p, item })))
  return {
    projectItems: (args: Args) => {
      requireProjects(ctx)
      return connection(
        memberships().map(({ p, item }) => itemNode(ctx, p, item, content)),
        args,
      )
    },
    projectsV2: (args: Args) => {
      requireProjects(ctx)
      return connection(
        memberships().map(({ p }) => projectNode(ctx, p, content)),
        args,
      )
    },
  }
}
