import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'
import { BODY_LIMIT, hostileBodies, withinField } from './hostile-bodies'

const root = new URL('../../..', import.meta.url).pathname
const form = parseFormTemplate(readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8'))
const ids = form.fields.map((field) => field.id)

describe('parseIssueBody', () => {
  it('treats an empty body as every field absent', () => {
    const parsed = parseIssueBody('', form)
    expect(parsed.absent).toEqual(ids)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: null })
    expect(parsed.fields['requested-tier']).toEqual({ kind: 'choices', selected: [] })
    expect(parsed.fields['checklist']).toEqual({ kind: 'checkboxes', checked: [], unchecked: [] })
  })

  it('handles lone CR line endings and closing hashes', () => {
    const parsed = parseIssueBody('### Customer ###\r\rAcme\r\r### Root cause\rDNS', form)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: 'Acme' })
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: 'DNS' })
  })

  it('does not take headings of other depths or indented headings as fields', () => {
    const body = '### Customer\n\nAcme\n\n## Root cause\n\n#### Business impact\n\n    ### Root cause\n'
    const parsed = parseIssueBody(body, form)
    expect(parsed.fields['customer']).toEqual({
      kind: 'text',
      text: 'Acme\n\n## Root cause\n\n#### Business impact\n\n    ### Root cause',
    })
    expect(parsed.absent).toContain('root-cause')
  })

  it('keeps a heading indented into a list item inside that item', () => {
    const parsed = parseIssueBody('### Customer\n\n- Acme\n  ### Root cause\n', form)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: '- Acme\n  ### Root cause' })
  })

  it('treats "_No response_" only as the whole answer as empty', () => {
    const parsed = parseIssueBody('### Customer\n\n_No response_ yet\n\n### Root cause\n\n  _No response_  \n', form)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: '_No response_ yet' })
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: null })
  })

  it('keeps an edited dropdown answer that is no option', () => {
    const parsed = parseIssueBody('### Requested tier\n\nTier 0 – Apocalyptic\n', form)
    expect(parsed.fields['requested-tier']).toEqual({ kind: 'choices', selected: ['Tier 0 – Apocalyptic'] })
  })

  it('ignores list items that are not checkboxes and keeps edited checkbox labels', () => {
    const body = '### Pre-escalation checklist\n\n- [x] I briefed my manager and the VP\n- plain item\n- [ ]\n* [X] Told them\n'
    expect(parseIssueBody(body, form).fields['checklist']).toEqual({
      kind: 'checkboxes',
      checked: ['I briefed my manager and the VP', 'Told them'],
      unchecked: [],
    })
  })
})

describe('parseIssueBody on hostile bodies', () => {
  it.each(Object.entries(hostileBodies))('survives %s as a whole body', (_name, body) => {
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT)
    const parsed = parseIssueBody(body, form)
    expect(parsed.absent).toEqual(ids)
    expect(parsed.unknownHeadings).toEqual([])
  })

  it.each(Object.entries(hostileBodies))('keeps %s verbatim as a field value', (_name, content) => {
    const parsed = parseIssueBody(withinField('Root cause', content), form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: content.trim() })
    expect(parsed.fields['impact']).toEqual({ kind: 'text', text: 'All sales users.' })
  })

  // A run of backticks opens a fence that never closes. On GitHub it swallows the rest of the
  // body, but GitHub itself wrote the next field's heading: the fence ends there.
  it('ends an unclosed fence at the next form heading', () => {
    const content = hostileBodies['backticks'] ?? ''
    const parsed = parseIssueBody(withinField('Root cause', content), form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: content })
    expect(parsed.absent).not.toContain('impact')
  })

  it('finds the fields around 16,000 empty headings', () => {
    const body = `### Customer\n\nAcme\n\n${'###\n'.repeat(16_000)}### Root cause\n\nDNS\n`
    const parsed = parseIssueBody(body, form)
    expect(parsed.fields['customer']).toEqual({ kind: 'text', text: `Acme\n\n${'###\n'.repeat(16_000).trim()}` })
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: 'DNS' })
    expect(parsed.unknownHeadings).toEqual([])
  })

  it('keeps a field heading after deeply nested quotes', () => {
    const parsed = parseIssueBody(`### Customer\n\n${'>'.repeat(60_000)} ### Root cause\n### Root cause\n\nDNS`, form)
    expect(parsed.fields['root-cause']).toEqual({ kind: 'text', text: 'DNS' })
  })

  it('reads checkboxes out of a checklist padded with hostile content', () => {
    const body = `### Pre-escalation checklist\n\n- [X] I briefed my manager\n\n${'> '.repeat(30_000)}\n\n- [ ] Done\n`
    expect(parseIssueBody(body, form).fields['checklist']).toEqual({
      kind: 'checkboxes',
      checked: ['I briefed my manager'],
      unchecked: ['Done'],
      extra: '> '.repeat(30_000).trim(),
    })
  })
})

describe('parseIssueBody with a render field', () => {
  const logsForm = parseFormTemplate(
    'name: Logs\ndescription: d\nbody:\n  - type: textarea\n    id: logs\n    attributes: { label: Logs, render: shell }\n',
  )

  it('returns fence content from the original text, even past the nesting cap', () => {
    const deep = '>'.repeat(40) + ' quoted'
    const parsed = parseIssueBody(`### Logs\n\n\`\`\`shell\n${deep}\n\`\`\`\n`, logsForm)
    expect(parsed.fields['logs']).toEqual({ kind: 'text', text: deep })
  })

  it('unwraps an unclosed fence and treats an empty one as no answer', () => {
    expect(parseIssueBody('### Logs\n\n```shell\nls -la', logsForm).fields['logs']).toEqual({ kind: 'text', text: 'ls -la' })
    expect(parseIssueBody('### Logs\n\n```shell\n```', logsForm).fields['logs']).toEqual({ kind: 'text', text: null })
  })
})
