/**
 * Idempotency: the same event twice, an old event re-run after things moved on, and two runs
 * at once must all leave one comment of each kind and no label flapping.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver, formBody } from './scenario'
import { botComments, describeWrites, expectSuccess, fileEscalation, labelFlaps, mark, onlyComment, ownComments, withRepo } from './thread'

const INCOMPLETE = { ...COMPLETE, rootCause: 'tbd', impact: '' }

describe.concurrent('idempotency', () => {
  it('does nothing the second time the same event is delivered', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: INCOMPLETE })
      expectSuccess(await runAction(gh, opened))
      const before = gh.comments(number)
      const since = mark(gh)
      const again = await runAction(gh, opened)
      expectSuccess(again)
      expect(again.outputs.state).toBe('needs-info')
      expect(describeWrites(since.requests())).toEqual([])
      expect(since.requests().length).toBeLessThanOrEqual(3)
      expect(gh.comments(number)).toEqual(before)
      expect(again.summary).toContain('Already up to date: nothing to change.')
      expect(again.summary).toContain('No changes on GitHub.')

      // The same for an acknowledged escalation.
      const edit = gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) })
      expectSuccess(await runAction(gh, edit))
      const acknowledged = gh.comments(number)
      const second = mark(gh)
      expectSuccess(await runAction(gh, edit))
      expect(describeWrites(second.requests())).toEqual([])
      expect(second.requests().length).toBeLessThanOrEqual(3)
      expect(gh.comments(number)).toEqual(acknowledged)
      expect(labelFlaps(gh, number)).toEqual(['needs-info: labeled → unlabeled']) // added once, removed once when answered
    })
  })

  it('re-running an older event after the issue was completed changes nothing', async () => {
    await withRepo(async (gh) => {
      const { events, opened, number } = fileEscalation(gh, { answers: INCOMPLETE })
      await deliver(gh, events)
      gh.clock.advance(20)
      const complete = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(complete)
      const comments = gh.comments(number)
      const labels = gh.labelsOf(number)

      // The old `opened` and `labeled` events (payloads still saying "tbd") run again, e.g. "Re-run all jobs".
      gh.clock.advance(60)
      const since = mark(gh)
      const rerun = await deliver(gh, events)
      for (const result of rerun) {
        expectSuccess(result)
        expect(result.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
      }
      expect(describeWrites(since.requests())).toEqual([])
      expect(gh.comments(number)).toEqual(comments)
      expect(gh.labelsOf(number)).toEqual(labels)
      expect(gh.labelsOf(number)).not.toContain('needs-info')
      expect(opened.payload.issue.body).toContain('tbd') // the stale payload was not trusted
    })
  })

  it('two runs at once leave one missing-info comment, one ack and no label flap', async () => {
    await withRepo(async (gh) => {
      gh.setLatency(30)
      const { events, number } = fileEscalation(gh, { answers: INCOMPLETE })
      // `opened` and `labeled` arrive together and run side by side, as two workflow runs do.
      const [a, b] = await Promise.all(events.map((event) => runAction(gh, event)))
      expectSuccess(a!)
      expectSuccess(b!)
      expect([a!.outputs.state, b!.outputs.state]).toEqual(['needs-info', 'needs-info'])
      expect(botComments(gh, number)).toHaveLength(1)
      expect(onlyComment(gh, number, 'missing').body).toContain('- **Root cause**: `tbd` is a placeholder, not an answer.')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'needs-info', 'tier-2'])

      // Completed, and the edit's run races with a re-run of the same event.
      gh.clock.advance(15)
      const edit = gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) })
      const [c, d] = await Promise.all([runAction(gh, edit), runAction(gh, edit)])
      expectSuccess(c!)
      expectSuccess(d!)
      expect([c!.outputs.state, d!.outputs.state]).toEqual(['acknowledged', 'acknowledged'])
      expect(ownComments(gh, number, 'missing')).toHaveLength(1)
      expect(onlyComment(gh, number, 'missing').body).toContain('### Required information complete')
      expect(onlyComment(gh, number, 'ack').body).toContain('### Escalation acknowledged: High (`tier-2`)')
      expect(ownComments(gh, number, 'notify')).toHaveLength(1)
      expect(botComments(gh, number)).toHaveLength(3)
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      // each label went on at most once and came off at most once
      expect(labelFlaps(gh, number)).toEqual(['needs-info: labeled → unlabeled'])
      const tierEvents = gh.timeline(number).filter((event) => event.label?.name === 'tier-2')
      expect(tierEvents.map((event) => event.event)).toEqual(['labeled'])

      // And settled: one more run writes nothing.
      const since = mark(gh)
      expectSuccess(await runAction(gh, edit))
      expect(describeWrites(since.requests())).toEqual([])
    })
  })

  it('two runs at once on a re-tier post one notification and one note', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      await deliver(gh, events)
      gh.setLatency(30)
      gh.clock.advance(30)
      const retier = gh.act.label(number, 'tier-1', 'olivia')
      const [a, b] = await Promise.all([runAction(gh, retier), runAction(gh, retier)])
      expectSuccess(a!)
      expectSuccess(b!)
      expect([a!.outputs.tier, b!.outputs.tier]).toEqual(['tier-1', 'tier-1'])
      expect(ownComments(gh, number, 'notify')).toHaveLength(2) // tier-2 earlier, tier-1 now
      expect(ownComments(gh, number, 'notice')).toHaveLength(1)
      expect(ownComments(gh, number, 'ack')).toHaveLength(1)
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      expect(labelFlaps(gh, number)).toEqual(['tier-2: labeled → unlabeled'])
    })
  })
})
