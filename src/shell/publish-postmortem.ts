import { pullLocation, type PostMortemPlan, type PullInfo } from '../core/postmortem/plan-postmortem'
import type { EscalationGateway } from '../github/gateway'
import type { PostMortemRead } from '../github/postmortem-gateway'

type Publish = Extract<PostMortemPlan, { kind: 'publish' }>

export interface Published {
  pull: PullInfo
  done: string[]
}

function onBranch(pulls: PullInfo[], number: number, branch: string): PullInfo[] {
  return pulls.filter((pull) => (pullLocation(pull, number)?.branch ?? pull.headRefName) === branch)
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
  label: string,
): Promise<Published> {
  const { branch, path } = plan.location
  const done: string[] = []
  const pulls = onBranch(read.pulls, number, branch)
  const open = pulls.find((pull) => pull.state === 'OPEN')
  const merged = pulls.find((pull) => pull.state === 'MERGED')
  const message = `Post-mortem for escalation #${number}`
  if (open) {
    if (read.branch && read.branchDocument !== plan.document) {
      await gateway.moveBranch(branch, await gateway.commitFile(read.branch, path, plan.document, `${message} (updated)`), true)
      done.push(`committed the updated document to \`${branch}\``)
    }
    if (open.body !== plan.body || open.title !== plan.title) {
      await gateway.updatePullRequest(open.number, { title: plan.title, body: plan.body })
      done.push(`updated pull request #${open.number}`)
    }
    // Fields completed (or emptied) since: the PR follows the document out of (or into) draft.
    if (open.isDraft !== plan.draft) {
      await gateway.setDraft(open, plan.draft)
      done.push(`marked pull request #${open.number} ${plan.draft ? 'as a draft' : 'ready for review'}`)
    }
    return { pull: open, done }
  }
  // The newest PR closed unmerged, holding this very document: someone declined it; a re-run leaves it be.
  const latest = pulls[0]
  if (latest?.state === 'CLOSED' && read.branchDocument === plan.document) return { pull: latest, done }
  if (merged && read.baseDocument === plan.document) return { pull: merged, done }
  const reusable = read.branch !== null && read.branchDocument === plan.document && !merged
  if (!reusable) {
    await gateway.moveBranch(branch, await gateway.commitFile(read.base, path, plan.document, message), read.branch !== null)
    done.push(`committed \`${path}\` on \`${branch}\``)
  }
  const pull = await gateway.openPullRequest({
    title: plan.title,
    head: branch,
    base: read.base.branch,
    body: plan.body,
    draft: plan.draft,
  })
  done.push(`opened ${plan.draft ? 'draft ' : ''}pull request #${pull.number}${merged ? ` (follow-up to #${merged.number})` : ''}`)
  await gateway.labelPullRequest(pull.number, [label])
  await gateway.requestReviewers(pull.number, plan.reviewers, plan.teamReviewers)
  return { pull, done }
}
