import { formatDuration } from '../../config/duration'
import type { Config } from '../../config/types'
import type { EscalationFacts } from '../escalation'
import type { MissingField } from '../intake/check-required'
import { closedPauses, type SlaClock } from '../lifecycle/clocks'
import type { Escalation } from '../lifecycle/derive'
import { unique } from '../lifecycle/notifications'
import { isHumanComment } from '../own-comments'
import { formatDue } from '../time/format'
import { formatUtc, slaMinutesBetween } from '../time/sla-clock'
import { documentBlock, documentCell, documentInline } from './document-text'
import { renderTemplate } from './render-template'
import { buildTimeline } from './timeline'
import { displayTitle } from './title'

export interface DocumentInput {
  escalation: Escalation
  config: Config
  template: string
}

/**
 * A required field that did not count at close (empty, a placeholder, too short) is marked
 * missing instead of quoted as if it were the answer; a too-short answer is kept under the mark.
 */
function userBlock(text: string | null, label: string, gap?: MissingField): string {
  const name = gap?.label ?? label
  if (gap?.reason === 'too-short' && text)
    return `> **Missing:** ${name} was too short to count when the escalation closed. Complete it during review.\n\n${documentBlock(text)}`
  if (!text || gap) return `> **Missing:** ${name} was not answered when the escalation closed. Fill it in during review.`
  return documentBlock(text)
}

function table(headers: string[], rows: string[][]): string {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join(
    '\n',
  )
}

/** SLA time (working hours, waiting excluded), with the wall-clock time beside it when they differ. */
function clockRow(name: string, clock: SlaClock, escalation: Escalation): string[] {
  const { calendar } = escalation.tier
  const pauses = clock.kind === 'acknowledge' ? [] : closedPauses(escalation.pauses, clock.doneAt ?? clock.since)
  const sla = clock.doneAt ? Math.round(slaMinutesBetween(clock.since, clock.doneAt, calendar, pauses)) : null
  const wall = clock.doneAt ? Math.round((clock.doneAt.getTime() - clock.since.getTime()) / 60_000) : null
  const actual =
    sla === null || wall === null
      ? 'not done'
      : sla === wall
        ? formatDuration(sla)
        : `${formatDuration(sla)} (${formatDuration(wall)} elapsed)`
  const result =
    clock.status === 'met'
      ? 'met'
      : clock.status === 'missed'
        ? `**missed** by ${formatDuration(Math.max(1, Math.round(clock.minutes)))}`
        : `**${clock.status}**`
  return [name, actual, formatDuration(clock.targetMinutes), formatDue(clock.dueAt, escalation.tier.calendar), result]
}

function slaResults(escalation: Escalation): string {
  const { clocks, tier, pauses } = escalation
  const paused = pauses.reduce(
    (total, pause) => total + ((pause.end ?? escalation.resolvedAt ?? pause.start).getTime() - pause.start.getTime()) / 60_000,
    0,
  )
  const rows = [clockRow('Acknowledge', clocks.acknowledge, escalation), clockRow('Resolve', clocks.resolve, escalation)]
  const notes = [
    `Tier: **${tier.name}** (\`${tier.label}\`), ${tier.calendar.kind === '24x7' ? 'clocks run 24x7' : `business hours in ${tier.calendar.timeZone}`}.`,
    paused > 0 ? `Waited on the customer for ${formatDuration(Math.round(paused))} in all (clocks paused).` : '',
    `Status updates from the team: ${escalation.updates.length} (one owed every ${formatDuration(tier.sla.updateEveryMinutes)}).`,
  ]
  return `${table(['Target', 'Actual', 'Target time', 'Due', 'Result'], rows)}\n\n${notes.filter(Boolean).join(' ')}`
}

function customerTable(facts: EscalationFacts): string {
  const rows = [
    ['Customer', facts.customer],
    ['Account value (ARR)', facts.accountValue],
    ['Renewal date', facts.renewalDate],
    ['Customer contact', facts.contact],
  ].map(([name, value]) => [name ?? '', documentCell(value ?? 'not given', 300)])
  return table(['', ''], rows)
}

function communicationLog(escalation: Escalation): string {
  if (escalation.updates.length === 0) return '_No status updates were posted by the team._'
  return table(
    ['Time (UTC)', 'Update', 'By'],
    escalation.updates.map((update) => [formatUtc(update.at).replace(' UTC', ''), documentCell(update.text, 500), documentCell(update.by)]),
  )
}

