/**
 * A notice as a Slack incoming-webhook message: Block Kit `blocks` and the `text` Slack shows in
 * notifications. Limits are Slack's (a refused payload is a lost notice): 50 blocks, 3,000
 * characters a section text, 10 fields of 2,000, 150 for a header, 75 for a button.
 */
import { inert } from './inert-text'
import { EVENT_WORDS, issueReference, linkable, noticeFacts, noticeSections, type ChatNotice } from './notice'

export interface SlackPlainText {
  type: 'plain_text'
  text: string
  emoji?: boolean
}

export interface SlackMrkdwn {
  type: 'mrkdwn'
  text: string
}

export interface SlackButton {
  type: 'button'
  text: SlackPlainText
  url: string
  action_id: string
  style?: 'primary' | 'danger'
}

export type SlackBlock =
  | { type: 'header'; text: SlackPlainText }
  | { type: 'section'; text: SlackMrkdwn }
  | { type: 'section'; fields: SlackMrkdwn[] }
  | { type: 'context'; elements: SlackMrkdwn[] }
  | { type: 'divider' }
  | { type: 'actions'; elements: SlackButton[] }

export interface SlackPayload {
  /** The notification (and screen-reader) text. */
  text: string
  blocks: SlackBlock[]
}

export const SLACK_LIMITS = { blocks: 50, sectionText: 3000, fields: 10, fieldText: 2000, headerText: 150, buttonText: 75 }

/** Untrusted or configured text as Slack mrkdwn. */
const md = (text: string, max: number, oneLine = true) => inert(text, max, 'slack', { oneLine })
const mrkdwn = (text: string): SlackMrkdwn => ({ type: 'mrkdwn', text })
const plain = (text: string, max: number): SlackPlainText => ({
  type: 'plain_text',
  text: inert(text, max, 'plain', { oneLine: true }),
  emoji: true,
})

function header(notice: ChatNotice): SlackBlock {
  return { type: 'header', text: plain(`${EVENT_WORDS[notice.event].title} · ${notice.tierName}`, SLACK_LIMITS.headerText) }
}

/** `<url|acme/support#12> Title` and the headline under it. */
function summary(notice: ChatNotice): SlackBlock {
  const reference = md(issueReference(notice), 200)
  const url = linkable(notice.url)
  const lines = [`*${url ? `<${url}|${reference}>` : reference}* ${md(notice.title, 500)}`]
  if (notice.headline.trim()) lines.push(md(notice.headline, 1000))
  const postMortemUrl = linkable(notice.postMortem?.url)
  if (notice.postMortem && postMortemUrl) lines.push(`Post-mortem: <${postMortemUrl}|pull request #${notice.postMortem.number}>`)
  return { type: 'section', text: mrkdwn(lines.join('\n')) }
}

function facts(notice: ChatNotice): SlackBlock {
  const fields = noticeFacts(notice).map(({ title, value }) => mrkdwn(`*${title}*\n${md(value, 300)}`))
  return { type: 'section', fields: fields.slice(0, SLACK_LIMITS.fields) }
}

function longTexts(notice: ChatNotice): SlackBlock[] {
  return noticeSections(notice).map(({ title, value }) => {
    const label = `*${title}*\n`
    return { type: 'section', text: mrkdwn(label + md(value, SLACK_LIMITS.sectionText - label.length, false)) }
  })
}

function buttons(notice: ChatNotice): SlackBlock[] {
  const elements: SlackButton[] = []
  const issueUrl = linkable(notice.url)
  if (issueUrl) elements.push({ type: 'button', text: plain(`Open issue #${notice.number}`, 75), url: issueUrl, action_id: 'open-issue' })
  const postMortemUrl = linkable(notice.postMortem?.url)
  if (notice.postMortem && postMortemUrl)
    elements.push({
      type: 'button',
      text: plain(`Post-mortem #${notice.postMortem.number}`, 75),
      url: postMortemUrl,
      action_id: 'open-post-mortem',
      style: 'primary',
    })
  return elements.length ? [{ type: 'actions', elements }] : []
}

/** What the notification says: the event, the tier and the customer, then the issue. */
function fallbackText(notice: ChatNotice): string {
  const who = notice.customer?.trim() ? md(notice.customer, 100) : 'no customer named'
  return `${md(EVENT_WORDS[notice.event].title, 60)}: ${md(notice.tierName, 60)} · ${who} · ${md(issueReference(notice), 200)} ${md(notice.title, 200)}`
}

export function slackMessage(notice: ChatNotice): SlackPayload {
  const blocks: SlackBlock[] = [
    header(notice),
    summary(notice),
    facts(notice),
    ...longTexts(notice),
    ...buttons(notice),
    { type: 'context', elements: [mrkdwn(`Escalation Desk · ${md(issueReference(notice), 200)}`)] },
  ]
  return { text: fallbackText(notice), blocks: blocks.slice(0, SLACK_LIMITS.blocks) }
}
