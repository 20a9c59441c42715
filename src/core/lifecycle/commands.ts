/**
 * Commands typed in the escalation's thread: a comment whose first line starts with one of
 * these names. Parsing is linear and bounded: only the first line's first word is examined.
 * Names avoid GitHub's own editor commands (`/code`, `/details`, `/saved-replies`, `/table`,
 * `/template`).
 */
export const COMMANDS = {
  ack: { usage: '/ack', what: 'acknowledge the escalation: you are on it' },
  status: { usage: '/status <what changed, next step> [ETA: <time>]', what: 'post the status update (resets the update clock)' },
  tier: { usage: '/tier <tier label> [reason]', what: 're-tier the escalation (labels follow)' },
  owner: { usage: '/owner @login [@login…]', what: 'set the owners (and assignees)' },
  eta: { usage: '/eta <time>', what: 'commit to a resolution time' },
  waiting: { usage: '/waiting customer [reason]', what: 'wait on the customer: the resolve and update clocks pause' },
  resume: { usage: '/resume', what: 'stop waiting: the clocks run again' },
  timeline: { usage: '/timeline <text>', what: 'add an entry to the post-mortem timeline' },
  resolve: { usage: '/resolve <resolution summary>', what: 'record the resolution, close the escalation and open the post-mortem' },
  csat: { usage: '/csat <1-5> [comment]', what: 'after talking to the customer: how they rate the handling (1 poor … 5 great)' },
  sponsor: { usage: '/sponsor @login', what: 'name the executive sponsor of a repeat customer' },
  help: { usage: '/help', what: 'list these commands' },
} as const

export type CommandName = keyof typeof COMMANDS

export interface ParsedCommand {
  name: CommandName
  /** The rest of the first line, trimmed. */
  args: string
  /** Everything after the command name: the rest of the first line and the lines below, trimmed. */
  text: string
}

/** Longest command name plus the slash: a first word longer than this is no command. */
const MAX_NAME = 16

function isNameChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 45
}

/** The command a comment runs, or null when its first line does not start with a known one. */
export function parseCommand(body: string): ParsedCommand | null {
  let start = 0
  while (start < body.length && (body[start] === ' ' || body[start] === '\t' || body[start] === '\r' || body[start] === '\n')) start++
  if (body[start] !== '/') return null
  let end = start + 1
  while (end < body.length && end - start <= MAX_NAME && isNameChar(body.charCodeAt(end))) end++
  const next = body[end]
  if (next !== undefined && next !== ' ' && next !== '\t' && next !== '\r' && next !== '\n') return null
  const name = body.slice(start + 1, end).toLowerCase()
  if (!Object.hasOwn(COMMANDS, name)) return null
  const rest = body.slice(end)
  const lineEnd = rest.indexOf('\n')
  const firstLine = lineEnd === -1 ? rest : rest.slice(0, lineEnd)
  return { name: name as CommandName, args: firstLine.trim(), text: rest.trim() }
}

/** The first whitespace-separated word of a text. */
export function firstWord(text: string): string {
  const space = text.search(/\s/)
  return space === -1 ? text : text.slice(0, space)
}
