/** What people do on github.com, applied to the state, returning the webhook events GitHub
 * would deliver (shapes valid against @octokit/webhooks-schemas). An action that changes
 * nothing (labeling twice) still returns its event: tests use that as a redelivery. */
import { buildComment, buildIssue, buildLabel, buildRepository, buildUser, type Ctx } from './builders'
import * as model from './model'
import { createPullActions } from './pull-actions'
import type { StateReason } from './state'

export interface WebhookEvent {
  name: string
  payload: Record<string, any>
}

export function createPersonActions(ctx: Ctx) {
  const s = ctx.state
  const base = (sender: string) => ({ repository: buildRepository(ctx), sender: buildUser(ctx, sender) })
  const issueEvent = (action: string, number: number, by: string, extra: Record<string, unknown> = {}): WebhookEvent => ({
    name: 'issues',
    payload: { action, issue: buildIssue(ctx, model.getIssue(s, number)), ...extra, ...base(by) },
  })

  return {
    ...createPullActions(ctx),
    /** issues.opened, then one issues.labeled per applied label and issues.assigned per assignee. */
    openIssue(input: { by: string; title: string; body?: string; labels?: string[]; assignees?: string[] }) {
      const issue = model.createIssue(s, input)
      const events: WebhookEvent[] = [issueEvent('opened', issue.number, input.by)]
      for (const name of issue.labels)
        events.push(issueEvent('labeled', issue.number, input.by, { label: buildLabel(ctx, model.findLabel(s, name)!) }))
      for (const login of issue.assignees) events.push(issueEvent('assigned', issue.number, input.by, { assignee: buildUser(ctx, login) }))
      return Object.assign(events, { number: issue.number })
    },
    editIssue(number: number, input: { by: string; title?: string; body?: string }): WebhookEvent {
      const issue = model.getIssue(s, number)
      const changes = model.editTitleAndBody(s, issue, input)
      return issueEvent('edited', number, input.by, { changes })
    },
    label(number: number, name: string, by: string): WebhookEvent {
      model.addLabels(s, model.getIssue(s, number), [name], by)
      return issueEvent('labeled', number, by, { label: buildLabel(ctx, model.findLabel(s, name)!) })
    },
    unlabel(number: number, name: string, by: string): WebhookEvent {
      const label = model.findLabel(s, name)
      if (!label) throw new Error(`unlabel: no label ${name} in the repository`)
      model.removeLabel(s, model.getIssue(s, number), name, by)
      return issueEvent('unlabeled', number, by, { label: buildLabel(ctx, label) })
    },
    assign(number: number, login: string, by: string): WebhookEvent {
      model.addAssignees(s, model.getIssue(s, number), [login], by)
      return issueEvent('assigned', number, by, { assignee: buildUser(ctx, login) })
    },
    unassign(number: number, login: string, by: string): WebhookEvent {
      model.removeAssignees(s, model.getIssue(s, number), [login], by)
      return issueEvent('unassigned', number, by, { assignee: buildUser(ctx, login) })
    },
    comment(number: number, body: string, by: string): WebhookEvent & { commentId: number } {
      const comment = model.addComment(s, model.getIssue(s, number), body, by)
      return {
        name: 'issue_comment',
        payload: { action: 'created', issue: buildIssue(ctx, model.getIssue(s, number)), comment: buildComment(ctx, comment), ...base(by) },
        commentId: comment.id,
      }
    },
    editComment(commentId: number, body: string, by: string): WebhookEvent {
      const comment = model.getComment(s, commentId)
      const from = comment.body
      comment.body = body
      comment.updatedAt = s.clock.stamp()
      return {
        name: 'issue_comment',
        payload: {
          action: 'edited',
          changes: { body: { from } },
          issue: buildIssue(ctx, model.getIssue(s, comment.issueNumber)),
          comment: buildComment(ctx, comment),
          ...base(by),
        },
      }
    },
    /** Reactions trigger no workflow, so there is no event to return. */
    react(commentId: number, content: string, by: string) {
      const { reaction, created } = model.react(s, commentId, content, by)
      return { reactionId: reaction.id, created }
    },
    close(number: number, input: { by: string; reason?: Exclude<StateReason, 'reopened'> }): WebhookEvent {
      model.closeIssue(s, model.getIssue(s, number), input.reason ?? 'completed', input.by)
      return issueEvent('closed', number, input.by)
    },
    reopen(number: number, by: string): WebhookEvent {
      model.reopenIssue(s, model.getIssue(s, number), by)
      return issueEvent('reopened', number, by)
    },
  }
}
