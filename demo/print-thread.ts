import { readMarker } from '../src/core/render/markers'
import type { LocalGitHub } from '../test/local-github'

/** Prints an issue the way a person reads it on github.com: header, labels, people, comments. */
export function printThread(gh: LocalGitHub, number: number, options: { lastComments?: number } = {}): void {
  const issue = gh.issue(number) as { title: string; state: string; user: { login: string } }
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
  const comments = gh.comments(number) as { user: { login: string }; created_at: string; body: string }[]
  const shown = options.lastComments ? comments.slice(-options.lastComments) : comments
  if (shown.length < comments.length) console.log(`\n… ${comments.length - shown.length} earlier comments`)
  for (const comment of shown) {
    console.log(`\n┌─ @${comment.user.login} commented at ${comment.created_at}`)
    for (const line of visible(comment.body).split('\n')) console.log(`│ ${line}`)
    console.log('└─')
  }
  console.log(rule)
}

/** Hidden markers are invisible on GitHub; leave them out here too. */
function visible(body: string): string {
  return body.replace(/^<!-- escalation-desk:.*? -->\n?/s, '')
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
