import { formatDuration } from '../../config/duration'
import type { EscalationWork } from '../sweep/plan-sweep'
import { addSlaMinutes, formatUtc } from '../time/sla-clock'
import { safeCell } from './sanitize'

/** The job summary keeps to a readable size; the rest are counted, not listed. */
const MAX_ROWS = 200

type SlaState = 'breached' | 'update due' | 'on track'

export function slaState(item: EscalationWork): SlaState {
  if (item.assessment.breaches.length > 0) return 'breached'
  return item.assessment.due ? 'update due' : 'on track'
}

function slaCell(item: EscalationWork): string {
  const { assessment } = item
  const breach = assessment.breaches.map((b) => `${b.kind} breached by ${formatDuration(Math.round(b.byMinutes))}`).join('; ')
  if (breach) return `🔴 ${breach}`
  const left = `resolve in ${formatDuration(Math.max(0, Math.round(assessment.resolveLeftMinutes)))}`
  return assessment.due ? `🟠 update due · ${left}` : `🟢 ${left}`
}

/** A Mermaid pie (GitHub renders it) of open escalations by tier and SLA state. */
function chart(work: EscalationWork[]): string[] {
  const counts = new Map<string, number>()
  for (const item of work) {
    const key = `${item.assessment.tier.label} · ${slaState(item)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const slices = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `    "${key}" : ${count}`)
  return ['```mermaid', 'pie showData', '    title Open escalations by tier and SLA state', ...slices, '```']
}

/** The sweep's job summary: every open escalation at a glance, and what this run did. */
export function renderDashboard(work: EscalationWork[], posted: number[], deferred: number[], now: Date): string {
  const postedSet = new Set(posted)
  const byTier = new Map<string, number>()
  for (const item of work) byTier.set(item.assessment.tier.name, (byTier.get(item.assessment.tier.name) ?? 0) + 1)
  const lines = [
    `**${work.length} open escalation${work.length === 1 ? '' : 's'}** at ${formatUtc(now)}: ` +
      ([...byTier.entries()].map(([name, count]) => `${count} ${name}`).join(', ') || 'none'),
    '',
    ...(work.length > 0 ? chart(work) : []),
    '',
    '| # | Tier | Escalation | Age | Owner | SLA | Next update |',
    '|---|---|---|---|---|---|---|',
    ...work.slice(0, MAX_ROWS).map(({ assessment: a, ...item }) => {
      const age = formatDuration(Math.max(0, Math.round((now.getTime() - a.start.getTime()) / 60_000)))
      // Posted this run: the next update is a cadence from now, not the one just met.
      const next =
        a.due && postedSet.has(a.issue.number) ? addSlaMinutes(now, a.tier.sla.updateEveryMinutes, a.tier.calendar) : a.nextUpdateBy
      return `| #${a.issue.number} | ${a.tier.label} | ${safeCell(a.issue.title, 80)} | ${age} | ${safeCell(a.owners.join(', ') || '—')} | ${slaCell({ assessment: a, ...item })} | ${formatUtc(next)} |`
    }),
    ...(work.length > MAX_ROWS ? [`| | | _and ${work.length - MAX_ROWS} more_ | | | | |`] : []),
    '',
    `**This run** posted to ${posted.length} escalation${posted.length === 1 ? '' : 's'}${
      posted.length > 0
        ? ` (${posted
            .slice(0, 50)
            .map((n) => `#${n}`)
            .join(', ')})`
        : ''
    }.`,
    deferred.length > 0
      ? `**Deferred** to the next run (write budget reached): ${deferred.length} (${deferred
          .slice(0, 50)
          .map((n) => `#${n}`)
          .join(', ')}).`
      : 'Nothing deferred.',
  ]
  return lines.join('\n')
}
