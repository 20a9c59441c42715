import type { MissingField } from '../intake/check-required'
import { inlineCode, safeInline } from './sanitize'

function describeReason(field: MissingField): string {
  switch (field.reason) {
    case 'absent':
      return `its heading is missing from the issue (renamed or deleted): add it back as ${inlineCode(`### ${field.label}`)}`
    case 'empty':
      return 'not answered'
    case 'placeholder':
      return `${inlineCode(safeInline(field.given ?? '', 40))} is a placeholder, not an answer`
    case 'too-short':
      return `too short (${field.given?.length ?? 0} of at least ${field.minLength} characters)`
  }
}

/**
 * What the filer still owes, said truthfully: the SLA clock is already running and the owners
 * are working with what is known; the answers help them and the post-mortem.
 */
export function missingList(filer: string, missing: MissingField[]): string[] {
  return [
    `**Missing information.** @${filer}, please edit the issue description and fill in:`,
    '',
    ...missing.map(
      (field) => `- **${safeInline(field.label, 100)}**: ${describeReason(field)}. _A good answer:_ ${safeInline(field.hint, 400)}`,
    ),
    '',
    'The SLA clock is already running and the owners have been told; this list updates itself when you edit the issue.',
  ]
}
