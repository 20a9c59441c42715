/** Git operations on the store: merge bases, three-way tree merges (what a merge button does
 * without conflicts), and per-file diffs with line counts (what PR file lists show). */
import type { FlatTree, GitStore } from './git-store'

export function ancestorsOf(git: GitStore, sha: string): Set<string> {
  const seen = new Set<string>()
  const stack = [sha]
  while (stack.length) {
    const at = stack.pop()!
    if (seen.has(at)) continue
    seen.add(at)
    stack.push(...(git.commits.get(at)?.parents ?? []))
  }
  return seen
}

/** The nearest common ancestor (breadth-first from `b`), or undefined for unrelated histories. */
export function mergeBase(git: GitStore, a: string, b: string): string | undefined {
  const ofA = ancestorsOf(git, a)
  const queue = [b]
  const seen = new Set<string>()
  while (queue.length) {
    const at = queue.shift()!
    if (ofA.has(at)) return at
    if (seen.has(at)) continue
    seen.add(at)
    queue.push(...(git.commits.get(at)?.parents ?? []))
  }
  return undefined
}

const treeOf = (git: GitStore, commit: string | undefined): FlatTree => (commit ? git.flatten(git.commits.get(commit)!.tree) : new Map())
const same = (x?: { mode: string; sha: string }, y?: { mode: string; sha: string }) => x?.sha === y?.sha && x?.mode === y?.mode

/** Takes each path from whichever side changed it since the merge base; paths both sides
 * changed differently are conflicts (GitHub then refuses the merge button). */
export function mergeTrees(git: GitStore, ours: string, theirs: string): { tree: FlatTree; conflicts: string[] } {
  const [b, o, t] = [treeOf(git, mergeBase(git, ours, theirs)), treeOf(git, ours), treeOf(git, theirs)]
  const tree: FlatTree = new Map()
  const conflicts: string[] = []
  for (const path of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
    const [was, mine, their] = [b.get(path), o.get(path), t.get(path)]
    if (!same(mine, their) && !same(was, their) && !same(was, mine)) {
      conflicts.push(path)
      continue
    }
    // unchanged on their side (or equal on both): ours; else theirs changed and ours did not
    const pick = same(mine, their) || same(was, their) ? mine : their
    if (pick) tree.set(path, pick) // undefined: deleted
  }
  return { tree, conflicts }
}

export interface FileChange {
  path: string
  status: 'added' | 'removed' | 'modified'
  sha: string | null
  additions: number
  deletions: number
}

const lines = (git: GitStore, sha: string | undefined) => {
  const text = sha ? (git.blobs.get(sha)?.toString('utf8') ?? '') : ''
  return text === '' ? [] : text.replace(/\n$/, '').split('\n')
}

/** Lines only in `before` / only in `after`, by longest common subsequence (capped for big files). */
function lineCounts(before: string[], after: string[]): { additions: number; deletions: number } {
  if (before.length * after.length > 4_000_000) return { additions: after.length, deletions: before.length }
  let row = new Array<number>(after.length + 1).fill(0)
  for (let i = 1; i <= before.length; i++) {
    const next = new Array<number>(after.length + 1).fill(0)
    for (let j = 1; j <= after.length; j++) next[j] = before[i - 1] === after[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!)
    row = next
  }
  const common = row[after.length]!
  return { additions: after.length - common, deletions: before.length - common }
}

/** The files a pull request changes: from the merge base of base and head to head. */
export function diffFiles(git: GitStore, baseTip: string, headTip: string): FileChange[] {
  const from = treeOf(git, mergeBase(git, baseTip, headTip))
  const to = treeOf(git, headTip)
  const changes: FileChange[] = []
  for (const path of [...new Set([...from.keys(), ...to.keys()])].sort()) {
    const [was, now] = [from.get(path), to.get(path)]
    if (same(was, now)) continue
    const status = !was ? 'added' : !now ? 'removed' : 'modified'
    changes.push({ path, status, sha: now?.sha ?? null, ...lineCounts(lines(git, was?.sha), lines(git, now?.sha)) })
  }
  return changes
}
