/** What people do with pull requests on github.com, returning the `pull_request` webhook events
 * GitHub would deliver (valid against @octokit/webhooks-schemas). */
import { buildIssue, buildRepository, buildUser, type Ctx } from './builders'
import { buildPull } from './builders-git'
import * as model from './model'
import { mergePullRequest, openPull, type MergeMethod } from './model-pulls'
import type { WebhookEvent } from './person-actions'

export function createPullActions(ctx: Ctx) {
  const s = ctx.state
  const pullEvent = (action: string, number: number, by: string, extra: Record<string, unknown> = {}): WebhookEvent => ({
    name: 'pull_request',
    payload: {
      action,
      number,
      ...extra,
      pull_request: buildPull(ctx, s.pulls.get(number)!),
      repository: buildRepository(ctx),
      sender: buildUser(ctx, by),
    },
  })
  const pullOf = (number: number) => {
    const pull = s.pulls.get(number)
    if (!pull) throw new Error(`no pull request #${number}`)
    return pull
  }

  return {
    /** Opens a PR from `head` (which must differ from `base`) → pull_request.opened. */
    openPull(input: { by: string; head: string; base?: string; title: string; body?: string; draft?: boolean }) {
      const base = input.base ?? s.defaultBranch
      if (!s.git.refs.has(`heads/${input.head}`)) throw new Error(`openPull: no branch ${input.head}`)
      if (s.git.refs.get(`heads/${input.head}`) === s.git.refs.get(`heads/${base}`))
        throw new Error(`openPull: no commits between ${base} and ${input.head}`)
      const pull = openPull(s, { ...input, base })
      return Object.assign(pullEvent('opened', pull.number, input.by), { number: pull.number })
    },
    /** pull_request.edited with `changes` holding the previous title/body. */
    editPull(number: number, input: { by: string; title?: string; body?: string }): WebhookEvent {
      const issue = model.getIssue(s, pullOf(number).number)
      const changes = model.editTitleAndBody(s, issue, input)
      return pullEvent('edited', number, input.by, { changes })
    },
    /** Commits one file on `branch` (created from the default branch if missing) and returns one
     * pull_request.synchronize per open PR with that head (none if there is no such PR). */
    pushToBranch(branch: string, input: { by: string; path: string; text: string; message: string }) {
      const git = s.git
      const before = git.refs.get(`heads/${branch}`)
      const parent = before ?? git.refs.get(`heads/${s.defaultBranch}`)!
      const flat = git.flatten(git.commits.get(parent)!.tree)
      flat.set(input.path.replace(/^\/+/, ''), { mode: '100644', sha: git.writeBlob(Buffer.from(input.text, 'utf8')) })
      const who = { name: input.by, email: `${input.by}@users.noreply.github.com`, date: s.clock.stamp() }
      const sha = git.writeCommit({ tree: git.writeTree(flat), parents: [parent], message: input.message, author: who, committer: who })
      git.refs.set(`heads/${branch}`, sha)
      const open = [...s.pulls.values()].filter((p) => p.head === branch && !p.merged && s.issues.get(p.number)!.state === 'open')
      for (const p of open) s.issues.get(p.number)!.updatedAt = s.clock.stamp()
      const events = open.map((p) => pullEvent('synchronize', p.number, input.by, { before: before ?? parent, after: sha }))
      return Object.assign(events, { sha })
    },
    /** Merges like the merge button (default: squash) and returns pull_request.closed with
     * merged: true; `closes` holds issues.closed for issues the PR's closing keywords closed. */
    mergePull(number: number, byOrOptions: string | { by: string; method?: MergeMethod }) {
      const { by, method = 'squash' } = typeof byOrOptions === 'string' ? { by: byOrOptions } : byOrOptions
      const pull = pullOf(number)
      if (pull.merged || s.issues.get(number)!.state !== 'open') throw new Error(`mergePull #${number}: no open pull request`)
      const closed = mergePullRequest(s, pull, by, method)
      const closes: WebhookEvent[] = closed.map((n) => ({
        name: 'issues',
        payload: {
          action: 'closed',
          issue: buildIssue(ctx, model.getIssue(s, n)),
          repository: buildRepository(ctx),
          sender: buildUser(ctx, by),
        },
      }))
      return Object.assign(pullEvent('closed', number, by), { closes })
    },
  }
}
