import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'

const root = new URL('../../..', import.meta.url).pathname
const formText = readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8')
// SchemaStore's issue-forms schema (Apache-2.0), vendored so the test runs offline and in CI.
const schema: object = JSON.parse(readFileSync(join(root, 'test/fixtures/forms/github-issue-forms.schema.json'), 'utf8'))

describe('templates/ISSUE_TEMPLATE/escalation.yml', () => {
  it('is valid against GitHub’s issue-forms schema', () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)
    const valid = validate(parse(formText))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('is checked by a schema that does reject a broken form', () => {
    const validate = new Ajv({ strict: false }).compile(schema)
    const broken = parse(formText) as { body: { type: string }[] }
    broken.body[1] = { type: 'textbox' }
    expect(validate(broken)).toBe(false)
  })

  it('has the fields the action reads, in the order tiers are mapped', () => {
    const form = parseFormTemplate(formText)
    expect(form.name).toBe('Customer escalation')
    expect(form.labels).toEqual(['escalation'])
    expect(form.fields.map((field) => field.id)).toEqual([
      'customer',
      'arr',
      'renewal-date',
      'contact',
      'what-happened',
      'root-cause',
      'impact',
      'started',
      'tried',
      'ask',
      'requested-tier',
      'checklist',
    ])
    const byId = new Map(form.fields.map((field) => [field.id, field]))
    expect(byId.get('requested-tier')).toMatchObject({
      label: 'Requested tier',
      type: 'dropdown',
      options: ['Tier 1 – Critical', 'Tier 2 – High', 'Tier 3 – Standard'],
    })
    expect(byId.get('root-cause')).toMatchObject({ label: 'Root cause', type: 'textarea', required: true })
    expect(byId.get('impact')).toMatchObject({ label: 'Business impact', required: true })
    expect(byId.get('checklist')).toMatchObject({
      label: 'Pre-escalation checklist',
      options: ['I tried to resolve this at my level', 'I briefed my manager', 'The customer knows we are escalating'],
    })
  })

  it('sets the issue title prefix', () => {
    expect((parse(formText) as { title: string }).title).toBe('[Escalation] ')
  })
})
