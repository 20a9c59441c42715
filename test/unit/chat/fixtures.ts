import type { ChatNotice } from '../../../src/core/chat/notice'

export const NOTICE: ChatNotice = {
  event: 'breach',
  headline: 'Acknowledge SLA breached: due 09:30 UTC, 15m late',
  repository: 'acme/support',
  number: 12,
  title: 'Checkout fails for EU customers',
  url: 'https://github.com/acme/support/issues/12',
  tierName: 'Critical',
  tierLabel: 'tier:p1',
  customer: 'Globex Corporation',
  arr: '$1.2M',
  renewal: '2026-09-30',
  impact: 'All EU card payments fail since 08:10 UTC.\nAbout 400 orders an hour.',
  ask: 'Roll back the payment gateway change or route EU traffic to the fallback provider.',
  owners: ['olivia', 'bob-ops'],
  slaState: '🔴 acknowledge breached',
  acknowledgeDue: 'Tue 09:30 UTC',
  resolveDue: 'Tue 13:30 UTC',
  postMortem: { number: 34, url: 'https://github.com/acme/support/pull/34' },
}

/** Everything chat services turn into pings, links or markup, and text that is hard to cut. */
const HOSTILE_PIECES = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<@U123ABC>',
  '<!subteam^S0123|oncall>',
  '<https://evil.example|click here>',
  '@everyone',
  '@channel',
  '@here',
  '[click](https://evil.example)',
  '<at>Bob</at>',
  '&amp; & &lt;',
  '👩‍👩‍👧‍👦',
  'e\u0301',
  '"quoted" \\ back\\slash',
  '\u0000\u001b[31m',
  '\u202Eevil',
  '\uD800',
  '\n\n',
]

/** `length` characters of hostile text (the GitHub body limit is 65,536). */
export function hostile(length = 65_536): string {
  let text = ''
  for (let i = 0; text.length < length; i++) text += `${HOSTILE_PIECES[i % HOSTILE_PIECES.length]} `
  return text.slice(0, length)
}

/** A notice whose every untrusted field is 65,536 characters of hostile text. */
export function hostileNotice(overrides: Partial<ChatNotice> = {}): ChatNotice {
  const text = hostile()
  return {
    ...NOTICE,
    title: text,
    headline: text,
    customer: text,
    arr: text,
    renewal: text,
    impact: text,
    ask: text,
    slaState: text,
    acknowledgeDue: text,
    resolveDue: text,
    ...overrides,
  }
}

/** Every string anywhere in a payload. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}
