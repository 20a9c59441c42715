/**
 * The chat sender against the local Slack and Teams webhooks: messages the builders make arrive
 * with nothing the services would refuse; 429s are waited out, 5xx and lost connections retried
 * once, timeouts and refusals end in ok:false with a problem that never names the secret URL,
 * and nothing ever throws.
 */
import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { slackMessage } from '../../src/core/chat/slack-message'
import { teamsMessage } from '../../src/core/chat/teams-message'
import { sendChat, type ChatResult, type ChatTarget } from '../../src/github/chat-sender'
import { startChatReceiver, type ChatReceiver } from '../local-github'
import { hostileNotice, NOTICE } from '../unit/chat/fixtures'

/** A second of Retry-After lasts 5 ms here. */
const FAST = { retryBaseMs: 5, timeoutMs: 2000 }

let receiver: ChatReceiver
let slack: ChatTarget
let teams: ChatTarget

beforeEach(async () => {
  receiver = await startChatReceiver()
  slack = { kind: 'slack', url: receiver.slackUrl }
  teams = { kind: 'teams', url: receiver.teamsUrl }
})
afterEach(() => receiver.close())

/** The problem text must not carry the webhook URL or any secret part of it. */
function expectNoSecret(result: ChatResult, target: ChatTarget) {
  const { pathname, search } = new URL(target.url)
  for (const secret of [target.url, pathname, search, ...pathname.split('/').filter((s) => s.length > 8)].filter(Boolean))
    expect(result.problem ?? '').not.toContain(secret)
}

const statuses = () => receiver.received.map((m) => m.status)

