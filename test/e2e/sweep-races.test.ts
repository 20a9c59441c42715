/**
 * Re-runs and races through the bundle: a sweep right after a sweep, two sweeps at once, and a
 * sweep racing intake runs on the same escalation. However they interleave, each escalation
 * keeps one card, and each reason to tell people is told once.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, formBody } from './scenario'
import {
  acknowledge,
  at,
  botLabelHistory,
  breaches,
  expectSwept,
  file,
  mark,
  own,
  statusCounts,
  statuses,
  sweep,
  withSweepRepo,
} from './sweep-helpers'

describe.concurrent('sweep re-runs and races', () => {
  it('a second sweep right after the first makes no writes, only its reads (open escalations, recently closed, open actions; the ledger)', async () => {
    await withSweepRepo(async (gh) => {
      const t1 = (await file(gh, 'tier-1')).number // breached and due at 11:05
      const t2 = (await file(gh, 'tier-2')).number
      at(gh, '09:10')
      await acknowledge(gh, t2, 'olivia')
      const update = gh.act.comment(t2, '/status Working with Globex ops.', 'olivia') // its run was dropped
      at(gh, '11:05')
      let since = mark(gh)
      expectSwept(await sweep(gh))
      // t1: its status, the breach label, its card; t2: the card showing the update, then the 👍 marking it carried out.
      expect(since.describeWrites()).toEqual([
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions',
      ])
      expect(statusCounts(gh, [t1, t2])).toEqual({ [t1]: 1, [t2]: 0 })
      expect(own(gh, t2, 'card')[0]!.body).toContain('Working with Globex ops.')

      since = mark(gh)
      const again = await sweep(gh)
      expectSwept(again)
      expect(since.writes()).toEqual([])
      expect(since.requests().map((request) => request.route)).toEqual(['graphql', 'graphql', 'graphql'])
      expect(since.ledger().map((request) => `${request.route} ${request.write ? 'write' : 'read'}`)).toEqual([
        'graphql read',
        'graphql read',
      ])
      expect(again.summary).toContain('**This run** posted on 0 escalations.')
      expect(again.summary).toContain('Nothing deferred.')
      expect(gh.comments(t2).find((comment) => comment.id === update.commentId)!.reactions['+1']).toBe(1)
    })
  })

  it('two sweeps at once, outside the workflow’s concurrency group, leave exactly one status each', async () => {
    await withSweepRepo(async (gh) => {
      const numbers = [(await file(gh, 'tier-1')).number, (await file(gh, 'tier-1')).number]
      at(gh, '09:10')
      for (const number of numbers) await acknowledge(gh, number, 'olivia')
      at(gh, '11:05')
      gh.setLatency(30)
      const results = await Promise.all([sweep(gh), sweep(gh)])
      gh.setLatency(0)
      for (const result of results) expectSwept(result)
      // Both read before either posts, so both post; the re-read after the writes makes the
      // later of each pair delete itself.
      expect(numbers.map((number) => statuses(gh, number).length)).toEqual([1, 1])
      expect(numbers.map((number) => own(gh, number, 'card').length)).toEqual([1, 1])
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
      at(gh, '13:10') // a cadence after the first status (the sweep records it a moment after 11:05)
      expectSwept(await sweep(gh))
      expect(numbers.map((number) => statuses(gh, number).length)).toEqual([2, 2])
    })
  })

  it('the shipped workflow puts every sweep (schedule and workflow_dispatch) in one concurrency group', () => {
    const workflow = parse(readFileSync('templates/workflows/escalations.yml', 'utf8')) as {
      on: Record<string, unknown>
      jobs: Record<'sweep' | 'report', { concurrency: { group: string; 'cancel-in-progress': boolean } }>
    }
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['schedule', 'workflow_dispatch']))
    // Both events run the sweep job (or the report, which writes the same ledger), whose group is
    // fixed; queued, not cancelled. Which event runs which job: test/unit/action/conventions.test.ts.
    for (const job of [workflow.jobs.sweep, workflow.jobs.report])
      expect(job.concurrency).toEqual({ group: 'escalations-sweep', 'cancel-in-progress': false })
  })

  it('a sweep racing intake on a new escalation duplicates nothing', async () => {
    await withSweepRepo(async (gh) => {
      // One escalation already due, a new tier-1 filed through the form as the sweep starts.
      const old = (await file(gh, 'tier-2')).number
      at(gh, '09:05')
      await acknowledge(gh, old, 'olivia')
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
      gh.setLatency(100) // the sweep reads the new escalation before its card is posted
      const [swept, intakeResults] = await Promise.all([sweep(gh), intake])
      gh.setLatency(0)
      expectSwept(swept)
      for (const result of intakeResults) expect(result.exitCode, result.stdout).toBe(0)

      const number = filed.number
      // Whichever saw the new escalation without its card posted one; the later of two removed itself.
      expect(own(gh, number, 'card')).toHaveLength(1)
      expect(own(gh, number, 'card')[0]!.body).toContain('**Notified:** @acme/support-leads, @vp-sam')
      expect(statuses(gh, number)).toEqual([])
      expect(own(gh, number, 'notice')).toEqual([])
      expect(statuses(gh, old)).toHaveLength(1)
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])

      // Later sweeps and a redelivered intake settle on the same comments.
      at(gh, '17:45') // past tier-1's acknowledge target
      await Promise.all([sweep(gh), runAction(gh, filed[0]!)])
      at(gh, '17:50')
      await Promise.all([sweep(gh), runAction(gh, filed[1]!)])
      const since = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, filed[1]!)])
      expect(since.writes()).toEqual([])
      expect(own(gh, number, 'card')).toHaveLength(1)
      expect(own(gh, number, 'notice')).toEqual([])
      expect(breaches(gh, number)).toHaveLength(1)
      expect(statuses(gh, number)).toHaveLength(1)
      expect(statuses(gh, old)).toHaveLength(1)
      expect(botLabelHistory(gh, number, 'sla-breached')).toEqual(['+sla-breached'])
    })
  })

  it('a sweep racing the intake of a re-tier (tier-2 → tier-1 when a status is due) duplicates nothing', async () => {
    await withSweepRepo(async (gh) => {
      const { number, raised } = await raceRaise(gh)
      expect(statuses(gh, number)).toHaveLength(1)
      expect(statuses(gh, number)[0]!.body).toContain('### Status: Critical escalation')
      expect(own(gh, number, 'card')).toHaveLength(1)
      expect(own(gh, number, 'notice').length).toBeLessThanOrEqual(1) // the two intake runs settled on one
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'sla-breached', 'tier-1'])

      // Re-delivered and re-swept: at most the card is corrected once, then nothing.
      at(gh, '11:35')
      const since = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, raised)])
      expect(since.describeWrites().filter((write) => write !== 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}')).toEqual([])
      const again = mark(gh)
      await Promise.all([sweep(gh), runAction(gh, raised)])
      expect(again.writes()).toEqual([])
      expect(statuses(gh, number)).toHaveLength(1)
    })
  })

  // Known bug: the sweep folds the raise into its status while the raise's own intake run posts
  // its notice; the two comments differ in marker and key, so neither run settles the other.
  it('a sweep racing the intake of a re-tier tells tier-1’s people of the raise once', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = await raceRaise(gh)
      const told = [...own(gh, number, 'notice'), ...statuses(gh, number)].filter((comment) =>
        comment.body?.includes('this escalation is now **Critical**'),
      )
      expect(told.map((comment) => comment.body!.split('\n')[0])).toHaveLength(1)
    })
  })
})

/**
 * A tier-2 escalation acknowledged at 09:05; at 11:30 olivia raises it to tier-1 (cadence 2h:
 * an update is overdue at once) and removes tier-2, and the sweep and the two intake runs of
 * her label changes start together. GitHub answers slowly, so each reads before any writes.
 */
async function raceRaise(gh: LocalGitHub) {
  const { number } = await file(gh, 'tier-2')
  at(gh, '09:05')
  await acknowledge(gh, number, 'olivia')
  at(gh, '11:30')
  const raised = gh.act.label(number, 'tier-1', 'olivia')
  const lowered = gh.act.unlabel(number, 'tier-2', 'olivia')
  gh.setLatency(150)
  const runs = await Promise.all([sweep(gh), runAction(gh, raised), runAction(gh, lowered)])
  gh.setLatency(0)
  expectSwept(runs[0])
  for (const run of runs.slice(1)) expect(run.exitCode, run.stdout).toBe(0)
  return { number, raised }
}
