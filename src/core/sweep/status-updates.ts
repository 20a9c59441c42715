import { readMarker } from '../render/markers'
import type { CommentSnapshot } from '../snapshot'

/** Who may post `/status`: triage or better, like applying a tier label. */
export const STATUS_PERMISSION = 'triage'

/** The reaction that tells everyone a `/status` comment was taken as the status update. */
export const ACCEPTED_REACTION = 'THUMBS_UP'
export const ACCEPTED_REACTION_REST = '+1'

const STATUS_COMMAND = /^\s*\/status\b/i
const ETA_LINE = /^\s*(?:[-*]\s*)?\**ETA\**\s*[:\-–]\s*(.+)$/im

export function isStatusCommand(body: string): boolean {
  return STATUS_COMMAND.test(body)
}

/** The text of a `/status` update, without the command. */
export function statusText(body: string): string {
  return body.replace(STATUS_COMMAND, '').trim()
}

/** "ETA: Friday 17:00 UTC" anywhere in an update. */
export function findEta(text: string): string | null {
  return ETA_LINE.exec(text)?.[1]?.trim() ?? null
}

export interface HumanUpdate {
  comment: CommentSnapshot
  text: string
}

/**
 * `/status` comments that count: already acknowledged with the action's reaction, or written by
 * someone whose permission the caller has just checked (`permitted`).
 */
export function acceptedUpdates(comments: CommentSnapshot[], permitted: (login: string) => boolean): HumanUpdate[] {
  return comments
    .filter((comment) => !comment.authorIsBot && isStatusCommand(comment.body))
    .filter((comment) => comment.viewerReactions.includes(ACCEPTED_REACTION) || permitted(comment.author))
    .map((comment) => ({ comment, text: statusText(comment.body) }))
}

/** `/status` comments not yet acknowledged: their authors' permission decides. */
export function unacknowledgedUpdates(comments: CommentSnapshot[]): CommentSnapshot[] {
  return comments.filter(
    (comment) => !comment.authorIsBot && isStatusCommand(comment.body) && !comment.viewerReactions.includes(ACCEPTED_REACTION),
  )
}

/** The action's own status comments, oldest first. */
export function statusComments(comments: CommentSnapshot[]): CommentSnapshot[] {
  return comments.filter((comment) => comment.authorIsBot && readMarker(comment.body)?.kind === 'status')
}
