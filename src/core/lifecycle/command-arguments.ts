/** What each command needs after its name; a problem is said back to the person, with the fix. */
import type { Config } from '../../config/types'
import { parseCsat } from '../followup/csat'
import { parseTimeExpression, TIME_FORMS } from '../time/parse-time'
import { COMMANDS, firstWord, type ParsedCommand } from './commands'

/** GitHub logins: letters, digits and single hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
const MAX_OWNERS = 10

export interface ArgumentContext {
  config: Config
  /** When the command was written: times like "in 2h" count from then. */
  at: Date
  timeZone: string
}

/** `@alice, bob` → `['alice', 'bob']`, or null when a word is no login. */
export function parseLogins(text: string): string[] | null {
  const words = text.split(/[\s,]+/).filter((word) => word !== '')
  const logins = words.map((word) => (word.startsWith('@') ? word.slice(1) : word))
  if (logins.length === 0 || logins.length > MAX_OWNERS || logins.some((login) => login.length > 39 || !LOGIN.test(login))) return null
  return [...new Set(logins)]
}

const usage = (command: ParsedCommand): string => `\`${COMMANDS[command.name].usage}\``

/** Null when the command can run as written; otherwise what is wrong and how to write it. */
export function checkArguments(command: ParsedCommand, context: ArgumentContext): string | null {
  switch (command.name) {
    case 'status':
    case 'timeline':
    case 'resolve':
      return command.text === '' ? `${usage(command)} needs a text after the command.` : null
    case 'tier': {
      const label = firstWord(command.args)
      const labels = context.config.tiers.map((tier) => `\`${tier.label}\``).join(', ')
      if (label === '') return `${usage(command)} needs a tier: one of ${labels}.`
      const known = context.config.tiers.some((tier) => tier.label.toLowerCase() === label.toLowerCase())
      return known ? null : `There is no tier called that here: use one of ${labels}.`
    }
    case 'owner':
      return parseLogins(command.args) === null
        ? `${usage(command)} needs one to ${MAX_OWNERS} GitHub logins, like \`/owner @olivia @tom\`.`
        : null
    case 'eta': {
      const forms = TIME_FORMS.map((form) => `\`${form}\``).join(', ')
      if (command.args === '') return `${usage(command)} needs a time: ${forms}.`
      const parsed = parseTimeExpression(command.args, context.at, context.timeZone)
      if (!parsed.ok) return `That time could not be read (${parsed.problem}). Accepted forms: ${forms}.`
      return parsed.at <= context.at ? `That time has already passed. Give a time still ahead: ${forms}.` : null
    }
    case 'csat': {
      const parsed = parseCsat(command.args)
      return 'problem' in parsed ? `${parsed.problem}` : null
    }
    case 'sponsor': {
      const logins = parseLogins(command.args)
      return logins?.length === 1 ? null : `${usage(command)} names one GitHub login, like \`/sponsor @vp-sam\`.`
    }
    case 'waiting':
      return firstWord(command.args).toLowerCase() === 'customer'
        ? null
        : `${usage(command)}: say who the escalation waits on, like \`/waiting customer sending logs\`.`
    default:
      return null
  }
}
