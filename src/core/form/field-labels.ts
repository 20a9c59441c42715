import { trimSpacesAndTabs, withoutClosingSequence } from './line-syntax'
import type { FormField } from './types'

/** Matches `### <label>` heading text to the form's fields. */
export class FieldLabels {
  private readonly byLabel = new Map<string, string>()

  constructor(fields: FormField[]) {
    for (const field of fields) this.byLabel.set(normaliseLabel(field.label), field.id)
  }

  /**
   * The field a heading names. The raw text is tried first: GitHub writes the label verbatim, so
   * "Case #" is `### Case #`, which CommonMark reads as "Case" (a closing `#` sequence); then the
   * text without its closing sequence, for `### Customer ###`.
   */
  match(content: string): string | undefined {
    if (content === '') return undefined
    const id = this.byLabel.get(normaliseLabel(content))
    if (id !== undefined || !content.endsWith('#')) return id
    return this.byLabel.get(normaliseLabel(withoutClosingSequence(content)))
  }
}

/** Labels match trimmed, case-insensitive and with runs of whitespace collapsed. */
export function normaliseLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * For each field, the index of the last line `### <its label>` written at column 0, the way
 * GitHub writes form headings. A heading line inside a fence or HTML block may end that block
 * only if it is this last one: an earlier copy is then text the filer pasted.
 */
export function lastFormHeadingLines(lines: string[], labels: FieldLabels): Map<number, string> {
  const lastById = new Map<string, number>()
  for (const [index, line] of lines.entries()) {
    if (!line.startsWith('###')) continue
    const next = line.charCodeAt(3)
    if (line.length > 3 && next !== 32 && next !== 9) continue
    const id = labels.match(trimSpacesAndTabs(line.slice(3)))
    if (id !== undefined) lastById.set(id, index)
  }
  return new Map([...lastById].map(([id, index]) => [index, id]))
}
