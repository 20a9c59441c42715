/**
 * Re-runs and races through the bundle: a sweep right after a sweep, two sweeps at once, and a
 * sweep racing intake runs on the same escalation.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction } from '../harness'
import { COMPLETE, formBody } from './scenario'
import {
  acknowledge,
  at,
  botLabelHistory,
  breaches,
  expectSwept,
  mark,
  own,
  seed,
  statusCounts,
  statuses,
  sweep,
  withSweepRepo,
} from './sweep-helpers'

describe.concurrent('sweep re-runs and races', () => {
  it('a second sweep right after the first makes no writes and one read', async () => {
    await withSweepRepo(async (gh) => {
      const t1 = seed(gh, 'tier-1').number // breached and due at 11:05
      const t2 = seed(gh, 'tier-2').number
      at(gh, '09:10')
      acknowledge(gh, t2, 'olivia')
      const update = gh.act.comment(t2, '/status Working with Globex ops.', 'olivia') // its run was dropped
      at(gh, '11:05')
      let since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toHaveLength(4) // t1: label, breach notice, status; t2: 👍
      expect(statusCounts(gh, [t1, t2])).toEqual({ [t1]: 1, [t2]: 0 })

      since = mark(gh)
      const again = await sweep(gh)
      expectSwept(again)
      expect(since.writes()).toEqual([])
      expect(since.requests().map((request) => request.route)).toEqual(['graphql'])
      expect(again.summary).toContain('**This run** posted to 0 escalations.')
      expect(again.summary).toContain('Nothing deferred.')
      expect(again.summary).toContain('No changes on GitHub.')
      expect(gh.comments(t2).find((comment) => comment.id === update.commentId)!.reactions['+1']).toBe(1)
    })
  })

  it('two sweeps at once, outside the workflow’s concurrency group, leave exactly one status each', async () => {
    await withSweepRepo(async (gh) => {
      const numbers = [seed(gh, 'tier-1').number, seed(gh, 'tier-1').number]
      at(gh, '09:10')
      for (const number of numbers) acknowledge(gh, number, 'olivia')
      at(gh, '11:05')
      gh.setLatency(30)
      const results = await Promise.all([sweep(gh), sweep(gh)])
      gh.setLatency(0)
      for (const result of results) expectSwept(result)
      // Both read before either posts, so both post; the re-read after the writes makes the
      // later of each pair delete itself.
      expect(numbers.map((number) => statuses(gh, number).length)).toEqual([1, 1])
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
      at(gh, '13:05')
      expectSwept(await sweep(gh))
      expect(numbers.map((number) => statuses(gh, number).length)).toEqual([2, 2])
    })
  })

  it('the shipped workflow puts every sweep (schedule and workflow_dispatch) in one concurrency group', () => {
    const workflow = parse(readFileSync('templates/workflows/escalations.yml', 'utf8')) as {
      on: Record<string, unknown>
      jobs: { sweep: { if: string; concurrency: { group: string; 'cancel-in-progress': boolean } } }
    }
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']))
    // Both events run the sweep job, whose group is fixed; queued, not cancelled.
    expect(workflow.jobs.sweep.if).toBe("github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'")
    expect(workflow.jobs.sweep.concurrency).toEqual({ group: 'escalations-sweep', 'cancel-in-progress': false })
  })

  it('a sweep racing intake on a new escalation duplicates nothing', async () => {
    await withSweepRepo(async (gh) => {
      // One escalation already due, a new tier-1 filed through the form as the sweep starts.
      const old = seed(gh, 'tier-2').number
      at(gh, '09:05')
      acknowledge(gh, old, 'olivia')
      at(gh, '17:10')
      const filed = gh.act.openIssue({
        by: 'carla',
        title: '[Escalation] Initech: invoices doubled',
        body: formBody({ ...COMPLETE, requestedTier: undefined }),
        labels: ['escalation', 'tier-1'],
      })
      const intake = (async () => {
        const results = []
        for (const event of filed) results.push(await runAction(gh, event))
        return results
      })()
      const [swept, intakeResults] = await Promise.all([sweep(gh), intake])
      expectSwept(swept)
      for (const result of intakeResults) expect(result.exitCode, result.stdout).toBe(0)

      const number = filed.number
      expect(own(gh, number, 'ack')).toHaveLength(1)
      expect(own(gh, number, 'notify')).toHaveLength(1)
      expect(statuses(gh, number)).toEqual([])
      expect(breaches(gh, number)).toEqual([])
      expect(statuses(gh, old)).toHaveLength(1)
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])

      // Later sweeps and a redelivered intake settle on the same comments.
      at(gh, '17:45') // past tier-1's acknowledge target
      await Promise.all([sweep(gh), runAction(gh, filed[0]!)])
      at(gh, '17:50')
      const since = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, filed[1]!)])
      expect(since.writes()).toEqual([])
      expect(own(gh, number, 'ack')).toHaveLength(1)
      expect(own(gh, number, 'notify')).toHaveLength(1)
      expect(breaches(gh, number)).toHaveLength(1)
      expect(statuses(gh, old)).toHaveLength(1)
      expect(botLabelHistory(gh, number, 'sla-breached')).toEqual(['+sla-breached'])
    })
  })

  it('a sweep racing the intake of a re-tier (tier-2 → tier-1 when a status is due) duplicates nothing', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-2')
      at(gh, '09:05')
      acknowledge(gh, number, 'olivia')
      // 11:30: Olivia raises it to tier-1 (cadence 2h: a status is due at once) and removes tier-2.
      at(gh, '11:30')
      const raised = gh.act.label(number, 'tier-1', 'olivia')
      const lowered = gh.act.unlabel(number, 'tier-2', 'olivia')
      const [swept, first, second] = await Promise.all([sweep(gh), runAction(gh, raised), runAction(gh, lowered)])
      expectSwept(swept)
      expect(first.exitCode, first.stdout).toBe(0)
      expect(second.exitCode, second.stdout).toBe(0)
      expect(statuses(gh, number)).toHaveLength(1)
      expect(statuses(gh, number)[0]!.body).toContain('### Status update: Critical (`tier-1`)')
      expect(own(gh, number, 'ack')).toHaveLength(1)
      expect(own(gh, number, 'notify')).toHaveLength(1) // tier-1 notifies; tier-2's was never posted here
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      // Re-delivered and re-swept: the intake that raced the sweep may not have seen its status
      // comment yet, so the acknowledgement's "next update by" is corrected once, then nothing.
      at(gh, '11:35')
      const since = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, raised)])
      expect(since.describeWrites().filter((write) => write !== 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toEqual([])
      expect(own(gh, number, 'ack')[0]!.body).toContain('| **Next update by** | 2026-11-24 13:30 UTC')
      const again = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, raised)])
      expect(again.writes()).toEqual([])
    })
  })
})
