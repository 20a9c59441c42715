/** GraphQL objects computed from the same state as REST. graphql-js's default resolver reads
 * properties and calls functions with (args), and resolves unions/interfaces by `__typename`. */
import { isBot, nodeId, type Ctx } from './builders'
import { actor, connection, ctxFor, GitHubGraphQLError } from './graphql-kit'
import { issueProjectFields } from './graphql-projects'
import { subIssueFields } from './graphql-sub-issues'
import { pullFiles } from './model-pulls'
import { chronological } from './routes-issues'
import type { CommentRecord, IssueEventRecord, IssueRecord, PullRecord, StateReason } from './state'
import type { Located } from './sub-issues'

export { actor, connection, ctxFor, GitHubGraphQLError }

type Args = Record<string, any>
const WEB = 'https://github.com'

/** `viewer` is a User even for an app's installation token, and keeps the "[bot]" suffix there. */
export function viewerNode(ctx: Ctx) {
  const login = ctx.viewer.login
  return { ...actor(login), __typename: 'User', login, url: isBot(login) ? actor(login).url : `${WEB}/${login}` }
}

const upper = (reason: StateReason | null | undefined) => (reason ? reason.toUpperCase() : null)

function labelNode(ctx: Ctx, name: string) {
  const l = ctx.state.labels.get(name.toLowerCase())
  return { id: nodeId('LA', l?.id ?? 0), name: l?.name ?? name, color: l?.color ?? 'ededed', description: l?.description ?? null }
}

/**
 * Comments, reactions and events grouped by owner, built once per GraphQL request: a sweep page
 * asks for 100 issues' comments and each comment's reactions, and rescanning the whole
 * repository for each would make the stand-in, not the action, the slow part of a benchmark.
 */
interface Index {
  commentsByIssue: Map<number, CommentRecord[]>
  reactionsByComment: Map<number, Ctx['state']['reactions']>
  eventsByIssue: Map<number, IssueEventRecord[]>
}

const indexes = new WeakMap<Ctx, Index>()

function group<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(item)
    else groups.set(key(item), [item])
  }
  return groups
}

export function repoIndex(ctx: Ctx): Index {
  let index = indexes.get(ctx)
  if (!index) {
    const comments = group(
      [...ctx.state.comments.values()].sort((a, b) => a.id - b.id),
      (c) => c.issueNumber,
    )
    index = {
      commentsByIssue: comments,
      reactionsByComment: group(ctx.state.reactions, (r) => r.commentId),
      eventsByIssue: group(ctx.state.events, (e) => e.issueNumber),
    }
    indexes.set(ctx, index)
  }
  return index
}

function commentNode(ctx: Ctx, c: CommentRecord) {
  const reactions = () => repoIndex(ctx).reactionsByComment.get(c.id) ?? []
  return {
    __typename: 'IssueComment',
    id: nodeId('IC', c.id),
    // Real comment ids exceed 2^31 (ids here do too): `databaseId` (Int) then fails with
    // "Int cannot represent non 32-bit signed integer value", like on GitHub. fullDatabaseId is a BigInt string.
    databaseId: c.id,
    fullDatabaseId: String(c.id),
    body: c.body,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    lastEditedAt: c.updatedAt === c.createdAt ? null : c.updatedAt,
    author: actor(c.author),
    url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    isMinimized: false,
    viewerDidAuthor: c.author === ctx.viewer.login,
    // One group per reaction content, as GitHub returns them; the viewer is the request's token.
    reactionGroups: Object.entries(REACTION_TO_GRAPHQL).map(([rest, content]) => {
      const users = reactions().filter((r) => r.content === rest)
      return {
        content,
        createdAt: users[0]?.createdAt ?? null,
        viewerHasReacted: users.some((r) => r.user === ctx.viewer.login),
        reactors: (args: Args) =>
          connection(
            users.map((r) => actor(r.user)),
            args,
          ),
      }
    }),
    reactions: (args: Args) =>
      connection(
        reactions()
          .filter((r) => !args.content || r.content === REACTION_FROM_GRAPHQL[args.content])
          .map((r) => ({
            content: REACTION_TO_GRAPHQL[r.content],
            createdAt: r.createdAt,
            user: actor(r.user),
            databaseId: r.id,
            id: nodeId('REA', r.id),
          })),
        args,
      ),
  }
}

const REACTION_TO_GRAPHQL: Record<string, string> = {
  '+1': 'THUMBS_UP',
  '-1': 'THUMBS_DOWN',
  laugh: 'LAUGH',
  confused: 'CONFUSED',
  heart: 'HEART',
  hooray: 'HOORAY',
  rocket: 'ROCKET',
  eyes: 'EYES',
}
const REACTION_FROM_GRAPHQL = Object.fromEntries(Object.entries(REACTION_TO_GRAPHQL).map(([k, v]) => [v, k]))

const EVENT_TYPES: Record<IssueEventRecord['event'], [string, string]> = {
  labeled: ['LabeledEvent', 'LABELED_EVENT'],
  unlabeled: ['UnlabeledEvent', 'UNLABELED_EVENT'],
  assigned: ['AssignedEvent', 'ASSIGNED_EVENT'],
  unassigned: ['UnassignedEvent', 'UNASSIGNED_EVENT'],
  closed: ['ClosedEvent', 'CLOSED_EVENT'],
  reopened: ['ReopenedEvent', 'REOPENED_EVENT'],
  renamed: ['RenamedTitleEvent', 'RENAMED_TITLE_EVENT'],
  merged: ['MergedEvent', 'MERGED_EVENT'],
}

