import { utcDate } from '../time/sla-clock'
/**
 * A run for an issue event or a comment: the escalation's labels, assignees and card brought
 * to what the issue says, the thread's new commands carried out. At most one new comment: the
 * card on the first run (it tells the tier's people and the filer), afterwards one notice that
 * folds everything owed to people this run (a tier raise, refused labels, command replies).
 */
import type { Config } from '../../config/types'
import { parseLogins } from '../lifecycle/command-arguments'
import type { Escalation } from '../lifecycle/derive'
import { notifyKey, tierNotification, unique } from '../lifecycle/notifications'
import type { ThreadCommand } from '../lifecycle/thread-commands'
import type { Action } from '../plan'
import type { ProjectRecord } from '../project/plan-project'
import { renderNotice, tierNotice } from '../render/notice'
import { commandReply } from '../render/command-reply'
import { planCard } from './card-plan'
import { owedNotices, type Owed } from './owed'

export interface ThreadPlan {
  actions: Action[]
  /** A `/resolve` accepted in this run: the shell opens the post-mortem once the issue is closed. */
  resolved: boolean
  decisions: string[]
  /** Notification keys this run gives (the chat follows them). */
  sent: string[]
}

/** Notification keys whose people the card lists as notified. */
export function notifiedPeople(escalation: Escalation, config: Config, sent: Iterable<string>): string[] {
  const keys = new Set(sent)
  return unique(config.tiers.filter((tier) => keys.has(notifyKey(tier))).flatMap((tier) => tier.notify))
}

function commandActions(escalation: Escalation, owed: Owed[]): { actions: Action[]; resolved: boolean; decisions: string[] } {
  const actions: Action[] = []
  const decisions: string[] = []
  let resolved = false
  const day = (item: ThreadCommand) => utcDate(item.comment.createdAt)
  for (const item of escalation.threadCommands.filter((candidate) => !candidate.decidedBefore)) {
    const { comment, command, verdict } = item
    if (verdict.kind === 'refused') {
      actions.push({ kind: 'add-reaction', commentId: comment.id, content: 'confused' })
      decisions.push(`\`/${command.name}\` from ${comment.author} refused (${verdict.reason}).`)
      // Permission refusals are answered once a day per person: an outsider cannot make the action spam the thread.
      const key = verdict.reason === 'permission' ? `refused:${comment.author.toLowerCase()}:${day(item)}` : `invalid:${comment.id}`
      owed.push({ key, text: commandReply(item, escalation) })
      continue
    }
    actions.push({ kind: 'add-reaction', commentId: comment.id, content: '+1' })
    decisions.push(`\`/${command.name}\` from ${comment.author} accepted.`)
    if (command.name === 'help')
      owed.push({ key: `help:${comment.author.toLowerCase()}:${day(item)}`, text: commandReply(item, escalation) })
    if (command.name === 'owner') actions.push(...assigneeChanges(escalation, parseLogins(command.args) ?? []))
    if (command.name === 'resolve') resolved = true
  }
  return { actions, resolved, decisions }
}

function assigneeChanges(escalation: Escalation, owners: string[]): Action[] {
  const current = escalation.issue.assignees
  const has = (list: string[], login: string) => list.some((other) => other.toLowerCase() === login.toLowerCase())
  const add = owners.filter((login) => !has(current, login))
  const remove = current.filter((login) => !has(owners, login))
  return [
    ...(add.length > 0 ? [{ kind: 'add-assignees' as const, logins: add }] : []),
    ...(remove.length > 0 ? [{ kind: 'remove-assignees' as const, logins: remove }] : []),
  ]
}

function labelActions(escalation: Escalation, config: Config): Action[] {
  const { issue, tierDecision: decision } = escalation
  const actions: Action[] = []
  const add = decision.labelsToAdd.filter((label) => !issue.labels.includes(label))
  if (escalation.needsInfo && !issue.labels.includes(config.needsInfoLabel)) add.push(config.needsInfoLabel)
  if (add.length > 0) actions.push({ kind: 'add-labels', labels: add })
  for (const label of decision.labelsToRemove) actions.push({ kind: 'remove-label', label })
  if (!escalation.needsInfo && issue.labels.includes(config.needsInfoLabel))
    actions.push({ kind: 'remove-label', label: config.needsInfoLabel })
  const repeatLabel = config.repeatCustomers.label
  if (escalation.customer?.repeat && !issue.labels.includes(repeatLabel)) actions.push({ kind: 'add-labels', labels: [repeatLabel] })
  return actions
}

/**
 * Tier owners are assigned once per tier; after that, people decide who is assigned. "Once" is
 * read off the timeline (the action's own assignment), not remembered ahead of the write: an
 * assignment whose write failed is planned again, never forgotten.
 */
