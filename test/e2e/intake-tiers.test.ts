/**
 * Tiers by label, with permissions: the default tier, the form's requested tier (honoured or
 * refused by the filer's permission), several tier labels, a label from someone without the
 * permission, and re-tiering with the acknowledgement edited in place and people notified once.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver } from './scenario'
import { botComments, botLabelEvents, expectSuccess, fileEscalation, mark, onlyComment, ownComments, withRepo } from './thread'

describe.concurrent('tiers', () => {
  it('gives the default tier when none is requested: tier-3 label, owner tom, no notifications', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: undefined } })
      const [opened, labeled] = await deliver(gh, events)
      expectSuccess(opened!)
      expect(opened!.outputs).toEqual({ 'escalation-number': String(number), tier: 'tier-3', state: 'acknowledged' })
      expect(labeled!.outputs.tier).toBe('tier-3')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-3'])
      expect(botLabelEvents(gh, number, 'labeled')).toEqual(['tier-3'])
      expect(gh.assigneesOf(number)).toEqual(['tom'])
      const ack = onlyComment(gh, number, 'ack').body!
      expect(ack).toContain('### Escalation acknowledged: Standard (`tier-3`)')
      expect(ack).toContain('| **Owners** | @tom |')
      expect(ack).toContain('| **Notified** | _none configured_ |')
      expect(ack).toContain('| **Acknowledge by** | 2026-11-24 17:00 UTC (within 8h) |')
      expect(ack).toContain('- 2026-11-24 09:00 UTC: `tier-3` (default tier)')
      expect(ownComments(gh, number, 'notify')).toEqual([])
      expect(ownComments(gh, number, 'notice')).toEqual([])
      expect(botComments(gh, number)).toHaveLength(1)
    })
  })

  it('honours the requested tier for a filer with triage access (carla asks for Tier 1)', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.tier).toBe('tier-1')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      const ack = onlyComment(gh, number, 'ack').body!
      expect(ack).toContain('### Escalation acknowledged: Critical (`tier-1`)')
      expect(ack).toContain('- 2026-11-24 09:00 UTC: `tier-1` (requested in the form)')
      expect(ack).toContain('| **Notified** | @acme/support-leads, @vp-sam |')
      expect(ack).toContain('| **Acknowledge by** | 2026-11-24 09:30 UTC (within 30m) |')
      expect(onlyComment(gh, number, 'notify').body).toContain(
        '@acme/support-leads @vp-sam: this escalation is now **Critical** (`tier-1`).',
      )
      expect(ownComments(gh, number, 'notice')).toEqual([])
    })
  })

  it('refuses the requested tier of a read-only filer (rita) with a notice, once', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { by: 'rita', answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
      const [opened, labeled] = await deliver(gh, events)
      expectSuccess(opened!)
      expectSuccess(labeled!)
      expect(opened!.outputs.tier).toBe('tier-3')
      expect(labeled!.outputs.tier).toBe('tier-3')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-3'])
      expect(gh.assigneesOf(number)).toEqual(['tom'])
      expect(onlyComment(gh, number, 'notice').body).toContain(
        'The form asked for Critical (`tier-1`). Tiers are set by the escalation owners, so this escalation starts at ' +
          'Standard (`tier-3`) until someone with triage access applies `tier-1`.',
      )
      expect(onlyComment(gh, number, 'ack').body).toContain('### Escalation acknowledged: Standard (`tier-3`)')
      expect(ownComments(gh, number, 'notify')).toEqual([]) // nobody paged for a tier that was not granted
    })
  })

  it('keeps the highest of several permitted tier labels and removes the others with a note', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE }) // tier-2, requested by carla
      await deliver(gh, events)
      const ackBefore = onlyComment(gh, number, 'ack')
      gh.clock.advance(15)
      const byTom = gh.act.label(number, 'tier-3', 'tom')
      const byOlivia = gh.act.label(number, 'tier-1', 'olivia')
      const [first, second] = await deliver(gh, [byTom, byOlivia])
      expectSuccess(first!)
      expectSuccess(second!)
      expect(first!.outputs.tier).toBe('tier-1')
      expect(second!.outputs.tier).toBe('tier-1')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      expect(botLabelEvents(gh, number, 'unlabeled').sort()).toEqual(['tier-2', 'tier-3'])
      expect(onlyComment(gh, number, 'notice').body).toContain(
        'An escalation has one tier: `tier-1` (Critical) is the highest applied, so `tier-2`, `tier-3` were removed.',
      )
      const ack = onlyComment(gh, number, 'ack')
      expect(ack.id).toBe(ackBefore.id)
      expect(ack.body).toContain('### Escalation acknowledged: Critical (`tier-1`)')
      expect(ack.body).toContain('- 2026-11-24 09:15 UTC: `tier-1` (label applied by olivia)')
    })
  })

  it('removes a tier label applied by someone with read access, explaining why to her', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      await deliver(gh, events)
      const ackBefore = onlyComment(gh, number, 'ack')
      gh.clock.advance(10)
      const since = mark(gh)
      const result = await runAction(gh, gh.act.label(number, 'tier-1', 'rita'))
      expectSuccess(result)
      expect(result.outputs.tier).toBe('tier-2')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      expect(onlyComment(gh, number, 'notice').body).toContain(
        '@rita, thanks for flagging this. The `tier-1` label (Critical) can only be applied by someone with triage access ' +
          'or higher to this repository, so it has been removed.',
      )
      expect(onlyComment(gh, number, 'ack')).toEqual(ackBefore) // the tier did not change
      expect(ownComments(gh, number, 'notify').map((comment) => comment.body)).not.toContainEqual(expect.stringContaining('Critical'))
      expect(
        since
          .writes()
          .map((request) => `${request.method} ${request.route}`)
          .sort(),
      ).toEqual([
        'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      ])
      // GitHub delivers the same event again: the explanation is not repeated.
      const again = mark(gh)
      expectSuccess(await runAction(gh, gh.act.label(number, 'tier-2', 'olivia')))
      expect(again.writes()).toEqual([])
      expect(ownComments(gh, number, 'notice')).toHaveLength(1)
    })
  })

  it('re-tiers in place: the ack keeps the tier history, each tier’s people are notified once', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      await deliver(gh, events)
      const ack = onlyComment(gh, number, 'ack')
      expect(ownComments(gh, number, 'notify')).toHaveLength(1) // tier-2: acme/support-leads

      gh.clock.advance(35)
      const retier = gh.act.label(number, 'tier-1', 'olivia')
      const up = await runAction(gh, retier)
      expectSuccess(up)
      expect(up.outputs.tier).toBe('tier-1')
      const edited = onlyComment(gh, number, 'ack')
      expect(edited.id).toBe(ack.id)
      expect(edited.body).toContain('### Escalation acknowledged: Critical (`tier-1`)')
      expect(edited.body).toMatch(
        /\*\*Tier history\*\*\n- 2026-11-24 09:00 UTC: `tier-2` \([^)]+\)\n- 2026-11-24 09:35 UTC: `tier-1` \(label applied by olivia\)/,
      )
      expect(edited.body).toContain('| **Notified** | @acme/support-leads, @vp-sam |')
      const notify = ownComments(gh, number, 'notify')
      expect(notify.map((comment) => comment.body!.split('\n')[1])).toEqual([
        '@acme/support-leads: this escalation is now **High** (`tier-2`).',
        '@acme/support-leads @vp-sam: this escalation is now **Critical** (`tier-1`).',
      ])

      // The same event again: nothing.
      const since = mark(gh)
      expectSuccess(await runAction(gh, retier))
      expect(since.writes()).toEqual([])
      expect(since.requests().length).toBeLessThanOrEqual(3)

      // Down to tier-2 and back up to tier-1: nobody is notified a second time.
      gh.clock.advance(10)
      const down = await runAction(gh, gh.act.unlabel(number, 'tier-1', 'olivia'))
      expectSuccess(down)
      expect(down.outputs.tier).toBe('tier-2')
      gh.clock.advance(10)
      const upAgain = await runAction(gh, gh.act.label(number, 'tier-1', 'olivia'))
      expectSuccess(upAgain)
      expect(upAgain.outputs.tier).toBe('tier-1')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      expect(ownComments(gh, number, 'notify')).toHaveLength(2)
      expect(onlyComment(gh, number, 'ack').id).toBe(ack.id)
      const history = onlyComment(gh, number, 'ack').body!.split('**Tier history**\n')[1]!.split('\n\n')[0]!.split('\n')
      expect(history).toHaveLength(4)
      expect(history[3]).toBe('- 2026-11-24 09:55 UTC: `tier-1` (label applied by olivia)')
    })
  })
})
