import type { MissingField } from '../intake/check-required'
import { formatUtc } from '../time/sla-clock'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeCode, safeInline } from './sanitize'

export interface MissingCheck {
  at: string
  /** Labels of the fields missing at that check; empty when complete. */
  missing: string[]
}

export interface MissingState {
  history: MissingCheck[]
}

function describeReason(field: MissingField): string {
  switch (field.reason) {
    case 'absent':
      return 'its heading is missing from the issue (renamed or deleted): add it back as `### ' + field.label + '`'
    case 'empty':
      return 'not answered'
    case 'placeholder':
      return `${safeCode(field.given ?? '', 40)} is a placeholder, not an answer`
    case 'too-short':
      return `too short (${field.given?.length ?? 0} of at least ${field.minLength} characters)`
  }
}

function renderHistory(history: MissingCheck[]): string[] {
  if (history.length === 0) return []
  return [
    '<details><summary>History</summary>',
    '',
    ...history
      .slice(-30)
      .map(
        (check) => `- ${formatUtc(new Date(check.at))}: ${check.missing.length > 0 ? `missing ${check.missing.join(', ')}` : 'complete'}`,
      ),
    '',
    '</details>',
  ]
}

/**
 * The one comment that tracks required information: it lists what is missing and why, and once
 * everything is there it says so, keeping the history of earlier checks.
 */
export function renderMissingComment(author: string, missing: MissingField[], state: MissingState): string {
  const head = renderMarker('missing', state)
  if (missing.length === 0) {
    return fitBody(
      [
        head,
        '### Required information complete',
        '',
        'Every required field is filled in. Thank you!',
        '',
        ...renderHistory(state.history),
      ].join('\n'),
    )
  }
  const lines = [
    head,
    '### This escalation is missing required information',
    '',
    `@${author}, please edit the issue description and fill in:`,
    '',
    ...missing.map((field) => `- **${field.label}**: ${describeReason(field)}.\n  _A good answer:_ ${safeInline(field.hint, 400)}`),
    '',
    'The escalation is acknowledged, and its SLA clock shown, as soon as these are answered. This comment updates itself when you edit the issue.',
    '',
    ...renderHistory(state.history),
  ]
  return fitBody(lines.join('\n'))
}
