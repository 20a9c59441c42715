/** The short answer to a command that was refused, or to `/help`. */
import { formatDuration } from '../../config/duration'
import { COMMANDS } from '../lifecycle/commands'
import type { Escalation } from '../lifecycle/derive'
import type { ThreadCommand } from '../lifecycle/thread-commands'
import { commandHelp } from './command-help'

export function commandReply(item: ThreadCommand, escalation: Escalation): string {
  const { comment, command, verdict } = item
  const who = `@${comment.author}`
  if (command.name === 'help') return [`${who}, here is what the thread understands:`, '', ...commandHelp(true)].join('\n')
  if (verdict.kind === 'refused' && verdict.reason === 'permission') {
    const what = command.name === 'status' ? 'Status updates that reset the update clock' : `\`/${command.name}\``
    return (
      `${who}, thanks. ${what} come from the team working this escalation (${verdict.needed} access or more), ` +
      `so your comment stays a regular comment; the owners see it. ` +
      (command.name === 'status' ? `The team owes an update every ${formatDuration(escalation.tier.sla.updateEveryMinutes)}.` : '')
    ).trim()
  }
  const problem = verdict.kind === 'refused' && verdict.reason === 'invalid' ? verdict.problem : ''
  return `${who}, \`/${command.name}\` did not run: ${problem} (\`${COMMANDS[command.name].usage}\`)`
}
