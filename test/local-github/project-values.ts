/** Setting a project item's field value with GitHub's checks: the value must match the field's
 * type, a single-select option must belong to the field, built-in fields are not settable. */
import type { FieldRecord, FieldValue, ItemRecord } from './projects'

export interface ValueInput {
  text?: string | null
  number?: number | null
  date?: string | null
  singleSelectOptionId?: string | null
  iterationId?: string | null
}

/** Which input key each settable field type takes. */
const KEY_FOR: Partial<Record<FieldRecord['dataType'], keyof ValueInput>> = {
  TEXT: 'text',
  NUMBER: 'number',
  DATE: 'date',
  SINGLE_SELECT: 'singleSelectOptionId',
}

/** Returns GitHub's error message, or undefined once the value is set. */
export function setFieldValue(
  item: ItemRecord,
  field: FieldRecord,
  value: ValueInput,
  by: string,
  now: string,
  id: () => number,
): string | undefined {
  const key = KEY_FOR[field.dataType]
  // Assignees, labels, milestone, repository… belong to the issue, not the item (GitHub's docs)
  if (!key) return `The field ${field.name} (${field.dataType.toLowerCase()}) cannot be updated with updateProjectV2ItemFieldValue`
  const given = (Object.keys(value) as (keyof ValueInput)[]).filter((k) => value[k] !== undefined && value[k] !== null)
  if (given.length !== 1 || given[0] !== key)
    return `Did not receive a ${key === 'singleSelectOptionId' ? 'single select option Id' : `${key} value`} to update a field of type ${field.dataType.toLowerCase()}`
  const raw = value[key]
  if (key === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(raw))) return `Could not parse date ${JSON.stringify(raw)}`
  if (key === 'singleSelectOptionId' && !field.options.some((o) => o.id === raw))
    return 'The single select option Id does not belong to the field'
  const stored: FieldValue = { id: item.values.get(field.id)?.id ?? id(), updatedAt: now, creator: by }
  if (key === 'text') stored.text = String(raw)
  if (key === 'number') stored.number = Number(raw)
  if (key === 'date') stored.date = String(raw)
  if (key === 'singleSelectOptionId') stored.optionId = String(raw)
  item.values.set(field.id, stored)
  item.updatedAt = now
  return undefined
}
