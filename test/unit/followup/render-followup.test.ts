import { describe, expect, it } from 'vitest'
import { parseActionItems, type ActionItem } from '../../../src/core/followup/action-items'
import { MAX_TITLE, renderActionIssue, renderActionsCheck, renderOverdueNudge } from '../../../src/core/followup/render-followup'
import { GITHUB_BODY_LIMIT } from '../../../src/core/render/limits'
import { liveMentions, liveReferences, renderGfm } from './markdown'

const items = (...lines: string[]) =>
  parseActionItems(`## Preventive action items\n\n${lines.join('\n')}\n`, { today: new Date('2026-12-01T12:00:00Z') })
const HOSTILE = 'Tell @carol and @org/sre about #12 and GH-7 <!-- x --> <b>bold</b> | pipe'

describe('the mention check itself', () => {
  it('finds mentions and references GitHub would make live, not those in code or already broken', () => {
    expect(liveMentions('hi @bob, `@code` me@example.com @\u200Dbroken')).toEqual(['bob'])
    expect(liveReferences('see #12 and GH-3, `#13`, #\u200D14, &#39;')).toEqual(['12', '3'])
  })
})

describe('renderActionsCheck', () => {
  it('lists the items that are not ready, with what to change, as a GitHub table', () => {
    const scan = items(
      '- [ ] Fix the root cause for good @owner due YYYY-MM-DD',
      '- [ ] Add alerting @alice due 2026-12-15',
      '- [ ] Write the SOP @bob',
      '- [ ] Add a dashboard due 2026-12-20',
      '- [ ] Rotate keys @dan due 2026-02-30',
      '- [ ] Patch @erin due 2025-12-15',
      '- [x] Already done',
    )
    const body = renderActionsCheck(scan.items, scan.sectionFound)
    expect(body).toContain('**5 of 7 items are not ready:**')
    const html = renderGfm(body)
    expect(html.match(/<tr>/g)).toHaveLength(6)
    expect(body).toContain(
      "| 1 | Fix the root cause for good | — | — | replace `@owner` with the owner's login; replace `YYYY-MM-DD` with the date |",
    )
    expect(body).toContain('| 3 | Write the SOP | `bob` | — | add `due YYYY-MM-DD` |')
    expect(body).toContain('| 4 | Add a dashboard | — | 2026-12-20 | add the owner as `@login` |')
    expect(body).toContain('| 5 | Rotate keys | `dan` | — | the due date is not a day of the calendar')
    expect(body).toContain('| 6 | Patch | `erin` | 2025-12-15 | 2025-12-15 is already past: give a later date |')
    expect(body).not.toContain('Add alerting')
    expect(body).not.toContain('Already done')
    expect(body).toContain('`- [ ] <what> @owner due YYYY-MM-DD`')
    expect(html).toContain('<code>- [ ] &lt;what&gt; @owner due YYYY-MM-DD</code>')
    expect(liveMentions(body)).toEqual([])
  })

  it('says when every item is ready, counting those already checked off, and shows what will be created', () => {
    const scan = items(
      '- [ ] Add alerting @alice due 2026-12-15',
      '- [x] Write the SOP @bob due 2026-12-20',
      '- [ ] Patch @erin by 20 Dec 2026',
    )
    const body = renderActionsCheck(scan.items, true)
    expect(body).toContain(
      '✅ All 3 items are ready to become sub-issues of the escalation when this pull request is merged (1 already checked off)',
    )
    expect(body).toContain('| 1 | Add alerting | `alice` | 2026-12-15 |')
    expect(renderGfm(body).match(/<tr>/g)).toHaveLength(4)
    expect(liveMentions(body)).toEqual([])
    expect(renderActionsCheck(items('- [ ] One @a due 2026-12-15').items, true)).toContain('The one item is ready to become a sub-issue')
  })

  it('says when the section is missing or empty, and how to write items', () => {
    const missing = renderActionsCheck([], false)
    expect(missing).toContain('no `## Preventive action items` section')
    expect(missing).toContain('`- [ ] <what> @owner due YYYY-MM-DD`')
    expect(renderActionsCheck([], true)).toContain('lists no actions yet')
    expect(liveMentions(missing)).toEqual([])
  })

  it('says when items past 100 were not read', () => {
    const scan = items(...Array.from({ length: 101 }, (_, n) => `- [ ] Action ${n} @a due 2026-12-15`))
    expect(renderActionsCheck(scan.items, true, scan.truncated)).toContain('Only the first 100 items are read')
    expect(renderActionsCheck(scan.items, true)).not.toContain('Only the first')
  })

  it('user text is inert: no mention, reference, HTML or extra table cell', () => {
    const scan = items(`- [ ] ${HOSTILE}`, `- [ ] ${HOSTILE} due 2026-02-30`)
    const body = renderActionsCheck(scan.items, true)
    expect(liveMentions(body)).toEqual([])
    expect(liveReferences(body)).toEqual([])
    const html = renderGfm(body)
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('<!--')
    const rows = html.split('<tr>').filter((row) => row.includes('<td'))
    expect(rows).toHaveLength(2)
    for (const row of rows) expect(row.match(/<td/g)).toHaveLength(5)
  })

  it('stays under GitHub’s body limit with 100 items of the worst text', () => {
    const worst = '&<>|'.repeat(64)
    const scan = items(...Array.from({ length: 100 }, () => `- [ ] ${worst}`))
    const body = renderActionsCheck(scan.items, true, true)
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT)
    expect(renderGfm(body)).toContain('<table>')
  })
})

