/**
 * How an escalation was closed decides whether it gets a post-mortem: `completed` opens the
 * pull request and says so once on the escalation; `not_planned`, `duplicate` and anything
 * else post the configured notice and touch no branch. The issue's current state decides, not
 * the event's payload.
 */
import { describe, expect, it } from 'vitest'
import { teamConfig } from './scenario'
import {
  BOT_LOGIN,
  cardOf,
  cardRow,
  close,
  closeEvent,
  expectOk,
  file,
  mark,
  markerOf,
  noticeKey,
  notices,
  noticeText,
  own,
  postMortemBranches,
  resolvedNotices,
  run,
  withRepo,
} from './postmortem-helpers'

const NOT_PLANNED_TEXT = 'This escalation was closed without a fix, so no post-mortem will be opened.'

describe.concurrent('post-mortem: close reasons', () => {
  it('completed: one PR on postmortem/<n>-<slug>, labelled, owners and filer asked to review; one resolved notice, the card names the PR', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      gh.clock.advance(240)
      const result = await close(gh, number)
      expectOk(result)
      const pulls = gh.pulls()
      expect(pulls).toHaveLength(1)
      const [pull] = pulls
      expect(result.outputs).toMatchObject({
        'escalation-number': String(number),
        state: 'postmortem',
        'post-mortem': String(pull!.number),
      })
      // The form's `[Escalation]` prefix is not repeated in the PR's title.
      expect(pull!.title).toBe(`Post-mortem: Globex: every open opportunity closed overnight (#${number})`)
      expect(pull!.user.login).toBe(BOT_LOGIN)
      expect(pull!.draft).toBe(false)
      expect(pull!.state).toBe('open')
      expect(pull!.base.ref).toBe('main')
      expect(pull!.head.ref).toBe(`postmortem/${number}-globex-every-open-opportunity-closed-overnight`)
      expect(pull!.labels.map((label) => label.name)).toEqual(['postmortem'])
      // The tier's owner, and the filer who knows the customer's side.
      expect(pull!.requested_reviewers.map((user) => user.login)).toEqual(['olivia', 'carla'])
      expect(markerOf(pull!)).toMatchObject({
        issue: number,
        path: `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`,
        branch: pull!.head.ref,
      })
      expect(postMortemBranches(gh)).toEqual([pull!.head.ref])
      expect(gh.readFile('main', markerOf(pull!).path)).toBeUndefined() // only on the branch until merged

      // Two comments: the card and one notice; nothing else the old design posted.
      expect(gh.comments(number).map((comment) => comment.user.login)).toEqual([BOT_LOGIN, BOT_LOGIN])
      const [resolved] = notices(gh, number)
      expect(noticeKey(resolved!)).toBe(`resolved:${pull!.number}`)
      expect(noticeText(resolved!)).toBe(
        `**Resolved.** The post-mortem is ready for review in #${pull!.number} (reviewers: olivia, carla). ` +
          '@carla, once you have talked to Globex Corporation, record how they rate the handling: `/csat <1-5> [comment]`.',
      )
      expect(cardRow(gh, number, 'State')).toBe('Resolved')
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${pull!.number}`)
      for (const kind of ['ack', 'missing', 'notify', 'postmortem-link']) expect(own(gh, number, kind)).toEqual([])
    })
  })

  for (const reason of ['not_planned', 'duplicate'] as const) {
    it(`${reason}: no branch, no PR, the configured notice once; re-running changes nothing`, async () => {
      await withRepo(async (gh) => {
        const number = file(gh)
        gh.clock.advance(30)
        const event = closeEvent(gh, number, reason)
        expect(event.payload.issue.state_reason).toBe(reason)
        let since = mark(gh)
        const result = await run(gh, event)
        expectOk(result)
        expect(result.outputs.state).toBe('closed')
        expect(result.outputs['post-mortem']).toBe('')
        expect(gh.pulls()).toEqual([])
        expect(postMortemBranches(gh)).toEqual([])
        // The card (first run on this escalation), the notice, and the card again recording the notice.
        expect(since.describeWrites()).toEqual([
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
          'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        ])
        const posted = notices(gh, number)
        expect(posted).toHaveLength(1)
        // One per close: the key holds the close's time (the reason GraphQL reports for a duplicate is NOT_PLANNED).
        expect(noticeKey(posted[0]!)).toMatch(/^closed-[a-z_]+:/)
        expect(noticeKey(posted[0]!).endsWith(`:${new Date(gh.issue(number).closed_at!).toISOString()}`)).toBe(true)
        expect(noticeText(posted[0]!)).toContain(NOT_PLANNED_TEXT)
        expect(noticeText(posted[0]!)).toContain('reopen the issue and close it as completed')
        expect(cardRow(gh, number, 'State')).toBe('Closed')
        expect(cardRow(gh, number, 'Post-mortem')).toBeUndefined()

        since = mark(gh)
        expectOk(await run(gh, event))
        expect(since.writes()).toEqual([])
        expect(since.requests().length).toBeLessThanOrEqual(3)
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
      expect(notices(gh, number).map((comment) => noticeText(comment))).toEqual([expect.stringContaining(NOT_PLANNED_TEXT)])

      // And the other way round: a payload claiming `completed` for an issue GitHub has as not planned.
      const second = file(gh, { title: '[Escalation] Initech: reports empty' })
      const lying = closeEvent(gh, second, 'not_planned')
      lying.payload.issue.state_reason = 'completed'
      expectOk(await run(gh, lying))
      expect(gh.pulls()).toEqual([])
      expect(notices(gh, second)).toHaveLength(1)
      expect(resolvedNotices(gh, second)).toEqual([])
    })
  })

  it('a custom not-planned comment is posted as written; an empty one posts no notice', async () => {
    const custom = teamConfig((config) => {
      config['post-mortem']['not-planned-comment'] = 'Closed without a fix: tell the account team in #cs-escalations.'
    })
    await withRepo(
      async (gh) => {
        const number = file(gh)
        expectOk(await close(gh, number, 'not_planned'))
        expect(notices(gh, number).map(noticeText)).toEqual(['Closed without a fix: tell the account team in #cs-escalations.'])
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
        // Only the card, which every escalation has: it says the escalation is closed.
        expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
        expect(gh.comments(number).map((comment) => comment.id)).toEqual([cardOf(gh, number).id])
        expect(cardRow(gh, number, 'State')).toBe('Closed')
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
      gh.act.reopen(number, 'olivia') // the reopened run is not under test here
      gh.clock.advance(1)
      expectOk(await close(gh, number, 'completed'))
      const pulls = gh.pulls()
      expect(pulls).toHaveLength(1)
      // The earlier note stays; the resolved notice is the one thing added.
      expect(notices(gh, number).map((comment) => noticeKey(comment).split(':')[0])).toEqual(['closed-not_planned', 'resolved'])
      expect(noticeKey(resolvedNotices(gh, number)[0]!)).toBe(`resolved:${pulls[0]!.number}`)
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${pulls[0]!.number}`)
    })
  })
})
