import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startChatReceiver, type ChatReceiver } from '../../local-github'

let chat: ChatReceiver
beforeAll(async () => {
  chat = await startChatReceiver()
})
beforeEach(() => chat.clear())
afterAll(() => chat.close())

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, text: await res.text(), headers: res.headers }
}
const plain = (text: string) => ({ type: 'plain_text', text })
const md = (text: string) => ({ type: 'mrkdwn', text })
const problems = () => chat.validationErrors.map((e) => `${e.severity} ${e.path}: ${e.problem}`)

describe('Slack incoming webhook', () => {
  it('answers ok to a valid message and records it with its mentions', async () => {
    const message = {
      text: 'Escalation #12 breached its SLA <!here>',
      blocks: [
        { type: 'header', text: plain('SLA breach: Globex') },
        { type: 'section', text: md('Owner <@U024BE7LH> — *tier-1*'), fields: [md('*ARR*\n$1.2M'), md('*Renewal*\n2027-01-31')] },
        { type: 'context', elements: [md('acme/support#12'), { type: 'image', image_url: 'https://example.com/a.png', alt_text: 'logo' }] },
        { type: 'divider' },
        {
          type: 'actions',
          elements: [{ type: 'button', text: plain('Open issue'), url: 'https://github.com/acme/support/issues/12', style: 'primary' }],
        },
      ],
    }
    const res = await post(chat.slackUrl, message)
    expect([res.status, res.text]).toEqual([200, 'ok'])
    expect(chat.received).toMatchObject([{ kind: 'slack', body: message, status: 200, mentions: ['<!here>', '<@U024BE7LH>'] }])
    expect(chat.received[0]!.headers['content-type']).toBe('application/json')
    expect(problems()).toEqual([])
  })

  it('refuses blocks beyond Slack’s limits with 400 invalid_blocks', async () => {
    const cases: [unknown[], string][] = [
      [Array.from({ length: 51 }, () => ({ type: 'divider' })), 'blocks: must have at most 50 items (has 51)'],
      [[{ type: 'section', text: md('x'.repeat(3001)) }], 'blocks[0].text.text: must have at most 3000 characters (has 3001)'],
      [[{ type: 'header', text: plain('h'.repeat(151)) }], 'blocks[0].text.text: must have at most 150 characters (has 151)'],
      [[{ type: 'header', text: md('*bold*') }], 'blocks[0].text.type: must be one of "plain_text" (is "mrkdwn")'],
      [
        [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }],
        'blocks[0].elements: must have at most 10 items (has 11)',
      ],
      [[{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }], 'blocks[0].fields: must have at most 10 items (has 11)'],
      [[{ type: 'section', fields: [md('f'.repeat(2001))] }], 'blocks[0].fields[0].text: must have at most 2000 characters (has 2001)'],
      [
        [{ type: 'actions', elements: [{ type: 'button', text: plain('b'), url: `https://x.io/${'u'.repeat(2990)}` }] }],
        'blocks[0].elements[0].url: must have at most 3000 characters (has 3003)',
      ],
      [[{ type: 'table' }], 'blocks[0].type: unknown block type "table"'],
      [[{ type: 'divider', text: md('x') }], 'blocks[0]: has unknown properties text'],
    ]
    for (const [blocks, problem] of cases) {
      chat.clear()
      const res = await post(chat.slackUrl, { text: 'fallback', blocks })
      expect([res.status, res.text, problems()]).toEqual([400, 'invalid_blocks', [`refused ${problem}`]])
    }
  })

  it('accepts blocks without text but records the lost notification text; no text at all is no_text', async () => {
    expect((await post(chat.slackUrl, { blocks: [{ type: 'divider' }] })).status).toBe(200)
    expect(problems()).toEqual(['lossy text: missing: the notification (and screen readers) fall back to it'])
    chat.clear()
    expect(await post(chat.slackUrl, {}).then((r) => [r.status, r.text])).toEqual([400, 'no_text'])
    expect((await post(chat.slackUrl, 'payload=not-json')).text).toBe('invalid_payload')
  })

  it('answers scripted faults once, in order: 429 with Retry-After, archived channel, bad token', async () => {
    chat.faults.push('slack', 'rate_limited')
    chat.faults.push('slack', 'channel_is_archived')
    chat.faults.push('slack', { status: 403, body: 'invalid_token' })
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await post(chat.slackUrl, { text: `try ${i}` }))
    expect(answers.map((a) => [a.status, a.text])).toEqual([
      [429, 'rate_limited'],
      [410, 'channel_is_archived'],
      [403, 'invalid_token'],
      [200, 'ok'],
    ])
    expect(answers[0]!.headers.get('retry-after')).toBe('1')
    expect(chat.received.map((m) => m.status)).toEqual([429, 410, 403, 200])
  })
})

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'message',
  attachments: [
    { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.4', body, ...extra } },
  ],
})

