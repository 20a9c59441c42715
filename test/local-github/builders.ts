/** One builder per GitHub object kind, used for REST responses and webhook payloads alike.
 * Field sets follow @octokit/webhooks-schemas (which forbids extra fields) and the OpenAPI
 * description's required fields. API URLs point at the local server, like a GHES instance. */
import { createHash } from 'node:crypto'
import { isOrganization, type Hub, type Identity } from './hub'
import type { CommentRecord, IssueEventRecord, IssueRecord, LabelRecord, ReactionRecord, RepoState } from './state'

export interface Ctx {
  /** The repository the request (or seeding handle) is about. */
  state: RepoState
  /** REST base URL of the local server (what GITHUB_API_URL points at). */
  api: string
  hub: Hub
  /** Who the request's token is: writes are attributed to this login. */
  viewer: Identity
  /** One GraphQL request's contexts for the other repositories it touches (see ctxFor). */
  siblings?: Map<RepoState, Ctx>
}

export const BOT_LOGIN = 'github-actions[bot]'
const WEB = 'https://github.com'

export const nodeId = (prefix: string, id: number) => `${prefix}_kwDO${Buffer.from(String(id)).toString('base64url')}`

export function userId(login: string): number {
  if (login === BOT_LOGIN) return 41898282 // the real id of github-actions[bot]
  return 1_000_000 + (createHash('sha1').update(login).digest().readUInt32BE(0) % 90_000_000)
}

export const isBot = (login: string) => login.endsWith('[bot]')

export function buildUser(ctx: Ctx, login: string) {
  const id = userId(login)
  const url = `${ctx.api}/users/${encodeURIComponent(login)}`
  const org = isOrganization(ctx.hub, login)
  return {
    login,
    id,
    node_id: isBot(login) ? `BOT_kgDO${id}` : `${org ? 'O' : 'U'}_kgDO${id}`,
    avatar_url: isBot(login) ? 'https://avatars.githubusercontent.com/in/15368?v=4' : `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: isBot(login) ? `${WEB}/apps/${login.replace('[bot]', '')}` : `${WEB}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: isBot(login) ? 'Bot' : org ? 'Organization' : 'User',
    site_admin: false,
  }
}

/** The first repository keeps the node id it always had; later ones derive theirs from the id. */
export const repoNodeId = (s: RepoState) =>
  s.id === 700_000_001 ? 'R_kgDOKbcdef' : `R_kgDO${Buffer.from(String(s.id)).toString('base64url')}`

/** Git author/committer of commits made through the API with this login's token. */
export function signatureOf(login: string) {
  return { name: login, email: `${userId(login)}+${login}@users.noreply.github.com` }
}

export function repoUrl(ctx: Ctx): string {
  return `${ctx.api}/repos/${ctx.state.owner}/${ctx.state.name}`
}

/** `rest` adds the fields only GET /repos/{owner}/{repo} has (the webhook schema forbids them). */
export function buildRepository(ctx: Ctx, { rest = false } = {}) {
  const s = ctx.state
  const u = repoUrl(ctx)
  const openIssues = [...s.issues.values()].filter((i) => i.state === 'open').length
  const pushedAt =
    [...s.git.commits.values()]
      .map((c) => c.committer.date)
      .sort()
      .at(-1) ?? s.createdAt
  const urls = Object.fromEntries(
    (
      [
        ['forks', '/forks'],
        ['keys', '/keys{/key_id}'],
        ['collaborators', '/collaborators{/collaborator}'],
        ['teams', '/teams'],
        ['hooks', '/hooks'],
        ['issue_events', '/issues/events{/number}'],
        ['events', '/events'],
        ['assignees', '/assignees{/user}'],
        ['branches', '/branches{/branch}'],
        ['tags', '/tags'],
        ['blobs', '/git/blobs{/sha}'],
        ['git_tags', '/git/tags{/sha}'],
        ['git_refs', '/git/refs{/sha}'],
        ['trees', '/git/trees{/sha}'],
        ['statuses', '/statuses/{sha}'],
        ['languages', '/languages'],
        ['stargazers', '/stargazers'],
        ['contributors', '/contributors'],
        ['subscribers', '/subscribers'],
        ['subscription', '/subscription'],
        ['commits', '/commits{/sha}'],
        ['git_commits', '/git/commits{/sha}'],
        ['comments', '/comments{/number}'],
        ['issue_comment', '/issues/comments{/number}'],
        ['contents', '/contents/{+path}'],
        ['compare', '/compare/{base}...{head}'],
        ['merges', '/merges'],
        ['archive', '/{archive_format}{/ref}'],
        ['downloads', '/downloads'],
        ['issues', '/issues{/number}'],
        ['pulls', '/pulls{/number}'],
        ['milestones', '/milestones{/number}'],
        ['notifications', '/notifications{?since,all,participating}'],
        ['labels', '/labels{/name}'],
        ['releases', '/releases{/id}'],
        ['deployments', '/deployments'],
      ] as const
    ).map(([k, path]) => [`${k}_url`, `${u}${path}`]),
  )
  const repo = {
    id: s.id,
    node_id: repoNodeId(s),
    name: s.name,
    full_name: `${s.owner}/${s.name}`,
    private: s.visibility === 'private',
    owner: buildUser(ctx, s.owner),
    html_url: `${WEB}/${s.owner}/${s.name}`,
    description: null,
    fork: false,
    url: u,
    ...urls,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    pushed_at: pushedAt,
    git_url: `git://github.com/${s.owner}/${s.name}.git`,
    ssh_url: `git@github.com:${s.owner}/${s.name}.git`,
    clone_url: `${WEB}/${s.owner}/${s.name}.git`,
    svn_url: `${WEB}/${s.owner}/${s.name}`,
    homepage: null,
    size: 1,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: s.visibility,
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: s.defaultBranch,
    custom_properties: {},
  }
  return rest ? { ...repo, network_count: 0, subscribers_count: 0 } : repo
}