function people(escalation: Escalation, config: Config): string {
  const { issue } = escalation
  const commenters = unique(issue.comments.filter(isHumanComment).map((comment) => comment.author))
  const notified = unique(config.tiers.filter((tier) => escalation.sent.has(`notify:${tier.label}`)).flatMap((tier) => tier.notify))
  const contacted = [...escalation.sent].some((key) => key.startsWith('breach:') || key.startsWith('missed-update:'))
  const list = (logins: string[], none: string) => logins.map((login) => documentInline(login)).join(', ') || none
  return [
    `- Filed by: ${documentInline(issue.author)}`,
    `- Owners: ${list(escalation.owners, 'none')}`,
    `- Assignees: ${list(issue.assignees, 'none')}`,
    `- Notified: ${list(notified, 'nobody')}`,
    `- Escalation contacts (${escalation.tier.name}): ${list(escalation.tier.escalationContacts, 'none configured')}${contacted ? ', told of a breach or a missed update' : ''}`,
    `- Took part: ${list(commenters, 'nobody commented')}`,
    ...(escalation.sponsor ? [`- Executive sponsor: ${documentInline(escalation.sponsor)}`] : []),
  ].join('\n')
}

/** The resolution as recorded by `/resolve`, else the last comment marked 🚀, else the last status. */
function resolutionNote(escalation: Escalation): string | null {
  if (escalation.resolution) {
    const { by, at, summary } = escalation.resolution
    return `Recorded by ${documentInline(by)} at ${formatUtc(at)}:\n\n${documentBlock(summary)}`
  }
  const marked = escalation.issue.comments.filter((comment) => isHumanComment(comment) && comment.markedForTimeline).at(-1)
  const update = escalation.updates.at(-1)
  const latest =
    marked && (!update || marked.createdAt > update.at) ? { by: marked.author, at: marked.createdAt, text: marked.body } : update
  if (!latest) return null
  return `From ${documentInline(latest.by)} at ${formatUtc(latest.at)}:\n\n${documentBlock(latest.text)}`
}

/** The post-mortem document: the template filled with the escalation's fields, SLA results and timeline. */
export function renderPostMortem({ escalation, config, template }: DocumentInput): string {
  const { issue, facts, missing } = escalation
  const gap = (id: string) => missing.find((field) => field.id === id)
  const timeline = buildTimeline(escalation, config).map((entry) => [
    formatUtc(entry.at).replace(' UTC', ''),
    documentCell(entry.what, 200),
    documentCell(entry.by),
  ])
  const values: Record<string, string> = {
    title: documentInline(displayTitle(issue.title), 200),
    escalation: `#${issue.number}`,
    tier: `${escalation.tier.name} (\`${escalation.tier.label}\`)`,
    filed_at: formatUtc(issue.createdAt),
    closed_at: formatUtc(escalation.resolvedAt ?? issue.closedAt ?? escalation.start),
    missing_note:
      missing.length > 0
        ? `>\n> **Draft:** ${missing.map((field) => field.label).join(' and ')} ${missing.length === 1 ? 'was' : 'were'} missing at close; those sections are marked below.`
        : '',
    summary: userBlock(facts.whatHappened, 'What happened', gap('what-happened')),
    customer: customerTable(facts),
    ask: facts.ask ? documentBlock(facts.ask) : '_The escalation did not say what it asked of leadership._',
    sla_results: slaResults(escalation),
    impact: userBlock(facts.impact, 'Business impact', gap('impact')),
    root_cause: userBlock(facts.rootCause, 'Root cause', gap('root-cause')),
    trigger: [
      `- **Started:** ${documentInline(facts.started ?? 'not given', 200)}`,
      `- **Escalated:** ${formatUtc(escalation.start)}`,
      `- **Tried before escalating:** ${documentInline(facts.tried ?? 'not given', 1000)}`,
    ].join('\n'),
    resolution: resolutionNote(escalation) ?? '_Describe how it was resolved and how the customer agreed to it._',
    timeline: table(['Time (UTC)', 'Event', 'By'], timeline),
    action_items: [
      '- [ ] Fix the root cause for good @owner due YYYY-MM-DD',
      '- [ ] Add the check that would have caught it earlier (a test, an alert, a review step) @owner due YYYY-MM-DD',
      '- [ ] Write or update the procedure (SOP) that should have prevented it @owner due YYYY-MM-DD',
    ].join('\n'),
    csat: escalation.csat
      ? `${escalation.csat.rating}/5, recorded by ${documentInline(escalation.csat.by)} at ${formatUtc(escalation.csat.at)}${escalation.csat.comment ? `:\n\n${documentBlock(escalation.csat.comment)}` : '.'}`
      : '_Not recorded yet: after talking to the customer, the filer comments `/csat <1-5> [comment]` on the escalation; this document is updated while its pull request is open._',
    communication_log: communicationLog(escalation),
    people: people(escalation, config),
  }
  return renderTemplate(template, values)
}
