import { findOwnComments } from '../core/own-comments'
import { describeAction, type Action } from '../core/plan'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'

export interface ApplyOptions {
  /**
   * Check each new marked comment against the issue right after posting: if a racing run
   * posted the same one first, ours is deleted, so both settle on the oldest. Intake runs race
   * (one per event); sweeps share one concurrency group and skip the extra read.
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
    switch (action.kind) {
      case 'add-labels':
        await gateway.addLabels(number, action.labels)
        break
      case 'remove-label':
        await gateway.removeLabel(number, action.label)
        break
      case 'add-assignees':
        await gateway.addAssignees(number, action.logins)
        break
      case 'update-comment':
        await gateway.updateComment(action.commentId, action.body)
        break
      case 'add-reaction':
        await gateway.addReaction(action.commentId, action.content)
        break
      case 'create-comment': {
        const id = await gateway.createComment(number, action.body)
        options.onCreated?.({ number, id, marker: action.marker, key: action.key })
        if (!options.settleRaces) break
        const twins = findOwnComments(await gateway.recentComments(number), action.marker, action.key)
        const keeper = twins[0]?.comment.id
        if (keeper !== undefined && keeper !== id) {
          await gateway.deleteComment(id)
          log.info(`Another run posted the ${action.marker} comment first (${keeper}); removed the duplicate ${id}.`)
          continue
        }
        break
      }
    }
    done.push(describeAction(action))
    log.info(`#${number}: ${describeAction(action)}`)
  }
  return done
}
