import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX_ACTION_ITEMS, parseActionItems } from '../../../src/core/followup/action-items'

const section = (...lines: string[]) =>
  ['# Post-mortem', '', '## Preventive action items', '', ...lines, '', '## Communication log', ''].join('\n')
const only = (line: string, today?: Date) => {
  const { items } = parseActionItems(section(line), { today })
  expect(items).toHaveLength(1)
  return items[0]!
}

describe('parseActionItems: the built-in template', () => {
  const template = readFileSync(new URL('../../../templates/postmortem.md', import.meta.url), 'utf8')
  const defaults = [
    '- [ ] Fix the root cause for good @owner due YYYY-MM-DD',
    '- [ ] Add the check that would have caught it earlier (a test, an alert, a review step) @owner due YYYY-MM-DD',
    '- [ ] Write or update the procedure (SOP) that should have prevented it @owner due YYYY-MM-DD',
  ].join('\n')
  const document = template.replace('{{action_items}}', defaults)

  it('reads the three default items as placeholders with no owner and no date; the instructions are not items', () => {
    const { items, sectionFound } = parseActionItems(document)
    expect(sectionFound).toBe(true)
    expect(items.map((item) => item.text)).toEqual([
      'Fix the root cause for good',
      'Add the check that would have caught it earlier (a test, an alert, a review step)',
      'Write or update the procedure (SOP) that should have prevented it',
    ])
    for (const item of items) {
      expect(item).toMatchObject({ owner: null, due: null, done: false })
      expect(item.problems).toEqual(['no-owner', 'no-due', 'placeholder'])
    }
  })

  it('reads the same document with Windows line endings', () => {
    const crlf = parseActionItems(document.replace(/\n/g, '\r\n'))
    expect(crlf.items.map((item) => item.raw)).toEqual(defaults.split('\n'))
  })

  it('an edited template gives owners and dates', () => {
    const edited = document.replace(
      'Fix the root cause for good @owner due YYYY-MM-DD',
      'Fix the root cause for good @olivia due 2026-12-15',
    )
    expect(parseActionItems(edited).items[0]).toMatchObject({ index: 1, owner: 'olivia', due: '2026-12-15', problems: [] })
  })
})

describe('parseActionItems: owners', () => {
  it.each([
    ['- [ ] Add alerting @alice due 2026-12-15', 'alice', 'Add alerting'],
    ['- [ ] @Bob-Smith add alerting due 2026-12-15', 'Bob-Smith', 'add alerting'],
    ['- [ ] Add alerting (owner: @carol, due 2026-12-15)', 'carol', 'Add alerting'],
    ['- [ ] Add alerting, @dave- due 2026-12-15', 'dave', 'Add alerting'],
    ['- [ ] Ask @org/sre about paging @erin due 2026-12-15', 'erin', 'Ask @org/sre about paging'],
    ['- [ ] Mail ops@example.com then @frank2 due 2026-12-15', 'frank2', 'Mail ops@example.com then'],
    ['- [ ] Pair @gina and @hank due 2026-12-15', 'gina', 'Pair and @hank'],
  ])('%s → owner %s', (line, owner, text) => {
    expect(only(line)).toMatchObject({ owner, text, problems: [] })
  })

  it.each([
    ['- [ ] Ask @org/sre due 2026-12-15', 'a team is not an owner'],
    ['- [ ] Mail ops@example.com due 2026-12-15', 'an e-mail address is not a mention'],
    [`- [ ] Too long @${'a'.repeat(40)} due 2026-12-15`, 'logins have at most 39 characters'],
    ['- [ ] Nobody @-x due 2026-12-15', 'logins do not start with a hyphen'],
    ['- [ ] Nobody @ due 2026-12-15', 'a bare @'],
  ])('%s: no owner (%s)', (line) => {
    expect(only(line)).toMatchObject({ owner: null, problems: ['no-owner'] })
  })

  it('the template’s @owner is a placeholder, in any case, and a real owner after it still counts', () => {
    expect(only('- [ ] Fix it @Owner due 2026-12-15')).toMatchObject({ owner: null, text: 'Fix it', problems: ['no-owner', 'placeholder'] })
    expect(only('- [ ] Fix it @owner @ivy due 2026-12-15')).toMatchObject({ owner: 'ivy', text: 'Fix it', problems: ['placeholder'] })
  })
})

