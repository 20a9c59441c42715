import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'

const root = new URL('../../..', import.meta.url).pathname
const form = parseFormTemplate(readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8'))

/** Three fields as GitHub writes them, the middle answer given by the test. */
function body(rootCause: string): string {
  return `### What happened\n\nPipeline vanished.\n\n### Root cause\n\n${rootCause}\n\n### Business impact\n\nAll sales users.\n\n### When it started\n\nMonday\n`
}

describe('a fence or HTML block left open in an answer', () => {
  it.each([
    ['a backtick fence', '```\nNullPointerException'],
    ['a tilde fence', '~~~~ log\nNullPointerException\n~~~'],
    ['a <pre> block', '<pre>\nSELECT Id FROM Opportunity'],
    ['a <script> block', '<script>\nalert(1)'],
    ['a comment', '<!-- the vendor says'],
    ['a processing instruction', '<?php echo 1;'],
    ['a declaration', '<!DOCTYPE html'],
    ['a CDATA section', '<![CDATA[ raw'],
  ])('ends at the next field written as GitHub writes it: %s', (_name, answer) => {
    const parsed = parseIssueBody(body(answer), form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: answer })
    expect(parsed.fields['impact']).toEqual({ kind: 'text', text: 'All sales users.' })
    expect(parsed.fields['started']).toEqual({ kind: 'text', text: 'Monday' })
  })

  it('keeps a heading line that follows no blank line inside the block', () => {
    const answer = '```\n### Business impact\nstill the log'
    const parsed = parseIssueBody(`### Root cause\n\n${answer}\n\n### When it started\n\nMonday\n`, form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: answer })
    expect(parsed.absent).toContain('impact')
    expect(parsed.fields['started']).toEqual({ kind: 'text', text: 'Monday' })
  })

  it('keeps an earlier copy of a heading inside a closed fence when the real heading follows', () => {
    const answer = '```\n\n### Business impact\n\npasted\n```'
    const parsed = parseIssueBody(body(answer), form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: answer })
    expect(parsed.fields['impact']).toEqual({ kind: 'text', text: 'All sales users.' })
  })

  it('is ended by a field heading in any order, the last copy of it', () => {
    const reordered = `### When it started\n\n\`\`\`\nMonday\n\n### Root cause\n\nDNS\n`
    const parsed = parseIssueBody(reordered, form)
    expect(parsed.fields['started']).toEqual({ kind: 'text', text: '```\nMonday' })
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: 'DNS' })
  })

  it('is not ended by a field already found, nor by an unknown heading', () => {
    const answer = '```\n\n### What happened\n\n### Notes\n\nlog'
    const parsed = parseIssueBody(body(answer), form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: answer })
    expect(parsed.unknownHeadings).toEqual([])
  })
})

describe('edits around the headings', () => {
  it('reads a body with a byte-order mark and CRLF line endings', () => {
    const parsed = parseIssueBody('\uFEFF### Customer\r\n\r\nAcme\r\n\r\n### Root cause\r\n\r\nDNS\r\n', form)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: 'Acme' })
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: 'DNS' })
  })

  it('matches a label ending in "#" by the raw heading, and "Label ###" by its text', () => {
    const hashForm = parseFormTemplate(
      'name: T\ndescription: d\nbody:\n  - type: input\n    id: case\n    attributes: { label: "Case #" }\n  - type: input\n    id: plain\n    attributes: { label: Case }\n',
    )
    const parsed = parseIssueBody('### Case ###\n\nplain\n\n### Case #\n\n4521\n', hashForm)
    expect(parsed.fields).toEqual({ case: { kind: 'text', text: '4521' }, plain: { kind: 'text', text: 'plain' } })
  })

  it('reads a dropdown from its answer line and keeps what follows as extra', () => {
    const parsed = parseIssueBody('### Requested tier\n\nTier 2 – High\nthe customer asked for Tier 1\n', form)
    expect(parsed.fields['requested-tier']).toEqual({
      kind: 'choices',
      selected: ['Tier 2 – High'],
      extra: 'the customer asked for Tier 1',
    })
  })

  it('reads no selection when a dropdown section starts with a pasted heading', () => {
    const parsed = parseIssueBody('### Requested tier\n\n### Urgency\n\nTier 1 – Critical\n', form)
    expect(parsed.fields['requested-tier']).toEqual({ kind: 'choices', selected: [], extra: '### Urgency\n\nTier 1 – Critical' })
    expect(parsed.unknownHeadings).toEqual(['Urgency'])
  })
})
