/**
 * A notice as the body a Teams Workflows webhook ("When a Teams webhook request is received",
 * then "Post card") expects: a message with one Adaptive Card 1.4 attachment. Teams drops a
 * message over 28 KB after answering 202, so the card is measured as the JSON it is sent as and
 * its texts shortened until it fits.
 */
import { inert } from './inert-text'
import { EVENT_WORDS, issueReference, linkable, noticeFacts, noticeSections, type ChatNotice } from './notice'

export interface TeamsTextBlock {
  type: 'TextBlock'
  text: string
  wrap: true
  size?: 'Small' | 'Default' | 'Medium' | 'Large'
  weight?: 'Default' | 'Bolder'
  color?: 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention'
  isSubtle?: boolean
  spacing?: 'None' | 'Small' | 'Medium'
}

export interface TeamsFactSet {
  type: 'FactSet'
  facts: { title: string; value: string }[]
}

export interface TeamsOpenUrl {
  type: 'Action.OpenUrl'
  title: string
  url: string
}

export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json'
  type: 'AdaptiveCard'
  version: '1.4'
  body: (TeamsTextBlock | TeamsFactSet)[]
  actions: TeamsOpenUrl[]
  msteams: { width: 'Full' }
}

export interface TeamsPayload {
  type: 'message'
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: AdaptiveCard }]
}

/** Teams' limit is 28 KB; a little is kept back for what the flow adds around the card. */
export const TEAMS_MAX_BYTES = 28 * 1024
export const TEAMS_BUDGET_BYTES = TEAMS_MAX_BYTES - 1024

/** Character caps at full size; a card over budget is rebuilt with all of them scaled down. */
const CAPS = { title: 500, headline: 1000, fact: 300, section: 6000 }

const COLORS = { accent: 'Accent', warning: 'Warning', attention: 'Attention', good: 'Good' } as const

const text = (value: string, extra: Partial<TeamsTextBlock> = {}): TeamsTextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
})

function body(notice: ChatNotice, scale: number): AdaptiveCard['body'] {
  const cap = (n: number) => Math.max(20, Math.floor(n * scale))
  const md = (value: string, max: number, oneLine = true) => inert(value, cap(max), 'teams', { oneLine })
  const words = EVENT_WORDS[notice.event]
  const reference = md(issueReference(notice), 200)
  const url = linkable(notice.url)
  const blocks: AdaptiveCard['body'] = [
    text(`${words.title} · ${md(notice.tierName, 100)}`, { size: 'Large', weight: 'Bolder', color: COLORS[words.tone] }),
    text(`**${url ? `[${reference}](${url})` : reference}** ${md(notice.title, CAPS.title)}`),
  ]
  if (notice.headline.trim()) blocks.push(text(md(notice.headline, CAPS.headline), { isSubtle: true, spacing: 'None' }))
  blocks.push({ type: 'FactSet', facts: noticeFacts(notice).map((f) => ({ title: f.title, value: md(f.value, CAPS.fact) })) })
  for (const section of noticeSections(notice)) {
    blocks.push(text(section.title, { weight: 'Bolder', spacing: 'Medium' }))
    // A lone line break is a soft break in Markdown (shown as a space): keep the writer's lines.
    blocks.push(text(md(section.value, CAPS.section, false).replace(/\n+/g, '\n\n'), { spacing: 'Small' }))
  }
  return blocks
}

function actions(notice: ChatNotice): TeamsOpenUrl[] {
  const list: TeamsOpenUrl[] = []
  const issueUrl = linkable(notice.url)
  if (issueUrl) list.push({ type: 'Action.OpenUrl', title: `Open issue #${notice.number}`, url: issueUrl })
  const postMortemUrl = linkable(notice.postMortem?.url)
  if (notice.postMortem && postMortemUrl)
    list.push({ type: 'Action.OpenUrl', title: `Post-mortem #${notice.postMortem.number}`, url: postMortemUrl })
  return list
}

function payload(notice: ChatNotice, scale: number): TeamsPayload {
  const content: AdaptiveCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: body(notice, scale),
    actions: actions(notice),
    msteams: { width: 'Full' },
  }
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] }
}

/** Bytes of the request body the sender will POST. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8')
}

export function teamsMessage(notice: ChatNotice): TeamsPayload {
  let scale = 1
  let card = payload(notice, scale)
  // Each round halves every cap; at the floor (20 characters a text) the card is a few KB.
  while (jsonBytes(card) > TEAMS_BUDGET_BYTES && scale > 1 / 64) {
    scale /= 2
    card = payload(notice, scale)
  }
  return card
}
