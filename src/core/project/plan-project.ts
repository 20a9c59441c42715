import { utcDate } from '../time/sla-clock'
/**
 * An escalation on a Projects board: the values its fields should hold (Tier, State, SLA due,
 * Customer, ARR, Owner, as the configuration names them), and which of them changed since the
 * card last recorded them, so a run writes only what moved.
 */
import type { ProjectConfig } from '../../config/types'
import type { Escalation } from '../lifecycle/derive'

export interface ProjectField {
  id: string
  name: string
  dataType: string
  options: { id: string; name: string }[]
}

export interface Project {
  id: string
  fields: ProjectField[]
}

export type FieldValue = { text: string } | { number: number } | { date: string } | { singleSelectOptionId: string }

export interface FieldUpdate {
  fieldId: string
  name: string
  value: FieldValue
  /** What the card records for the field, to compare next time. */
  recorded: string
}

/** What the card remembers of the board: the item and the values last written. */
export interface ProjectRecord {
  item: string
  values: Record<string, string>
}

const STATE_NAMES: Record<Escalation['state'], string[]> = {
  filed: ['filed', 'new', 'open', 'triage'],
  acknowledged: ['acknowledged', 'ack'],
  investigating: ['investigating', 'in progress'],
  waiting: ['waiting', 'waiting on customer', 'blocked'],
  resolved: ['resolved', 'done'],
  closed: ['closed', "won't fix", 'not planned'],
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 }

/** "$1.2M", "250,000 EUR", "€ 40k" → a number for a NUMBER field; null when it cannot be read. Linear: a scan, no regex. */
export function accountValue(text: string | null): number | null {
  if (!text) return null
  const head = text.slice(0, 60)
  let start = 0
  while (start < head.length && !(head[start]! >= '0' && head[start]! <= '9')) start++
  let end = start
  while (end < head.length && ((head[end]! >= '0' && head[end]! <= '9') || head[end] === ',' || head[end] === '.')) end++
  if (start === end) return null
  const number = Number(head.slice(start, end).replace(/,/g, ''))
  if (!Number.isFinite(number)) return null
  const unit = head.slice(end).trimStart().charAt(0).toLowerCase()
  return Math.round(number * (SCALE[unit] ?? 1))
}

function option(field: ProjectField, names: string[]): string | null {
  const wanted = names.map((name) => name.toLowerCase())
  return field.options.find((candidate) => wanted.includes(candidate.name.trim().toLowerCase()))?.id ?? null
}

function valueFor(field: ProjectField, kind: keyof ProjectConfig['fields'], escalation: Escalation): FieldValue | null {
  const { tier, facts, clocks, owners, state } = escalation
  const text = {
    tier: tier.name,
    state,
    slaDue: utcDate(clocks.resolve.dueAt),
    customer: facts.customer ?? '',
    arr: facts.accountValue ?? '',
    owner: owners.join(', '),
  }[kind]
  switch (field.dataType) {
    case 'SINGLE_SELECT': {
      const names = kind === 'tier' ? [tier.name, tier.label] : kind === 'state' ? STATE_NAMES[state] : [text]
      const id = option(field, names)
      return id ? { singleSelectOptionId: id } : null
    }
    case 'DATE':
      return kind === 'slaDue' ? { date: text } : null
    case 'NUMBER': {
      const number = kind === 'arr' ? accountValue(facts.accountValue) : null
      return number === null ? null : { number }
    }
    case 'TEXT':
      return { text: text.slice(0, 1000) }
    default:
      return null
  }
}

/** The field updates that bring the item to the escalation; unknown fields or options are skipped, not guessed. */
export function planProjectFields(
  project: Project,
  names: ProjectConfig['fields'],
  escalation: Escalation,
  recorded: Record<string, string>,
): FieldUpdate[] {
  const updates: FieldUpdate[] = []
  for (const kind of Object.keys(names) as (keyof ProjectConfig['fields'])[]) {
    const field = project.fields.find((candidate) => candidate.name.toLowerCase() === names[kind].toLowerCase())
    if (!field) continue
    const value = valueFor(field, kind, escalation)
    if (!value) continue
    const record = JSON.stringify(value)
    if (recorded[field.name] === record) continue
    updates.push({ fieldId: field.id, name: field.name, value, recorded: record })
  }
  return updates
}
