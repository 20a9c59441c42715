/** REST: contents and git data (refs, commits, trees, blobs). */
import { signatureOf } from './builders'
import { buildBlob, buildContentFile, buildGitCommit, buildRef, buildTree } from './builders-git'
import type { FlatTree } from './git-store'
import { HttpError, notFound, ok, type HandlerRequest, type Routes } from './http'

const R = '/repos/{owner}/{repo}'

function contents(req: HandlerRequest) {
  const s = req.ctx.state
  const ref = req.query.get('ref') ?? s.defaultBranch
  const commit = s.git.resolve(ref, s.defaultBranch)
  if (!commit) throw new HttpError(404, `No commit found for the ref ${ref}`)
  const path = (req.params.path ?? '').replace(/^\/+|\/+$/g, '')
  const found = s.git.readPath(commit, path)
  if (!found) throw notFound()
  if (found.kind === 'blob') return ok(buildContentFile(req.ctx, path, ref, found.sha, s.git.blobs.get(found.sha)!))
  // a directory lists its entries (without content), like GitHub
  return ok(
    (s.git.trees.get(found.sha) ?? []).map((e) => {
      const entryPath = path ? `${path}/${e.name}` : e.name
      const file = buildContentFile(req.ctx, entryPath, ref, e.sha, s.git.blobs.get(e.sha) ?? Buffer.alloc(0))
      const { content: _content, encoding: _encoding, ...rest } = file
      return { ...rest, type: e.type === 'tree' ? 'dir' : 'file', size: e.type === 'tree' ? 0 : file.size }
    }),
  )
}

function isAncestor(req: HandlerRequest, ancestor: string, of: string): boolean {
  const seen = new Set<string>()
  const stack = [of]
  while (stack.length) {
    const sha = stack.pop()!
    if (sha === ancestor) return true
    if (seen.has(sha)) continue
    seen.add(sha)
    stack.push(...(req.ctx.state.git.commits.get(sha)?.parents ?? []))
  }
  return false
}

function createTree(req: HandlerRequest) {
  const git = req.ctx.state.git
  const { tree, base_tree: baseTree } = req.body as {
    tree: { path: string; mode: string; type: string; sha?: string | null; content?: string }[]
    base_tree?: string
  }
  if (baseTree && !git.trees.has(baseTree)) throw new HttpError(422, 'base_tree is not a valid tree oid') // GitHub's wording may differ
  const flat: FlatTree = baseTree ? git.flatten(baseTree) : new Map()
  for (const entry of tree) {
    if (entry.type === 'tree') throw new HttpError(422, 'Nested tree entries are not supported by the local GitHub', {}, true)
    if (entry.sha === null) {
      flat.delete(entry.path)
      continue
    }
    const sha = entry.content !== undefined ? git.writeBlob(Buffer.from(entry.content, 'utf8')) : entry.sha
    if (!sha || !git.blobs.has(sha)) throw new HttpError(422, 'GitRPC::BadObjectState')
    flat.set(entry.path, { mode: entry.mode, sha })
  }
  return ok(buildTree(req.ctx, git.writeTree(flat), false), 201)
}

function createCommit(req: HandlerRequest) {
  const s = req.ctx.state
  const b = req.body as {
    message: string
    tree: string
    parents?: string[]
    author?: { name: string; email: string; date?: string }
    committer?: { name: string; email: string; date?: string }
  }
  if (!s.git.trees.has(b.tree)) throw new HttpError(422, 'Tree SHA does not exist')
  for (const p of b.parents ?? [])
    if (!s.git.commits.has(p)) throw new HttpError(422, 'Parent SHA does not exist or is not a commit object')
  const now = s.clock.stamp()
  const author = { ...signatureOf(req.ctx.viewer.login), ...b.author, date: b.author?.date ?? now }
  const committer = b.committer ? { ...b.committer, date: b.committer.date ?? now } : { ...author, date: now }
  const sha = s.git.writeCommit({ tree: b.tree, parents: b.parents ?? [], message: b.message, author, committer })
  return ok(buildGitCommit(req.ctx, s.git.commits.get(sha)!), 201)
}

export const gitRoutes: Routes = {
  [`GET ${R}/contents/{path}`]: contents,
  [`GET ${R}/git/ref/{ref}`]: (req) => {
    const sha = req.ctx.state.git.refs.get(req.params.ref!)
    if (!sha) throw notFound()
    return ok(buildRef(req.ctx, req.params.ref!, sha))
  },
  [`POST ${R}/git/refs`]: (req) => {
    const git = req.ctx.state.git
    const { ref, sha } = req.body as { ref: string; sha: string }
    if (!/^refs\/[^/]+\/.+/.test(ref)) throw new HttpError(422, `${ref} is not a valid ref name.`)
    const name = ref.slice('refs/'.length)
    if (git.refs.has(name)) throw new HttpError(422, 'Reference already exists')
    if (!git.commits.has(sha)) throw new HttpError(422, 'Object does not exist')
    git.refs.set(name, sha)
    return ok(buildRef(req.ctx, name, sha), 201)
  },
  [`PATCH ${R}/git/refs/{ref}`]: (req) => {
    const git = req.ctx.state.git
    const name = req.params.ref!.replace(/^refs\//, '')
    const current = git.refs.get(name)
    const { sha, force } = req.body as { sha: string; force?: boolean }
    if (!current) throw new HttpError(422, 'Reference does not exist')
    if (!git.commits.has(sha)) throw new HttpError(422, 'Object does not exist')
    if (!force && !isAncestor(req, current, sha)) throw new HttpError(422, 'Update is not a fast forward')
    git.refs.set(name, sha)
    return ok(buildRef(req.ctx, name, sha))
  },
  [`GET ${R}/git/commits/{commit_sha}`]: (req) => {
    const commit = req.ctx.state.git.commits.get(req.params.commit_sha!)
    if (!commit) throw notFound()
    return ok(buildGitCommit(req.ctx, commit))
  },
  [`POST ${R}/git/commits`]: createCommit,
  [`POST ${R}/git/trees`]: createTree,
  [`GET ${R}/git/trees/{tree_sha}`]: (req) => {
    const git = req.ctx.state.git
    const sha = git.trees.has(req.params.tree_sha!)
      ? req.params.tree_sha!
      : git.commits.get(git.resolve(req.params.tree_sha!, req.ctx.state.defaultBranch) ?? '')?.tree
    if (!sha) throw notFound()
    const recursive = !!req.query.get('recursive') && req.query.get('recursive') !== '0' && req.query.get('recursive') !== 'false'
    return ok(buildTree(req.ctx, sha, recursive))
  },
  [`POST ${R}/git/blobs`]: (req) => {
    const { content, encoding = 'utf-8' } = req.body as { content: string; encoding?: string }
    const sha = req.ctx.state.git.writeBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'))
    return ok({ url: `${req.url.origin}${req.url.pathname}/${sha}`, sha }, 201)
  },
  [`GET ${R}/git/blobs/{file_sha}`]: (req) => {
    const content = req.ctx.state.git.blobs.get(req.params.file_sha!)
    if (!content) throw notFound()
    return ok(buildBlob(req.ctx, req.params.file_sha!, content))
  },
}
