import { findOwnComments } from '../core/own-comments'
import { describeAction, type Action } from '../core/plan'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'

export interface ApplyOptions {
  /**
   * Check each new marked comment against the issue right after posting: if a racing run
   * posted the same one first, ours is deleted, so both settle on the oldest. Issue runs race
   * (one per event when the workflow's concurrency is not in place); sweeps settle in one read.
   */
  settleRaces: boolean
  /** Told of each comment posted, for a caller that settles races itself, in one read. */
  onCreated?: (created: CreatedComment) => void
}

export interface CreatedComment {
  number: number
  id: number
  marker: string
  key?: string
}

/** Carries out a plan in order and says what it did. */
export async function applyActions(
  gateway: EscalationGateway,
  number: number,
  actions: Action[],
  log: Logger,
  options: ApplyOptions = { settleRaces: true },
): Promise<string[]> {
  const done: string[] = []
  for (const action of actions) {
    if (action.kind === 'create-comment') {
      const id = await gateway.createComment(number, action.body, action.marker, action.key)
      options.onCreated?.({ number, id, marker: action.marker, key: action.key })
      if (options.settleRaces && (await settled(gateway, number, id, action.marker, action.key, log))) continue
    } else await applyOne(gateway, number, action)
    done.push(describeAction(action))
    log.info(`#${number}: ${describeAction(action)}`)
  }
  return done
}

async function applyOne(gateway: EscalationGateway, number: number, action: Exclude<Action, { kind: 'create-comment' }>): Promise<void> {
  switch (action.kind) {
    case 'add-labels':
      return gateway.addLabels(number, action.labels)
    case 'remove-label':
      return gateway.removeLabel(number, action.label)
    case 'add-assignees':
      return gateway.addAssignees(number, action.logins)
    case 'remove-assignees':
      return gateway.removeAssignees(number, action.logins)
    case 'update-comment':
      return gateway.updateComment(action.commentId, action.body)
    case 'add-reaction':
      return gateway.addReaction(action.commentId, action.content)
    case 'delete-comment':
      return gateway.deleteComment(action.commentId)
    case 'close-issue':
      return gateway.closeIssue(number)
  }
}

/** True when a racing run posted the same comment first: ours is removed and the older one stands. */
async function settled(
  gateway: EscalationGateway,
  number: number,
  id: number,
  marker: string,
  key: string | undefined,
  log: Logger,
): Promise<boolean> {
  const keeper = findOwnComments(await gateway.recentComments(number), marker, key)[0]?.comment.id
  if (keeper === undefined || keeper === id) return false
  await gateway.deleteComment(id)
  log.info(`Another run posted the ${marker} comment first (${keeper}); removed the duplicate ${id}.`)
  return true
}