const context = {
  escalation: 12,
  escalationTitle: 'Checkout down for @acme #3',
  postMortemPull: 34,
  postMortemPath: 'postmortems/2026-12-01-checkout-down.md',
}
const item = (overrides: Partial<ActionItem>): ActionItem => ({
  index: 1,
  text: 'Add alerting',
  owner: 'alice',
  due: '2026-12-15',
  done: false,
  problems: [],
  raw: '- [ ] Add alerting @alice due 2026-12-15',
  ...overrides,
})

describe('renderActionIssue', () => {
  it('titles the issue with the item and says what, who, when and where it came from', () => {
    const { title, body } = renderActionIssue(item({}), context)
    expect(title).toBe('Add alerting')
    expect(body).toContain('- **What:** Add alerting')
    expect(body).toContain('- **Owner:** `alice`')
    expect(body).toContain('- **Due:** 2026-12-15')
    expect(body).toContain('- **Escalation:** #12')
    expect(body).toContain('- **Post-mortem:** #34, `postmortems/2026-12-01-checkout-down.md`')
    expect(liveMentions(body)).toEqual([])
    expect(liveReferences(body).sort()).toEqual(['12', '12', '34'])
    expect(renderGfm(body).match(/<li>/g)).toHaveLength(5)
    expect(body).not.toContain('<!--')
  })

  it('makes mentions and references in the item and the escalation title inert', () => {
    const { title, body } = renderActionIssue(item({ text: HOSTILE }), context)
    expect(title).not.toMatch(/@[A-Za-z]|#\d|GH-\d/)
    expect(title).toContain('@\u200Dcarol')
    expect(liveMentions(body)).toEqual([])
    expect(new Set(liveReferences(body))).toEqual(new Set(['12', '34']))
    expect(renderGfm(body)).not.toContain('<b>')
  })

  it('cuts a long title to 256 characters between graphemes', () => {
    const family = '👨‍👩‍👧‍👦'
    const { title } = renderActionIssue(item({ text: `${family} `.repeat(60) }), context)
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE)
    expect(title.endsWith('…')).toBe(true)
    const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(title.slice(0, -1))].map((part) => part.segment)
    expect(graphemes.every((part) => part === family || part === ' ')).toBe(true)
    const accents = renderActionIssue(item({ text: 'e\u0301'.repeat(200) }), context).title
    expect(accents.length).toBeLessThanOrEqual(MAX_TITLE)
    expect(accents.slice(0, -1).endsWith('e\u0301')).toBe(true)
  })

  it('titles an item with no text after its place in the post-mortem; says when it was already done; no owner, no date', () => {
    const { title, body } = renderActionIssue(item({ text: '', owner: null, due: null, done: true, index: 3 }), context)
    expect(title).toBe('Preventive action 3 from the post-mortem of escalation 12')
    expect(body).toContain('- **Owner:** _not named in the post-mortem_')
    expect(body).toContain('- **Due:** _no date given_')
    expect(body).toContain('already checked off')
  })

  it('one line, no control characters', () => {
    expect(renderActionIssue(item({ text: 'a\u0000b\tc\u001bd' }), context).title).toBe('a b c d')
  })
})

describe('renderOverdueNudge', () => {
  const today = new Date('2026-12-18T09:00:00Z')

  it('mentions the owner, says how late, and how to close it or move the date', () => {
    const nudge = renderOverdueNudge({ owner: 'alice', due: '2026-12-15', title: 'Add alerting' }, today)
    expect(nudge.startsWith('@alice, this preventive action was due 2026-12-15 (3 days ago): **Add alerting**.')).toBe(true)
    expect(nudge).toContain('Close this issue when it is done')
    expect(nudge).toContain('change the **Due:** line')
    expect(liveMentions(nudge)).toEqual(['alice'])
  })

  it('one day, today, and a date still ahead', () => {
    expect(renderOverdueNudge({ owner: 'a', due: '2026-12-17', title: 'X' }, today)).toContain('was due 2026-12-17 (1 day ago)')
    expect(renderOverdueNudge({ owner: 'a', due: '2026-12-18', title: 'X' }, today)).toContain('is due today (2026-12-18)')
    expect(renderOverdueNudge({ owner: 'a', due: '2026-12-20', title: 'X' }, today)).toContain('is due 2026-12-20 (in 2 days)')
  })

  it('the title is inert; with no owner (or a malformed one) nobody is mentioned', () => {
    const nudge = renderOverdueNudge({ owner: 'alice', due: '2026-12-15', title: HOSTILE }, today)
    expect(liveMentions(nudge)).toEqual(['alice'])
    expect(liveReferences(nudge)).toEqual([])
    const orphan = renderOverdueNudge({ owner: null, due: '2026-12-15', title: 'Add alerting' }, today)
    expect(orphan).toContain('has no owner and was due 2026-12-15 (3 days ago)')
    expect(liveMentions(orphan)).toEqual([])
    expect(liveMentions(renderOverdueNudge({ owner: 'bad login!', due: '2026-12-15', title: 'X' }, today))).toEqual([])
  })
})
