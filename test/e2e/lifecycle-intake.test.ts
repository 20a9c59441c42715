/**
 * Filing an escalation through the bundle: the card is the one comment, it tells the tier's
 * people at once (complete or not), the filer is asked for what is missing while the clock
 * runs, edits update the card silently, and re-deliveries change nothing.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver, teamConfig } from './scenario'
import { botComments, expectSuccess, fileEscalation, labelFlaps, mark, onlyComment, withRepo } from './thread'

describe.concurrent('intake', () => {
  it('writes nothing on an issue without the escalation label', async () => {
    await withRepo(async (gh) => {
      const { events } = fileEscalation(gh, { answers: COMPLETE, labels: [] })
      const since = mark(gh)
      const [result] = await deliver(gh, events)
      expectSuccess(result!)
      expect(result!.outputs).toMatchObject({ 'escalation-number': '', tier: '', state: 'not-escalation' })
      expect(since.writes()).toEqual([])
      expect(since.requests()).toHaveLength(1)
      expect(result!.summary).toContain('no `escalation` label')
    })
  })

  it('a Critical escalation filed with a missing field: one card that tells the tier’s people, the owners and the filer at once', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'unknown', requestedTier: 'Tier 1 – Critical' } })
      const [opened, labeled] = await deliver(gh, events)
      expectSuccess(opened!)
      expectSuccess(labeled!)
      // carla has triage, the tier's permission: the requested tier holds.
      expect(opened!.outputs).toMatchObject({ tier: 'tier-1', state: 'filed', 'needs-info': 'true' })
      expect(botComments(gh, number)).toHaveLength(1)
      const card = onlyComment(gh, number, 'card').body!
      for (const who of ['@acme/support-leads', '@vp-sam', '@olivia', '@carla']) expect(card).toContain(who)
      expect(card).toContain('Open: waiting for an owner to acknowledge')
      expect(card).toContain('**Root cause**: `unknown` is a placeholder')
      expect(card).toContain('The SLA clock is already running')
      expect(card).toContain('| **The ask** | Approve a data restore')
      expect(card).toContain('ARR $1.2M · renews 2027-01-31')
      expect(card).toContain('due 2026-11-24 09:30 UTC')
      expect(card).not.toMatch(/acknowledged by/i)
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'needs-info', 'tier-1'])
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      expect(labelFlaps(gh, number)).toEqual([])
    })
  })

  it('an edit completing the form updates the card in place and lifts needs-info; the same event again writes nothing', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, impact: '' } })
      await deliver(gh, events)
      const before = onlyComment(gh, number, 'card')
      gh.clock.advance(20)
      const edit = gh.act.editIssue(number, { by: 'carla', body: (await import('./scenario')).formBody(COMPLETE) })
      const result = await runAction(gh, edit)
      expectSuccess(result)
      expect(result.outputs['needs-info']).toBe('false')
      const after = onlyComment(gh, number, 'card')
      expect(after.id).toBe(before.id)
      expect(after.body).not.toContain('Missing information')
      expect(gh.labelsOf(number)).not.toContain('needs-info')
      const since = mark(gh)
      expectSuccess(await runAction(gh, edit))
      expect(since.writes()).toEqual([])
      expect(since.requests()).toHaveLength(1)
    })
  })

  it('the form’s requested tier from someone below its permission starts at the default, said in the card', async () => {
    await withRepo(
      async (gh) => {
        gh.setCollaborator('rita', 'read')
        const { events, number } = fileEscalation(gh, { by: 'rita', answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
        const [opened] = await deliver(gh, events)
        expect(opened!.outputs.tier).toBe('tier-3')
        const card = onlyComment(gh, number, 'card').body!
        expect(card).toContain('the form asked for Critical (`tier-1`)')
        expect(card).toContain('`/tier tier-1`')
        expect(botComments(gh, number)).toHaveLength(1)
      },
      { config: teamConfig() },
    )
  })

  it('two runs at once (opened and labeled) settle on one card', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      const results = await Promise.all(events.map((event) => runAction(gh, event as never)))
      for (const result of results) expectSuccess(result)
      expect(botComments(gh, number).filter((comment) => comment.body?.startsWith('<!-- escalation-desk:card'))).toHaveLength(1)
      const since = mark(gh)
      await runAction(gh, events[0] as never)
      expect(since.writes()).toEqual([])
    })
  })
})
