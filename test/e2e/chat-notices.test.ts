/**
 * Chat notices through the bundle: the tier's events go to Slack and Teams once each (the card
 * remembers), a 429 is waited out, a failing webhook never fails the run or holds up the GitHub
 * work and is tried again by the next run, and no user text becomes a live chat mention.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { startChatReceiver, type ChatReceiver, type LocalGitHub } from '../local-github'
import { COMPLETE, deliver } from './scenario'
import { expectSuccess, fileEscalation, mark, withRepo } from './thread'

/** A test's own Slack and Teams receiver, closed after it, so the tests run at once. */
async function withChat(run: (gh: LocalGitHub, receiver: ChatReceiver) => Promise<void>): Promise<void> {
  const receiver = await startChatReceiver()
  try {
    await withRepo((gh) => run(gh, receiver))
  } finally {
    await receiver.close()
  }
}

const inputs = (receiver: ChatReceiver) => ({ 'slack-webhook-url': receiver.slackUrl, 'teams-webhook-url': receiver.teamsUrl })
const card = (gh: LocalGitHub, number: number) =>
  gh.comments(number).find((comment) => comment.body?.startsWith('<!-- escalation-desk:card'))?.body ?? ''

async function fileCritical(gh: LocalGitHub, receiver: ChatReceiver, title?: string) {
  const { events, number } = fileEscalation(gh, { title, answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
  const results = []
  for (const event of events) results.push(await runAction(gh, event as never, { inputs: inputs(receiver) }))
  return { number, events, results }
}

describe.concurrent('chat notices', () => {
  it('an escalation opened: one Slack and one Teams notice, not again on a re-delivery; the card remembers', async () => {
    await withChat(async (gh, receiver) => {
      const { number, events, results } = await fileCritical(gh, receiver)
      for (const result of results) expectSuccess(result)
      expect(receiver.received.map((message) => `${message.kind} ${message.status}`)).toEqual(['slack 200', 'teams 202'])
      expect(receiver.validationErrors).toEqual([])
      const slack = receiver.received[0]!.body as { text: string; blocks: unknown[] }
      expect(slack.text).toContain('Critical')
      expect(JSON.stringify(slack.blocks)).toContain('Globex Corporation')
      expect(card(gh, number)).toContain('"chat":["slack:notify:tier-1","teams:notify:tier-1"]')
      await runAction(gh, events[0] as never, { inputs: inputs(receiver) })
      expect(receiver.received).toHaveLength(2)
      // The secret webhook addresses appear only in the runner's mask command, never in what it prints.
      for (const result of results)
        for (const line of result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')))
          expect(line).not.toContain(receiver.slackUrl)
    })
  })

  it('a 429 with Retry-After is waited out and the notice sent once', async () => {
    await withChat(async (gh, receiver) => {
      receiver.faults.push('slack', 'rate_limited')
      const { results } = await fileCritical(gh, receiver)
      for (const result of results) expectSuccess(result)
      expect(receiver.received.filter((message) => message.kind === 'slack').map((message) => message.status)).toEqual([429, 200])
    })
  })

  it('a webhook that keeps failing: the run succeeds with a warning, the GitHub work is done, the next run sends it once', async () => {
    await withChat(async (gh, receiver) => {
      for (let attempt = 0; attempt < 4; attempt++) receiver.faults.push('slack', { status: 500 })
      const { number, results } = await fileCritical(gh, receiver)
      for (const result of results) expectSuccess(result)
      expect(results.flatMap((result) => result.warnings).join('\n')).toContain('The Slack notice for #1 (opened) was not sent')
      expect(card(gh, number)).toContain('Open: waiting for an owner to acknowledge')
      expect(receiver.received.filter((message) => message.kind === 'slack' && message.status === 200)).toHaveLength(0)
      gh.clock.advance(5)
      const since = mark(gh)
      expectSuccess(await runAction(gh, gh.act.comment(number, '/ack', 'olivia'), { inputs: inputs(receiver) }))
      expect(receiver.received.filter((message) => message.kind === 'slack' && message.status === 200)).toHaveLength(1)
      expect(since.writes().length).toBeGreaterThan(0)
      gh.clock.advance(5)
      await runAction(gh, gh.act.comment(number, 'Working on it.', 'olivia'), { inputs: inputs(receiver) })
      expect(receiver.received.filter((message) => message.kind === 'slack' && message.status === 200)).toHaveLength(1)
    })
  })

  it('no user text becomes a live mention in chat; a tier without chat events sends nothing', async () => {
    await withChat(async (gh, receiver) => {
      await fileCritical(gh, receiver, '[Escalation] <!channel> <@U024BE7LH> @everyone: Globex down')
      expect(receiver.received.length).toBeGreaterThan(0)
      expect(receiver.received.flatMap((message) => message.mentions)).toEqual([])
      const standard = fileEscalation(gh, { answers: { ...COMPLETE, customer: 'Initech', requestedTier: 'Tier 3 – Standard' } })
      const before = receiver.received.length
      await deliver(gh, standard.events, inputs(receiver))
      expect(receiver.received).toHaveLength(before)
    })
  })

  it('a breach in the sweep is announced once; the resolution once, with the post-mortem', async () => {
    await withChat(async (gh, receiver) => {
      const { number } = await fileCritical(gh, receiver)
      gh.clock.advance(40)
      expectSuccess(await runAction(gh, gh.schedulePayload(), { inputs: inputs(receiver) }))
      const breaches = () =>
        receiver.received.filter((message) => message.kind === 'slack' && JSON.stringify(message.body).includes('SLA breached'))
      expect(breaches()).toHaveLength(1)
      gh.clock.advance(15)
      expectSuccess(await runAction(gh, gh.schedulePayload(), { inputs: inputs(receiver) }))
      expect(breaches()).toHaveLength(1)
      gh.clock.advance(5)
      expectSuccess(
        await runAction(gh, gh.act.comment(number, '/resolve Restored from the nightly backup.', 'olivia'), { inputs: inputs(receiver) }),
      )
      const resolved = receiver.received.filter((message) => message.kind === 'slack' && JSON.stringify(message.body).includes('Resolved'))
      expect(resolved).toHaveLength(1)
      expect(JSON.stringify(resolved[0]!.body)).toContain('Post-mortem')
    })
  })
})
