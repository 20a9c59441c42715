/** Content-addressed git objects with git's own sha1 hashing, so shas look and behave real
 * (same content → same sha; trees nest by directory like git's). */
import { createHash } from 'node:crypto'

export interface TreeEntry {
  name: string
  mode: string // '100644' file, '100755' executable, '040000' tree
  type: 'blob' | 'tree'
  sha: string
}

export interface Signature {
  name: string
  email: string
  date: string
}

export interface CommitObject {
  sha: string
  tree: string
  parents: string[]
  message: string
  author: Signature
  committer: Signature
}

/** A flattened tree: full path → blob entry. */
export type FlatTree = Map<string, { mode: string; sha: string }>

export interface GitStore {
  blobs: Map<string, Buffer>
  trees: Map<string, TreeEntry[]>
  commits: Map<string, CommitObject>
  /** 'heads/main' → commit sha (without the 'refs/' prefix). */
  refs: Map<string, string>
  writeBlob(content: Buffer): string
  writeTree(flat: FlatTree): string
  writeCommit(commit: Omit<CommitObject, 'sha'>): string
  flatten(treeSha: string, prefix?: string): FlatTree
  /** Resolves a branch name, 'HEAD', 'refs/heads/x', or a commit sha to a commit sha. */
  resolve(ref: string, defaultBranch: string): string | undefined
  readPath(commitSha: string, path: string): { kind: 'blob' | 'tree'; sha: string } | undefined
}

const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex')
const gitObject = (type: string, body: Buffer) => Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])

function sortEntries(entries: TreeEntry[]): TreeEntry[] {
  // git sorts tree entries by name, with directories compared as if they ended in '/'
  const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name)
  return [...entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

function signatureLine(s: Signature): string {
  return `${s.name} <${s.email}> ${Math.floor(Date.parse(s.date) / 1000)} +0000`
}

export function createGitStore(defaultBranch: string, createdAt: string, repoName = 'support', owner = 'acme'): GitStore {
  const store: GitStore = {
    blobs: new Map(),
    trees: new Map(),
    commits: new Map(),
    refs: new Map(),
    writeBlob(content) {
      const sha = sha1(gitObject('blob', content))
      store.blobs.set(sha, content)
      return sha
    },
    writeTree(flat) {
      // group by first path segment, recursing into directories
      const files: TreeEntry[] = []
      const dirs = new Map<string, FlatTree>()
      for (const [path, entry] of flat) {
        const slash = path.indexOf('/')
        if (slash < 0) files.push({ name: path, mode: entry.mode, type: 'blob', sha: entry.sha })
        else {
          const dir = path.slice(0, slash)
          if (!dirs.has(dir)) dirs.set(dir, new Map())
          dirs.get(dir)!.set(path.slice(slash + 1), entry)
        }
      }
      for (const [dir, sub] of dirs) files.push({ name: dir, mode: '040000', type: 'tree', sha: store.writeTree(sub) })
      const entries = sortEntries(files)
      const body = Buffer.concat(
        entries.map((e) =>
          Buffer.concat([Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]),
        ),
      )
      const sha = sha1(gitObject('tree', body))
      store.trees.set(sha, entries)
      return sha
    },
    writeCommit(commit) {
      const text =
        `tree ${commit.tree}\n` +
        commit.parents.map((p) => `parent ${p}\n`).join('') +
        `author ${signatureLine(commit.author)}\ncommitter ${signatureLine(commit.committer)}\n\n${commit.message}`
      const sha = sha1(gitObject('commit', Buffer.from(text)))
      store.commits.set(sha, { ...commit, sha })
      return sha
    },
    flatten(treeSha, prefix = '') {
      const flat: FlatTree = new Map()
      for (const e of store.trees.get(treeSha) ?? []) {
        if (e.type === 'tree') for (const [p, v] of store.flatten(e.sha, `${prefix}${e.name}/`)) flat.set(p, v)
        else flat.set(`${prefix}${e.name}`, { mode: e.mode, sha: e.sha })
      }
      return flat
    },
    resolve(ref, branch) {
      const name = ref === 'HEAD' ? branch : ref.replace(/^refs\//, '').replace(/^heads\//, '')
      return store.refs.get(`heads/${name}`) ?? store.refs.get(`tags/${name}`) ?? (store.commits.has(ref) ? ref : undefined)
    },
    readPath(commitSha, path) {
      const commit = store.commits.get(commitSha)
      if (!commit) return undefined
      let current: { kind: 'blob' | 'tree'; sha: string } = { kind: 'tree', sha: commit.tree }
      for (const part of path.split('/').filter(Boolean)) {
        if (current.kind !== 'tree') return undefined
        const entry = store.trees.get(current.sha)?.find((e) => e.name === part)
        if (!entry) return undefined
        current = { kind: entry.type, sha: entry.sha }
      }
      return current
    },
  }
  // GitHub repositories created with a README start with one commit on the default branch
  const readme = store.writeBlob(Buffer.from(`# ${repoName}\n`))
  const tree = store.writeTree(new Map([['README.md', { mode: '100644', sha: readme }]]))
  const who = { name: owner, email: `${owner}@users.noreply.github.com`, date: createdAt }
  const initial = store.writeCommit({ tree, parents: [], message: 'Initial commit', author: who, committer: who })
  store.refs.set(`heads/${defaultBranch}`, initial)
  return store
}
