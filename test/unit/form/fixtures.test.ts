import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'

const root = new URL('../../..', import.meta.url).pathname
const fixtures = join(root, 'test/fixtures/forms')
const shippedForm = readFileSync(join(root, 'templates/ISSUE_TEMPLATE/escalation.yml'), 'utf8')

/** One folder per scenario: body.md, expected.json and, where the shipped form lacks a field type, form.yml. */
describe('issue body fixtures', () => {
  const cases = readdirSync(fixtures, { withFileTypes: true }).filter((entry) => entry.isDirectory())

  it('has every scenario', () => {
    expect(cases.length).toBeGreaterThanOrEqual(26)
  })

  it.each(cases.map((entry) => entry.name))('%s', (name) => {
    const dir = join(fixtures, name)
    const formPath = join(dir, 'form.yml')
    const form = parseFormTemplate(existsSync(formPath) ? readFileSync(formPath, 'utf8') : shippedForm)
    const body = readFileSync(join(dir, 'body.md'), 'utf8')
    const expected: unknown = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'))
    expect(parseIssueBody(body, form)).toEqual(expected)
  })
})
