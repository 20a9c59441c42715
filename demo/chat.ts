/**
 * What the team chat received over the whole demo: each Slack message as sent (compact JSON) and
 * as a person reads it in the channel, the Teams cards by their title, and how many notices each
 * channel got; a notice sent twice for the same event stops the demo.
 */
import type { ChatMessage } from '../test/local-github'
import { part, type Stage } from './stage'

interface SlackBlock {
  type: string
  text?: { text: string }
  fields?: { text: string }[]
  elements?: { text: string | { text: string } }[]
}
interface TeamsBody {
  attachments: { content: { body: { type: string; text?: string }[] } }[]
}

export function printChat(stage: Stage): Record<string, number> {
  part('Chat: what the Slack channel and the Teams channel received')
  const delivered = stage.chat.received.filter((message) => message.status >= 200 && message.status < 300)
  const slack = delivered.filter((message) => message.kind === 'slack')
  const teams = delivered.filter((message) => message.kind === 'teams')
  console.log(`\nSlack (${slack.length} notices), as the channel shows them; each followed by the message as sent:`)
  for (const message of slack) {
    const blocks = (message.body as { blocks: SlackBlock[] }).blocks
    for (const line of slackLines(blocks)) console.log(`  ${line}`)
    console.log(`    ${JSON.stringify(message.body)}\n`)
  }
  console.log(`Teams (${teams.length} notices), by each card's title and issue:`)
  for (const message of teams) console.log(`  ${teamsKey(message)}`)
  const lossy = stage.chat.validationErrors.filter((error) => error.severity === 'lossy')
  for (const error of lossy) console.log(`  ⚠️ ${error.kind} message ${error.message} loses something: ${error.path} ${error.problem}`)
  onceEach(
    'Slack',
    slack.map((message) => slackLines((message.body as { blocks: SlackBlock[] }).blocks)[0]!),
  )
  onceEach('Teams', teams.map(teamsKey))
  const counts = { slack: slack.length, teams: teams.length }
  console.log(`\nNotices: Slack ${counts.slack}, Teams ${counts.teams}; each event once in each channel.`)
  return counts
}

/** Two lines, as Slack lays the message out: header and issue; then what happened and the facts people scan. */
function slackLines(blocks: SlackBlock[]): string[] {
  const header = blocks.find((block) => block.type === 'header')?.text?.text ?? ''
  const sections = blocks.filter((block) => block.type === 'section')
  const [issue = '', ...more] = (sections.find((block) => block.text)?.text?.text ?? '').split('\n').map(plainMrkdwn)
  const fields = sections.find((block) => block.fields)?.fields ?? []
  const facts = fields
    .map((field) => field.text.split('\n').map(plainMrkdwn))
    .filter(([title]) => title === 'Customer' || title === 'Owners' || title === 'SLA')
    .map(([title, value]) => `${title}: ${value}`)
  return [`${header} │ ${issue}`, `   ${[...more, ...facts].join(' · ')}`]
}

/** Slack mrkdwn as it displays: `<url|text>` shows `text`, `*bold*` shows bold, entities decoded. */
function plainMrkdwn(text: string): string {
  return text
    .replace(/<[^|>]*\|([^>]*)>/g, '$1')
    .replaceAll('*', '')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
}

/** A Teams card's title and its issue line. */
function teamsKey(message: ChatMessage): string {
  const [title, issue] = (message.body as TeamsBody).attachments[0]!.content.body.filter((item) => item.type === 'TextBlock')
  const line = (issue?.text ?? '').replace(/\[([^\]]*)\]\([^)]*\)/, '$1').replaceAll('*', '')
  return `${title?.text ?? ''} │ ${line.replaceAll('\\[', '[').replaceAll('\\]', ']')}`
}

/** The same event announced twice in one channel is the bug chat users hate most: stop loudly. */
function onceEach(channel: string, keys: string[]): void {
  const twice = keys.filter((key, at) => keys.indexOf(key) !== at)
  if (twice.length > 0) throw new Error(`${channel} received the same notice more than once:\n- ${twice.join('\n- ')}`)
}
