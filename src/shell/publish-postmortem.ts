import type { Config } from '../config/types'
import { pullLocation, type PostMortemPlan, type PullInfo } from '../core/postmortem/plan-postmortem'
import type { EscalationGateway } from '../github/gateway'
import type { PostMortemRead } from '../github/postmortem-gateway'
import { bodyWithDigest, digest, patchSections, recordedDigest, REVIEWER_SECTIONS } from '../core/postmortem/revision'

type Publish = Extract<PostMortemPlan, { kind: 'publish' }>

export interface Published {
  pull: PullInfo
  done: string[]
  /** Reviewers GitHub would not take (not collaborators, or the PR's author). */
  refusedReviewers: string[]
}

/** The action's own PRs for this escalation's branch: a PR anyone else opened is never the post-mortem. */
function onBranch(pulls: PullInfo[], number: number, branch: string, config: Config): PullInfo[] {
  return pulls.filter((pull) => pull.byAction && (pullLocation(pull, number, config)?.branch ?? pull.headRefName) === branch)
}

/**
 * An open post-mortem PR carries the label and has its reviews requested on every run, not
 * only when opened: a run that failed between opening and labelling leaves no gap behind.
 */
async function reconcilePull(gateway: EscalationGateway, pull: PullInfo, plan: Publish, label: string, done: string[]): Promise<string[]> {
  if (!pull.labels.includes(label)) {
    await gateway.labelPullRequest(pull.number, [label])
    done.push(`labelled pull request #${pull.number} \`${label}\``)
  }
  const requested = new Set(pull.requestedReviewers.map((who) => who.toLowerCase()))
  const users = plan.reviewers.filter((login) => !requested.has(login.toLowerCase()))
  const teams = plan.teamReviewers.filter((slug) => !requested.has(`team:${slug}`.toLowerCase()))
  if (users.length + teams.length === 0) return []
  const refused = await gateway.requestReviewers(pull.number, users, teams)
  const asked = [...users, ...teams].filter((who) => !refused.includes(who))
  if (asked.length > 0) done.push(`requested reviews from ${asked.join(', ')} on #${pull.number}`)
  return refused
}

/**
 * Brings GitHub to the planned post-mortem with as few writes as it takes: an open PR gets a
 * new commit only when the document changed; a merged one gets a follow-up only when the
 * content would differ; a branch left by a failed run is reused when it already holds the
 * document; a PR closed without merging is not opened again while the document is unchanged.
 * One commit, one PR per escalation at a time.
 */
export async function publishPostMortem(
  gateway: EscalationGateway,
  read: PostMortemRead,
  plan: Publish,
  number: number,
  config: Config,
): Promise<Published> {
  const { branch, path } = plan.location
  const label = config.postMortem.label
  const done: string[] = []
  const pulls = onBranch(read.pulls, number, branch, config)
  const open = pulls.find((pull) => pull.state === 'OPEN')
  const merged = pulls.find((pull) => pull.state === 'MERGED')
  const message = `Post-mortem for escalation #${number}`
  if (open) {
    // Reviewers edited the document since the action's last commit: only the action's own sections are brought up to date.
    const current = read.branchDocument
    const edited = current !== null && digest(current) !== recordedDigest(open.body)
    const next = current !== null && edited ? patchSections(current, plan.document) : plan.document
    if (read.branch && current !== next) {
      await gateway.moveBranch(branch, await gateway.commitFile(read.branch, path, next, `${message} (updated)`), true)
      done.push(`committed the updated document to \`${branch}\``)
    }
    const body = bodyWithDigest(plan.body, digest(next))
    if (open.body !== body || open.title !== plan.title) {
      await gateway.updatePullRequest(open.number, { title: plan.title, body })
      done.push(`updated pull request #${open.number}`)
    }
    // Fields completed (or emptied) since: the PR follows the document out of (or into) draft.
    if (open.isDraft !== plan.draft) {
      await gateway.setDraft(open, plan.draft)
      done.push(`marked pull request #${open.number} ${plan.draft ? 'as a draft' : 'ready for review'}`)
    }
    return { pull: open, done, refusedReviewers: await reconcilePull(gateway, open, plan, label, done) }
  }
  // A follow-up to a merged post-mortem starts from the merged document (the reviewers' words), its own sections updated.
  const document = merged && read.baseDocument !== null ? patchSections(plan.document, read.baseDocument, REVIEWER_SECTIONS) : plan.document
  // The newest PR closed unmerged, holding this very document: someone declined it; a re-run leaves it be.
  const latest = pulls[0]
  if (latest?.state === 'CLOSED' && read.branchDocument === document) return { pull: latest, done, refusedReviewers: [] }
  if (merged && read.baseDocument === document) return { pull: merged, done, refusedReviewers: [] }
  const reusable = read.branch !== null && read.branchDocument === document && !merged
  if (!reusable) {
    await gateway.moveBranch(branch, await gateway.commitFile(read.base, path, document, message), read.branch !== null)
    done.push(`committed \`${path}\` on \`${branch}\``)
  }
  const pull = await gateway.openPullRequest({
    title: plan.title,
    head: branch,
    base: read.base.branch,
    body: bodyWithDigest(plan.body, digest(document)),
    draft: plan.draft,
  })
  done.push(`opened ${plan.draft ? 'draft ' : ''}pull request #${pull.number}${merged ? ` (follow-up to #${merged.number})` : ''}`)
  return { pull, done, refusedReviewers: await reconcilePull(gateway, pull, plan, label, done) }
}
