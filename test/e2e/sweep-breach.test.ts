/**
 * SLA breaches through the bundle: the breach label and one notice to the escalation contacts
 * per breach, however often the sweep runs; the label cleared when a re-tier puts the
 * escalation back within its SLA.
 */
import { describe, expect, it } from 'vitest'
import { deliver } from './scenario'
import { at, botLabelHistory, breaches, expectSwept, mark, own, row, seed, statuses, sweep, withSweepRepo } from './sweep-helpers'

describe.concurrent('sweep breaches', () => {
  it('labels an unacknowledged tier-1 once, notifies its contacts once per breach, clears the label after a re-tier to tier-3', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')

      at(gh, '09:29')
      expectSwept(await sweep(gh))
      expect(gh.labelsOf(number)).not.toContain('sla-breached')

      // 09:31: the 30m acknowledge target passed with nobody answering.
      at(gh, '09:31')
      let since = mark(gh)
      const breached = await sweep(gh)
      expectSwept(breached)
      expect(since.describeWrites()).toEqual([
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      ])
      expect(gh.labelsOf(number)).toContain('sla-breached')
      expect(breaches(gh, number)).toHaveLength(1)
      const notice = breaches(gh, number)[0]!.body!
      expect(notice).toContain(
        '@cto-casey: **SLA breached** on this Critical (`tier-1`) escalation: the acknowledge target (30m) was due 2026-11-24 09:30 UTC and is 1m late.',
      )
      expect(notice).toContain('Owners: @olivia.')
      expect(statuses(gh, number)).toEqual([]) // the status is due at 11:00, not yet
      expect(breached.summary).toContain('🔴 acknowledge breached by 1m')

      // Hours of sweeps: no second notice, no label churn; statuses say the SLA is breached.
      for (const time of ['09:46', '10:30', '11:00', '12:15', '13:00']) {
        at(gh, time)
        expectSwept(await sweep(gh))
        expect(breaches(gh, number), time).toHaveLength(1)
      }
      expect(statuses(gh, number)).toHaveLength(2) // 11:00 and 13:00
      const status = statuses(gh, number)[1]!.body!
      expect(status).toContain('### Status update: Critical (`tier-1`), SLA breached')
      expect(row(status, 'Acknowledge')).toBe('**breached** by 3h 30m (was due 2026-11-24 09:30 UTC)')
      expect(botLabelHistory(gh, number, 'sla-breached')).toEqual(['+sla-breached'])

      // 13:10 Olivia re-tiers it to tier-3 (acknowledge within 8h: 17:00); intake runs for both events.
      at(gh, '13:10')
      const results = await deliver(gh, [gh.act.unlabel(number, 'tier-1', 'olivia'), gh.act.label(number, 'tier-3', 'olivia')])
      for (const result of results) expect(result.exitCode, result.stdout).toBe(0)
      expect(results.at(-1)!.outputs.tier).toBe('tier-3')
      expect(gh.labelsOf(number)).toContain('sla-breached') // intake leaves the breach label to the sweep

      at(gh, '13:15')
      since = mark(gh)
      const cleared = await sweep(gh)
      expectSwept(cleared)
      expect(since.describeWrites()).toEqual(['DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'])
      expect(gh.labelsOf(number)).not.toContain('sla-breached')
      expect(botLabelHistory(gh, number, 'sla-breached')).toEqual(['+sla-breached', '-sla-breached'])
      expect(cleared.summary).toContain(`remove label \`sla-breached\``)

      // Stays cleared (no flapping) while within the tier-3 SLA.
      at(gh, '16:59')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])

      // 17:01 tier-3's own acknowledge target passes: a new breach, told once to tier-3's contact.
      at(gh, '17:01')
      expectSwept(await sweep(gh))
      at(gh, '17:30')
      expectSwept(await sweep(gh))
      expect(gh.labelsOf(number)).toContain('sla-breached')
      expect(breaches(gh, number)).toHaveLength(2)
      expect(breaches(gh, number)[1]!.body).toContain(
        '@olivia: **SLA breached** on this Standard (`tier-3`) escalation: the acknowledge target (8h) was due 2026-11-24 17:00 UTC',
      )
      expect(botLabelHistory(gh, number, 'sla-breached')).toEqual(['+sla-breached', '-sla-breached', '+sla-breached'])
    })
  })

  it('an escalation past both acknowledge and resolve targets gets one notice for each, once', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')
      at(gh, '2026-11-25T09:05:00Z') // 24h05m: acknowledge (30m) and resolve (1d) both missed
      expectSwept(await sweep(gh))
      at(gh, '2026-11-25T09:20:00Z')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
      const notices = breaches(gh, number).map((comment) => comment.body!)
      expect(notices).toHaveLength(2)
      expect(notices[0]).toContain('the acknowledge target (30m) was due 2026-11-24 09:30 UTC and is 23h 35m late.')
      expect(notices[1]).toContain('the resolve target (1d) was due 2026-11-25 09:00 UTC and is 5m late.')
      expect(statuses(gh, number)).toHaveLength(1)
      expect(own(gh, number, 'status')[0]!.body).toContain('SLA breached')
    })
  })

  it('keeps the first response once it scrolls out of the 50 comments a sweep reads: no false breach', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-2') // acknowledge within 2h, update every 8h
      at(gh, '09:30')
      gh.act.comment(number, 'On it: pulling the audit log with the data team.', 'olivia')
      const chatter = (from: string, count: number, by: string) => {
        gh.clock.set(from)
        for (let i = 0; i < count; i++) {
          gh.clock.advance(5)
          gh.act.comment(number, `Customer note ${i + 1}: more affected accounts found.`, by)
        }
      }
      chatter('2026-11-24T10:00:00Z', 30, 'carla')
      at(gh, '17:00')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(1)
      chatter('2026-11-24T17:05:00Z', 30, 'rita')
      expect(gh.comments(number).length).toBeGreaterThan(60) // Olivia's reply is no longer among the last 50

      at(gh, '2026-11-25T01:00:00Z')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual(['POST /repos/{owner}/{repo}/issues/{issue_number}/comments'])
      expect(gh.labelsOf(number)).not.toContain('sla-breached')
      expect(breaches(gh, number)).toEqual([])
      expect(statuses(gh, number)).toHaveLength(2)
      const status = statuses(gh, number)[1]!.body!
      expect(status).toContain('within SLA')
      expect(row(status, 'Acknowledge')).toBe('met at 2026-11-24 09:30 UTC (target 2026-11-24 11:00 UTC)')
    })
  })
})
