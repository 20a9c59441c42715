import { locatePostMortem, type PostMortemLocation } from '../core/postmortem/paths'
import { closeConfirmed, closedAsCompleted, closerOf, planPostMortem, pullLocation } from '../core/postmortem/plan-postmortem'
import { planNotPlanned, planResolved, planUnconfirmedClose } from '../core/plans/close'
import { renderNotice } from '../core/render/notice'
import { findOwnComment } from '../core/own-comments'
import { GatewayError } from '../errors'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { builtInPostMortemTemplate as builtInTemplate } from '../templates.generated'
import { applyActions } from './apply-actions'
import { publishPostMortem } from './publish-postmortem'
import { cardEdit, sendChatNotices } from './chat-notices'
import type { ChatTarget } from '../github/chat-sender'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { readEscalation } from './read-escalation'
import type { Report } from './report'
import { defaultConfig } from '../config/defaults'

export interface ClosedIssue {
  number: number
  title: string
  createdAt: Date
}

/** GitHub's refusal when Actions may not open pull requests: a repository setting, named to the user. */
const NOT_PERMITTED = /not permitted to create or approve pull requests/i

/**
 * A closed escalation: its post-mortem pull request when the close is confirmed, a note why
 * not otherwise; the resolved comment and the card. Safe to run again at any time.
 */
export interface PostMortemOptions {
  /** Only bring an open post-mortem PR up to date (a rating recorded after the close); never open one. */
  updateOnly?: boolean
  /** Team chat webhooks: the resolution is announced there. */
  chat?: ChatTarget[]
}

