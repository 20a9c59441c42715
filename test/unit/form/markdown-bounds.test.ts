import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MARKDOWN_LIMITS } from '../../../src/core/form'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'
import { capContainerDepth } from '../../../src/core/form/parse-markdown-blocks'
import { hostileBodies } from './hostile-bodies'

const root = new URL('../../..', import.meta.url).pathname
const form = parseFormTemplate(readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8'))
const CHECKLIST = '### Pre-escalation checklist'

/** Parses and returns every text handed to mdast along with the result. */
function parseObserved(body: string): { handed: string[]; parsed: ReturnType<typeof parseIssueBody> } {
  const handed: string[] = []
  const parsed = parseIssueBody(body, form, { onMarkdown: (text) => handed.push(text) })
  return { handed, parsed }
}

function expectWithinLimits(handed: string[]): void {
  for (const text of handed) {
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_LIMITS.chars)
    expect(text.split('\n').length).toBeLessThanOrEqual(MARKDOWN_LIMITS.lines)
  }
}

describe('work handed to the Markdown parser', () => {
  it('is limited to a few thousand characters and fifty lines', () => {
    expect(MARKDOWN_LIMITS).toEqual({ chars: 2_048, lines: 50 })
  })

  it.each(Object.entries(hostileBodies))('stays within the limits for %s as a whole body', (_name, body) => {
    const { handed } = parseObserved(body)
    expect(handed).toEqual([])
  })

  it.each(Object.entries(hostileBodies))('stays within the limits for %s in the checklist', (_name, content) => {
    const { handed, parsed } = parseObserved(`### Customer\n\nAcme\n\n${CHECKLIST}\n\n- [x] I briefed my manager\n\n${content}`)
    expect(handed).toHaveLength(1)
    expectWithinLimits(handed)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: 'Acme' })
  })

  it('is never text answers, however long', () => {
    const long = 'a\n=\n'.repeat(3_000)
    const body = form.fields.map((field) => `### ${field.label}\n\n${field.type === 'checkboxes' ? '- [x] Done' : long}`).join('\n\n')
    const { handed, parsed } = parseObserved(body)
    expect(handed).toEqual(['- [x] Done'])
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: long.trim() })
  })

  it('keeps checklist lines past the limits verbatim as extra text', () => {
    const items = Array.from({ length: 120 }, (_, n) => `- [${n % 2 === 0 ? 'x' : ' '}] Step ${n + 1}`)
    const { handed, parsed } = parseObserved(`${CHECKLIST}\n\n${items.join('\n')}\n\nThanks.`)
    expectWithinLimits(handed)
    const read = MARKDOWN_LIMITS.lines
    expect(parsed.fields['checklist']).toEqual({
      kind: 'checkboxes',
      checked: items.slice(0, read).flatMap((item, n) => (n % 2 === 0 ? [item.slice(6)] : [])),
      unchecked: items.slice(0, read).flatMap((item, n) => (n % 2 === 1 ? [item.slice(6)] : [])),
      extra: `${items.slice(read).join('\n')}\n\nThanks.`,
    })
  })

  it('keeps a pasted log after the last checkbox: lazy lines join the item, as on GitHub, the rest is extra', () => {
    const log = Array.from({ length: 200 }, (_, n) => `log line ${n}`)
    const { parsed } = parseObserved(`${CHECKLIST}\n\n- [x] I briefed my manager\n${log.join('\n')}`)
    const read = MARKDOWN_LIMITS.lines - 1
    expect(parsed.fields['checklist']).toEqual({
      kind: 'checkboxes',
      checked: [`I briefed my manager\n${log.slice(0, read).join('\n')}`],
      unchecked: [],
      extra: log.slice(read).join('\n'),
    })
  })
})

describe('capContainerDepth', () => {
  it('flattens container marks past the eighth, keeping the length', () => {
    const deep = `${'> '.repeat(12)}quoted`
    const capped = capContainerDepth(deep)
    expect(capped).toHaveLength(deep.length)
    expect(capped).toBe(`${'> '.repeat(8)}${'x '.repeat(4)}quoted`)
  })

  it('leaves a thematic break of dashes alone (GitHub draws a rule, not 40 nested lists)', () => {
    const rule = '- '.repeat(40).trim()
    expect(capContainerDepth(`${rule}\n- [x] a`)).toBe(`${rule}\n- [x] a`)
  })
})
