/** What a Slack incoming webhook accepts: `text` (the notification fallback) and Block Kit
 * `blocks` within Slack's documented limits. Problems make Slack answer 400 invalid_blocks,
 * except a missing `text` next to blocks, which Slack accepts (the notification then shows none). */
import { Shapes, type Json } from './chat-shapes'

export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  fields: 10,
  fieldText: 2000,
  buttonText: 75,
  url: 3000,
  actions: 25,
  messageText: 40_000,
}

const TEXT_TYPES = ['plain_text', 'mrkdwn'] as const

function textObject(v: Shapes, value: unknown, path: string, max: number, plainOnly = false): boolean {
  if (!v.object(value, path)) return false
  v.onlyKeys(value, ['type', 'text', 'emoji', 'verbatim'], path)
  v.oneOf(value.type, plainOnly ? ['plain_text'] : TEXT_TYPES, `${path}.type`)
  return v.string(value.text, `${path}.text`, { min: 1, max })
}

function button(v: Shapes, value: unknown, path: string) {
  if (!v.object(value, path)) return
  v.onlyKeys(value, ['type', 'text', 'action_id', 'url', 'value', 'style', 'confirm', 'accessibility_label'], path)
  v.oneOf(value.type, ['button'], `${path}.type`)
  textObject(v, value.text, `${path}.text`, SLACK_LIMITS.buttonText, true)
  v.optionalString(value.url, `${path}.url`, { max: SLACK_LIMITS.url })
  v.optionalString(value.action_id, `${path}.action_id`, { max: 255 })
  v.optionalString(value.value, `${path}.value`, { max: 2000 })
  if (value.style !== undefined) v.oneOf(value.style, ['primary', 'danger'], `${path}.style`)
}

function imageElement(v: Shapes, value: Json, path: string) {
  v.onlyKeys(value, ['type', 'image_url', 'alt_text', 'title', 'block_id', 'slack_file'], path)
  v.string(value.image_url, `${path}.image_url`, { min: 1, max: SLACK_LIMITS.url })
  v.string(value.alt_text, `${path}.alt_text`, { min: 1, max: 2000 })
}

const BLOCKS: Record<string, (v: Shapes, b: Json, path: string) => void> = {
  section(v, b, path) {
    v.onlyKeys(b, ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'], path)
    if (b.text === undefined && b.fields === undefined) v.fail(path, 'a section needs text or fields')
    if (b.text !== undefined) textObject(v, b.text, `${path}.text`, SLACK_LIMITS.sectionText)
    if (b.fields !== undefined && v.array(b.fields, `${path}.fields`, { min: 1, max: SLACK_LIMITS.fields }))
      b.fields.forEach((f, i) => textObject(v, f, `${path}.fields[${i}]`, SLACK_LIMITS.fieldText))
    if (b.accessory !== undefined && v.object(b.accessory, `${path}.accessory`)) {
      if (b.accessory.type === 'image') imageElement(v, b.accessory, `${path}.accessory`)
      else button(v, b.accessory, `${path}.accessory`)
    }
  },
  header(v, b, path) {
    v.onlyKeys(b, ['type', 'block_id', 'text'], path)
    textObject(v, b.text, `${path}.text`, SLACK_LIMITS.headerText, true)
  },
  context(v, b, path) {
    v.onlyKeys(b, ['type', 'block_id', 'elements'], path)
    if (!v.array(b.elements, `${path}.elements`, { min: 1, max: SLACK_LIMITS.contextElements })) return
    b.elements.forEach((e, i) => {
      const at = `${path}.elements[${i}]`
      if (v.object(e, at) && e.type === 'image') imageElement(v, e, at)
      else textObject(v, e, at, SLACK_LIMITS.sectionText)
    })
  },
  divider(v, b, path) {
    v.onlyKeys(b, ['type', 'block_id'], path)
  },
  actions(v, b, path) {
    v.onlyKeys(b, ['type', 'block_id', 'elements'], path)
    if (v.array(b.elements, `${path}.elements`, { min: 1, max: SLACK_LIMITS.actions }))
      b.elements.forEach((e, i) => button(v, e, `${path}.elements[${i}]`))
  },
  image(v, b, path) {
    imageElement(v, b, path)
  },
}

export interface SlackCheck {
  /** Problems Slack refuses the message for (400 invalid_blocks / no_text). */
  refused: { path: string; message: string }[]
  /** Problems Slack lets through but that lose something (no notification text, truncation). */
  lossy: { path: string; message: string }[]
  answer: { status: number; body: string }
}

export function checkSlack(payload: unknown): SlackCheck {
  const v = new Shapes()
  const lossy = new Shapes()
  if (!v.object(payload, 'body')) return { refused: v.problems, lossy: [], answer: { status: 400, body: 'invalid_payload' } }
  const hasBlocks = payload.blocks !== undefined
  if (payload.text === undefined || payload.text === '') {
    if (!hasBlocks)
      return {
        refused: [{ path: 'text', message: 'text is required without blocks' }],
        lossy: [],
        answer: { status: 400, body: 'no_text' },
      }
    lossy.fail('text', 'missing: the notification (and screen readers) fall back to it')
  } else if (typeof payload.text !== 'string') v.fail('text', 'must be a string')
  else if (payload.text.length > SLACK_LIMITS.messageText)
    lossy.fail('text', `over ${SLACK_LIMITS.messageText} characters: Slack truncates it`)
  if (hasBlocks && v.array(payload.blocks, 'blocks', { max: SLACK_LIMITS.blocks }))
    payload.blocks.forEach((b, i) => {
      const path = `blocks[${i}]`
      if (!v.object(b, path)) return
      const check = BLOCKS[String(b.type)]
      if (!check) v.fail(`${path}.type`, `unknown block type ${JSON.stringify(b.type)}`)
      else check(v, b, path)
      v.optionalString(b.block_id, `${path}.block_id`, { max: 255 })
    })
  return {
    refused: v.problems,
    lossy: lossy.problems,
    answer: v.problems.length ? { status: 400, body: 'invalid_blocks' } : { status: 200, body: 'ok' },
  }
}
