import { formatDuration } from '../../config/duration'
import type { SweepItem } from '../plans/sweep'
import { formatUtc } from '../time/sla-clock'
import { clockWord } from './clock-text'
import { safeCell } from './sanitize'

/** The job summary keeps to a readable size; the rest are counted, not listed. */
const MAX_ROWS = 200

export type SlaState = 'breached' | 'at risk' | 'waiting' | 'on track'

/** One word for where an escalation stands, from the same clocks as its card. */
export function slaState(item: SweepItem): SlaState {
  const { clocks, waiting } = item.escalation
  const all = [clocks.acknowledge, clocks.update, clocks.resolve]
  if (all.some((clock) => clock.status === 'breached') || clocks.acknowledge.status === 'missed') return 'breached'
  if (all.some((clock) => clock.status === 'at-risk')) return 'at risk'
  return waiting ? 'waiting' : 'on track'
}

/** A Mermaid pie (GitHub renders it) of open escalations by tier and SLA state. */
function chart(items: SweepItem[]): string[] {
  const counts = new Map<string, number>()
  for (const item of items) {
    const key = `${item.escalation.tier.label} · ${slaState(item)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const slices = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `    "${key}" : ${count}`)
  return ['```mermaid', 'pie showData', '    title Open escalations by tier and SLA state', ...slices, '```']
}

function row(item: SweepItem, now: Date): string {
  const { escalation: e } = item
  const age = formatDuration(Math.max(0, Math.round((now.getTime() - e.start.getTime()) / 60_000)))
  const title = safeCell(e.facts.customer ?? e.issue.title, 60)
  return `| #${e.issue.number} | ${e.tier.label} | ${title} | ${e.state} | ${age} | ${safeCell(e.owners.join(', ') || '—')} | ${clockWord(e.clocks.acknowledge)} | ${clockWord(e.clocks.update)} | ${clockWord(e.clocks.resolve)} · ${formatUtc(e.clocks.resolve.dueAt)} |`
}

/** The sweep's job summary: every open escalation at a glance, most urgent first, and what this run did. */
export function renderDashboard(
  items: SweepItem[],
  posted: number[],
  deferred: number[],
  now: Date,
  actions: { open: number; overdue: number; done: number } = { open: 0, overdue: 0, done: 0 },
): string {
  const byTier = new Map<string, number>()
  for (const item of items) byTier.set(item.escalation.tier.name, (byTier.get(item.escalation.tier.name) ?? 0) + 1)
  const lines = [
    `**${items.length} open escalation${items.length === 1 ? '' : 's'}** at ${formatUtc(now)}: ` +
      ([...byTier.entries()].map(([name, count]) => `${count} ${name}`).join(', ') || 'none'),
    '',
    ...(items.length > 0 ? [...chart(items), ''] : []),
    '| # | Tier | Escalation | State | Age | Owners | Acknowledge | Update | Resolve |',
    '|---|---|---|---|---|---|---|---|---|',
    ...items.slice(0, MAX_ROWS).map((item) => row(item, now)),
    ...(items.length > MAX_ROWS ? [`| | | _and ${items.length - MAX_ROWS} more_ | | | | | | |`] : []),
    '',
    `**Preventive actions:** ${actions.open} open, ${actions.overdue} overdue, ${actions.done} done.`,
    '',
    `**This run** posted on ${posted.length} escalation${posted.length === 1 ? '' : 's'}${
      posted.length > 0
        ? ` (${posted
            .slice(0, 50)
            .map((n) => `#${n}`)
            .join(', ')})`
        : ''
    }.`,
    '',
    deferred.length > 0
      ? `**Deferred** to the next run (write budget reached): ${deferred.length} (${deferred
          .slice(0, 50)
          .map((n) => `#${n}`)
          .join(', ')}).`
      : 'Nothing deferred.',
  ]
  return lines.join('\n')
}
