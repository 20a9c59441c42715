import { FieldLabels } from '../../../src/core/form/field-labels'
import { atxHeading, indentOf } from '../../../src/core/form/line-syntax'
import { normaliseBody } from '../../../src/core/form/normalise-body'
import type { FieldValue, FormTemplate, ParsedIssueBody } from '../../../src/core/form/types'
import type { GeneratedBody } from './fuzz-bodies'
import { githubTopLevelHeadingLines } from './github-headings'

/** A second form for the fuzzer, with what the shipped one lacks: labels ending in `#`, multi-select, render. */
export const FUZZ_FORM_YAML = `name: Fuzz form
description: Every field type, labels ending in a hash sign, options containing commas.
body:
  - type: input
    id: case-number
    attributes: { label: 'Case #' }
  - type: dropdown
    id: products
    attributes:
      label: Affected products
      multiple: true
      options: [Sales Cloud, 'Reports, Dashboards', Reports, 'Forecasts, Quotas, Territories']
  - type: textarea
    id: logs
    attributes: { label: Relevant log output, render: shell }
  - type: checkboxes
    id: checks
    attributes:
      label: Checks
      options: [{ label: Restarted the sync }, { label: 'Read the runbook, twice' }]
  - type: dropdown
    id: severity
    attributes: { label: Severity, options: ['High, customer-facing', Low] }
  - type: textarea
    id: details
    attributes: { label: 'Details ##' }
`

export type ProblemKind = 'lost' | 'wrongly found' | 'extra lost'

export interface Problem {
  kind: ProblemKind
  field: string
  detail: string
}

/** Every way the parse falls short of what the generator wrote. */
export function findProblems(generated: GeneratedBody, parsed: ParsedIssueBody): Problem[] {
  const problems: Problem[] = []
  for (const [id, expected] of generated.expected) {
    const actual = parsed.fields[id]
    if (parsed.absent.includes(id)) problems.push({ kind: 'lost', field: id, detail: 'parsed as absent' })
    else if (actual === undefined || !sameAnswer(expected, actual)) {
      problems.push({ kind: 'lost', field: id, detail: `expected ${clip(expected)}, got ${clip(actual)}` })
    }
  }
  for (const id of generated.absent) {
    if (!parsed.absent.includes(id)) problems.push({ kind: 'wrongly found', field: id, detail: `got ${clip(parsed.fields[id])}` })
  }
  for (const [id, text] of generated.extra) {
    const actual = parsed.fields[id]
    const extra = actual !== undefined && 'extra' in actual ? (actual.extra ?? '') : ''
    if (!extra.includes(text.trim())) problems.push({ kind: 'extra lost', field: id, detail: `extra ${clip(extra)}` })
  }
  return problems
}

/** Field ids GitHub renders as a top-level `### label` heading that the parse reports absent. */
export function missedVersusGitHub(body: string, template: FormTemplate, parsed: ParsedIssueBody): string[] {
  const labels = new FieldLabels(template.fields)
  const lines = normaliseBody(body).split('\n')
  const seen = new Set<string>()
  for (const number of githubTopLevelHeadingLines(body)) {
    const line = lines[number - 1] ?? ''
    const heading = atxHeading(line, indentOf(line).index)
    const id = heading === null ? undefined : labels.match(heading.content)
    if (id !== undefined) seen.add(id)
  }
  return [...seen].filter((id) => parsed.absent.includes(id))
}

/** Fields whose heading GitHub itself hides (in a fence or HTML block left open) that the parse found. */
export function foundBeyondGitHub(generated: GeneratedBody, parsed: ParsedIssueBody, template: FormTemplate): number {
  const labels = new FieldLabels(template.fields)
  const lines = normaliseBody(generated.body).split('\n')
  const seen = new Set(githubTopLevelHeadingLines(generated.body).map((n) => labels.match(atxContent(lines[n - 1] ?? ''))))
  return [...generated.expected.keys()].filter((id) => !seen.has(id) && !parsed.absent.includes(id)).length
}

function atxContent(line: string): string {
  return atxHeading(line, indentOf(line).index)?.content ?? ''
}

function sameAnswer(expected: FieldValue, actual: FieldValue): boolean {
  if (expected.kind === 'text') return actual.kind === 'text' && actual.text === expected.text
  if (expected.kind === 'choices') return actual.kind === 'choices' && same(actual.selected, expected.selected)
  return actual.kind === 'checkboxes' && same(actual.checked, expected.checked) && same(actual.unchecked, expected.unchecked)
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}

function clip(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined'
  return text.length > 160 ? `${text.slice(0, 157)}...` : text
}
