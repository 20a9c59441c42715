import { formatDuration } from '../../config/duration'
import { readFacts } from '../escalation'
import type { Assessment } from '../sweep/assess'
import { describeChanges } from '../sweep/changes'
import { formatUtc } from '../time/sla-clock'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { safeCell, safeInline } from './sanitize'
import type { ParsedIssueBody } from '../form/types'

export interface StatusState {
  key: string
  at: string
  /** Breach keys already notified: carried forward so old breach comments may scroll away. */
  breaches: string[]
  /** The first response (ISO), carried forward so it may scroll out of the comments a sweep reads. */
  acknowledgedAt?: string | null
}

function clock(minutesLeft: number, by: Date): string {
  return minutesLeft >= 0
    ? `${formatDuration(Math.round(minutesLeft))} left (by ${formatUtc(by)})`
    : `**breached** by ${formatDuration(Math.round(-minutesLeft))} (was due ${formatUtc(by)})`
}

function acknowledgeLine(assessment: Assessment, now: Date): string {
  const { acknowledgedAt, acknowledgeBy } = assessment
  if (acknowledgedAt)
    return `${acknowledgedAt <= acknowledgeBy ? 'met' : '**missed**'} at ${formatUtc(acknowledgedAt)} (target ${formatUtc(acknowledgeBy)})`
  const breach = assessment.breaches.find((candidate) => candidate.kind === 'acknowledge')
  return breach
    ? clock(-breach.byMinutes, acknowledgeBy)
    : `due by ${formatUtc(acknowledgeBy)} (${formatDuration(Math.round((acknowledgeBy.getTime() - now.getTime()) / 60_000))} left)`
}

/** A status update, as the seeds ask: the problem and impact, tier, owner, age, SLA, changes, ETA, next update. */
export function renderStatusComment(
  assessment: Assessment,
  parsed: ParsedIssueBody,
  now: Date,
  nextUpdateBy: Date,
  notifiedBreaches: string[],
): string {
  const { issue, tier } = assessment
  const facts = readFacts(parsed)
  const since = assessment.lastUpdateAt ?? assessment.start
  const changes = describeChanges(issue, since)
  const state: StatusState = {
    key: assessment.nextUpdateBy.toISOString(),
    at: now.toISOString(),
    breaches: notifiedBreaches.slice(-20),
    acknowledgedAt: assessment.acknowledgedAt?.toISOString() ?? null,
  }
  const sla = assessment.breaches.length > 0 ? 'SLA breached' : 'within SLA'
  const latest = assessment.lastHumanUpdate
  const lines = [
    renderMarker('status', state),
    `### Status update: ${tier.name} (\`${tier.label}\`), ${sla}`,
    '',
    `**${safeInline(issue.title, 200)}**: ${safeInline(facts.impact ?? 'impact not given', 300)}`,
    '',
    '| | |',
    '|---|---|',
    `| **Owner** | ${assessment.owners.map((login) => safeCell(login)).join(', ') || 'nobody assigned'} |`,
    `| **Age** | ${formatDuration(Math.round((now.getTime() - assessment.start.getTime()) / 60_000))} (since ${formatUtc(assessment.start)}) |`,
    `| **Acknowledge** | ${acknowledgeLine(assessment, now)} |`,
    `| **Resolve** | ${clock(assessment.resolveLeftMinutes, assessment.resolveBy)} |`,
    `| **ETA** | ${assessment.eta ? safeCell(assessment.eta, 200) : 'not given yet'} |`,
    `| **Next update by** | ${formatUtc(nextUpdateBy)} |`,
    '',
    `**Since the last update** (${formatUtc(since)}):`,
    ...(changes.length > 0 ? changes.map((change) => `- ${change}`) : ['- no activity on the issue']),
  ]
  if (latest) {
    lines.push(
      '',
      `**Latest update** from **${latest.comment.author}** at ${formatUtc(latest.comment.createdAt)}:`,
      '',
      `> ${safeInline(latest.text, 1000)}`,
    )
  }
  if (assessment.needsHumanUpdate) {
    const who = assessment.owners.map((login) => `@${login}`).join(' ') || 'Owners'
    lines.push(
      '',
      `${who}: no update from the team for ${formatDuration(tier.sla.updateEveryMinutes)} or more. Please comment \`/status <what changed, next step, ETA: …>\`.`,
    )
  }
  return fitBody(lines.join('\n'))
}
