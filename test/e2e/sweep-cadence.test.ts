/**
 * The sweep's update cadence through the bundle: what is due per tier, a late scheduled run,
 * and business-hours calendars.
 */
import { describe, expect, it } from 'vitest'
import { teamConfig } from './scenario'
import { acknowledge, at, breaches, expectSwept, mark, row, seed, statusCounts, statuses, sweep, withSweepRepo } from './sweep-helpers'

describe.concurrent('sweep cadence', () => {
  it('posts a status only where the tier’s cadence is due: tier-1 every 2h, tier-2 every 8h, tier-3 every day', async () => {
    await withSweepRepo(async (gh) => {
      const t1 = seed(gh, 'tier-1').number
      const t2 = seed(gh, 'tier-2').number
      const t3 = seed(gh, 'tier-3').number
      const all = [t1, t2, t3]
      at(gh, '09:10')
      acknowledge(gh, t1, 'olivia')
      acknowledge(gh, t2, 'olivia')
      acknowledge(gh, t3, 'tom')

      // +1h: nothing is due anywhere; one read, no writes.
      at(gh, '10:00')
      let since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual([])
      expect(since.requests()).toHaveLength(1)
      expect(statusCounts(gh, all)).toEqual({ [t1]: 0, [t2]: 0, [t3]: 0 })

      // +2h05m: only tier-1 (due at 11:00).
      at(gh, '11:05')
      since = mark(gh)
      const first = await sweep(gh)
      expectSwept(first)
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
      expect(statusCounts(gh, all)).toEqual({ [t1]: 1, [t2]: 0, [t3]: 0 })
      const status = statuses(gh, t1)[0]!.body!
      expect(status).toContain('### Status update: Critical (`tier-1`), within SLA')
      expect(row(status, 'Owner')).toBe('olivia')
      expect(row(status, 'Age')).toBe('2h 5m (since 2026-11-24 09:00 UTC)')
      expect(row(status, 'Acknowledge')).toBe('met at 2026-11-24 09:10 UTC (target 2026-11-24 09:30 UTC)')
      expect(row(status, 'Resolve')).toBe('21h 55m left (by 2026-11-25 09:00 UTC)')
      expect(row(status, 'ETA')).toBe('not given yet')
      expect(row(status, 'Next update by')).toBe('2026-11-24 13:05 UTC')
      expect(status).toContain('**Since the last update** (2026-11-24 09:00 UTC):\n- 1 new comment (**olivia**)')
      expect(status).toContain('@olivia: no update from the team for 2h or more.')
      expect(first.summary).toContain(`**This run** posted to 1 escalation (#${t1}).`)

      // 13:04: the next tier-1 status is due 2h after the last one (13:05), not before.
      at(gh, '13:04')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
      at(gh, '13:05')
      expectSwept(await sweep(gh))
      expect(statusCounts(gh, all)).toEqual({ [t1]: 2, [t2]: 0, [t3]: 0 })
      expect(statuses(gh, t1)[1]!.body).toContain('**Since the last update** (2026-11-24 11:05 UTC):\n- no activity on the issue')

      // 16:59: tier-2 is due at 17:00 (8h after filing), tier-1 at 15:05.
      at(gh, '16:59')
      expectSwept(await sweep(gh))
      expect(statusCounts(gh, all)).toEqual({ [t1]: 3, [t2]: 0, [t3]: 0 })
      at(gh, '17:00')
      expectSwept(await sweep(gh))
      expect(statusCounts(gh, all)).toEqual({ [t1]: 3, [t2]: 1, [t3]: 0 })
      expect(statuses(gh, t2)[0]!.body).toContain('### Status update: High (`tier-2`), within SLA')
      expect(row(statuses(gh, t2)[0]!.body, 'Next update by')).toBe('2026-11-25 01:00 UTC')

      // The next morning: tier-3's first status (1 day), tier-2's second (01:00); tier-1 closed meanwhile.
      gh.act.close(t1, { by: 'olivia' })
      at(gh, '2026-11-25T08:59:00Z')
      expectSwept(await sweep(gh))
      expect(statusCounts(gh, all)).toEqual({ [t1]: 3, [t2]: 2, [t3]: 0 })
      at(gh, '2026-11-25T09:00:00Z')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toHaveLength(1)
      expect(statusCounts(gh, all)).toEqual({ [t1]: 3, [t2]: 2, [t3]: 1 })
      const standard = statuses(gh, t3)[0]!.body!
      expect(standard).toContain('### Status update: Standard (`tier-3`), within SLA')
      expect(row(standard, 'Owner')).toBe('tom')
      expect(row(standard, 'Next update by')).toBe('2026-11-26 09:00 UTC')
      for (const number of all) expect(breaches(gh, number)).toEqual([])
      expect(gh.labelsOf(t3)).not.toContain('sla-breached')
    })
  })

  it('a late run that skipped several windows posts one status, and the next is due 2h after it', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')
      at(gh, '09:10')
      acknowledge(gh, number, 'olivia')
      at(gh, '10:00')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toEqual([])

      // The scheduler skipped 11:00, 13:00 and 15:00 windows: at 16:00 one status, not three.
      at(gh, '16:00')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
      expect(statuses(gh, number)).toHaveLength(1)
      expect(row(statuses(gh, number)[0]!.body, 'Next update by')).toBe('2026-11-24 18:00 UTC')

      // A re-run a minute later and one just before 18:00 post nothing; 18:00 posts the next.
      for (const time of ['16:01', '17:59']) {
        at(gh, time)
        expectSwept(await sweep(gh))
        expect(statuses(gh, number), time).toHaveLength(1)
      }
      at(gh, '18:00')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(2)
      expect(statuses(gh, number)[1]!.body).toContain('**Since the last update** (2026-11-24 16:00 UTC)')
      expect(row(statuses(gh, number)[1]!.body, 'Next update by')).toBe('2026-11-24 20:00 UTC')
    })
  })

  it('a busy thread that scrolled its last status out of the 50 comments read: looked up further back, nothing posted early', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')
      at(gh, '09:10')
      acknowledge(gh, number, 'olivia')
      at(gh, '11:00')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(1)
      // 60 comments in the next hour: the status is no longer among the last 50.
      at(gh, '11:30')
      for (let i = 0; i < 60; i++) gh.act.comment(number, `Customer call notes, part ${i + 1}.`, i % 2 ? 'carla' : 'olivia')
      at(gh, '12:00')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(1)
      expect(since.writes()).toEqual([])
      // One page of escalations, then one request reaching further back into this thread.
      expect(since.requests().map((request) => request.route)).toEqual(['graphql', 'graphql'])
      at(gh, '13:00')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(2)
      expect(statuses(gh, number)[1]!.body).toContain('60 new comments')
    })
  })

  it('counts business hours only: filed Friday afternoon, nothing over the weekend, due Monday morning', async () => {
    const config = teamConfig((c) => {
      const standard = c.tiers.find((tier: { label: string }) => tier.label === 'tier-3')
      standard.calendar = { 'time-zone': 'Europe/Berlin', days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: '09:00-17:00' }
      standard.sla['update-every'] = '4h'
    })
    await withSweepRepo(
      async (gh) => {
        // Friday 27 November, 15:00 in Berlin (14:00 UTC): 2 working hours left that day.
        at(gh, '2026-11-27T14:00:00Z')
        const { number } = seed(gh, 'tier-3')
        const weekend = [
          '2026-11-27T15:59:00Z', // Friday 16:59 Berlin: 1h59m of working time
          '2026-11-27T20:00:00Z', // Friday evening: clock stopped at 2h
          '2026-11-28T12:00:00Z', // Saturday noon: 2 days of wall time, still 2h
          '2026-11-29T18:00:00Z', // Sunday
          '2026-11-30T08:30:00Z', // Monday 09:30 Berlin: 2h30m
          '2026-11-30T09:59:00Z', // Monday 10:59 Berlin: 3h59m
        ]
        for (const time of weekend) {
          at(gh, time)
          const since = mark(gh)
          expectSwept(await sweep(gh))
          expect(since.writes(), time).toEqual([])
        }
        // Monday 11:00 Berlin: 4 working hours since filing.
        at(gh, '2026-11-30T10:00:00Z')
        const monday = await sweep(gh)
        expectSwept(monday)
        expect(statuses(gh, number)).toHaveLength(1)
        const status = statuses(gh, number)[0]!.body!
        expect(status).toContain('### Status update: Standard (`tier-3`), within SLA')
        expect(row(status, 'Acknowledge')).toBe('due by 2026-11-30 14:00 UTC (4h left)')
        // 4 more working hours: Monday 15:00 Berlin.
        expect(row(status, 'Next update by')).toBe('2026-11-30 14:00 UTC')
        expect(gh.labelsOf(number)).not.toContain('sla-breached')
        expect(monday.summary).toContain(`| #${number} | tier-3 |`)
      },
      { config },
    )
  })
})
