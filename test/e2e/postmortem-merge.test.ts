/**
 * A post-mortem PR that was renamed, declined or merged: the PR is found again by its label and
 * marker, a declined one is not reopened by a re-run, and a merged one gets a follow-up PR only
 * when the document would differ.
 */
import { describe, expect, it } from 'vitest'
import {
  answers,
  close,
  closeEvent,
  documentOf,
  expectOk,
  file,
  formBody,
  links,
  mark,
  markerOf,
  postMortemBranches,
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
      expect(pull!.title).toBe(`Post-mortem: [Escalation] Globex: pipeline restored from backup (#${number})`)
      expect(markerOf(pull!)).toEqual({ issue: number, path, branch })
      expect(postMortemBranches(gh)).toEqual([branch])
      expect(documentOf(gh, pull!).split('\n')[0]).toBe('# Post-mortem: [Escalation] Globex: pipeline restored from backup')
      expect(since.count('POST', ROUTES.pulls)).toBe(0)
      expect(since.count('POST', 'graphql')).toBe(2) // the event's title guessed the wrong branch; the marker gave the right one
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
      expect(links(gh, number)).toHaveLength(1)
      expect(links(gh, number)[0]!.body).toContain(`#${replacement.number}`)
    })
  })

  it('merged: the close event again changes nothing; reopened, changed and closed: one follow-up PR', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
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
      expect(since.requests()).toHaveLength(1)
      expect(since.writes()).toEqual([])
      expect(gh.pulls()).toHaveLength(1)

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
      expect(markerOf(followUp)).toEqual({ issue: number, path, branch })
      const commit = (await (await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/git/commits/${gh.branchSha(branch)}`)).json()) as {
        parents: { sha: string }[]
      }
      expect(commit.parents.map((parent) => parent.sha)).toEqual([gh.branchSha('main')]) // on top of the merge
      expect(since.count('POST', ROUTES.commits)).toBe(1)
      const document = documentOf(gh, followUp)
      expect(section(document, 'Business impact')).toContain('It happened again overnight')
      expect(gh.readFile('main', path)).toBe(merged)
      const comments = links(gh, number)
      expect(comments).toHaveLength(1)
      expect(comments[0]!.body).toContain(`#${followUp.number}`)

      // And once more: the follow-up is open, nothing changed, nothing happens.
      since = mark(gh)
      expectOk(await run(gh, gh.act.close(number, { by: 'carla', reason: 'completed' })))
      expect(since.writes()).toEqual([])
      expect(gh.pulls()).toHaveLength(2)
    })
  })
})
