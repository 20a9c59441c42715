/** Pull requests in the state: opening (REST and people alike), merging the way the merge
 * button does, and the files they change. */
import { diffFiles, mergeBase, mergeTrees } from './git-merge'
import { createIssue, getIssue, markMerged, closeIssue } from './model'
import type { PullRecord, RepoState } from './state'

export function openPull(
  s: RepoState,
  input: { by: string; head: string; base: string; title: string; body?: string | null; draft?: boolean },
) {
  const issue = createIssue(s, { by: input.by, title: input.title, body: input.body ?? null, isPull: true })
  const pull: PullRecord = {
    number: issue.number,
    id: issue.id,
    head: input.head,
    base: input.base,
    draft: input.draft ?? false,
    merged: false,
    mergedAt: null,
    mergedBy: null,
    mergeCommitSha: null,
    requestedReviewers: [],
  }
  s.pulls.set(pull.number, pull)
  return pull
}

export const pullHeadSha = (s: RepoState, pull: PullRecord) => pull.mergedRange?.head ?? s.git.refs.get(`heads/${pull.head}`)

export function pullFiles(s: RepoState, pull: PullRecord) {
  const range = pull.mergedRange ?? { base: s.git.refs.get(`heads/${pull.base}`), head: s.git.refs.get(`heads/${pull.head}`) }
  return range.base && range.head ? diffFiles(s.git, range.base, range.head) : []
}

/** Commits between the merge base and the head (what `commits` counts). */
export function pullCommitCount(s: RepoState, pull: PullRecord): number {
  const head = pull.mergedRange?.head ?? s.git.refs.get(`heads/${pull.head}`)
  const base = pull.mergedRange?.base ?? s.git.refs.get(`heads/${pull.base}`)
  if (!head || !base) return 0
  const stop = mergeBase(s.git, base, head)
  let count = 0
  const seen = new Set<string>()
  const stack = [head]
  while (stack.length) {
    const at = stack.pop()!
    if (at === stop || seen.has(at)) continue
    seen.add(at)
    count++
    stack.push(...(s.git.commits.get(at)?.parents ?? []))
  }
  return count
}

export type MergeMethod = 'merge' | 'squash'

/** Issue numbers a PR closes on merge into the default branch: `fixes #1`, `Closes: #2`, … */
export function closingReferences(text: string): number[] {
  const found = [...text.matchAll(/\b(?:close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)(?::\s*| +)#(\d+)\b/gi)]
  return [...new Set(found.map((m) => Number(m[1])))]
}

/** Merges like the merge button: a merge commit (two parents) or one squashed commit on the
 * base; conflicts refuse, as GitHub does. Returns the issues closed by closing keywords. */
export function mergePullRequest(s: RepoState, pull: PullRecord, by: string, method: MergeMethod): number[] {
  const issue = getIssue(s, pull.number)
  const head = s.git.refs.get(`heads/${pull.head}`)!
  const base = s.git.refs.get(`heads/${pull.base}`)!
  const { tree, conflicts } = mergeTrees(s.git, base, head)
  if (conflicts.length) throw new Error(`mergePull #${pull.number}: merge conflict in ${conflicts.join(', ')}`)
  const who = { name: by, email: `${by}@users.noreply.github.com`, date: s.clock.stamp() }
  const message =
    method === 'merge'
      ? `Merge pull request #${pull.number} from ${s.owner}/${pull.head}\n\n${issue.title}`
      : `${issue.title} (#${pull.number})`
  const sha = s.git.writeCommit({
    tree: s.git.writeTree(tree),
    parents: method === 'merge' ? [base, head] : [base],
    message,
    author: who,
    committer: who,
  })
  pull.mergedRange = { base, head }
  s.git.refs.set(`heads/${pull.base}`, sha)
  Object.assign(pull, { merged: true, mergedAt: s.clock.stamp(), mergedBy: by, mergeCommitSha: sha })
  markMerged(s, issue, by, sha)
  if (pull.base !== s.defaultBranch) return []
  const closes = closingReferences(`${issue.title}\n${issue.body ?? ''}`).filter((n) => s.issues.get(n)?.isPull === false)
  return closes.filter((n) => closeIssue(s, getIssue(s, n), 'completed', by))
}
