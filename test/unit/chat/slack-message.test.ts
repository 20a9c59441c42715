import { describe, expect, it } from 'vitest'
import { CHAT_EVENTS } from '../../../src/config/types'
import { slackMessage, SLACK_LIMITS, type SlackBlock } from '../../../src/core/chat/slack-message'
import { mentionsIn } from '../../local-github/chat-shapes'
import { checkSlack } from '../../local-github/chat-slack'
import { hostileNotice, NOTICE, stringsIn } from './fixtures'

const sectionTexts = (blocks: SlackBlock[]) => blocks.flatMap((b) => (b.type === 'section' && 'text' in b ? [b.text.text] : []))
const fieldTexts = (blocks: SlackBlock[]) =>
  blocks.flatMap((b) => (b.type === 'section' && 'fields' in b ? b.fields.map((f) => f.text) : []))
/** `<…>` sequences Slack would parse: only our own links to the issue and post-mortem may be there. */
const controlSequences = (text: string) => [...text.matchAll(/<[^<>]*>/g)].map((m) => m[0])

describe('slackMessage', () => {
  it('carries every part of the notice', () => {
    const json = JSON.stringify(slackMessage(NOTICE))
    for (const part of [
      'SLA breached',
      NOTICE.headline,
      NOTICE.title,
      'acme/support#12',
      'Critical',
      'tier:p1',
      'Globex Corporation',
      '$1.2M',
      '2026-09-30',
      'All EU card payments fail since 08:10 UTC.\\nAbout 400 orders an hour.',
      NOTICE.ask!,
      'olivia, bob-ops',
      NOTICE.slaState,
      NOTICE.acknowledgeDue,
      NOTICE.resolveDue,
      NOTICE.url,
      NOTICE.postMortem!.url,
    ])
      expect(json).toContain(part)
  })

  it('is a payload Slack accepts, with a notification text naming event, tier and customer', () => {
    const message = slackMessage(NOTICE)
    const check = checkSlack(message)
    expect(check.refused).toEqual([])
    expect(check.lossy).toEqual([])
    expect(message.text).toBe('🔴 SLA breached: Critical · Globex Corporation · acme/support#12 Checkout fails for EU customers')
  })

  it('links the issue and, when there is one, the post-mortem', () => {
    const message = slackMessage(NOTICE)
    const buttons = message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))
    expect(buttons.map((b) => [b.text.text, b.url])).toEqual([
      ['Open issue #12', NOTICE.url],
      ['Post-mortem #34', NOTICE.postMortem!.url],
    ])
    expect(sectionTexts(message.blocks)[0]).toContain(`<${NOTICE.url}|acme/support#12>`)
    const { postMortem: _, ...withoutPostMortem } = NOTICE
    expect(JSON.stringify(slackMessage(withoutPostMortem))).not.toContain('/pull/34')
  })

  it('shows owners as plain names, never as mentions', () => {
    const fields = fieldTexts(slackMessage(NOTICE).blocks)
    expect(fields).toContain('*Owners*\nolivia, bob-ops')
    expect(JSON.stringify(slackMessage(NOTICE))).not.toMatch(/@olivia|<@/)
  })

  it('says what is missing instead of leaving a field empty', () => {
    const sparse = { ...NOTICE, customer: null, arr: null, renewal: '', impact: null, ask: '  ', owners: [], headline: '' }
    const message = slackMessage(sparse)
    expect(checkSlack(message).refused).toEqual([])
    expect(fieldTexts(message.blocks)).toEqual(expect.arrayContaining(['*Customer*\n—', '*ARR*\n—', '*Owners*\nnone assigned']))
    expect(message.text).toContain('no customer named')
    expect(sectionTexts(message.blocks).some((t) => t.startsWith('*Impact*') || t.startsWith('*The ask*'))).toBe(false)
  })

  it.each(CHAT_EVENTS)('every event (%s) stays within Slack limits with 65,536-character hostile texts', (event) => {
    const message = slackMessage(hostileNotice({ event }))
    const check = checkSlack(message)
    expect(check.refused).toEqual([])
    expect(check.lossy).toEqual([])
    expect(message.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks)
    for (const block of message.blocks) {
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText)
      if (block.type === 'section' && 'text' in block) expect(block.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText)
      if (block.type === 'section' && 'fields' in block) {
        expect(block.fields.length).toBeLessThanOrEqual(SLACK_LIMITS.fields)
        for (const field of block.fields) expect(field.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText)
      }
    }
    expect(message.text.length).toBeGreaterThan(0)
    expect(message.text.length).toBeLessThanOrEqual(1000)
  })

  it('leaves no live mention, broadcast or link from user text', () => {
    const message = slackMessage(hostileNotice())
    expect(mentionsIn(message)).toEqual([])
    const ours = [`<${NOTICE.url}|acme/support#12>`, `<${NOTICE.postMortem!.url}|pull request #34>`]
    for (const text of stringsIn(message)) {
      for (const sequence of controlSequences(text)) expect(ours).toContain(sequence)
      expect(text).not.toMatch(/@(everyone|channel|here)/)
    }
    const all = JSON.stringify(message)
    expect(all).toContain('&lt;!channel&gt;')
    expect(all).toContain('&lt;https://evil.example|click here&gt;')
  })

  it('refuses to link an address that would break out of the link syntax', () => {
    const message = slackMessage({ ...NOTICE, url: 'https://evil.example/|<!channel>', postMortem: undefined })
    expect(message.blocks.some((b) => b.type === 'actions')).toBe(false)
    expect(mentionsIn(message)).toEqual([])
    expect(checkSlack(message).refused).toEqual([])
  })
})