function eventNode(ctx: Ctx, e: IssueEventRecord) {
  const [typename] = EVENT_TYPES[e.event]
  const who = e.assignee ? actor(e.assignee) : null
  return {
    __typename: typename,
    id: nodeId(typename, e.id),
    createdAt: e.createdAt,
    actor: actor(e.actor),
    ...(e.label ? { label: labelNode(ctx, e.label.name) } : {}),
    ...(who ? { assignee: who, user: who.__typename === 'User' ? who : null } : {}),
    ...(e.event === 'closed' || e.event === 'reopened' ? { stateReason: upper(e.stateReason) } : {}),
    ...(e.rename ? { previousTitle: e.rename.from, currentTitle: e.rename.to } : {}),
  }
}

export function issueNode(ctx: Ctx, issue: IssueRecord) {
  const s = ctx.state
  const comments = () => repoIndex(ctx).commentsByIssue.get(issue.number) ?? []
  return {
    __typename: 'Issue',
    id: nodeId('I', issue.id),
    databaseId: issue.id,
    fullDatabaseId: String(issue.id),
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state.toUpperCase(),
    // DUPLICATE only with enableDuplicate: true (it was added later); older clients see NOT_PLANNED
    stateReason: (args: Args) => (issue.stateReason === 'duplicate' && !args.enableDuplicate ? 'NOT_PLANNED' : upper(issue.stateReason)),
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    closedAt: issue.closedAt,
    isPinned: issue.pinned === true,
    url: `${WEB}/${s.owner}/${s.name}/issues/${issue.number}`,
    author: actor(issue.author),
    viewerDidAuthor: issue.author === ctx.viewer.login,
    ...subIssueFields(ctx, issue, issueNode),
    ...issueProjectFields(ctx, issue, contentNode),
    labels: (args: Args) =>
      connection(
        issue.labels.map((n) => labelNode(ctx, n)),
        args,
      ),
    assignees: (args: Args) =>
      connection(
        issue.assignees.map((a) => actor(a)),
        args,
      ),
    comments: (args: Args) =>
      connection(
        comments().map((c) => commentNode(ctx, c)),
        args,
      ),
    timelineItems: (args: Args) => {
      const items = [
        ...(repoIndex(ctx).eventsByIssue.get(issue.number) ?? []).map((e) => ({
          at: e.createdAt,
          seq: e.seq,
          type: EVENT_TYPES[e.event][1],
          node: eventNode(ctx, e) as object,
        })),
        ...comments().map((c) => ({ at: c.createdAt, seq: c.seq, type: 'ISSUE_COMMENT', node: commentNode(ctx, c) as object })),
      ]
        .filter((x) => (!args.itemTypes || args.itemTypes.includes(x.type)) && (!args.since || x.at >= args.since))
        .sort(chronological)
      const sliced = typeof args.skip === 'number' ? items.slice(args.skip) : items
      return connection(
        sliced.map((x) => x.node),
        args,
        { updatedAt: issue.updatedAt },
      )
    },
  }
}

/** The Issue or PullRequest node of an issue anywhere on this GitHub (project items, node(id)). */
export function contentNode(ctx: Ctx, at: Located): object {
  const repoCtx = ctxFor(ctx, at.repo)
  return at.issue.isPull ? pullNode(repoCtx, at.repo.pulls.get(at.issue.number)!) : issueNode(repoCtx, at.issue)
}

export function pullNode(ctx: Ctx, pull: PullRecord) {
  const issue = ctx.state.issues.get(pull.number)!
  return {
    ...issueNode(ctx, issue),
    __typename: 'PullRequest',
    id: nodeId('PR', pull.id),
    state: pull.merged ? 'MERGED' : issue.state.toUpperCase(),
    url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/pull/${pull.number}`,
    headRefName: pull.head,
    baseRefName: pull.base,
    isDraft: pull.draft,
    merged: pull.merged,
    mergedAt: pull.mergedAt,
    // Users only: the REST route takes no team reviewers.
    reviewRequests: (args: Args) =>
      connection(
        pull.requestedReviewers.map((login) => ({ requestedReviewer: actor(login), asCodeOwner: false })),
        args,
      ),
    mergeCommit: pull.mergeCommitSha ? { __typename: 'Commit', oid: pull.mergeCommitSha } : null,
    ...pullFileFields(ctx, pull),
  }
}

const CHANGE_TYPES = { added: 'ADDED', removed: 'DELETED', modified: 'MODIFIED' } as const

function pullFileFields(ctx: Ctx, pull: PullRecord) {
  const files = () => pullFiles(ctx.state, pull)
  return {
    changedFiles: () => files().length,
    additions: () => files().reduce((n, f) => n + f.additions, 0),
    deletions: () => files().reduce((n, f) => n + f.deletions, 0),
    files: (args: Args) =>
      connection(
        files().map((f) => ({
          path: f.path,
          additions: f.additions,
          deletions: f.deletions,
          changeType: CHANGE_TYPES[f.status],
          viewerViewedState: 'UNVIEWED',
        })),
        args,
      ),
  }
}