describe('parseActionItems: due dates', () => {
  it.each([
    'due 2026-12-15',
    'due 2026/12/15',
    'due 15 Dec 2026',
    'due 15 December 2026',
    'due Dec 15 2026',
    'due Dec 15, 2026',
    'due December 15, 2026',
    'due 15th December 2026',
    'due Dec. 15th, 2026',
    'due 15.12.2026',
    'by 2026-12-15',
    'BY 15.12.2026',
    'Due: 2026-12-15',
    'due:2026-12-15',
  ])('"%s" is 2026-12-15', (phrase) => {
    expect(only(`- [ ] Add alerting @alice ${phrase}`)).toMatchObject({ due: '2026-12-15', text: 'Add alerting', problems: [] })
  })

  it('day.month.year, single digits and leap days', () => {
    expect(only('- [ ] X @a due 3.4.2026').due).toBe('2026-04-03')
    expect(only('- [ ] X @a due 2026-4-3').due).toBe('2026-04-03')
    expect(only('- [ ] X @a due 29 Feb 2028').due).toBe('2028-02-29')
    expect(only('- [ ] X @a due Sept 30, 2026').due).toBe('2026-09-30')
  })

  it.each(['due 2026-02-30', 'due 2026-13-01', 'due 31 Apr 2026', 'due 31.02.2026', 'due 29 Feb 2027', 'due Dec 15', 'by 15 Dec'])(
    '"%s" does not exist: bad-due, no date',
    (phrase) => {
      expect(only(`- [ ] Add alerting @alice ${phrase}`)).toMatchObject({ due: null, text: 'Add alerting', problems: ['bad-due'] })
    },
  )

  it('words that only look like a keyword are text: "due to", "by 20%", "standby", "by 3 people"', () => {
    expect(only('- [ ] Retry due to timeouts @a')).toMatchObject({ due: null, text: 'Retry due to timeouts', problems: ['no-due'] })
    expect(only('- [ ] Cut load by 20% @a by 2026-12-15')).toMatchObject({ due: '2026-12-15', text: 'Cut load by 20%' })
    expect(only('- [ ] Standby 2026-12-15 @a').problems).toEqual(['no-due'])
    expect(only('- [ ] Staff by 3 people 2026 @a').problems).toEqual(['no-due'])
  })

  it('a date with no keyword is not a due date', () => {
    expect(only('- [ ] Ship 2026-12-15 @a').problems).toEqual(['no-due'])
  })

  it('YYYY-MM-DD is a placeholder: no date', () => {
    expect(only('- [ ] Fix it @alice due YYYY-MM-DD')).toMatchObject({ due: null, text: 'Fix it', problems: ['no-due', 'placeholder'] })
  })

  it('with today, a date already past is bad-due on an open item (the date is kept), fine on a done one', () => {
    const today = new Date('2026-12-10T23:30:00-05:00') // 2026-12-11 in UTC
    expect(only('- [ ] X @a due 2025-12-15', today)).toMatchObject({ due: '2025-12-15', problems: ['bad-due'] })
    expect(only('- [ ] X @a due 2026-12-10', today).problems).toEqual(['bad-due'])
    expect(only('- [ ] X @a due 2026-12-11', today).problems).toEqual([])
    expect(only('- [x] X @a due 2025-12-15', today)).toMatchObject({ done: true, problems: [] })
    expect(only('- [ ] X @a due 2025-12-15').problems).toEqual([])
  })
})

describe('parseActionItems: what counts as an item', () => {
  it('reads -, *, + and ordered task lines, [ ], [x], [X]; a list may start 1 to 3 spaces in', () => {
    const { items } = parseActionItems(
      section('- [ ] A', '* [x] B', '+ [X] C', '1. [ ] D', '2) [ ] E', '', 'Prose.', '', '   - [ ] F', '   - [ ] G', '- [ ] H'),
    )
    expect(items.map((item) => [item.index, item.text, item.done])).toEqual([
      [1, 'A', false],
      [2, 'B', true],
      [3, 'C', true],
      [4, 'D', false],
      [5, 'E', false],
      [6, 'F', false],
      [7, 'G', false],
      [8, 'H', false],
    ])
  })

  it('skips what is not a task line: plain bullets, prose, empty boxes, other box marks, no space', () => {
    const lines = ['- A plain bullet @a due 2026-12-15', 'Prose - [ ] no', '- [ ]', '- [ ]   ', '- [y] Y', '-[ ] Z', '- [ ]Z', '[ ] bare']
    expect(parseActionItems(section(...lines)).items).toEqual([])
  })

  it('ignores continuation lines and nested lists: they belong to the item above', () => {
    const { items } = parseActionItems(
      section(
        '- [ ] Parent @a due 2026-12-15',
        '  more words @b due 2027-01-01',
        '  - [ ] Nested @c due 2027-01-01',
        '    - [ ] Deeper',
        '- [ ] Next',
      ),
    )
    expect(items.map((item) => [item.text, item.owner])).toEqual([
      ['Parent', 'a'],
      ['Next', null],
    ])
  })

  it('nested under a plain bullet too, with tabs; a lazy continuation line is not an item', () => {
    const { items } = parseActionItems(section('- Group', '\t- [ ] Nested', '- [ ] Top', 'lazy - [ ] text'))
    expect(items.map((item) => item.text)).toEqual(['Top'])
  })

  it('four spaces after a paragraph is indented code, not an item', () => {
    expect(parseActionItems(section('Prose.', '', '    - [ ] Code')).items).toEqual([])
  })

  it('ignores tasks, headings and the section title inside fenced code and HTML comments', () => {
    const document = [
      '```md',
      '## Preventive action items',
      '- [ ] In an earlier fence',
      '```',
      '## Preventive action items',
      '~~~~',
      '## Not a heading',
      '- [ ] In a tilde fence',
      '~~~',
      'still fenced',
      '~~~~',
      '<!--',
      '## Also not a heading',
      '- [ ] Commented out',
      '-->',
      '<!-- one line --> ',
      '- [ ] Real @a due 2026-12-15',
      '- [ ] Item with a fence',
      '  ```',
      '  - [ ] inside the item’s fence',
      '  ## inside the item’s fence',
      '  ```',
      '- [ ] Last',
      '## Communication log',
      '- [ ] After the section',
    ].join('\n')
    const { items, sectionFound } = parseActionItems(document)
    expect(sectionFound).toBe(true)
    expect(items.map((item) => item.text)).toEqual(['Real', 'Item with a fence', 'Last'])
  })

  it('the section ends at the next ## or # heading, not at ### ones', () => {
    const sub = parseActionItems(section('### Short term', '- [ ] A', '### Long term', '- [ ] B'))
    expect(sub.items.map((item) => item.text)).toEqual(['A', 'B'])
    const top = parseActionItems(['## Preventive action items', '- [ ] A', '# Appendix', '- [ ] B'].join('\n'))
    expect(top.items.map((item) => item.text)).toEqual(['A'])
  })

  it('heading forms: closing hashes, any case, "preventative", a suffix, up to 3 spaces of indent', () => {
    for (const heading of [
      '## Preventive action items ##',
      '## PREVENTIVE ACTION ITEMS',
      '## Preventative action items',
      '## Preventive action items (owners, dates)',
      '   ## Preventive action items',
    ]) {
      expect(parseActionItems(`${heading}\n- [ ] A`).items).toHaveLength(1)
    }
    for (const heading of [
      '### Preventive action items',
      '#Preventive action items',
      '## Action items',
      '    ## Preventive action items',
    ]) {
      expect(parseActionItems(`${heading}\n- [ ] A`)).toEqual({ items: [], sectionFound: false, truncated: false })
    }
  })

  it('says when the section is missing, and when it is there but empty', () => {
    expect(parseActionItems('# Post-mortem\n\n## Summary\n\n- [ ] Not an action @a due 2026-12-15\n')).toEqual({
      items: [],
      sectionFound: false,
      truncated: false,
    })
    expect(parseActionItems(section())).toEqual({ items: [], sectionFound: true, truncated: false })
    expect(parseActionItems('')).toEqual({ items: [], sectionFound: false, truncated: false })
  })
})

