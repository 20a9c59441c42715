import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { FormTemplateError } from './form-template-error'
import { readFormElement } from './read-form-element'
import type { FormField, FormTemplate } from './types'

/**
 * Reads a GitHub issue-form template (`.github/ISSUE_TEMPLATE/*.yml`) into the fields it submits.
 * `markdown` elements are skipped; fields without an `id` are keyed by a slug of their label.
 * @throws FormTemplateError naming the element index and `line:col` of the problem.
 */
export function parseFormTemplate(yamlText: string): FormTemplate {
  const lineCounter = new LineCounter()
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false })
  const firstError = doc.errors[0]
  if (firstError !== undefined) {
    const { line, col } = lineCounter.linePos(firstError.pos[0])
    const where = ` at ${line}:${col}`
    throw new FormTemplateError(`Form template is not valid YAML${where}: ${firstError.message}`)
  }
  const locate = (node: unknown): string => {
    const range = (node as Node | null | undefined)?.range
    if (range === undefined || range === null) return ''
    const { line, col } = lineCounter.linePos(range[0])
    return ` (at ${line}:${col})`
  }
  if (!isMap(doc.contents)) {
    throw new FormTemplateError(`Form template must be a mapping with name and body${locate(doc.contents)}`)
  }
  const root = doc.toJS() as Record<string, unknown>
  const name = root['name']
  if (typeof name !== 'string' || name.trim() === '') {
    throw new FormTemplateError(`Form template needs a non-empty "name"${locate(doc.contents)}`)
  }
  const bodyNode = doc.contents.get('body', true)
  const body = root['body']
  if (!isSeq(bodyNode) || !Array.isArray(body) || body.length === 0) {
    throw new FormTemplateError(`Form template needs a non-empty "body" list${locate(bodyNode ?? doc.contents)}`)
  }

  const fields: FormField[] = []
  body.forEach((element: unknown, index) => {
    const where = locate(bodyNode.items[index])
    const field = readFormElement(element, index, where)
    if (field !== null) fields.push(field)
  })
  assignMissingIds(fields)
  assertUnique(fields)
  return { name, fields, labels: readLabels(root['labels']) }
}

/** GitHub accepts `labels` as a list or as one comma-separated string. */
function readLabels(value: unknown): string[] {
  const raw = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : []
  return raw.map((label) => String(label).trim()).filter((label) => label !== '')
}

/** Fields without an id get a slug of their label, made unique against every other id. */
function assignMissingIds(fields: FormField[]): void {
  const taken = new Set(fields.map((field) => field.id).filter((id) => id !== ''))
  for (const [index, field] of fields.entries()) {
    if (field.id !== '') continue
    const base = slugify(field.label) || `field-${index + 1}`
    let id = base
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
    taken.add(id)
    field.id = id
  }
}

function slugify(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** Duplicate labels would make two fields render the same `### heading`: the body could not be mapped back. */
function assertUnique(fields: FormField[]): void {
  const ids = new Set<string>()
  const labels = new Set<string>()
  for (const field of fields) {
    if (ids.has(field.id)) throw new FormTemplateError(`Form template has two fields with id "${field.id}"`)
    const key = field.label.trim().replace(/\s+/g, ' ').toLowerCase()
    if (labels.has(key)) throw new FormTemplateError(`Form template has two fields labelled "${field.label}"`)
    ids.add(field.id)
    labels.add(key)
  }
}
