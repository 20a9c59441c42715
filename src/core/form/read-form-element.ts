import { FormTemplateError } from './form-template-error'
import type { FormField } from './types'

const FIELD_TYPES = ['input', 'textarea', 'dropdown', 'checkboxes', 'upload'] as const
type FieldType = (typeof FIELD_TYPES)[number]
const ID_PATTERN = /^[a-zA-Z0-9_-]+$/

/**
 * Turns one `body` element into a field, or `null` for a `markdown` element (never submitted).
 * A missing id is returned as `''` and filled in by the caller once all ids are known.
 */
export function readFormElement(element: unknown, index: number, where: string): FormField | null {
  const at = `body[${index}]${where}`
  if (!isRecord(element)) throw new FormTemplateError(`Form element ${at} must be a mapping`)
  const type = element['type']
  if (type === 'markdown') return null
  if (!isFieldType(type)) {
    const known = ['markdown', ...FIELD_TYPES].join(', ')
    throw new FormTemplateError(`Form element ${at} has type ${JSON.stringify(type)}; expected one of ${known}`)
  }
  const attributes = element['attributes']
  if (!isRecord(attributes)) throw new FormTemplateError(`Form element ${at} (${type}) needs "attributes"`)
  const label = attributes['label']
  if (typeof label !== 'string' || label.trim() === '') {
    throw new FormTemplateError(`Form element ${at} (${type}) needs a non-empty "attributes.label"`)
  }
  const id = element['id'] ?? ''
  if (typeof id !== 'string' || (id !== '' && !ID_PATTERN.test(id))) {
    throw new FormTemplateError(`Form element ${at} has id ${JSON.stringify(id)}; ids use only letters, digits, "-" and "_"`)
  }
  const options = readOptions(type, attributes['options'], at)
  const render = attributes['render']
  return {
    id,
    label: label.trim(),
    type,
    options: options.map((option) => option.label),
    multiple: type === 'dropdown' && attributes['multiple'] === true,
    render: type === 'textarea' && typeof render === 'string' && render !== '' ? render : null,
    // Checkboxes carry `required` per option; the field counts as required if any option is.
    required: isRequired(element['validations']) || options.some((option) => option.required),
  }
}

interface Option {
  label: string
  required: boolean
}

function readOptions(type: FieldType, value: unknown, at: string): Option[] {
  if (type !== 'dropdown' && type !== 'checkboxes') return []
  if (!Array.isArray(value) || value.length === 0) {
    throw new FormTemplateError(`Form element ${at} (${type}) needs a non-empty "attributes.options" list`)
  }
  return value.map((option: unknown, n): Option => {
    // YAML turns `- 2` or `- yes` into numbers and booleans; GitHub shows them as text.
    if (type === 'dropdown' && isScalar(option)) return { label: String(option), required: false }
    if (type === 'checkboxes' && isRecord(option) && isScalar(option['label'])) {
      return { label: String(option['label']), required: option['required'] === true }
    }
    const shape = type === 'dropdown' ? 'a string' : 'a mapping with "label"'
    throw new FormTemplateError(`Form element ${at} (${type}) option ${n} must be ${shape}`)
  })
}

function isRequired(validations: unknown): boolean {
  return isRecord(validations) && validations['required'] === true
}

function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value)
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
