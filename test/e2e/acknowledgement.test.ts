/**
 * Acknowledgement by each route a person takes, through the bundle, never by the action: an
 * owner's comment, an assignment by someone with triage, a re-tier by a maintainer; and the
 * SLA of an escalation that waited on the customer, as the post-mortem reports it.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, deliver } from './scenario'
import { stageOnce, withStaged } from './staged'
import { expectSuccess, fileEscalation, onlyComment, withRepo } from './thread'

async function filed(gh: LocalGitHub): Promise<number> {
  const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
  for (const result of await deliver(gh, events)) expectSuccess(result)
  return number
}

const card = (gh: LocalGitHub, number: number) => onlyComment(gh, number, 'card').body ?? ''

/** Filed and taken in once through the bundle; each test from its copy. */
const critical = stageOnce(filed)

describe.concurrent('acknowledgement', () => {
  it('by an owner’s first comment', async () => {
    await withStaged(critical, async (gh, number) => {
      gh.clock.advance(8)
      const result = await runAction(gh, gh.act.comment(number, 'On it: pulling the audit log now.', 'olivia'))
      expect(result.outputs.state).toBe('acknowledged')
      expect(card(gh, number)).toContain('Acknowledged by olivia at 2026-11-24 09:08 UTC')
    })
  })

  it('by an assignment from someone with triage, not by the filer’s own comment', async () => {
    await withStaged(critical, async (gh, number) => {
      gh.clock.advance(3)
      expect((await runAction(gh, gh.act.comment(number, 'Customer just called again.', 'carla'))).outputs.state).toBe('filed')
      gh.clock.advance(5)
      const result = await runAction(gh, gh.act.assign(number, 'tom', 'tom'))
      expect(result.outputs.state).toBe('acknowledged')
      expect(card(gh, number)).toContain('Acknowledged by tom at 2026-11-24 09:08 UTC')
    })
  })

  it('by a re-tier from a maintainer: the clock counts it, not the hours after', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      await deliver(gh, events)
      gh.clock.advance(35)
      expect((await runAction(gh, gh.act.label(number, 'tier-1', 'olivia'))).outputs.state).toBe('acknowledged')
      gh.clock.advance(150)
      expectSuccess(await runAction(gh, gh.schedulePayload()))
      expect(card(gh, number)).toContain('Acknowledged by olivia at 2026-11-24 09:35 UTC')
      expect(card(gh, number)).not.toContain('2h 35m late')
    })
  })

  it('the SLA of an escalation that waited on the customer excludes the wait, in the post-mortem', async () => {
    await withStaged(critical, async (gh, number) => {
      for (const [minutes, text] of [
        [10, '/ack'],
        [50, '/waiting customer exporting the audit log'],
        [240, '/resume'],
        [60, '/resolve Restored from the nightly backup after the customer’s export.'],
      ] as const) {
        gh.clock.advance(minutes)
        expectSuccess(await runAction(gh, gh.act.comment(number, text, 'olivia')))
      }
      const pull = gh.pulls()[0]!
      const document =
        gh.readFile(pull.head.ref, `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`) ?? ''
      expect(document).toContain('Waited on the customer for 4h in all (clocks paused).')
      expect(document).toMatch(/\| Resolve \| 2h \(6h elapsed\) \| 1d \| 2026-11-25 13:00 UTC \| met \|/)
      expect(document).toContain('Acknowledged (by command)')
    })
  })
})
