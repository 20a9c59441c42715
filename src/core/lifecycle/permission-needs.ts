/**
 * Whose repository permission a run needs, so the shell can look each up once, before any
 * write: people who applied tier labels, who typed commands not yet judged, and, until the
 * escalation is acknowledged, who acted on it.
 */
import type { Config } from '../../config/types'
import { requestedTierIndex } from '../escalation'
import type { FormTemplate, ParsedIssueBody } from '../form/types'
import { findOwnComment } from '../own-comments'
import type { IssueSnapshot } from '../snapshot'
import { acknowledgementCandidates } from './acknowledgement'
import { readCardData } from './card-data'
import { pendingCommandAuthors } from './thread-commands'
import { tierActorsToCheck } from './tier'

export function permissionsNeeded(issue: IssueSnapshot, config: Config, template: FormTemplate, parsed: ParsedIssueBody): string[] {
  const carried = readCardData(findOwnComment<unknown>(issue.comments, 'card')?.data)
  const logins = new Set([
    ...tierActorsToCheck(issue, config, requestedTierIndex(parsed, template), carried.tiers),
    ...pendingCommandAuthors(issue),
  ])
  if (!carried.ack) {
    const responsible = new Set([...config.tiers.flatMap((tier) => tier.owners), ...issue.assignees].map((login) => login.toLowerCase()))
    const start = carried.start ? new Date(carried.start) : issue.createdAt
    for (const login of acknowledgementCandidates(issue, start, new Set(config.tiers.map((tier) => tier.label)))) {
      if (!responsible.has(login.toLowerCase())) logins.add(login)
    }
  }
  return [...logins]
}