describe('sendChat', () => {
  it('delivers a Slack message the webhook accepts', async () => {
    const result = await sendChat(slack, slackMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: true, status: 200 })
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]!.body).toEqual(slackMessage(NOTICE))
    expect(receiver.received[0]!.headers['content-type']).toMatch(/^application\/json/)
    expect(receiver.validationErrors).toEqual([])
  })

  it('delivers a Teams card the flow accepts', async () => {
    const result = await sendChat(teams, teamsMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: true, status: 202 })
    expect(receiver.received[0]!.body).toEqual(teamsMessage(NOTICE))
    expect(receiver.validationErrors).toEqual([])
  })

  it('hostile notices arrive whole-shaped and without a single live mention', async () => {
    for (const event of ['opened', 'resolved'] as const) {
      expect((await sendChat(slack, slackMessage(hostileNotice({ event })), FAST)).ok).toBe(true)
      expect((await sendChat(teams, teamsMessage(hostileNotice({ event })), FAST)).ok).toBe(true)
    }
    expect(receiver.validationErrors).toEqual([])
    expect(receiver.received.flatMap((m) => m.mentions)).toEqual([])
  })

  it('a 429 is waited out as Retry-After says, then the message goes through', async () => {
    receiver.faults.push('slack', 'rate_limited')
    const result = await sendChat(slack, slackMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: true, status: 200 })
    expect(statuses()).toEqual([429, 200])
    expect(receiver.validationErrors).toEqual([])
  })

  it('a 429 that lasts is retried twice, then given up', async () => {
    for (let i = 0; i < 3; i++) receiver.faults.push('slack', 'rate_limited')
    const result = await sendChat(slack, slackMessage(NOTICE), FAST)
    expect(result.ok).toBe(false)
    expect(result.status).toBe(429)
    expect(result.problem).toMatch(/rate limited/)
    expect(statuses()).toEqual([429, 429, 429])
  })

  it('a 429 asking for longer than the run should wait is given up at once', async () => {
    receiver.faults.push('slack', { status: 429, body: 'rate_limited', headers: { 'retry-after': '60' } })
    const result = await sendChat(slack, slackMessage(NOTICE), { ...FAST, maxRetryAfterSeconds: 30 })
    expect(result).toMatchObject({ ok: false, status: 429 })
    expect(result.problem).toContain('60 s')
    expect(statuses()).toEqual([429])
  })

  it('410 channel_is_archived: not retried, ok:false, the problem names it and not the URL', async () => {
    receiver.faults.push('slack', 'channel_is_archived')
    const result = await sendChat(slack, slackMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: false, status: 410, problem: 'Slack answered 410 channel_is_archived' })
    expectNoSecret(result, slack)
    expect(statuses()).toEqual([410])
  })

  it.each(['invalid_blocks', 'invalid_token', 'no_service'] as const)('Slack %s is reported, not retried', async (fault) => {
    receiver.faults.push('slack', fault)
    const result = await sendChat(slack, slackMessage(NOTICE), FAST)
    expect(result.ok).toBe(false)
    expect(result.problem).toContain(fault)
    expect(receiver.received).toHaveLength(1)
  })

  it('a 5xx is retried once and then succeeds', async () => {
    receiver.faults.push('slack', 'server_error')
    expect(await sendChat(slack, slackMessage(NOTICE), FAST)).toEqual({ ok: true, status: 200 })
    expect(statuses()).toEqual([500, 200])
  })

  it('a 5xx twice: ok:false', async () => {
    receiver.faults.push('teams', { status: 502, body: '' })
    receiver.faults.push('teams', { status: 503, body: '' })
    const result = await sendChat(teams, teamsMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: false, status: 503, problem: 'Teams answered 503, also on a retry' })
    expect(statuses()).toEqual([502, 503])
  })

  it('a Workflows error is reported by its code', async () => {
    const error = { error: { code: 'WorkflowTriggerIsNotEnabled', message: 'The workflow is disabled.' } }
    receiver.faults.push('teams', { status: 400, body: JSON.stringify(error), headers: { 'content-type': 'application/json' } })
    const result = await sendChat(teams, teamsMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: false, status: 400, problem: 'Teams answered 400 WorkflowTriggerIsNotEnabled: The workflow is disabled.' })
  })

  it('an answer that quotes the webhook address is left out of the problem', async () => {
    const { pathname, search } = new URL(receiver.teamsUrl)
    receiver.faults.push('teams', { status: 404, body: `No trigger at ${pathname}${search}` })
    const result = await sendChat(teams, teamsMessage(NOTICE), FAST)
    expect(result.ok).toBe(false)
    expect(result.problem).toMatch(/^Teams answered 404 \(its answer quoted the webhook address/)
    expectNoSecret(result, teams)
  })

  it('a timeout: ok:false, not retried (the service may have the message), no URL', async () => {
    receiver.faults.push('slack', { timeoutMs: 3000 })
    const result = await sendChat(slack, slackMessage(NOTICE), { ...FAST, timeoutMs: 150 })
    expect(result).toEqual({ ok: false, status: null, problem: 'Slack did not answer within 150 ms' })
    expectNoSecret(result, slack)
    expect(receiver.received).toHaveLength(1)
  })

  it('an unreachable host: retried once, then ok:false naming the error code, not the URL', async () => {
    const port = await closedPort()
    const target: ChatTarget = { kind: 'slack', url: `http://127.0.0.1:${port}/services/T0/B0/secretsecretsecret` }
    const result = await sendChat(target, slackMessage(NOTICE), FAST)
    expect(result).toEqual({ ok: false, status: null, problem: 'Slack could not be reached (ECONNREFUSED), also on a retry' })
    expectNoSecret(result, target)
  })

  it('never throws: a bad URL or a payload that is not JSON end in ok:false', async () => {
    const bad = await sendChat({ kind: 'teams', url: 'not a url/secret' }, {}, FAST)
    expect(bad).toEqual({ ok: false, status: null, problem: 'the Teams webhook URL is not an http(s) URL' })
    const circular: Record<string, unknown> = {}
    circular.self = circular
    const notJson = await sendChat(slack, circular, FAST)
    expect(notJson).toEqual({ ok: false, status: null, problem: 'the Slack message could not be written as JSON' })
    expect(receiver.received).toHaveLength(0)
  })
})

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}
