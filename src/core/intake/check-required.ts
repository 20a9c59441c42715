import type { Config } from '../../config/types'
import type { FieldValue, FormTemplate, ParsedIssueBody } from '../form/types'

export type MissingReason = 'absent' | 'empty' | 'placeholder' | 'too-short'

export interface MissingField {
  id: string
  /** The form's label, as the filer sees it. */
  label: string
  reason: MissingReason
  hint: string
  /** The answer given, for placeholders and short answers. */
  given: string | null
  minLength: number
}

function answerText(value: FieldValue | undefined): string | null {
  if (!value) return null
  if (value.kind === 'text') return value.text
  if (value.kind === 'choices') return value.selected.length > 0 ? value.selected.join(', ') : null
  return value.checked.length > 0 ? value.checked.join(', ') : null
}

/** Placeholders are short: a longer answer is no placeholder, whatever it ends with. */
const MAX_PLACEHOLDER = 64

/**
 * Normalises an answer for the placeholder check: "N/A." and " tbd " both read as placeholders.
 * Trailing dots, bangs and spaces are stripped by a backwards scan: a regular expression like
 * `[.!\s]+$` retries from every dot of `x....x` and takes seconds on a long answer.
 */
function placeholderKey(text: string): string {
  const trimmed = text.trim()
  if (trimmed.length > MAX_PLACEHOLDER) return trimmed.slice(0, MAX_PLACEHOLDER + 1)
  let end = trimmed.length
  while (end > 0 && '.! \t\n\r'.includes(trimmed.charAt(end - 1))) end--
  return trimmed.slice(0, end).toLowerCase()
}

/**
 * Every required field that is absent, empty, a placeholder ("n/a", "tbd", …) or shorter than
 * its minimum, in the configuration's order. GitHub enforces none of this for private
 * repositories, API-created issues or later edits, so this is the enforcement.
 */
export function findMissingFields(parsed: ParsedIssueBody, template: FormTemplate, config: Config): MissingField[] {
  const placeholders = new Set(config.placeholders.map((p) => p.toLowerCase()))
  const missing: MissingField[] = []
  for (const required of config.requiredFields) {
    const label = template.fields.find((field) => field.id === required.id)?.label ?? required.id
    const base = { id: required.id, label, hint: required.hint, minLength: required.minLength }
    const text = answerText(parsed.fields[required.id])?.trim() ?? null
    if (parsed.absent.includes(required.id) || !(required.id in parsed.fields)) {
      missing.push({ ...base, reason: 'absent', given: null })
    } else if (!text) {
      missing.push({ ...base, reason: 'empty', given: null })
    } else if (placeholders.has(placeholderKey(text))) {
      missing.push({ ...base, reason: 'placeholder', given: text })
    } else if (text.length < required.minLength) {
      missing.push({ ...base, reason: 'too-short', given: text })
    }
  }
  return missing
}

export { answerText }
