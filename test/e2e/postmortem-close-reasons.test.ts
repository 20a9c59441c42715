/**
 * How an escalation was closed decides whether it gets a post-mortem: `completed` opens the
 * pull request; `not_planned`, `duplicate` and anything else post the configured comment and
 * touch no branch. The issue's current state decides, not the event's payload.
 */
import { describe, expect, it } from 'vitest'
import { teamConfig } from './scenario'
import { close, closeEvent, expectOk, file, links, mark, markerOf, notices, postMortemBranches, run, withRepo } from './postmortem-helpers'

const NOT_PLANNED_TEXT = 'This escalation was closed without a fix, so no post-mortem will be opened.'

describe.concurrent('post-mortem: close reasons', () => {
  it('completed: one PR on postmortem/<n>-<slug>, labelled, owners asked to review, one link comment', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      gh.clock.advance(240)
      const result = await close(gh, number)
      expectOk(result)
      expect(result.outputs).toMatchObject({ 'escalation-number': String(number), state: 'postmortem' })

      const pulls = gh.pulls()
      expect(pulls).toHaveLength(1)
      const [pull] = pulls
      expect(pull!.title).toBe(`Post-mortem: [Escalation] Globex: every open opportunity closed overnight (#${number})`)
      expect(pull!.draft).toBe(false)
      expect(pull!.state).toBe('open')
      expect(pull!.base.ref).toBe('main')
      expect(pull!.head.ref).toBe(`postmortem/${number}-globex-every-open-opportunity-closed-overnight`)
      expect(pull!.labels.map((label) => label.name)).toEqual(['postmortem'])
      expect(pull!.requested_reviewers.map((user) => user.login)).toEqual(['olivia'])
      expect(markerOf(pull!)).toEqual({
        issue: number,
        path: `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`,
        branch: pull!.head.ref,
      })
      expect(postMortemBranches(gh)).toEqual([pull!.head.ref])
      expect(gh.readFile('main', markerOf(pull!).path)).toBeUndefined() // only on the branch until merged

      const link = links(gh, number)
      expect(link).toHaveLength(1)
      expect(link[0]!.body).toContain(`ready for review in #${pull!.number}`)
      expect(link[0]!.body).toContain(`\`${markerOf(pull!).path}\``)
      expect(link[0]!.body).not.toContain('Missing at close')
      expect(notices(gh, number)).toEqual([])
    })
  })

  for (const reason of ['not_planned', 'duplicate'] as const) {
    it(`${reason}: no branch, no PR, the configured comment once; re-running changes nothing`, async () => {
      await withRepo(async (gh) => {
        const number = file(gh)
        gh.clock.advance(30)
        const event = closeEvent(gh, number, reason)
        expect(event.payload.issue.state_reason).toBe(reason)
        let since = mark(gh)
        const result = await run(gh, event)
        expectOk(result)
        expect(result.outputs.state).toBe('closed')
        expect(gh.pulls()).toEqual([])
        expect(postMortemBranches(gh)).toEqual([])
        expect(since.writes().map((request) => `${request.method} ${request.route}`)).toEqual([
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        ])
        const posted = notices(gh, number)
        expect(posted).toHaveLength(1)
        expect(posted[0]!.body).toContain(NOT_PLANNED_TEXT)
        expect(posted[0]!.body).toContain('reopen the issue and close it as completed')
        expect(links(gh, number)).toEqual([])

        since = mark(gh)
        expectOk(await run(gh, event))
        expect(since.writes()).toEqual([])
        expect(since.requests()).toHaveLength(1)
        expect(notices(gh, number)).toHaveLength(1)
      })
    })
  }

  it('an unknown state_reason in the payload is not taken as completed; the issue as GitHub has it decides', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      const event = closeEvent(gh, number, 'not_planned')
      event.payload.issue.state_reason = 'resolved_upstream' // a reason this version does not know
      expectOk(await run(gh, event))
      expect(gh.pulls()).toEqual([])
      expect(postMortemBranches(gh)).toEqual([])
      expect(notices(gh, number)).toHaveLength(1)

      // And the other way round: a payload claiming `completed` for an issue GitHub has as not planned.
      const second = file(gh, { title: '[Escalation] Initech: reports empty' })
      const lying = closeEvent(gh, second, 'not_planned')
      lying.payload.issue.state_reason = 'completed'
      expectOk(await run(gh, lying))
      expect(gh.pulls()).toEqual([])
      expect(notices(gh, second)).toHaveLength(1)
    })
  })

  it('a custom not-planned comment is posted as written; an empty one posts nothing', async () => {
    const custom = teamConfig((config) => {
      config['post-mortem']['not-planned-comment'] = 'Closed without a fix: tell the account team in #cs-escalations.'
    })
    await withRepo(
      async (gh) => {
        const number = file(gh)
        expectOk(await close(gh, number, 'not_planned'))
        expect(notices(gh, number).map((comment) => comment.body!.split('\n').slice(1).join('\n'))).toEqual([
          'Closed without a fix: tell the account team in #cs-escalations.',
        ])
      },
      { config: custom },
    )
    const silent = teamConfig((config) => {
      config['post-mortem']['not-planned-comment'] = ''
    })
    await withRepo(
      async (gh) => {
        const number = file(gh)
        const since = mark(gh)
        expectOk(await close(gh, number, 'duplicate'))
        expect(since.writes()).toEqual([])
        expect(gh.comments(number)).toEqual([])
        expect(gh.pulls()).toEqual([])
      },
      { config: silent },
    )
  })

  it('closed as not planned by mistake, reopened and closed as completed: the post-mortem is opened', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      expectOk(await close(gh, number, 'not_planned'))
      expect(gh.pulls()).toEqual([])
      gh.clock.advance(5)
      gh.act.reopen(number, 'olivia') // intake's reopened run is not under test here
      gh.clock.advance(1)
      expectOk(await close(gh, number, 'completed'))
      expect(gh.pulls()).toHaveLength(1)
      expect(links(gh, number)).toHaveLength(1)
      expect(notices(gh, number)).toHaveLength(1) // the earlier note stays; nothing more is said
    })
  })
})
