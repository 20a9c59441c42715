import type { Config } from '../config/types'
import { readCardData } from '../core/lifecycle/card-data'
import { findOwnComment } from '../core/own-comments'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import type { Report } from './report'
import { runPostMortem } from './run-postmortem'
import { applyActions } from './apply-actions'
import { planCsatFollowUp } from '../core/plans/csat-follow-up'

/** How far back the sweep looks at closed escalations: dropped closes, and ratings still owed (up to 30 business days). */
const LOOK_BACK_DAYS = 45
/** Post-mortems one sweep opens this way: each costs a handful of writes. */
const MAX_RECOVERED = 3

/**
 * GitHub's concurrency groups drop a pending run when a newer one arrives, so a `closed` event
 * can vanish and with it the post-mortem. The sweep looks at escalations closed lately as
 * completed whose card records neither a post-mortem nor a close still waiting for an owner,
 * and runs the post-mortem job for them (it decides again whether the close stands).
 */
export async function recoverDroppedCloses(
  gateway: EscalationGateway,
  config: Config,
  configPath: string,
  now: () => Date,
  log: Logger,
  report: Report,
): Promise<string[]> {
  const since = new Date(now().getTime() - LOOK_BACK_DAYS * 86_400_000)
  const closed = await gateway.listRecentlyClosed(config.triggerLabel, since)
  const done: string[] = []
  const waiting = closed.filter((issue) => {
    if (issue.stateReason !== 'completed' && issue.stateReason !== null) return false
    const card = findOwnComment<unknown>(issue.comments, 'card')
    if (!card) return false
    const data = readCardData(card.data)
    const unconfirmed = data.sent.includes(`close-unconfirmed:${issue.closedAt?.toISOString() ?? ''}`)
    return data.postmortem === null && !unconfirmed
  })
  for (const issue of closed) {
    const actions = issue.stateReason === 'completed' || issue.stateReason === null ? planCsatFollowUp(issue, config, now()) : []
    if (actions.length > 0)
      done.push(...(await applyActions(gateway, issue.number, actions, log)).map((what) => `#${issue.number}: ${what}`))
  }
  for (const issue of waiting.slice(0, MAX_RECOVERED)) {
    try {
      const result = await runPostMortem(gateway, issue, configPath, now, log)
      done.push(...result.done.map((what) => `#${issue.number}: ${what}`))
      report.decisions.push(
        `#${issue.number} was closed without its post-mortem (a dropped close event): ${result.decisions.at(-1) ?? 'handled'}`,
      )
    } catch (error) {
      report.failures?.push(`#${issue.number} (post-mortem): ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return done
}
