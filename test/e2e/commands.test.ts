/**
 * The lifecycle run from the thread, through the bundle: each command accepted (a 👍, the card
 * updated) and refused (a 😕 and one short reply), `/resolve` closing the issue and opening the
 * post-mortem in the same run.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, deliver } from './scenario'
import { stageOnce, withStaged } from './staged'
import { botComments, expectSuccess, fileEscalation, mark, onlyComment, ownComments } from './thread'

/** A Critical escalation filed by carla at 09:00 and run through intake. */
async function filed(gh: LocalGitHub): Promise<number> {
  const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
  await deliver(gh, events)
  return number
}

async function say(gh: LocalGitHub, number: number, text: string, by: string, minutes = 5) {
  gh.clock.advance(minutes)
  const event = gh.act.comment(number, text, by)
  const result = await runAction(gh, event)
  expectSuccess(result)
  const reactions = gh.comments(number).find((comment) => comment.id === event.commentId)?.reactions as Record<string, number>
  return {
    result,
    id: event.commentId,
    accepted: reactions['+1'] === 1,
    refused: reactions.confused === 1,
    card: onlyComment(gh, number, 'card').body!,
  }
}

/** Most tests start from that escalation, filed and taken in once; each test from its copy. */
const critical = stageOnce(filed)

describe.concurrent('commands', () => {
  it('/ack acknowledges, by the person, with no comment of the action’s own', async () => {
    await withStaged(critical, async (gh, number) => {
      const ack = await say(gh, number, '/ack', 'olivia', 12)
      expect(ack.accepted).toBe(true)
      expect(ack.result.outputs).toMatchObject({ state: 'acknowledged', command: 'ack' })
      expect(ack.card).toContain('Acknowledged by olivia at 2026-11-24 09:12 UTC')
      expect(ack.card).toMatch(/\*\*Acknowledge\*\* \| ✅ met at 2026-11-24 09:12 UTC/)
      expect(botComments(gh, number)).toHaveLength(1)
    })
  })

  it('/status with the ETA on the same line; /eta in several forms; a past or unreadable time is refused with the forms', async () => {
    await withStaged(critical, async (gh, number) => {
      const status = await say(gh, number, '/status Restore running, 60% back. ETA: 11:00 UTC today', 'olivia')
      expect(status.result.outputs.state).toBe('investigating')
      expect(status.card).toContain('| **ETA** | 2026-11-24 11:00 UTC (from olivia')
      expect(status.card).toContain('Restore running, 60% back.')
      const eta = await say(gh, number, '/eta tomorrow 09:00', 'olivia')
      expect(eta.accepted).toBe(true)
      expect(eta.card).toContain('| **ETA** | 2026-11-25 09:00 UTC')
      const past = await say(gh, number, '/eta 08:00 UTC', 'olivia')
      expect(past.refused).toBe(true)
      const reply = ownComments(gh, number, 'notice').at(-1)!.body!
      expect(reply).toContain('@olivia, `/eta` did not run: That time has already passed')
      expect(reply).toContain('`in 2h`')
      expect(past.card).toContain('| **ETA** | 2026-11-25 09:00 UTC')
    })
  })

  it('/waiting customer pauses the resolve clock on the card; /resume starts it again', async () => {
    await withStaged(critical, async (gh, number) => {
      await say(gh, number, '/ack', 'olivia')
      const waiting = await say(gh, number, '/waiting customer exporting the audit log', 'olivia', 55) // 10:00
      expect(waiting.result.outputs.state).toBe('waiting')
      expect(waiting.card).toContain('Waiting on the customer since 2026-11-24 10:00 UTC: exporting the audit log')
      expect(waiting.card).toMatch(/\*\*Resolve\*\* \| ⏸️ paused while waiting on the customer/)
      const resumed = await say(gh, number, '/resume', 'olivia', 240) // 14:00
      expect(resumed.result.outputs.state).toBe('investigating')
      expect(resumed.card).toContain('due 2026-11-25 13:00 UTC') // 1d + 4h waited
    })
  })

  it('/tier re-tiers with the labels following, /owner sets owners and assignees', async () => {
    await withStaged(critical, async (gh, number) => {
      const tier = await say(gh, number, '/tier tier-2 customer has a workaround', 'olivia')
      expect(tier.accepted).toBe(true)
      expect(gh.labelsOf(number).filter((label) => label.startsWith('tier-'))).toEqual(['tier-2'])
      expect(tier.card).toContain('High (`tier-2`): `/tier` by olivia: customer has a workaround')
      const owner = await say(gh, number, '/owner @tom', 'olivia')
      expect(owner.accepted).toBe(true)
      expect(gh.assigneesOf(number)).toEqual(['tom'])
      expect(owner.card).toContain('| **Owners** | @tom |')
    })
  })

  it('refuses commands from read access with one reply a day, and /tier below the tier’s permission', async () => {
    await withStaged(critical, async (gh, number) => {
      const first = await say(gh, number, '/status all good from my side', 'rita')
      const second = await say(gh, number, '/ack', 'rita')
      expect([first.refused, second.refused]).toEqual([true, true])
      const replies = ownComments(gh, number, 'notice')
      expect(replies).toHaveLength(1)
      expect(replies[0]!.body).toContain('@rita, thanks. Status updates that reset the update clock come from the team')
      expect(second.card).toContain('Open: waiting for an owner to acknowledge')
      gh.clock.advance(24 * 60)
      await say(gh, number, '/ack', 'rita')
      expect(ownComments(gh, number, 'notice')).toHaveLength(2)
    })
  })

  it('/help answers with the commands; /timeline is accepted quietly', async () => {
    await withStaged(critical, async (gh, number) => {
      await say(gh, number, '/help', 'rita')
      expect(ownComments(gh, number, 'notice').at(-1)!.body).toContain('`/waiting customer [reason]`')
      const entry = await say(gh, number, '/timeline Customer confirmed the data loss on a call', 'olivia')
      expect(entry.accepted).toBe(true)
      expect(ownComments(gh, number, 'notice')).toHaveLength(1)
    })
  })

  it('/resolve records the resolution, closes the issue and opens the post-mortem in the same run', async () => {
    await withStaged(critical, async (gh, number) => {
      await say(gh, number, '/ack', 'olivia')
      const since = mark(gh)
      const resolve = await say(gh, number, '/resolve Restored all 1,412 opportunities from the nightly backup.', 'olivia', 60)
      expect(resolve.accepted).toBe(true)
      expect(gh.issue(number).state).toBe('closed')
      expect(gh.issue(number).state_reason).toBe('completed')
      expect(resolve.result.outputs).toMatchObject({ state: 'postmortem', command: 'resolve' })
      const pulls = gh.pulls()
      expect(pulls).toHaveLength(1)
      expect(resolve.result.outputs['post-mortem']).toBe(String(pulls[0]!.number))
      expect(resolve.card).toContain(`| **Post-mortem** | #${pulls[0]!.number} |`)
      const document = gh.readFile(pulls[0]!.head.ref, `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`)
      expect(document).toContain('Restored all 1,412 opportunities from the nightly backup.')
      expect(ownComments(gh, number, 'notice').at(-1)!.body).toContain(
        `**Resolved.** The post-mortem is ready for review in #${pulls[0]!.number}`,
      )
      expect(since.writes().filter((write) => write.route.endsWith('/comments')).length).toBeLessThanOrEqual(2)
    })
  })
})
