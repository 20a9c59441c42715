/** Builders for git data, contents and pull requests (REST shapes from the OpenAPI description). */
import { buildIssue, buildRepository, buildUser, nodeId, repoUrl, type Ctx } from './builders'
import type { FileChange } from './git-merge'
import type { CommitObject } from './git-store'
import { pullCommitCount, pullFiles } from './model-pulls'
import type { PullRecord } from './state'

const WEB = 'https://github.com'

export function buildRef(ctx: Ctx, ref: string, sha: string) {
  return {
    ref: `refs/${ref}`,
    node_id: `REF_kwDO${Buffer.from(ref).toString('base64url')}`,
    url: `${repoUrl(ctx)}/git/refs/${ref}`,
    object: { sha, type: 'commit', url: `${repoUrl(ctx)}/git/commits/${sha}` },
  }
}

export function buildGitCommit(ctx: Ctx, c: CommitObject) {
  return {
    sha: c.sha,
    node_id: `C_kwDO${c.sha.slice(0, 16)}`,
    url: `${repoUrl(ctx)}/git/commits/${c.sha}`,
    html_url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/commit/${c.sha}`,
    author: c.author,
    committer: c.committer,
    tree: { sha: c.tree, url: `${repoUrl(ctx)}/git/trees/${c.tree}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${repoUrl(ctx)}/git/commits/${p}`,
      html_url: `${WEB}/${ctx.state.owner}/${ctx.state.name}/commit/${p}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  }
}

export function buildTree(ctx: Ctx, sha: string, recursive: boolean) {
  const git = ctx.state.git
  const entries: { path: string; mode: string; type: string; sha: string; size?: number; url: string }[] = []
  const walk = (treeSha: string, prefix: string) => {
    for (const e of git.trees.get(treeSha) ?? []) {
      const path = `${prefix}${e.name}`
      entries.push({
        path,
        mode: e.mode,
        type: e.type,
        sha: e.sha,
        ...(e.type === 'blob' ? { size: git.blobs.get(e.sha)?.length ?? 0 } : {}),
        url: `${repoUrl(ctx)}/git/${e.type === 'blob' ? 'blobs' : 'trees'}/${e.sha}`,
      })
      if (recursive && e.type === 'tree') walk(e.sha, `${path}/`)
    }
  }
  walk(sha, '')
  return { sha, url: `${repoUrl(ctx)}/git/trees/${sha}`, tree: entries, truncated: false }
}

export function buildBlob(ctx: Ctx, sha: string, content: Buffer) {
  return {
    sha,
    node_id: `B_kwDO${sha.slice(0, 16)}`,
    size: content.length,
    url: `${repoUrl(ctx)}/git/blobs/${sha}`,
    content: wrapBase64(content),
    encoding: 'base64',
  }
}

/** GitHub wraps base64 content at 60 characters with "\n". */
function wrapBase64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).map((l) => `${l}\n`).join('')
}

export function buildContentFile(ctx: Ctx, path: string, ref: string, sha: string, content: Buffer) {
  const url = `${repoUrl(ctx)}/contents/${path}?ref=${ref}`
  const html = `${WEB}/${ctx.state.owner}/${ctx.state.name}/blob/${ref}/${path}`
  const git = `${repoUrl(ctx)}/git/blobs/${sha}`
  return {
    type: 'file',
    encoding: 'base64',
    size: content.length,
    name: path.split('/').at(-1) ?? path,
    path,
    content: wrapBase64(content),
    sha,
    url,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${ctx.state.owner}/${ctx.state.name}/${ref}/${path}`,
    _links: { self: url, git, html },
  }
}

/** GET /pulls/{n}/files entries (without `patch`, which GitHub omits for large diffs too). */
export function buildDiffEntry(ctx: Ctx, f: FileChange, commit: string) {
  const ref = commit
  const web = `${WEB}/${ctx.state.owner}/${ctx.state.name}`
  return {
    sha: f.sha,
    filename: f.path,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.additions + f.deletions,
    blob_url: `${web}/blob/${ref}/${f.path}`,
    raw_url: `${web}/raw/${ref}/${f.path}`,
    contents_url: `${repoUrl(ctx)}/contents/${f.path}?ref=${ref}`,
  }
}

export function buildPull(ctx: Ctx, pull: PullRecord) {
  const files = pullFiles(ctx.state, pull)
  const issue = ctx.state.issues.get(pull.number)!
  const asIssue = buildIssue(ctx, issue)
  const u = `${repoUrl(ctx)}/pulls/${pull.number}`
  const html = `${WEB}/${ctx.state.owner}/${ctx.state.name}/pull/${pull.number}`
  const repo = buildRepository(ctx)
  const branch = (name: string) => ({
    label: `${ctx.state.owner}:${name}`,
    ref: name,
    sha: ctx.state.git.refs.get(`heads/${name}`) ?? pull.mergeCommitSha ?? '',
    user: buildUser(ctx, ctx.state.owner),
    repo,
  })
  const link = (href: string) => ({ href })
  return {
    url: u,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: asIssue.url,
    commits_url: `${u}/commits`,
    review_comments_url: `${u}/comments`,
    review_comment_url: `${repoUrl(ctx)}/pulls/comments{/number}`,
    comments_url: asIssue.comments_url,
    statuses_url: `${repoUrl(ctx)}/statuses/${branch(pull.head).sha}`,
    number: pull.number,
    state: issue.state,
    locked: false,
    title: issue.title,
    user: asIssue.user,
    body: issue.body,
    labels: asIssue.labels,
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: asIssue.assignee,
    assignees: asIssue.assignees,
    requested_reviewers: pull.requestedReviewers.map((r) => buildUser(ctx, r)),
    requested_teams: [],
    head: branch(pull.head),
    base: branch(pull.base),
    _links: {
      self: link(u),
      html: link(html),
      issue: link(asIssue.url),
      comments: link(asIssue.comments_url),
      review_comments: link(`${u}/comments`),
      review_comment: link(`${repoUrl(ctx)}/pulls/comments{/number}`),
      commits: link(`${u}/commits`),
      statuses: link(`${repoUrl(ctx)}/statuses/${branch(pull.head).sha}`),
    },
    author_association: asIssue.author_association,
    auto_merge: null,
    draft: pull.draft,
    merged: pull.merged,
    mergeable: pull.merged ? null : true,
    rebaseable: pull.merged ? null : true,
    mergeable_state: pull.merged ? 'unknown' : 'clean',
    merged_by: pull.mergedBy ? buildUser(ctx, pull.mergedBy) : null,
    comments: asIssue.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pullCommitCount(ctx.state, pull),
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  }
}
