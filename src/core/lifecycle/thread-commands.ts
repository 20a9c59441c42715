/**
 * The commands in an escalation's thread and what became of each. A command is accepted or
 * refused once, by the run that first sees it, and the action's reaction records the verdict
 * on the comment itself (👍 accepted, 😕 refused): later runs read the verdict instead of
 * judging again, and a run whose event was dropped leaves the command pending for the next.
 */
import type { Config, Permission } from '../../config/types'
import { hasPermission } from '../intake/permissions'
import { isHumanComment } from '../own-comments'
import type { CommentSnapshot, IssueSnapshot, RepoPermission } from '../snapshot'
import { CARD_LIMITS, type CardData, type CommandRecord } from './card-data'
import { firstWord, parseCommand, type ParsedCommand } from './commands'
import { checkArguments } from './command-arguments'

export const ACCEPTED = 'THUMBS_UP'
export const REFUSED = 'CONFUSED'

export type Verdict =
  | { kind: 'accepted' }
  | { kind: 'refused'; reason: 'permission'; needed: Permission }
  | { kind: 'refused'; reason: 'invalid'; problem: string }

export interface ThreadCommand {
  comment: CommentSnapshot
  command: ParsedCommand
  /** Judged by an earlier run (the reaction is there) or by this one. */
  decidedBefore: boolean
  verdict: Verdict
}

/** Who may run a command: /help anyone, /tier the tier's own permission, the rest `command-permission`. */
export function permissionFor(command: ParsedCommand, config: Config): Permission | null {
  if (command.name === 'help') return null
  if (command.name === 'tier') {
    const tier = config.tiers.find((candidate) => candidate.label.toLowerCase() === firstWord(command.args).toLowerCase())
    return tier?.minPermission ?? config.commandPermission
  }
  return config.commandPermission
}

/** Command comments whose verdict is not yet recorded: their authors' permission decides. */
export function pendingCommandAuthors(issue: IssueSnapshot): string[] {
  const authors = new Set<string>()
  for (const comment of issue.comments) {
    if (!isHumanComment(comment) || comment.viewerReactions.includes(ACCEPTED) || comment.viewerReactions.includes(REFUSED)) continue
    const command = parseCommand(comment.body)
    if (command && command.name !== 'help') authors.add(comment.author)
  }
  return [...authors]
}

interface JudgeContext {
  issue: IssueSnapshot
  config: Config
  permissions: ReadonlyMap<string, RepoPermission>
  /** The tier calendar's zone, for times typed without one. */
  timeZone: string
}

/** Who is asked for the customer's view: the filer (the customer success manager), or configured people. */
export function csatAsked(issue: IssueSnapshot, config: Config): string[] {
  return config.csat.ask === 'filer' ? [issue.author] : config.csat.ask
}

function judge(comment: CommentSnapshot, command: ParsedCommand, context: JudgeContext): Verdict {
  const asked =
    command.name === 'csat' &&
    csatAsked(context.issue, context.config).some((login) => login.toLowerCase() === comment.author.toLowerCase())
  const needed = asked ? null : permissionFor(command, context.config)
  if (needed !== null && !hasPermission(context.permissions.get(comment.author), needed))
    return { kind: 'refused', reason: 'permission', needed }
  const problem = checkArguments(command, { config: context.config, at: comment.createdAt, timeZone: context.timeZone })
  return problem === null ? { kind: 'accepted' } : { kind: 'refused', reason: 'invalid', problem }
}

/** Every command visible in the thread, oldest first, with its verdict. */
export function readThreadCommands(context: JudgeContext): ThreadCommand[] {
  const found: ThreadCommand[] = []
  for (const comment of context.issue.comments) {
    if (!isHumanComment(comment)) continue
    const command = parseCommand(comment.body)
    if (!command) continue
    if (comment.viewerReactions.includes(ACCEPTED)) found.push({ comment, command, decidedBefore: true, verdict: { kind: 'accepted' } })
    else if (comment.viewerReactions.includes(REFUSED))
      found.push({ comment, command, decidedBefore: true, verdict: { kind: 'refused', reason: 'invalid', problem: '' } })
    else found.push({ comment, command, decidedBefore: false, verdict: judge(comment, command, context) })
  }
  return found
}

/** Commands whose text runs on past the first line. */
const MULTILINE = new Set(['status', 'resolve', 'timeline', 'csat'])

function toRecord(item: ThreadCommand): CommandRecord {
  const arg = MULTILINE.has(item.command.name) ? item.command.text : item.command.args
  return {
    id: item.comment.id,
    at: item.comment.createdAt.toISOString(),
    by: item.comment.author,
    name: item.command.name,
    arg: boundArg(arg),
  }
}

/** Long texts are cut between characters, never inside a surrogate pair. */
function boundArg(text: string): string {
  if (text.length <= CARD_LIMITS.arg) return text
  const cut = text.slice(0, CARD_LIMITS.arg)
  const last = cut.charCodeAt(cut.length - 1)
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut
}

/**
 * The accepted commands: those the card remembers (they may have scrolled out of the comments
 * a sweep reads) and those in view, each once, oldest first.
 */
export function acceptedCommands(carried: CardData, commands: ThreadCommand[]): CommandRecord[] {
  const byId = new Map<number, CommandRecord>(carried.commands.map((record) => [record.id, record]))
  for (const item of commands) if (item.verdict.kind === 'accepted') byId.set(item.comment.id, toRecord(item))
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
}
