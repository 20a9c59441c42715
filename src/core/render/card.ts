/**
 * The escalation card: the action's one comment on an escalation, posted at filing and edited
 * in place ever after, the first thing a person reads. It shows absolute times only, so a run
 * with nothing new renders it byte for byte the same and writes nothing.
 */
import type { Config } from '../../config/types'
import type { CardData } from '../lifecycle/card-data'
import { firstWord } from '../lifecycle/commands'
import type { Escalation, LifecycleState } from '../lifecycle/derive'
import { formatDue } from '../time/format'
import { formatUtc } from '../time/sla-clock'
import { describeClock } from './clock-text'
import { commandHelp } from './command-help'
import { fitBody } from './limits'
import { renderMarker } from './markers'
import { missingList } from './missing-fields'
import { safeCell } from './sanitize'

export interface CardView {
  escalation: Escalation
  config: Config
  data: CardData
  /** People told at filing or at a tier raise, for the record. */
  notified: string[]
  /** Notices folded into the card when it is first posted (a refused requested tier, say). */
  notices: string[]
  /** Post-mortem pull request number, once opened. */
  postmortem: number | null
}

/** Closed by someone below the close permission, and not confirmed since: the card remembers it was said. */
function awaitsOwner(escalation: Escalation, data: CardData): boolean {
  const closedAt = escalation.issue.closedAt
  return escalation.issue.state === 'closed' && closedAt !== null && data.sent.includes(`close-unconfirmed:${closedAt.toISOString()}`)
}

const STATE_TEXT: Record<LifecycleState, string> = {
  filed: 'Open: waiting for an owner to acknowledge',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  waiting: 'Waiting on the customer',
  resolved: 'Resolved',
  closed: 'Closed',
}

export const mentionList = (logins: string[]) => (logins.length > 0 ? logins.map((login) => `@${login}`).join(', ') : '_none_')

function stateLine(escalation: Escalation): string {
  const { acknowledgement: ack, state } = escalation
  const by = ack ? ` by ${safeCell(ack.by)} at ${formatUtc(new Date(ack.at))}` : ''
  if (state === 'acknowledged' || state === 'investigating')
    return `${STATE_TEXT[state]}${state === 'acknowledged' ? by : ` (acknowledged${by})`}`
  if (state === 'waiting' && escalation.waiting) {
    const reason = escalation.waiting.reason ? `: ${safeCell(escalation.waiting.reason, 200)}` : ''
    return `${STATE_TEXT.waiting} since ${formatUtc(escalation.waiting.start)}${reason}`
  }
  return STATE_TEXT[state]
}

function tierLine(escalation: Escalation): string {
  const { tier, tierDecision: decision } = escalation
  const record = escalation.commands.findLast(
    (command) => command.name === 'tier' && firstWord(command.arg).toLowerCase() === tier.label.toLowerCase(),
  )
  const reason = decision.source === 'command' && record ? record.arg.slice(firstWord(record.arg).length).trim() : ''
  const how = {
    label: decision.setBy ? `label applied by ${safeCell(decision.setBy)}` : 'label',
    command: `\`/tier\` by ${safeCell(decision.setBy ?? '')}${reason ? `: ${safeCell(reason, 200)}` : ''}`,
    requested: 'requested in the form',
    default: 'the default tier',
  }[decision.source]
  const denied = decision.requestedDenied
  const asked = denied
    ? `; the form asked for ${safeCell(denied.name)} (\`${denied.label}\`): an owner confirms it with \`/tier ${denied.label}\``
    : ''
  return `${safeCell(tier.name)} (\`${tier.label}\`): ${how}${asked}`
}

function customerLine(escalation: Escalation): string {
  const { facts } = escalation
  const parts = [
    safeCell(facts.customer ?? 'not given', 200),
    facts.accountValue && `ARR ${safeCell(facts.accountValue, 60)}`,
    facts.renewalDate && `renews ${safeCell(facts.renewalDate, 60)}`,
    facts.contact && `contact: ${safeCell(facts.contact, 120)}`,
  ]
  return parts.filter(Boolean).join(' · ')
}

function etaLine(escalation: Escalation): string {
  const { eta, tier } = escalation
  if (!eta) return 'not given yet: an owner commits with `/eta <time>`'
  const when = eta.at ? formatDue(eta.at, tier.calendar) : safeCell(eta.text, 100)
  const from = `from ${safeCell(eta.by)} at ${formatUtc(eta.setAt)}`
  return escalation.etaStale ? `⚠️ **passed**: ${when} (${from}); give a new one with \`/eta\`` : `${when} (${from})`
}

