/** What a Teams Workflows webhook ("When a Teams webhook request is received", then "Post card")
 * accepts: a message with one Adaptive Card attachment of the element types Teams renders, at
 * most 28 KB. Workflows answers 202 before posting, so a card Teams rejects still gets 202. */
import { Shapes, type Json } from './chat-shapes'

export const TEAMS_MAX_BYTES = 28 * 1024
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive'
/** Adaptive Card versions Teams renders. */
const VERSIONS = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5']
/** Properties every element may carry. */
const COMMON = ['type', 'id', 'spacing', 'separator', 'isVisible', 'height', 'requires', 'fallback', 'targetWidth']

function action(v: Shapes, a: unknown, path: string) {
  if (!v.object(a, path)) return
  if (a.type !== 'Action.OpenUrl') {
    v.fail(`${path}.type`, `unknown action type ${JSON.stringify(a.type)} (known: Action.OpenUrl)`)
    return
  }
  v.onlyKeys(a, ['type', 'id', 'title', 'url', 'iconUrl', 'style', 'tooltip', 'isEnabled', 'mode', 'fallback', 'requires'], path)
  v.string(a.url, `${path}.url`, { min: 1 })
  v.optionalString(a.title, `${path}.title`)
}

function items(v: Shapes, list: unknown, path: string, required = true) {
  if (list === undefined && !required) return
  if (v.array(list, path)) list.forEach((e, i) => element(v, e, `${path}[${i}]`))
}

const ELEMENTS: Record<string, { keys: string[]; check: (v: Shapes, e: Json, path: string) => void }> = {
  TextBlock: {
    keys: ['text', 'color', 'fontType', 'horizontalAlignment', 'isSubtle', 'maxLines', 'size', 'weight', 'wrap', 'style'],
    check: (v, e, path) => v.string(e.text, `${path}.text`),
  },
  FactSet: {
    keys: ['facts'],
    check: (v, e, path) => {
      if (!v.array(e.facts, `${path}.facts`)) return
      e.facts.forEach((f, i) => {
        const at = `${path}.facts[${i}]`
        if (!v.object(f, at)) return
        v.onlyKeys(f, ['title', 'value'], at)
        v.string(f.title, `${at}.title`)
        v.string(f.value, `${at}.value`)
      })
    },
  },
  ColumnSet: {
    keys: ['columns', 'style', 'bleed', 'minHeight', 'horizontalAlignment', 'selectAction'],
    check: (v, e, path) => {
      if (e.columns === undefined || !v.array(e.columns, `${path}.columns`)) return
      e.columns.forEach((c, i) => {
        const at = `${path}.columns[${i}]`
        if (v.object(c, at) && v.oneOf(c.type ?? 'Column', ['Column'], `${at}.type`)) {
          v.onlyKeys(
            c,
            [
              ...COMMON,
              'items',
              'width',
              'style',
              'bleed',
              'minHeight',
              'verticalContentAlignment',
              'selectAction',
              'backgroundImage',
              'rtl',
            ],
            at,
          )
          items(v, c.items, `${at}.items`, false)
        }
      })
    },
  },
  Container: {
    keys: ['items', 'style', 'bleed', 'minHeight', 'verticalContentAlignment', 'selectAction', 'backgroundImage', 'rtl'],
    check: (v, e, path) => items(v, e.items, `${path}.items`),
  },
  Image: {
    keys: ['url', 'altText', 'backgroundColor', 'horizontalAlignment', 'selectAction', 'size', 'style', 'width'],
    check: (v, e, path) => v.string(e.url, `${path}.url`, { min: 1 }),
  },
  ActionSet: {
    keys: ['actions'],
    check: (v, e, path) => {
      if (v.array(e.actions, `${path}.actions`)) e.actions.forEach((a, i) => action(v, a, `${path}.actions[${i}]`))
    },
  },
}

function element(v: Shapes, e: unknown, path: string) {
  if (!v.object(e, path)) return
  const known = ELEMENTS[String(e.type)]
  if (!known) {
    v.fail(`${path}.type`, `unknown element type ${JSON.stringify(e.type)} (known: ${Object.keys(ELEMENTS).join(', ')})`)
    return
  }
  v.onlyKeys(e, [...COMMON, ...known.keys], path)
  known.check(v, e, path)
}

function card(v: Shapes, c: unknown, path: string) {
  if (!v.object(c, path)) return
  v.onlyKeys(
    c,
    [
      '$schema',
      'type',
      'version',
      'body',
      'actions',
      'msteams',
      'fallbackText',
      'speak',
      'lang',
      'minHeight',
      'verticalContentAlignment',
      'backgroundImage',
      'selectAction',
      'rtl',
    ],
    path,
  )
  v.oneOf(c.type, ['AdaptiveCard'], `${path}.type`)
  v.oneOf(c.version, VERSIONS, `${path}.version`)
  items(v, c.body, `${path}.body`, false)
  if (c.actions !== undefined && v.array(c.actions, `${path}.actions`)) c.actions.forEach((a, i) => action(v, a, `${path}.actions[${i}]`))
}

/** Problems with a Teams webhook body; `bytes` is the raw request size. */
export function checkTeams(payload: unknown, bytes: number): { path: string; message: string }[] {
  const v = new Shapes()
  if (bytes > TEAMS_MAX_BYTES) v.fail('body', `${bytes} bytes: over Teams' ${TEAMS_MAX_BYTES} (28 KB) message limit`)
  if (!v.object(payload, 'body')) return v.problems
  v.oneOf(payload.type, ['message'], 'type')
  if (!v.array(payload.attachments, 'attachments', { min: 1 })) return v.problems
  payload.attachments.forEach((a, i) => {
    const path = `attachments[${i}]`
    if (!v.object(a, path)) return
    v.onlyKeys(a, ['contentType', 'contentUrl', 'content', 'name'], path)
    v.oneOf(a.contentType, [CARD_TYPE], `${path}.contentType`)
    card(v, a.content, `${path}.content`)
  })
  return v.problems
}
