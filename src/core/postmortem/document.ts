import type { Config } from '../../config/types'
import { formatDuration } from '../../config/duration'
import { readFacts, type EscalationFacts } from '../escalation'
import type { MissingField } from '../intake/check-required'
import { safeCell, safeDocumentBlock, safeInline } from '../render/sanitize'
import type { IssueSnapshot } from '../snapshot'
import type { Assessment } from '../sweep/assess'
import { formatUtc } from '../time/sla-clock'
import type { ParsedIssueBody } from '../form/types'
import { renderTemplate } from './render-template'
import { buildTimeline } from './timeline'
import { ACCEPTED_REACTION, isStatusCommand, statusComments, statusText } from '../sweep/status-updates'

export interface DocumentInput {
  issue: IssueSnapshot
  config: Config
  parsed: ParsedIssueBody
  assessment: Assessment
  missing: MissingField[]
  template: string
}

/**
 * User text as a Markdown block: formatting kept, headings and HTML defused (a file notifies nobody). A required field
 * that did not count at close (empty, a placeholder such as "tbd", too short) is marked missing
 * instead of quoted as if it were the answer; a too-short answer is kept under the mark.
 */
function userBlock(text: string | null, missingLabel: string, gap?: MissingField): string {
  const label = gap?.label ?? missingLabel
  const quoted = text ? safeDocumentBlock(text) : ''
  if (gap?.reason === 'too-short' && text)
    return `> **Missing:** ${label} was too short to count when the escalation closed. Complete it during review.\n\n${quoted}`
  if (!text || gap) return `> **Missing:** ${label} was not answered when the escalation closed. Fill it in during review.`
  return quoted
}

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  )
}

function slaResults(assessment: Assessment, closedAt: Date): string {
  const { tier, start } = assessment
  const minutes = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000))
  const verdict = (met: boolean) => (met ? 'met' : '**missed**')
  const ack = assessment.acknowledgedAt
  const rows = [
    [
      'Acknowledge',
      ack ? formatDuration(minutes(start, ack)) : 'never',
      formatDuration(tier.sla.acknowledgeMinutes),
      verdict(!!ack && ack <= assessment.acknowledgeBy),
    ],
    [
      'Resolve',
      formatDuration(minutes(start, closedAt)),
      formatDuration(tier.sla.resolveMinutes),
      verdict(closedAt <= assessment.resolveBy),
    ],
  ]
  const breaches = assessment.breaches.map((breach) => `${breach.kind} (by ${formatDuration(Math.round(breach.byMinutes))})`)
  return `${table(['Target', 'Actual', 'Target time', 'Result'], rows)}\n\nTier: **${tier.name}** (\`${tier.label}\`). Breaches: ${breaches.join(', ') || 'none'}.`
}

function customerTable(facts: EscalationFacts): string {
  const rows = [
    ['Customer', facts.customer],
    ['Account value (ARR)', facts.accountValue],
    ['Renewal date', facts.renewalDate],
    ['Customer contact', facts.contact],
  ].map(([name, value]) => [name ?? '', safeCell(value ?? 'not given', 300)])
  return table(['', ''], rows)
}

function communicationLog(issue: IssueSnapshot): string {
  const automatic = statusComments(issue.comments).map((comment) => ({
    at: comment.createdAt,
    line: 'automatic status update',
    by: 'Escalation Desk',
  }))
  // Only `/status` updates the action accepted (👍): one refused for lack of access is an ordinary comment, as on the timeline.
  const human = issue.comments
    .filter((comment) => !comment.authorIsBot && isStatusCommand(comment.body) && comment.viewerReactions.includes(ACCEPTED_REACTION))
    .map((comment) => ({ at: comment.createdAt, line: safeCell(statusText(comment.body), 500), by: comment.author }))
  const rows = [...automatic, ...human].sort((a, b) => a.at.getTime() - b.at.getTime())
  if (rows.length === 0) return '_No status updates were posted._'
  return table(
    ['Time (UTC)', 'Update', 'By'],
    rows.map((row) => [formatUtc(row.at).replace(' UTC', ''), row.line, safeCell(row.by)]),
  )
}

