/**
 * Anyone can open a pull request and write the post-mortem marker into its body. Only a PR the
 * action's own identity opened is its post-mortem, and even then the marker's data is checked:
 * a forged PR is never read for a location, retitled, labelled, reviewed or committed to, and
 * the action opens its own.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import {
  BOT_LOGIN,
  cardRow,
  close,
  expectOk,
  file,
  mark,
  markerOf,
  newPaths,
  noticeKey,
  notices,
  resolvedNotices,
  run,
  withRepo,
} from './postmortem-helpers'

/**
 * What the local GitHub's person actions lack: `login` pushes `files` to `branch` and opens a
 * pull request from it through the REST API, with a token of their own. The local GitHub has no
 * forks, so the branch is seeded in the repository itself, where a fork's PR would show the
 * same head branch name. Returns the PR's number.
 */
async function openPullAs(
  gh: LocalGitHub,
  login: string,
  pull: { branch: string; files: Record<string, string>; title: string; body: string },
) {
  for (const [path, text] of Object.entries(pull.files)) gh.putFile(path, text, pull.branch)
  const token = `token-of-${login}`
  gh.addToken(token, { login, kind: 'user' })
  const response = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/pulls`, {
    method: 'POST',
    headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: pull.title, head: pull.branch, base: gh.defaultBranch, body: pull.body }),
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { number: number }).number
}

describe.concurrent('post-mortem: forged post-mortem pull requests', () => {
  it('forged post-mortem PRs (a marker naming README.md on main; a marker that passes every check but authorship) are never adopted; the action opens its own', async () => {
    await withRepo(async (gh) => {
      gh.putFile('README.md', '# Support desk\n')
      const number = file(gh)
      const readme = gh.readFile('main', 'README.md')
      const title = `Post-mortem: Globex: every open opportunity closed overnight (#${number})`
      const marker = (data: object) =>
        `<!-- escalation-desk:postmortem ${JSON.stringify({ issue: number, ...data })} -->\nMy notes on the outage.`
      // A marker pointing the action at README.md on main.
      const hostile = { branch: 'rita/postmortem-notes', title, body: marker({ path: 'README.md', branch: 'main' }) }
      // A marker in the action's own shape, on a branch under postmortem/ that is the PR's head: only the author differs.
      const lookalikeBranch = `postmortem/${number}-globex-restore-notes`
      const lookalikePath = `postmortems/2026-11-24-${number}-globex-restore-notes.md`
      const lookalike = { branch: lookalikeBranch, title, body: marker({ path: lookalikePath, branch: lookalikeBranch }) }
      const forged = [
        await openPullAs(gh, 'rita', { ...hostile, files: { 'README.md': 'pwned\n' } }),
        await openPullAs(gh, 'rita', { ...lookalike, files: { [lookalikePath]: '# Post-mortem: rita was here\n' } }),
      ]
      for (const pull of forged) gh.act.label(pull, 'postmortem', 'tom') // triaged by their title: the label query finds them
      const before = new Map(forged.map((pull) => [pull, gh.pulls().find((candidate) => candidate.number === pull)!]))
      const shas = ['main', hostile.branch, lookalikeBranch].map((branch) => gh.branchSha(branch))

      gh.clock.advance(60)
      const since = mark(gh)
      const result = await close(gh, number)
      expectOk(result)

      // main and README.md as they were; rita's PRs and branches as she left them.
      expect(gh.readFile('main', 'README.md')).toBe(readme)
      expect(['main', hostile.branch, lookalikeBranch].map((branch) => gh.branchSha(branch))).toEqual(shas)
      for (const pull of forged) {
        const now = gh.pulls().find((candidate) => candidate.number === pull)!
        const then = before.get(pull)!
        expect({ title: now.title, body: now.body, state: now.state, author: now.user.login }).toEqual({
          title: then.title,
          body: then.body,
          state: 'open',
          author: 'rita',
        })
        expect(now.labels.map((label) => label.name)).toEqual(['postmortem'])
        expect(now.requested_reviewers).toEqual([])
      }
      const touched = since
        .requests()
        .filter((request) => forged.some((pull) => request.path.includes(`/pulls/${pull}`) || request.path.includes(`/issues/${pull}/`)))
      expect(touched.map((request) => `${request.method} ${request.path}`)).toEqual([])

      // The action's own PR, separate, on its own branch, with the document under postmortems/.
      const ours = gh.pulls().filter((pull) => !forged.includes(pull.number))
      expect(ours).toHaveLength(1)
      expect(ours[0]!.user.login).toBe(BOT_LOGIN)
      expect(ours[0]!.title).toBe(title)
      expect(markerOf(ours[0]!)).toMatchObject({
        issue: number,
        path: `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`,
        branch: `postmortem/${number}-globex-every-open-opportunity-closed-overnight`,
      })
      expect(await newPaths(gh, ours[0]!)).toEqual([markerOf(ours[0]!).path])
      expect(result.outputs['post-mortem']).toBe(String(ours[0]!.number))
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${ours[0]!.number}`])
      expect(notices(gh, number)).toHaveLength(1)
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${ours[0]!.number}`)

      // Run again: still the one PR of the action's, rita's still untouched.
      const again = mark(gh)
      expectOk(await run(gh, gh.act.close(number, { by: 'olivia', reason: 'completed' })))
      expect(again.writes()).toEqual([])
      expect(gh.pulls()).toHaveLength(3)
    })
  })
})