export function buildLabel(ctx: Ctx, label: LabelRecord) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${repoUrl(ctx)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.isDefault,
    description: label.description,
  }
}

const REACTION_KEYS = ['+1', '-1', 'laugh', 'hooray', 'confused', 'heart', 'rocket', 'eyes'] as const

export function buildReactionRollup(url: string, reactions: ReactionRecord[]) {
  const counts = Object.fromEntries(REACTION_KEYS.map((k) => [k, reactions.filter((r) => r.content === k).length]))
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts } as Record<string, unknown>
}

export function authorAssociation(ctx: Ctx, login: string): string {
  if (login === ctx.state.owner) return 'OWNER'
  if (ctx.state.collaborators.has(login)) return 'COLLABORATOR'
  return 'NONE'
}

export function buildIssue(ctx: Ctx, issue: IssueRecord) {
  const u = `${repoUrl(ctx)}/issues/${issue.number}`
  const labels = issue.labels.map((n) => ctx.state.labels.get(n.toLowerCase())).filter((l) => l !== undefined)
  const assignees = issue.assignees.map((a) => buildUser(ctx, a))
  return {
    url: u,
    repository_url: repoUrl(ctx),
    labels_url: `${u}/labels{/name}`,
    comments_url: `${u}/comments`,
    events_url: `${u}/events`,
    html_url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}`,
    id: issue.id,
    node_id: nodeId(issue.isPull ? 'PR' : 'I', issue.id),
    number: issue.number,
    title: issue.title,
    user: buildUser(ctx, issue.author),
    labels: labels.map((l) => buildLabel(ctx, l)),
    state: issue.state,
    locked: false,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    comments: [...ctx.state.comments.values()].filter((c) => c.issueNumber === issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    author_association: authorAssociation(ctx, issue.author),
    active_lock_reason: null,
    ...(issue.isPull ? pullLinks(ctx, issue) : {}),
    body: issue.body,
    reactions: buildReactionRollup(u, []),
    timeline_url: `${u}/timeline`,
    performed_via_github_app: null,
    state_reason: issue.stateReason,
  }
}

function pullLinks(ctx: Ctx, issue: IssueRecord) {
  const pull = ctx.state.pulls.get(issue.number)
  const html = `${WEB}/${ctx.state.owner}/${ctx.state.name}/pull/${issue.number}`
  return {
    draft: pull?.draft ?? false,
    pull_request: {
      url: `${repoUrl(ctx)}/pulls/${issue.number}`,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull?.mergedAt ?? null,
    },
  }
}

export function buildComment(ctx: Ctx, comment: CommentRecord) {
  const u = `${repoUrl(ctx)}/issues/comments/${comment.id}`
  return {
    url: u,
    html_url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl(ctx)}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    user: buildUser(ctx, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: authorAssociation(ctx, comment.author),
    body: comment.body,
    reactions: buildReactionRollup(
      u,
      ctx.state.reactions.filter((r) => r.commentId === comment.id),
    ),
    performed_via_github_app: null,
  }
}

export function buildReaction(ctx: Ctx, reaction: ReactionRecord) {
  return {
    id: reaction.id,
    node_id: nodeId('REA', reaction.id),
    user: buildUser(ctx, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  }
}

/** GET .../events shape; the timeline adds `commented` entries (see routes-issues). */
export function buildIssueEvent(ctx: Ctx, e: IssueEventRecord) {
  return {
    id: e.id,
    node_id: nodeId(eventPrefix[e.event], e.id),
    url: `${repoUrl(ctx)}/issues/events/${e.id}`,
    actor: buildUser(ctx, e.actor),
    event: e.event,
    commit_id: e.commitId ?? null,
    commit_url: e.commitId ? `${repoUrl(ctx)}/commits/${e.commitId}` : null,
    created_at: e.createdAt,
    performed_via_github_app: null,
    ...(e.label ? { label: e.label } : {}),
    ...(e.assignee ? { assignee: buildUser(ctx, e.assignee), assigner: buildUser(ctx, e.actor) } : {}),
    ...(e.rename ? { rename: e.rename } : {}),
    ...(e.event === 'closed' || e.event === 'reopened' ? { state_reason: e.stateReason ?? null } : {}),
  }
}

const eventPrefix: Record<IssueEventRecord['event'], string> = {
  labeled: 'LE',
  unlabeled: 'UNLE',
  assigned: 'AE',
  unassigned: 'UAE',
  closed: 'CE',
  reopened: 'REE',
  renamed: 'RTE',
  merged: 'ME',
}
