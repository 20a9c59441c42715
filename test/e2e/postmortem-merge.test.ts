/**
 * A post-mortem PR that was renamed, declined or merged: the PR is found again by its label and
 * marker, a declined one is not reopened by a re-run, and a merged one gets a follow-up PR only
 * when the document would differ. Each new PR is announced once on the escalation, and the
 * card names the latest.
 */
import { describe, expect, it } from 'vitest'
import {
  answers,
  close,
  closeEvent,
  documentOf,
  expectOk,
  file,
  cardRow,
  formBody,
  mark,
  markerOf,
  noticeKey,
  postMortemBranches,
  resolvedNotices,
  ROUTES,
  run,
  section,
  withRepo,
} from './postmortem-helpers'

describe.concurrent('post-mortem: renamed, declined and merged PRs', () => {
  it('the title edited after the PR was opened: the PR is found by its label and marker, renamed, and the document stays where it was', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      expectOk(await close(gh, number))
      const [first] = gh.pulls()
      const { path, branch } = markerOf(first!)

      gh.act.reopen(number, 'olivia')
      gh.act.editIssue(number, { by: 'olivia', title: '[Escalation] Globex: pipeline restored from backup' })
      const since = mark(gh)
      expectOk(await close(gh, number))
      expect(gh.pulls()).toHaveLength(1)
      const [pull] = gh.pulls()
      expect(pull!.title).toBe(`Post-mortem: Globex: pipeline restored from backup (#${number})`)
      // The new title would give another branch; the marker keeps the first one.
      expect(markerOf(pull!)).toMatchObject({ issue: number, path, branch })
      expect(postMortemBranches(gh)).toEqual([branch])
      expect(documentOf(gh, pull!).split('\n')[0]).toBe('# Post-mortem: Globex: pipeline restored from backup')
      expect(since.count('POST', ROUTES.pulls)).toBe(0)
      expect(since.count('POST', ROUTES.refs)).toBe(0)
      expect(since.count('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}')).toBe(1)
      // The same PR: the escalation was told once.
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${pull!.number}`])
    })
  })

  it('closed without merging: the close event again does not reopen it or open another; a changed escalation gets a new PR', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      const event = closeEvent(gh, number)
      expectOk(await run(gh, event))
      const [first] = gh.pulls()
      const declined = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/pulls/${first!.number}`, {
        method: 'PATCH',
        headers: { accept: 'application/vnd.github+json', authorization: 'Bearer test', 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'closed' }),
      })
      expect(declined.status).toBe(200)

      let since = mark(gh)
      expectOk(await run(gh, event))
      expect(since.writes()).toEqual([])
      expect(gh.pulls().map((pull) => [pull.number, pull.state])).toEqual([[first!.number, 'closed']])

      gh.clock.advance(60)
      gh.act.reopen(number, 'olivia')
      gh.act.editIssue(number, {
        by: 'olivia',
        body: formBody(answers({ rootCause: 'Not the automation after all: a bulk edit by an admin closed the opportunities.' })),
      })
      since = mark(gh)
      expectOk(await close(gh, number))
      expect(gh.pulls()).toHaveLength(2)
      const replacement = gh.pulls().find((pull) => pull.number !== first!.number)!
      expect(replacement.state).toBe('open')
      expect(section(documentOf(gh, replacement), 'Root cause')).toContain('a bulk edit by an admin')
      expect(since.count('POST', ROUTES.commits)).toBe(1)
      // One notice per PR: the declined one's, then the replacement's; the card names the replacement.
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${first!.number}`, `resolved:${replacement.number}`])
      expect(resolvedNotices(gh, number)[1]!.body).toContain(`ready for review in #${replacement.number}`)
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${replacement.number}`)
    })
  })

  it('merged: the close event again changes nothing; reopened, changed and closed: one follow-up PR', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      // Acknowledged, so every clock has stopped by the close (see postmortem-rerun: a clock left running changes the document).
      gh.act.comment(number, 'On it: restoring from last night’s backup.', 'olivia')
      const event = closeEvent(gh, number)
      expectOk(await run(gh, event))
      const [first] = gh.pulls()
      const { path, branch } = markerOf(first!)
      gh.clock.advance(60)
      gh.act.mergePull(first!.number, 'olivia')
      const merged = gh.readFile('main', path)
      expect(merged).toBe(documentOf(gh, first!))

      let since = mark(gh)
      expectOk(await run(gh, event))
      expect(since.writes()).toEqual([])
      expect(since.requests().length).toBeLessThanOrEqual(3)
      expect(gh.pulls()).toHaveLength(1)
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${first!.number}`)

      gh.clock.advance(60 * 24)
      gh.act.reopen(number, 'carla')
      gh.act.editIssue(number, {
        by: 'carla',
        body: formBody(answers({ impact: 'It happened again overnight: 140 reps blocked for a second day; renewal now in doubt.' })),
      })
      gh.clock.advance(30)
      since = mark(gh)
      expectOk(await close(gh, number))
      const pulls = gh.pulls()
      expect(pulls).toHaveLength(2)
      const followUp = pulls.find((pull) => pull.number !== first!.number)!
      expect(followUp.state).toBe('open')
      expect(followUp.head.ref).toBe(branch)
      expect(markerOf(followUp)).toMatchObject({ issue: number, path, branch })
      const commit = (await (await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/git/commits/${gh.branchSha(branch)}`)).json()) as {
        parents: { sha: string }[]
      }
      expect(commit.parents.map((parent) => parent.sha)).toEqual([gh.branchSha('main')]) // on top of the merge
      expect(since.count('POST', ROUTES.commits)).toBe(1)
      const document = documentOf(gh, followUp)
      expect(section(document, 'Business impact')).toContain('It happened again overnight')
      expect(gh.readFile('main', path)).toBe(merged)
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${first!.number}`, `resolved:${followUp.number}`])
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${followUp.number}`)

      // And once more: the follow-up is open, nothing changed, nothing happens.
      since = mark(gh)
      expectOk(await run(gh, gh.act.close(number, { by: 'carla', reason: 'completed' })))
      expect(since.writes()).toEqual([])
      expect(gh.pulls()).toHaveLength(2)
      expect(resolvedNotices(gh, number)).toHaveLength(2)
    })
  })
})