describe('Teams Workflows webhook', () => {
  it('answers 202 to a valid Adaptive Card and records its mentions', async () => {
    const message = card(
      [
        { type: 'TextBlock', text: 'SLA breach: Globex <at>Olivia</at>', weight: 'Bolder', wrap: true },
        { type: 'FactSet', facts: [{ title: 'Tier', value: 'tier-1' }] },
        {
          type: 'ColumnSet',
          columns: [{ type: 'Column', width: 'auto', items: [{ type: 'Image', url: 'https://example.com/a.png', altText: 'logo' }] }],
        },
        {
          type: 'Container',
          items: [
            { type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Open', url: 'https://github.com/acme/support/issues/12' }] },
          ],
        },
      ],
      { actions: [{ type: 'Action.OpenUrl', title: 'Issue', url: 'https://github.com/acme/support/issues/12' }] },
    )
    const res = await post(chat.teamsUrl, message)
    expect([res.status, res.text]).toEqual([202, ''])
    expect(chat.received[0]!.mentions).toEqual(['<at>Olivia</at>'])
    expect(problems()).toEqual([])
  })

  it('still answers 202 to cards Teams will drop, and records why', async () => {
    const big = card([{ type: 'TextBlock', text: 'x'.repeat(29_000) }])
    const wrong = {
      type: 'message',
      attachments: [
        {
          contentType: 'application/json',
          content: { type: 'AdaptiveCard', version: '2.0', body: [{ type: 'Table' }, { type: 'TextBlock' }] },
        },
      ],
    }
    expect((await post(chat.teamsUrl, big)).status).toBe(202)
    expect((await post(chat.teamsUrl, wrong)).status).toBe(202)
    expect(problems()).toEqual([
      expect.stringMatching(/^refused body: \d+ bytes: over Teams' 28672 \(28 KB\) message limit$/),
      'refused attachments[0].contentType: must be one of "application/vnd.microsoft.card.adaptive" (is "application/json")',
      'refused attachments[0].content.version: must be one of "1.0", "1.1", "1.2", "1.3", "1.4", "1.5" (is "2.0")',
      'refused attachments[0].content.body[0].type: unknown element type "Table" (known: TextBlock, FactSet, ColumnSet, Container, Image, ActionSet)',
      'refused attachments[0].content.body[1].text: must be a string',
    ])
    expect(chat.validationErrors.map((e) => e.message)).toEqual([0, 1, 1, 1, 1])
  })

  it('answers scripted faults (429, 502) and hangs', async () => {
    chat.faults.push('teams', { status: 429, headers: { 'retry-after': '2' } })
    chat.faults.push('teams', { status: 502 })
    expect((await post(chat.teamsUrl, card([]))).status).toBe(429)
    expect((await post(chat.teamsUrl, card([]))).status).toBe(502)
    chat.faults.push('teams', { timeoutMs: 50 })
    await expect(post(chat.teamsUrl, card([]))).rejects.toThrow()
  })
})
