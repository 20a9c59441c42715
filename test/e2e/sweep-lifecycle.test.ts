/**
 * The scheduled sweep through the bundle: at most one comment per escalation per run, naming
 * people only where they must act and once per reason; warnings before a breach; a missed
 * update told to the contacts once; clocks paused while waiting on the customer; an ETA that
 * passed flagged; nothing written on an escalation closed while the sweep ran.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, deliver } from './scenario'
import { at, expectSwept, mark, sweep, withSweepRepo } from './sweep-helpers'
import { botComments, expectSuccess, fileEscalation, onlyComment, ownComments } from './thread'

async function fileCritical(gh: LocalGitHub, time = '09:00'): Promise<number> {
  at(gh, time)
  const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
  for (const result of await deliver(gh, events)) expectSuccess(result)
  return number
}

async function say(gh: LocalGitHub, number: number, time: string, text: string, by = 'olivia') {
  at(gh, time)
  expectSuccess(await runAction(gh, gh.act.comment(number, text, by)))
}

const statuses = (gh: LocalGitHub, number: number) => ownComments(gh, number, 'status').map((comment) => comment.body ?? '')

describe.concurrent('the sweep', () => {
  it('warns the owners before the acknowledge target, then tells the contacts of the breach, once each', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      at(gh, '09:23')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(1)
      expect(statuses(gh, number)[0]).toContain('Acknowledge target at risk')
      expect(statuses(gh, number)[0]).toContain('@olivia')
      expect(statuses(gh, number)[0]).not.toContain('@cto-casey')
      at(gh, '09:38')
      expectSwept(await sweep(gh))
      const breach = statuses(gh, number)[1] ?? ''
      expect(breach).toContain('Acknowledge SLA breached')
      expect(breach).toContain('@cto-casey')
      expect(gh.labelsOf(number)).toContain('sla-breached')
      const since = mark(gh)
      at(gh, '09:53')
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
    })
  })

  it('folds a breach, a missed update and the due status into one comment', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      at(gh, '11:07')
      expectSwept(await sweep(gh))
      expect(botComments(gh, number)).toHaveLength(2) // the card and one status
      const [status] = statuses(gh, number)
      expect(status).toContain('Acknowledge SLA breached')
      expect(status).toContain('Update overdue')
      expect(onlyComment(gh, number, 'card').body).toContain('breached')
    })
  })

  it('an acknowledged escalation whose team stays silent: one nag for the miss, then plain digests', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      await say(gh, number, '09:10', '/ack')
      at(gh, '11:15')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)[0]).toContain('Update overdue')
      expect(statuses(gh, number)[0]).toContain('@cto-casey')
      at(gh, '13:20')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toHaveLength(2)
      expect(statuses(gh, number)[1]).not.toContain('Update overdue')
      expect(statuses(gh, number)[1]).not.toMatch(/@\w/)
    })
  })

  it('waiting on the customer pauses the clocks: no status, no breach, the resolve due time moves', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      await say(gh, number, '09:10', '/ack')
      await say(gh, number, '09:20', '/waiting customer exporting the audit log')
      at(gh, '2026-11-25T12:00:00Z')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)).toEqual([])
      expect(
        since.writes().filter((write) => write.path.includes(`/issues/${number}/`) || write.path.endsWith(`/issues/${number}`)).length,
      ).toBeLessThanOrEqual(1) // the card, at most
      await say(gh, number, '2026-11-25T12:10:00Z', '/resume')
      expect(onlyComment(gh, number, 'card').body).toContain('due 2026-11-26 11:50 UTC') // filed 09:00 + 1d + 26h50m waited
    })
  })

  it('flags an ETA that passed, naming the owners once', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      await say(gh, number, '09:10', '/status Restore running. ETA: 10:00 UTC')
      at(gh, '10:07')
      expectSwept(await sweep(gh))
      expect(statuses(gh, number)[0]).toContain('ETA passed')
      expect(onlyComment(gh, number, 'card').body).toContain('**passed**')
      at(gh, '10:22')
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
    })
  })

  it('writes nothing on an escalation closed while the sweep ran, and opens its post-mortem though no close run came', async () => {
    await withSweepRepo(async (gh) => {
      const number = await fileCritical(gh)
      at(gh, '11:07')
      gh.setLatency(150)
      const from = gh.requests.length
      const running = sweep(gh)
      // Closed (by olivia, with no run of its own: a dropped event) right after the sweep read the open escalations.
      while (!gh.requests.slice(from).some((request) => request.route === 'graphql' && request.endedAt > 0))
        await new Promise((resolve) => setTimeout(resolve, 10))
      gh.act.close(number, { by: 'olivia', reason: 'completed' })
      expectSwept(await running)
      expect(statuses(gh, number)).toEqual([])
      expect(gh.pulls()).toHaveLength(1)
      expect(ownComments(gh, number, 'notice').at(-1)?.body).toContain('**Resolved.**')
    })
  })
})
