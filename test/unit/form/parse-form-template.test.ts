import { describe, expect, it } from 'vitest'
import { FormTemplateError } from '../../../src/core/form/form-template-error'
import { parseFormTemplate } from '../../../src/core/form/parse-form-template'

const form = (body: string, head = 'name: Test\ndescription: d\n'): string => `${head}body:\n${body}`

function errorOf(yamlText: string): FormTemplateError {
  try {
    parseFormTemplate(yamlText)
  } catch (error) {
    if (error instanceof FormTemplateError) return error
    throw error
  }
  throw new Error('expected a FormTemplateError')
}

describe('parseFormTemplate', () => {
  it('reads every field type, skipping markdown', () => {
    const template = parseFormTemplate(
      form(
        `  - type: markdown
    attributes: { value: hello }
  - type: input
    id: who
    attributes: { label: Who }
    validations: { required: true }
  - type: textarea
    id: logs
    attributes: { label: Logs, render: shell }
  - type: dropdown
    id: where
    attributes: { label: Where, multiple: true, options: [EMEA, 2, "Asia, Pacific"] }
  - type: checkboxes
    id: ok
    attributes:
      label: Checks
      options:
        - label: Done
        - label: Told
          required: true
  - type: upload
    id: files
    attributes: { label: Files }
`,
        'name: Test\ndescription: d\nlabels: "a, b"\n',
      ),
    )
    expect(template).toEqual({
      name: 'Test',
      labels: ['a', 'b'],
      fields: [
        { id: 'who', label: 'Who', type: 'input', options: [], multiple: false, render: null, required: true },
        { id: 'logs', label: 'Logs', type: 'textarea', options: [], multiple: false, render: 'shell', required: false },
        {
          id: 'where',
          label: 'Where',
          type: 'dropdown',
          options: ['EMEA', '2', 'Asia, Pacific'],
          multiple: true,
          render: null,
          required: false,
        },
        { id: 'ok', label: 'Checks', type: 'checkboxes', options: ['Done', 'Told'], multiple: false, render: null, required: true },
        { id: 'files', label: 'Files', type: 'upload', options: [], multiple: false, render: null, required: false },
      ],
    })
  })

  it('keys fields without an id by a unique slug of their label', () => {
    const template = parseFormTemplate(
      form(`  - type: input
    attributes: { label: "Customer / Account name" }
  - type: input
    id: customer-account-name
    attributes: { label: Other }
  - type: input
    attributes: { label: "¿?" }
`),
    )
    expect(template.fields.map((field) => field.id)).toEqual(['customer-account-name-2', 'customer-account-name', 'field-3'])
  })

  it.each([
    ['not YAML', 'name: [unclosed\nbody: x', /not valid YAML at \d+:\d+: \S/],
    ['not a mapping', '- a\n- b', /must be a mapping/],
    ['no name', 'description: d\nbody:\n  - type: input\n    attributes: { label: A }', /needs a non-empty "name"/],
    ['no body', 'name: T\ndescription: d', /non-empty "body" list/],
    ['body not a list', 'name: T\nbody: hello', /non-empty "body" list \(at 2:7\)/],
    ['empty body', 'name: T\nbody: []', /non-empty "body" list/],
    ['unknown type', form('  - type: input\n    attributes: { label: A }\n  - type: textbox\n'), /body\[1\] \(at 6:5\) has type "textbox"/],
    [
      'no label',
      form('  - type: input\n    id: a\n    attributes: { description: d }\n'),
      /body\[0\] \(at 4:5\) \(input\) needs a non-empty "attributes.label"/,
    ],
    ['no attributes', form('  - type: textarea\n    id: a\n'), /body\[0\].*needs "attributes"/],
    ['bad id', form('  - type: input\n    id: "a b"\n    attributes: { label: A }\n'), /has id "a b"/],
    ['dropdown without options', form('  - type: dropdown\n    attributes: { label: A }\n'), /needs a non-empty "attributes.options"/],
    [
      'checkbox option not a mapping',
      form('  - type: checkboxes\n    attributes: { label: A, options: [x] }\n'),
      /option 0 must be a mapping with "label"/,
    ],
    ['element not a mapping', form('  - just text\n'), /body\[0\] \(at 4:5\) must be a mapping/],
    [
      'duplicate id',
      form('  - type: input\n    id: a\n    attributes: { label: A }\n  - type: input\n    id: a\n    attributes: { label: B }\n'),
      /two fields with id "a"/,
    ],
    [
      'duplicate label',
      form('  - type: input\n    attributes: { label: Same }\n  - type: textarea\n    attributes: { label: " same " }\n'),
      /two fields labelled/,
    ],
  ])('rejects %s with a FormTemplateError', (_name, yamlText, message) => {
    const error = errorOf(yamlText)
    expect(error.name).toBe('FormTemplateError')
    expect(error.message).toMatch(message)
  })
})
