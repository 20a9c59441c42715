import type { FormTemplate, ParsedIssueBody } from './form/types'
import { answerText } from './intake/check-required'

/** The fields of the shipped form that comments and post-mortems quote. */
export interface EscalationFacts {
  customer: string | null
  accountValue: string | null
  renewalDate: string | null
  contact: string | null
  whatHappened: string | null
  rootCause: string | null
  impact: string | null
  started: string | null
  tried: string | null
  ask: string | null
}

const FIELD_IDS: Record<keyof EscalationFacts, string> = {
  customer: 'customer',
  accountValue: 'arr',
  renewalDate: 'renewal-date',
  contact: 'contact',
  whatHappened: 'what-happened',
  rootCause: 'root-cause',
  impact: 'impact',
  started: 'started',
  tried: 'tried',
  ask: 'ask',
}

export function readFacts(parsed: ParsedIssueBody): EscalationFacts {
  const facts = {} as EscalationFacts
  for (const [key, id] of Object.entries(FIELD_IDS) as [keyof EscalationFacts, string][]) {
    facts[key] = answerText(parsed.fields[id])?.trim() || null
  }
  return facts
}

/** Index of the tier asked for in the form's `requested-tier` dropdown (option i is tier i). */
export function requestedTierIndex(parsed: ParsedIssueBody, template: FormTemplate): number | null {
  const value = parsed.fields['requested-tier']
  const field = template.fields.find((candidate) => candidate.id === 'requested-tier')
  if (!value || value.kind !== 'choices' || !field) return null
  const index = field.options.indexOf(value.selected[0] ?? '')
  return index >= 0 ? index : null
}