function people(issue: IssueSnapshot, assessment: Assessment): string {
  const commenters = [...new Set(issue.comments.filter((comment) => !comment.authorIsBot).map((comment) => comment.author))]
  const lines = [
    `- Filed by: ${safeInline(issue.author)}`,
    `- Owners: ${assessment.owners.map((login) => safeInline(login)).join(', ') || 'none'}`,
    `- Assignees: ${issue.assignees.map((login) => safeInline(login)).join(', ') || 'none'}`,
    `- Took part: ${commenters.map((login) => safeInline(login)).join(', ') || 'nobody commented'}`,
    `- Notified (${assessment.tier.name}): ${assessment.tier.notify.map((login) => safeInline(login)).join(', ') || 'nobody configured'}`,
  ]
  return lines.join('\n')
}

/** The last word before closing: a comment marked 🚀 for the timeline, or the last `/status`. */
function resolutionNote(issue: IssueSnapshot, assessment: Assessment): string | null {
  const marked = issue.comments.filter((comment) => !comment.authorIsBot && comment.markedForTimeline).at(-1)
  const update = assessment.lastHumanUpdate
  const latest =
    marked && (!update || marked.createdAt > update.comment.createdAt)
      ? { by: marked.author, at: marked.createdAt, text: marked.body }
      : update
        ? { by: update.comment.author, at: update.comment.createdAt, text: update.text }
        : null
  if (!latest) return null
  return `From ${safeInline(latest.by)} at ${formatUtc(latest.at)}:\n\n> ${safeInline(latest.text, 2000)}`
}

/** The post-mortem document: the template filled with the escalation's fields, SLA results and timeline. */
export function renderPostMortem({ issue, config, parsed, assessment, missing, template }: DocumentInput): string {
  const facts = readFacts(parsed)
  const closedAt = issue.closedAt ?? assessment.start
  const timeline = buildTimeline(issue, config).map((entry) => [
    formatUtc(entry.at).replace(' UTC', ''),
    safeCell(entry.what, 200),
    safeCell(entry.by),
  ])
  const resolution = resolutionNote(issue, assessment)
  const values: Record<string, string> = {
    title: safeInline(issue.title, 200),
    escalation: `#${issue.number}`,
    tier: `${assessment.tier.name} (\`${assessment.tier.label}\`)`,
    filed_at: formatUtc(issue.createdAt),
    closed_at: formatUtc(closedAt),
    missing_note:
      missing.length > 0
        ? `>\n> **Draft:** ${missing.map((field) => field.label).join(' and ')} ${missing.length === 1 ? 'was' : 'were'} missing at close; those sections are marked below.`
        : '',
    summary: userBlock(
      facts.whatHappened,
      'What happened',
      missing.find((field) => field.id === 'what-happened'),
    ),
    customer: customerTable(facts),
    sla_results: slaResults(assessment, closedAt),
    impact: userBlock(
      facts.impact,
      'Business impact',
      missing.find((field) => field.id === 'impact'),
    ),
    root_cause: userBlock(
      facts.rootCause,
      'Root cause',
      missing.find((field) => field.id === 'root-cause'),
    ),
    trigger: [
      `- **Started:** ${safeInline(facts.started ?? 'not given', 200)}`,
      `- **Escalated:** ${formatUtc(assessment.start)}`,
      `- **Tried before escalating:** ${safeInline(facts.tried ?? 'not given', 1000)}`,
    ].join('\n'),
    resolution: resolution ?? '_Describe how it was resolved and how the customer agreed to it._',
    timeline: table(['Time (UTC)', 'Event', 'By'], timeline),
    action_items: [
      '- [ ] Fix the root cause for good (owner, due date)',
      '- [ ] Add the check that would have caught it earlier: a test, an alert, a review step',
      '- [ ] Write or update the procedure (SOP) that should have prevented it',
      '- [ ] Confirm the resolution with the customer and agree on follow-up',
    ].join('\n'),
    communication_log: communicationLog(issue),
    people: people(issue, assessment),
  }
  return renderTemplate(template, values)
}