function ownerAssignment(escalation: Escalation): Action[] {
  const { tier, issue } = escalation
  const fromCommand = escalation.commands.some((command) => command.name === 'owner')
  if (fromCommand || tier.owners.length === 0) return []
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
  const assignedByAction = issue.events.some(
    (event) => event.kind === 'assigned' && event.byAction && tier.owners.some((login) => same(login, event.assignee)),
  )
  const missing = tier.owners.filter((login) => !issue.assignees.some((assignee) => same(assignee, login)))
  return assignedByAction || missing.length === 0 ? [] : [{ kind: 'add-assignees', logins: missing }]
}

/** Everything a run owes an escalation apart from new comments: what the caller folds into its one comment. */
export interface Reconciled {
  /** Texts owed to people (a tier raise, refusals, replies), each with its key. */
  owed: Owed[]
  /** Their keys, and the keys of notifications these texts give. */
  sentNow: string[]
  /** Reactions, labels, assignees, and the close of a `/resolve`, in order. */
  actions: Action[]
  resolved: boolean
  decisions: string[]
}

export function reconcileThread(escalation: Escalation, config: Config): Reconciled {
  const owed = owedNotices(escalation, config)
  const notification = escalation.issue.state === 'open' ? tierNotification(escalation, config) : null
  const commands = commandActions(escalation, owed)
  const fresh = owed.filter((item) => !escalation.sent.has(item.key))
  // On the first run the card itself tells the tier's people; afterwards a notice does.
  if (notification && escalation.card) fresh.unshift({ key: notification.key, text: tierNotice(escalation, notification.mention) })
  const sentNow = [...fresh.map((item) => item.key), ...(notification && !escalation.card ? [notification.key] : [])]
  const assignment = escalation.issue.state === 'open' ? ownerAssignment(escalation) : []
  const close = commands.resolved && escalation.issue.state === 'open' ? [{ kind: 'close-issue' as const }] : []
  return {
    owed: fresh,
    sentNow,
    // Notices come before the label removals they explain; the close comes last.
    actions: [...commands.actions, ...labelActions(escalation, config), ...assignment, ...close],
    resolved: commands.resolved,
    decisions: commands.decisions,
  }
}

/** The card for this run: posted (first run, telling the tier's people and the filer) or edited. */
export function cardFor(
  escalation: Escalation,
  config: Config,
  reconciled: Reconciled,
  extra: { sent?: string[]; postmortem?: number | null; statusAt?: Date } & Outbound = {},
): Action[] {
  const sent = [...reconciled.sentNow, ...(extra.sent ?? [])]
  // On the first card the owners are told by the Owners row, the tier's people by the Notified line.
  return planCard(escalation, config, {
    sent,
    notified: notifiedPeople(escalation, config, [...escalation.sent, ...sent]),
    notices: reconciled.owed,
    postmortem: extra.postmortem,
    statusAt: extra.statusAt,
    project: extra.project,
    chat: extra.chat,
  })
}

/** What went out beyond GitHub's issues this run, for the card to remember: the board item, chat notices. */
export interface Outbound {
  project?: ProjectRecord | null
  chat?: string[]
}

export function planThread(escalation: Escalation, config: Config, outbound: Outbound = {}): ThreadPlan {
  const reconciled = reconcileThread(escalation, config)
  const card = cardFor(escalation, config, reconciled, outbound)
  const notice: Action[] =
    escalation.card && reconciled.owed.length > 0
      ? [
          {
            kind: 'create-comment',
            marker: 'notice',
            key: reconciled.sentNow[0],
            body: renderNotice(
              reconciled.sentNow,
              reconciled.owed.map((item) => item.text),
            ),
          },
        ]
      : []
  // The reaction marks a command as carried out (no later run plans it again), so it is written
  // last: a run that fails before then leaves the command to be carried out again, and each of its
  // effects is planned against what the issue now shows, so nothing is done twice.
  const reactions = reconciled.actions.filter((action) => action.kind === 'add-reaction')
  const effects = reconciled.actions.filter((action) => action.kind !== 'add-reaction')
  const closeIndex = effects.findIndex((action) => action.kind === 'close-issue')
  const beforeClose = closeIndex === -1 ? effects : effects.slice(0, closeIndex)
  const closing = closeIndex === -1 ? [] : effects.slice(closeIndex)
  const ordered = escalation.card ? [...notice, ...beforeClose, ...card, ...closing] : [...card, ...beforeClose, ...closing]
  const actions = [...ordered, ...reactions]
  return { actions, resolved: reconciled.resolved, decisions: reconciled.decisions, sent: reconciled.sentNow }
}