export async function runPostMortem(
  gateway: EscalationGateway,
  closed: ClosedIssue,
  configPath: string,
  now: () => Date,
  log: Logger,
  options: PostMortemOptions = {},
): Promise<Report> {
  const files = { config: configPath, form: DEFAULT_FORM_PATH }
  const report: Report = { number: closed.number, tier: null, state: 'closed', decisions: [], done: [] }
  // The event's title and the default folder give the likely place; one read confirms it.
  let guess: PostMortemLocation = locatePostMortem(closed, defaultConfig())
  let read = await gateway.readPostMortem(closed.number, files, guess, defaultConfig().postMortem.label)
  if (!read.issue) return { ...report, decisions: [`#${closed.number} was not found.`] }
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const existing = read.pulls.map((pull) => pullLocation(pull, closed.number, config)).find((location) => location !== null) ?? null
  const wanted = existing ?? locatePostMortem(read.issue, config)
  if (wanted.path !== guess.path || wanted.branch !== guess.branch || config.postMortem.label !== defaultConfig().postMortem.label) {
    guess = wanted
    read = await gateway.readPostMortem(closed.number, files, guess, config.postMortem.label)
  }
  const issue = read.issue
  if (!issue) return { ...report, decisions: [`#${closed.number} was not found.`] }
  if (!issue.labels.includes(config.triggerLabel))
    return { ...report, state: 'not-escalation', decisions: [`#${issue.number} is not an escalation.`] }
  if (issue.state !== 'closed') return { ...report, decisions: ['The escalation is open again: no post-mortem.'] }
  const closerLogin = issue.events.findLast((event) => event.kind === 'closed' && !event.byAction)?.actor
  const { escalation, permissions } = await readEscalation(gateway, issue, {
    config,
    template,
    now: now(),
    extraLogins: closerLogin ? [closerLogin] : [],
  })
  report.tier = escalation.tier.label
  if (!closedAsCompleted(issue)) {
    report.decisions.push(`Closed as ${issue.stateReason ?? 'not planned'}: no post-mortem.`)
    report.done = await applyActions(gateway, issue.number, planNotPlanned(escalation, config), log)
    return report
  }
  report.state = 'resolved'
  if (!closeConfirmed(escalation, config, permissions)) {
    const closer = closerOf(escalation).login ?? 'someone'
    report.decisions.push(
      `Closed by ${closer}, below ${config.postMortem.closePermission}: the post-mortem waits for an owner's \`/resolve\` or close.`,
    )
    report.done = await applyActions(gateway, issue.number, planUnconfirmedClose(escalation, config), log)
    return report
  }
  const documentTemplate = config.postMortem.template ? await gateway.readFile(config.postMortem.template) : builtInTemplate
  if (documentTemplate === null) {
    throw new Error(
      `The post-mortem template ${config.postMortem.template} is not on the default branch: add it or remove post-mortem.template from ${configPath}.`,
    )
  }
  const plan = planPostMortem({ escalation, config, documentTemplate }, existing)
  if (plan.kind === 'skip') return { ...report, decisions: [`No post-mortem: ${plan.reason}.`] }
  const openPull = read.pulls.some((pull) => pull.byAction && pull.state === 'OPEN' && pullLocation(pull, issue.number, config) !== null)
  // Merged already: the card holds what came after (a note on the escalation, no follow-up PR for it).
  if (options.updateOnly && !openPull) return { ...report, decisions: ['No open post-mortem pull request to update.'] }
  report.state = plan.draft ? 'postmortem-draft' : 'postmortem'
  report.decisions.push(
    `Post-mortem at \`${plan.location.path}\` on \`${plan.location.branch}\`${plan.draft ? ', draft: fields missing' : ''}.`,
  )
  try {
    const published = await publishPostMortem(gateway, read, plan, issue.number, config)
    report.done.push(...published.done)
    report.postmortem = published.pull.number
    if (published.refusedReviewers.length > 0)
      report.warnings = [
        `GitHub refused ${published.refusedReviewers.join(', ')} as reviewer${published.refusedReviewers.length === 1 ? '' : 's'} of #${published.pull.number} (not a collaborator, or the author).`,
      ]
    const view = {
      pull: published.pull.number,
      draft: plan.draft,
      missing: plan.missing.map((field) => field.label),
      reviewers: plan.reviewers,
      refusedReviewers: published.refusedReviewers,
    }
    const resolved = planResolved(escalation, config, view)
    report.done.push(...(await applyActions(gateway, issue.number, resolved, log)))
    const repository = `${gateway.repo.owner}/${gateway.repo.repo}`
    const told = await sendChatNotices(escalation, config, [`resolved:${published.pull.number}`], options.chat ?? [], repository, {
      postMortem: { number: published.pull.number, url: published.pull.url },
    })
    if (told.recorded.length > 0) {
      const cardId = findOwnComment(issue.comments, 'card')?.comment.id ?? null
      report.done.push(
        ...told.done,
        ...(await applyActions(
          gateway,
          issue.number,
          cardEdit(planResolved(escalation, config, { ...view, chat: told.recorded }), cardId),
          log,
        )),
      )
    }
    if (told.warnings.length > 0) report.warnings = [...(report.warnings ?? []), ...told.warnings]
  } catch (error) {
    if (error instanceof GatewayError && error.status === 403 && NOT_PERMITTED.test(error.message)) {
      await explainRefusal(gateway, issue.number, plan.location.branch, issue.comments, log)
    }
    throw error
  }
  return report
}

/** The person closing the escalation sees why there is no PR, and what fixes it. */
async function explainRefusal(
  gateway: EscalationGateway,
  number: number,
  branch: string,
  comments: Parameters<typeof findOwnComment>[0],
  log: Logger,
): Promise<void> {
  const key = 'postmortem-not-permitted'
  if (findOwnComment(comments, 'notice', key)) return
  const text =
    `The post-mortem is committed on branch \`${branch}\`, but GitHub refused to open its pull request: ` +
    `"Allow GitHub Actions to create and approve pull requests" is off. Turn it on in Settings → Actions → General ` +
    `(or give the workflow a GitHub App token as \`token\`), then re-run the job: it picks up the branch and opens the PR.`
  await applyActions(gateway, number, [{ kind: 'create-comment', marker: 'notice', key, body: renderNotice([key], [text]) }], log)
}
