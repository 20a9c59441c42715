/**
 * `/status` updates through the bundle: accepted with a 👍 from triage or better (resetting the
 * cadence, quoted by the next status), refused politely from read access, and picked up by the
 * sweep when their issue_comment run never happened.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import {
  at,
  BOT_LOGIN,
  breaches,
  expectSwept,
  mark,
  own,
  reactionsVia,
  row,
  seed,
  statuses,
  sweep,
  thumbsUp,
  withSweepRepo,
} from './sweep-helpers'

const OLIVIA_UPDATE =
  "/status Restore from last night's backup is running; 60% of opportunities back.\nNext step: verify stage history with Globex ops.\nETA: 2026-11-24 16:00 UTC"

describe.concurrent('sweep and /status', () => {
  it('accepts /status from a maintainer, resets the cadence, quotes it; refuses it from read access; picks up a dropped one', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')

      // 09:20 Olivia (maintain) posts /status: the issue_comment run reacts 👍 and writes nothing else.
      at(gh, '09:20')
      const update = gh.act.comment(number, OLIVIA_UPDATE, 'olivia')
      let since = mark(gh)
      const accepted = await runAction(gh, update)
      expect(accepted.exitCode, accepted.stdout).toBe(0)
      expect(accepted.errors).toEqual([])
      expect(accepted.outputs).toMatchObject({ 'escalation-number': String(number), state: 'status-update' })
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'])
      expect(thumbsUp(gh, number, update.commentId)).toBe(1)
      expect(await reactionsVia(gh, update.commentId)).toEqual([{ user: BOT_LOGIN, content: '+1' }])

      // 10:20: the cadence runs from the /status (due 11:20), and it acknowledged the escalation in time.
      at(gh, '10:20')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
      expect(since.requests()).toHaveLength(1) // already 👍: no permission lookup either
      expect(gh.labelsOf(number)).not.toContain('sla-breached')
      at(gh, '11:19')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toEqual([])

      at(gh, '11:20')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(1)
      const first = statuses(gh, number)[0]!.body!
      expect(first).toContain('within SLA')
      expect(row(first, 'Acknowledge')).toBe('met at 2026-11-24 09:20 UTC (target 2026-11-24 09:30 UTC)')
      expect(row(first, 'ETA')).toBe('2026-11-24 16:00 UTC')
      expect(row(first, 'Next update by')).toBe('2026-11-24 13:20 UTC')
      expect(first).toContain('**Latest update** from **olivia** at 2026-11-24 09:20 UTC:')
      expect(first).toContain(
        "> Restore from last night's backup is running; 60% of opportunities back. Next step: verify stage history with Globex ops. ETA: 2026-11-24 16:00 UTC",
      )
      expect(first).toContain('**Since the last update** (2026-11-24 09:20 UTC):\n- no activity on the issue')
      // Due means no update for a whole cadence, so the owners are asked for the next one.
      expect(first).toContain('@olivia: no update from the team for 2h or more.')
      expect(breaches(gh, number)).toEqual([])

      // 11:30 Rita (read) posts /status: a notice, no 👍, and it does not count as an update.
      at(gh, '11:30')
      const rita = gh.act.comment(number, '/status I think the customer is fine now. ETA: today', 'rita')
      since = mark(gh)
      const refused = await runAction(gh, rita)
      expect(refused.exitCode, refused.stdout).toBe(0)
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
      const notices = own(gh, number, 'notice')
      expect(notices).toHaveLength(1)
      expect(notices[0]!.body).toContain('@rita, thanks for the update.')
      expect(notices[0]!.body).toContain('triage access or more')
      expect(thumbsUp(gh, number, rita.commentId)).toBe(0)
      // Redelivered: the notice is not repeated.
      since = mark(gh)
      expect((await runAction(gh, rita)).exitCode).toBe(0)
      expect(since.writes()).toEqual([])

      // 13:20: the status is due 2h after the last one, Rita's /status did not move it; it is not quoted.
      at(gh, '13:20')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments']) // no 👍 for Rita
      expect(statuses(gh, number)).toHaveLength(2)
      const second = statuses(gh, number)[1]!.body!
      expect(second).toContain('**Latest update** from **olivia** at 2026-11-24 09:20 UTC:')
      expect(second).not.toContain('I think the customer is fine')
      expect(row(second, 'ETA')).toBe('2026-11-24 16:00 UTC')
      expect(second).toContain('- 1 new comment (**rita**)')
      expect(second).toContain('@olivia: no update from the team for 2h or more.') // 4h since Olivia's
      expect(thumbsUp(gh, number, rita.commentId)).toBe(0)

      // 13:40 Tom (write) posts /status, but its issue_comment run never happens (dropped).
      at(gh, '13:40')
      const dropped = gh.act.comment(number, '/status Backup restored for 90% of accounts.\nETA: 2026-11-25 10:00 UTC', 'tom')
      at(gh, '14:00')
      since = mark(gh)
      const pickup = await sweep(gh)
      expectSwept(pickup)
      // The sweep adds the 👍 and counts it: nothing else is due (next update 2h after 13:40).
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'])
      expect(await reactionsVia(gh, dropped.commentId)).toEqual([{ user: BOT_LOGIN, content: '+1' }])
      expect(statuses(gh, number)).toHaveLength(2)
      expect(pickup.summary).toContain(`react +1 to comment ${dropped.commentId}`)

      at(gh, '15:39')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(2)
      at(gh, '15:40')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toHaveLength(1) // the 👍 is not added twice
      expect(thumbsUp(gh, number, dropped.commentId)).toBe(1)
      expect(statuses(gh, number)).toHaveLength(3)
      const third = statuses(gh, number)[2]!.body!
      expect(row(third, 'ETA')).toBe('2026-11-25 10:00 UTC')
      expect(third).toContain(
        '**Latest update** from **tom** at 2026-11-24 13:40 UTC:\n\n> Backup restored for 90% of accounts. ETA: 2026-11-25 10:00 UTC',
      )
      expect(third).toContain('**Since the last update** (2026-11-24 13:40 UTC)')
      expect(thumbsUp(gh, number, rita.commentId)).toBe(0)
    })
  })

  it('a /status as the first response acknowledges the escalation; picked up late by the sweep it still counts from when it was written', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')
      at(gh, '09:25')
      gh.act.comment(number, '/status Investigating with the data team.', 'olivia') // run dropped
      at(gh, '09:45') // past the 30m acknowledge target when the sweep sees it
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'])
      expect(gh.labelsOf(number)).not.toContain('sla-breached')
      expect(breaches(gh, number)).toEqual([])
      at(gh, '11:25')
      expectSwept(await sweep(gh))
      expect(row(statuses(gh, number)[0]!.body, 'Acknowledge')).toBe('met at 2026-11-24 09:25 UTC (target 2026-11-24 09:30 UTC)')
    })
  })
})