describe('parseActionItems: bounds', () => {
  it(`reads at most ${MAX_ACTION_ITEMS} items and says there were more`, () => {
    const lines = Array.from({ length: 150 }, (_, n) => `- [ ] Action ${n + 1} @a due 2026-12-15`)
    const { items, truncated } = parseActionItems(section(...lines))
    expect(items).toHaveLength(MAX_ACTION_ITEMS)
    expect(items.at(-1)).toMatchObject({ index: 100, text: 'Action 100' })
    expect(truncated).toBe(true)
    expect(parseActionItems(section(...lines.slice(0, 100))).truncated).toBe(false)
  })

  it('cuts each item’s text to 256 characters, the raw line to 1,000, and still finds a late owner and date', () => {
    const long = `- [ ] ${'word '.repeat(400)}@zoe due 2026-12-15`
    const item = only(long)
    expect(item.text.length).toBeLessThanOrEqual(256)
    expect(item.text.endsWith('…')).toBe(true)
    expect(item.raw.length).toBeLessThanOrEqual(1000)
    expect(item).toMatchObject({ owner: 'zoe', due: '2026-12-15', problems: [] })
  })

  it('a 65,536-character document: many items, long lines, fences and adversarial runs', () => {
    const parts = [
      '## Preventive action items',
      '```',
      '- [ ] fenced',
      '```',
      `- [ ] ${'by '.repeat(3000)}@a due 2026-12-15`,
      `- [ ] ${'@'.repeat(3000)} due ${'1'.repeat(3000)}`,
      `- [ ] ${'due '.repeat(2000)}`,
      `- [ ] ${'['.repeat(2000)}${'('.repeat(2000)} @b due 2026-12-15`,
    ]
    let length = parts.join('\n').length
    for (let n = 1; length < 65_536 - 60; n++) {
      parts.push(`- [ ] Action ${n} @owner${n} due 2026-12-15`)
      length += parts.at(-1)!.length + 1
    }
    const document = parts.join('\n').padEnd(65_536, ' ')
    expect(document.length).toBe(65_536)
    const { items, truncated } = parseActionItems(document)
    expect(items).toHaveLength(100)
    expect(truncated).toBe(true)
    expect(items[0]).toMatchObject({ owner: 'a', due: '2026-12-15' })
    expect(items[1]).toMatchObject({ owner: null, due: null })
    expect(items[3]).toMatchObject({ owner: 'b', due: '2026-12-15' })
    expect(items.every((item) => item.text.length <= 256 && item.raw.length <= 1000)).toBe(true)
  })

  it('a 65,536-character document with no section at all', () => {
    const document = `${'- [ ] x @a due 2026-12-15\n'.repeat(2600)}`.slice(0, 65_536)
    expect(parseActionItems(document)).toEqual({ items: [], sectionFound: false, truncated: false })
  })
})
