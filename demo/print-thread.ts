import { readMarker } from '../src/core/render/markers'
import type { LocalGitHub, RepoHandle } from '../test/local-github'

/** Prints an issue the way a person reads it on github.com: header, labels, people, comments. */
export function printThread(gh: RepoHandle, number: number, options: { lastComments?: number; body?: boolean } = {}): void {
  const issue = gh.issue(number) as { title: string; state: string; user: { login: string }; body?: string | null }
  const rule = '─'.repeat(78)
  console.log(`\n${rule}\n#${number} ${issue.title}  [${issue.state}] opened by @${issue.user.login}`)
  console.log(`Labels:    ${gh.labelsOf(number).join(', ') || '—'}`)
  console.log(
    `Assignees: ${
      gh
        .assigneesOf(number)
        .map((login: string) => `@${login}`)
        .join(', ') || '—'
    }`,
  )
  if (options.body) {
    console.log(`\n┌─ @${issue.user.login} opened it`)
    for (const line of visible(issue.body ?? '').split('\n')) console.log(`│ ${line}`)
    console.log('└─')
  }
  const comments = gh.comments(number) as { user: { login: string }; created_at: string; body: string; reactions?: Reactions }[]
  const shown = options.lastComments ? comments.slice(-options.lastComments) : comments
  if (shown.length < comments.length) console.log(`\n… ${comments.length - shown.length} earlier comments`)
  for (const comment of shown) {
    console.log(`\n┌─ @${comment.user.login} commented at ${comment.created_at}`)
    for (const line of visible(comment.body).split('\n')) console.log(`│ ${line}`)
    const reactions = reactionsOf(comment.reactions)
    console.log(reactions ? `└─ ${reactions}` : '└─')
  }
  console.log(rule)
}

/** Hidden markers are invisible on GitHub; leave them out here too. */
export function visible(body: string): string {
  return body.replace(/^<!-- escalation-desk:.*? -->\n?/s, '')
}

type Reactions = Record<string, unknown>
const EMOJI: Record<string, string> = {
  '+1': '👍',
  '-1': '👎',
  laugh: '😄',
  confused: '😕',
  heart: '❤️',
  hooray: '🎉',
  rocket: '🚀',
  eyes: '👀',
}

/** The reactions under a comment, as github.com shows them: `👍 1`. */
function reactionsOf(reactions: Reactions | undefined): string {
  return Object.entries(EMOJI)
    .filter(([key]) => Number(reactions?.[key] ?? 0) > 0)
    .map(([key, emoji]) => `${emoji} ${String(reactions?.[key])}`)
    .join('  ')
}

/** Each pull request with its labels and reviewers, and the document it adds. */
export function printPullRequests(gh: LocalGitHub): void {
  const rule = '═'.repeat(78)
  for (const pull of gh.pulls() as PullView[]) {
    console.log(`\n${rule}\nPull request #${pull.number} ${pull.title}${pull.draft ? ' [draft]' : ''} [${pull.state}]`)
    console.log(
      `Branch: ${pull.head.ref}   Labels: ${pull.labels.map((label) => label.name).join(', ') || '—'}   Reviewers: ${pull.requested_reviewers.map((user) => `@${user.login}`).join(', ') || '—'}`,
    )
    console.log(`\n${visible(pull.body)}`)
    const path = (readMarker(pull.body)?.data as { path?: string } | undefined)?.path
    if (path) console.log(`\n──── ${path} on ${pull.head.ref} ────\n${gh.readFile(pull.head.ref, path) ?? '(missing)'}────`)
  }
}

interface PullView {
  number: number
  title: string
  draft: boolean
  state: string
  body: string
  head: { ref: string }
  labels: { name: string }[]
  requested_reviewers: { login: string }[]
}
