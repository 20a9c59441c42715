import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { CHAT_EVENTS } from '../../../src/config/types'
import { teamsMessage, TEAMS_MAX_BYTES, type TeamsPayload } from '../../../src/core/chat/teams-message'
import { mentionsIn } from '../../local-github/chat-shapes'
import { checkTeams } from '../../local-github/chat-teams'
import { hostileNotice, NOTICE, stringsIn } from './fixtures'

const require = createRequire(import.meta.url)
const cmark = require('cmark-gfm')
/** Adaptive Card TextBlocks render a CommonMark subset: render with a CommonMark parser to see what is live. */
const commonMark = (markdown: string): string => cmark.renderHtmlSync(markdown, { extensions: { autolink: false } })

const card = (payload: TeamsPayload) => payload.attachments[0].content
const bytes = (payload: unknown) => Buffer.byteLength(JSON.stringify(payload))
const markdownTexts = (payload: TeamsPayload) => [
  ...card(payload).body.flatMap((e) => (e.type === 'TextBlock' ? [e.text] : e.facts.map((f) => f.value))),
]

describe('teamsMessage', () => {
  it('carries every part of the notice', () => {
    const json = JSON.stringify(teamsMessage(NOTICE))
    for (const part of [
      'SLA breached',
      NOTICE.headline,
      NOTICE.title,
      'acme/support#12',
      'Critical (tier:p1)',
      'Globex Corporation',
      '$1.2M',
      '2026-09-30',
      'All EU card payments fail since 08:10 UTC.',
      'About 400 orders an hour.',
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

  it('is the Workflows message shape with an Adaptive Card 1.4 Teams accepts', () => {
    const payload = teamsMessage(NOTICE)
    expect(checkTeams(payload, bytes(payload))).toEqual([])
    expect(payload.attachments).toHaveLength(1)
    expect(payload.attachments[0]).toMatchObject({ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null })
    expect(card(payload)).toMatchObject({
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
    })
    expect(card(payload).body.every((e) => e.type === 'FactSet' || e.wrap === true)).toBe(true)
    expect(card(payload).body.filter((e) => e.type === 'FactSet')).toHaveLength(1)
  })

  it('opens the issue and, when there is one, the post-mortem', () => {
    expect(card(teamsMessage(NOTICE)).actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open issue #12', url: NOTICE.url },
      { type: 'Action.OpenUrl', title: 'Post-mortem #34', url: NOTICE.postMortem!.url },
    ])
    const { postMortem: _, ...withoutPostMortem } = NOTICE
    expect(card(teamsMessage(withoutPostMortem)).actions.map((a) => a.title)).toEqual(['Open issue #12'])
  })

  it('shows owners as plain names', () => {
    const facts = card(teamsMessage(NOTICE)).body.flatMap((e) => (e.type === 'FactSet' ? e.facts : []))
    expect(facts).toContainEqual({ title: 'Owners', value: 'olivia, bob-ops' })
  })

  it.each(CHAT_EVENTS)('every event (%s) fits 28 KB with 65,536-character hostile texts', (event) => {
    const payload = teamsMessage(hostileNotice({ event }))
    expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_MAX_BYTES)
    expect(checkTeams(payload, bytes(payload))).toEqual([])
    // cut to fit, not emptied: the long texts still say a good deal
    expect(markdownTexts(payload).join('').length).toBeGreaterThan(5000)
  })

  it('fits even when every character costs the most bytes', () => {
    const threeByteText = '\u4e2d'.repeat(65_536)
    const payload = teamsMessage(hostileNotice({ title: threeByteText, impact: threeByteText, ask: '"'.repeat(65_536) }))
    expect(bytes(payload)).toBeLessThanOrEqual(TEAMS_MAX_BYTES)
    expect(checkTeams(payload, bytes(payload))).toEqual([])
  })

  it('leaves no mention, raw HTML or link from user text', () => {
    const payload = teamsMessage(hostileNotice())
    expect(mentionsIn(payload)).toEqual([])
    for (const text of stringsIn(payload)) expect(text).not.toMatch(/<at>|@(everyone|channel|here)/)
    for (const markdown of markdownTexts(payload)) {
      const html = commonMark(markdown)
      expect(html).not.toContain('raw HTML omitted')
      expect(html).not.toMatch(/<at>|<\/at>/)
      for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toBe(NOTICE.url)
    }
    expect(JSON.stringify(payload)).toContain('\\\\[click\\\\](https://evil.example)')
  })

  it('renders the user text as written (entities and escapes are undone by the Markdown renderer)', () => {
    const line = '[click](https://evil.example) <at>Bob</at> & a\\b'
    const payload = teamsMessage({ ...NOTICE, ask: line })
    const askText = card(payload).body.at(-1)
    expect(askText?.type === 'TextBlock' && commonMark(askText.text)).toBe(
      '<p>[click](https://evil.example) &lt;at&gt;Bob&lt;/at&gt; &amp; a\\b</p>\n',
    )
  })

  it('keeps the writer’s line breaks in the long texts', () => {
    const impact = card(teamsMessage(NOTICE)).body.find((e) => e.type === 'TextBlock' && e.text.startsWith('All EU'))
    expect(impact?.type === 'TextBlock' && commonMark(impact.text)).toBe(
      '<p>All EU card payments fail since 08:10 UTC.</p>\n<p>About 400 orders an hour.</p>\n',
    )
  })

  it('keeps texts of ordinary length whole', () => {
    const title = 'Checkout fails for EU customers '.repeat(8).trim()
    const impact = 'All EU card payments fail. '.repeat(200).trim()
    const json = JSON.stringify(teamsMessage({ ...NOTICE, title, impact }))
    expect(json).toContain(title)
    expect(json).toContain(impact)
    expect(json).not.toContain('…')
  })
})
