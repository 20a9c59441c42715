/**
 * Acknowledgement is a person taking the escalation: the first comment (a command or not), an
 * assignment change, or a tier change by an owner, an assignee, or anyone with triage access or
 * more, other than the filer. Never the action itself, never another bot.
 */
import { hasPermission } from '../intake/permissions'
import { isHumanComment } from '../own-comments'
import type { IssueSnapshot, RepoPermission } from '../snapshot'
import type { AckRecord } from './card-data'
import { parseCommand } from './commands'

export interface AckInput {
  issue: IssueSnapshot
  start: Date
  owners: string[]
  tierLabels: ReadonlySet<string>
  permissions: ReadonlyMap<string, RepoPermission>
  carried: AckRecord | null
}

interface Candidate {
  at: Date
  by: string
  via: AckRecord['via']
}

/** People whose acts could acknowledge, if their permission allows: the shell looks them up. */
export function acknowledgementCandidates(issue: IssueSnapshot, start: Date, tierLabels: ReadonlySet<string>): string[] {
  return [...new Set(candidates(issue, start, tierLabels).map((candidate) => candidate.by))]
}

function candidates(issue: IssueSnapshot, start: Date, tierLabels: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = []
  for (const comment of issue.comments) {
    if (!isHumanComment(comment) || comment.createdAt < start || comment.author === issue.author) continue
    found.push({ at: comment.createdAt, by: comment.author, via: parseCommand(comment.body) ? 'command' : 'comment' })
  }
  for (const event of issue.events) {
    if (event.byAction || event.actorIsBot || event.at < start || event.actor === issue.author) continue
    if (event.kind === 'assigned' || event.kind === 'unassigned') found.push({ at: event.at, by: event.actor, via: 'assignment' })
    if (event.kind === 'labeled' && tierLabels.has(event.label)) found.push({ at: event.at, by: event.actor, via: 'tier' })
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime())
}

/** The acknowledgement: the earliest qualifying act in view, or the one the card remembers. */
export function findAcknowledgement(input: AckInput): AckRecord | null {
  const { issue, permissions } = input
  const responsible = new Set([...input.owners, ...issue.assignees].map((login) => login.toLowerCase()))
  const qualifies = (login: string) => responsible.has(login.toLowerCase()) || hasPermission(permissions.get(login), 'triage')
  const first = candidates(issue, input.start, input.tierLabels).find((candidate) => qualifies(candidate.by))
  const fresh: AckRecord | null = first ? { at: first.at.toISOString(), by: first.by, via: first.via } : null
  if (!input.carried) return fresh
  if (!fresh) return input.carried
  return Date.parse(fresh.at) < Date.parse(input.carried.at) ? fresh : input.carried
}
