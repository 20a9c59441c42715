import { defaultConfig } from '../config/defaults'
import { parseIssueBody } from '../core/form/parse-issue-body'
import { findOwnComment, upsertComment } from '../core/own-comments'
import { locatePostMortem, type PostMortemLocation } from '../core/postmortem/paths'
import { planPostMortem, pullLocation } from '../core/postmortem/plan-postmortem'
import { renderNoticeComment } from '../core/render/notices'
import { renderPostMortemLink } from '../core/render/postmortem-link'
import { GatewayError } from '../errors'
import type { EscalationGateway } from '../github/gateway'
import type { Logger } from '../github/octokit'
import { applyActions } from './apply-actions'
import { DEFAULT_FORM_PATH, loadSettings } from './load-settings'
import { publishPostMortem } from './publish-postmortem'
import type { Report } from './report'
import { builtInPostMortemTemplate as builtInTemplate } from '../templates.generated'

export interface ClosedIssue {
  number: number
  title: string
  createdAt: Date
}

const NOT_PERMITTED = /not permitted to create or approve pull requests/i

/** An escalation closed: its post-mortem pull request, or a note why there is none. */
export async function runPostMortem(gateway: EscalationGateway, closed: ClosedIssue, configPath: string, log: Logger): Promise<Report> {
  const files = { config: configPath, form: DEFAULT_FORM_PATH }
  const report: Report = { number: closed.number, tier: null, state: 'closed', decisions: [], done: [] }
  // The event's title and the default folder give the likely place; one read confirms it.
  let guess: PostMortemLocation = locatePostMortem(closed, defaultConfig())
  let read = await gateway.readPostMortem(closed.number, files, guess, defaultConfig().postMortem.label)
  if (!read.issue) return { ...report, decisions: [`#${closed.number} was not found.`] }
  const { config, template } = await loadSettings(read, configPath, gateway, log)
  const existing = read.pulls.map((pull) => pullLocation(pull, closed.number)).find((location) => location !== null) ?? null
  const wanted = existing ?? locatePostMortem(read.issue, config)
  if (wanted.path !== guess.path || wanted.branch !== guess.branch || config.postMortem.label !== defaultConfig().postMortem.label) {
    guess = wanted
    read = await gateway.readPostMortem(closed.number, files, guess, config.postMortem.label)
  }
  const issue = read.issue
  if (!issue) return { ...report, decisions: [`#${closed.number} was not found.`] }
  const documentTemplate = config.postMortem.template ? await gateway.readFile(config.postMortem.template) : builtInTemplate
  if (documentTemplate === null)
    throw new Error(
      `The post-mortem template ${config.postMortem.template} is not on the default branch: add it or remove post-mortem.template from ${configPath}.`,
    )
  const parsed = parseIssueBody(issue.body, template)
  const plan = planPostMortem({ issue, config, template, parsed, documentTemplate }, existing)
  if (plan.kind === 'skip') return { ...report, decisions: [`No post-mortem: ${plan.reason}.`] }
  if (plan.kind === 'not-planned') {
    report.decisions.push(`Closed as ${issue.stateReason ?? 'not planned'}: no post-mortem.`)
    report.done = await applyActions(gateway, issue.number, plan.actions, log)
    return report
  }
  report.state = plan.draft ? 'postmortem-draft' : 'postmortem'
  report.tier = plan.tier
  report.decisions.push(
    `Post-mortem at \`${plan.location.path}\` on \`${plan.location.branch}\`${plan.draft ? ', draft: fields missing' : ''}.`,
  )
  try {
    const published = await publishPostMortem(gateway, read, plan, issue.number, config.postMortem.label)
    report.done.push(...published.done)
    const link = renderPostMortemLink(published.pull, plan.location.path, plan.missing)
    const own = findOwnComment(issue.comments, 'postmortem-link')
    const actions = upsertComment(own, 'postmortem-link', link)
    // Runs for one issue share the workflow's concurrency group, so no racing run can have posted
    // the link comment meanwhile: skip the read that would settle such a race (8 requests, not 9).
    report.done.push(...(await applyActions(gateway, issue.number, actions, log, { settleRaces: false })))
  } catch (error) {
    if (error instanceof GatewayError && error.status === 403 && NOT_PERMITTED.test(error.message))
      await explainRefusal(gateway, issue.number, plan.location.branch, issue.comments, log)
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
  await applyActions(gateway, number, [{ kind: 'create-comment', marker: 'notice', key, body: renderNoticeComment({ key, text }) }], log)
}