function waitingOn(escalation: Escalation): string[] {
  const waits: string[] = []
  if (escalation.needsInfo) waits.push(`@${escalation.issue.author}: the missing information below`)
  if (escalation.waiting) waits.push('the customer')
  if (!escalation.acknowledgement && escalation.state === 'filed')
    waits.push(`${mentionList(escalation.owners)}: acknowledge with \`/ack\``)
  if (escalation.clocks.update.status === 'breached' && !escalation.resolvedAt)
    waits.push(`${mentionList(escalation.owners)}: a status update (\`/status\`)`)
  return waits
}

export function renderCard(view: CardView): string {
  const { escalation, data } = view
  const { tier, clocks, issue } = escalation
  const latest = escalation.updates.at(-1)
  const rows: [string, string][] = [
    ['State', stateLine(escalation)],
    ['Tier', tierLine(escalation)],
    ['Owners', mentionList(escalation.owners)],
    ['Customer', customerLine(escalation)],
    ['Business impact', safeCell(escalation.facts.impact ?? 'not given yet', 400)],
    ['The ask', safeCell(escalation.facts.ask ?? 'not given', 400)],
    ['Acknowledge', describeClock(clocks.acknowledge, tier.calendar)],
    ['Next update', escalation.resolvedAt ? 'none owed: resolved' : describeClock(clocks.update, tier.calendar)],
    ['Resolve', describeClock(clocks.resolve, tier.calendar)],
    ['ETA', etaLine(escalation)],
    ['Latest update', latest ? `${safeCell(latest.by)} at ${formatUtc(latest.at)}: ${safeCell(latest.text, 300)}` : 'none yet'],
  ]
  rows.push(...followUpRows(escalation, view.config, data))
  const waits = waitingOn(escalation)
  if (waits.length > 0) rows.push(['Waiting on', waits.join(' · ')])
  if (view.postmortem !== null) rows.push(['Post-mortem', `#${view.postmortem}`])
  else if (awaitsOwner(escalation, data))
    rows.push(['Post-mortem', 'waits for an owner: `/resolve <resolution summary>`, or close the issue again'])
  const lines = [
    renderMarker('card', data),
    `### ${tier.name} escalation: ${safeCell(escalation.facts.customer ?? issue.title, 120)}`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([name, value]) => `| **${name}** | ${value} |`),
    '',
  ]
  if (escalation.needsInfo) lines.push(...missingList(issue.author, escalation.missing), '')
  for (const notice of view.notices) lines.push(notice, '')
  if (view.notified.length > 0) lines.push(`**Notified:** ${mentionList(view.notified)}`, '')
  lines.push(...commandHelp(), '')
  return fitBody(lines.join('\n').trimEnd())
}

/** After the fire: the customer's history with us, the sponsor, and how the customer rated it. */
function followUpRows(escalation: Escalation, config: Config, data: CardData): [string, string][] {
  const rows: [string, string][] = []
  const { customer } = escalation
  if (customer && customer.earlier.length > 0) {
    const name = (label: string) => config.tiers.find((tier) => tier.label === label)?.name ?? label
    const sla = (met: boolean | null) => (met === null ? '' : met ? ', SLA met' : ', SLA missed')
    const earlier = customer.earlier.map(
      (past) => `#${past.number} ${safeCell(name(past.tier))}, ${past.filedAt.slice(0, 10)}, ${past.state}${sla(past.slaMet)}`,
    )
    rows.push(['Earlier escalations', `${earlier.join(' · ')} (last ${config.repeatCustomers.windowDays} days)`])
  }
  if (customer?.repeat || escalation.sponsor) {
    const sponsor = escalation.sponsor
      ? `executive sponsor: ${safeCell(escalation.sponsor)}`
      : 'no executive sponsor yet: name one with `/sponsor @login`'
    rows.push(['Repeat customer', `${customer?.repeat ? 'yes' : 'no'}; ${sponsor}`])
  }
  const { actions } = data
  if (actions.length > 0) {
    const list = actions.map((action) =>
      action.done
        ? `#${action.number} ✅ done`
        : `#${action.number}${action.owner ? ` (${safeCell(action.owner)}${action.due ? `, due ${action.due}` : ''})` : action.due ? ` (due ${action.due})` : ''}`,
    )
    rows.push(['Preventive actions', list.join(' · ')])
  }
  if (escalation.resolvedAt) {
    const { csat } = escalation
    rows.push([
      'Customer satisfaction',
      csat
        ? `${csat.rating}/5 from ${safeCell(csat.by)} at ${formatUtc(csat.at)}${csat.comment ? `: ${safeCell(csat.comment, 300)}` : ''}`
        : 'not recorded yet: after talking to the customer, comment `/csat <1-5> [comment]`',
    ])
  }
  return rows
}
