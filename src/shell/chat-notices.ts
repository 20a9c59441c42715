import type { Config } from '../config/types'
import type { Action } from '../core/plan'
import { slackMessage, teamsMessage } from '../core/chat'
import { chatDue } from '../core/lifecycle/chat-events'
import { chatNoticeOf } from '../core/lifecycle/chat-notice'
import type { Escalation } from '../core/lifecycle/derive'
import { sendChat, type ChatTarget, type SendChatOptions } from '../github/chat-sender'

export interface ChatOutcome {
  /** Keys for the card: sent ones (`slack:<key>`), and ones to try again (`retry:slack:<key>`). */
  recorded: string[]
  warnings: string[]
  done: string[]
}

const RETRY = 'retry:'

/**
 * Chat notices for what this run told people on GitHub (and what an earlier run failed to send):
 * each once per channel. A failing webhook never fails the run or holds up the GitHub work: it
 * is a warning, and the next run tries again.
 */
export async function sendChatNotices(
  escalation: Escalation,
  config: Config,
  given: string[],
  targets: ChatTarget[],
  repository: string,
  options: SendChatOptions & { postMortem?: { number: number; url: string } } = {},
): Promise<ChatOutcome> {
  const outcome: ChatOutcome = { recorded: [], warnings: [], done: [] }
  if (targets.length === 0) return outcome
  const retries = escalation.carried.chat.filter((key) => key.startsWith(RETRY)).map((key) => key.slice(key.indexOf(':', RETRY.length) + 1))
  for (const { channel, due } of chatDue(
    escalation,
    config,
    [...given, ...retries],
    targets.map((target) => target.kind),
  )) {
    const target = targets.find((candidate) => candidate.kind === channel)
    if (!target) continue
    const notice = chatNoticeOf(escalation, due.event, repository, options.postMortem)
    const result = await sendChat(target, target.kind === 'slack' ? slackMessage(notice) : teamsMessage(notice), options)
    if (result.ok) {
      outcome.recorded.push(due.sentKey(channel))
      outcome.done.push(`sent the ${due.event} notice to ${channel === 'slack' ? 'Slack' : 'Teams'}`)
    } else {
      outcome.recorded.push(`${RETRY}${due.sentKey(channel)}`)
      outcome.warnings.push(
        `The ${channel === 'slack' ? 'Slack' : 'Teams'} notice for #${escalation.issue.number} (${due.event}) was not sent: ${result.problem ?? 'no answer'}. The next run tries again.`,
      )
    }
  }
  return outcome
}

/**
 * The card edit that records this run's chat outcome: the card action of a plan made again with
 * the chat keys, aimed at the card as it now stands (posted by this run, or found before).
 */
export function cardEdit(replanned: Action[], cardId: number | null): Action[] {
  const card = replanned.find(
    (action) => (action.kind === 'create-comment' && action.marker === 'card') || action.kind === 'update-comment',
  )
  if (!card || cardId === null) return []
  const body = card.kind === 'create-comment' || card.kind === 'update-comment' ? card.body : ''
  return [{ kind: 'update-comment', commentId: cardId, body, marker: 'card' }]
}
