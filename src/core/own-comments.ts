import { readMarker } from './render/markers'
import type { Action } from './plan'
import type { CommentSnapshot } from './snapshot'

export interface OwnComment<T> {
  comment: CommentSnapshot
  data: T | undefined
}

/** A comment the action wrote: by its own identity and marked. Anyone can type a marker. */
export function isActionComment(comment: CommentSnapshot): boolean {
  return comment.byAction && comment.body.startsWith('<!-- escalation-desk:')
}

/** A comment a person wrote: not a bot's, not the action's (a personal token's owner may comment by hand). */
export function isHumanComment(comment: CommentSnapshot): boolean {
  return !comment.authorIsBot && !isActionComment(comment)
}

/**
 * Comments the action wrote earlier, of one kind (and key), oldest first. The oldest is the
 * one to keep: two racing runs may each have posted one, and both settle on the same comment.
 */
export function findOwnComments<T>(comments: CommentSnapshot[], kind: string, key?: string): OwnComment<T>[] {
  const found: OwnComment<T>[] = []
  for (const comment of comments) {
    if (!isActionComment(comment)) continue
    const marker = readMarker(comment.body)
    if (!marker || marker.kind !== kind) continue
    const data = marker.data as (T & { key?: unknown }) | undefined
    if (key !== undefined && (typeof data !== 'object' || data === null || data.key !== key)) continue
    found.push({ comment, data })
  }
  return found.sort((a, b) => a.comment.id - b.comment.id)
}

export function findOwnComment<T>(comments: CommentSnapshot[], kind: string, key?: string): OwnComment<T> | null {
  return findOwnComments<T>(comments, kind, key)[0] ?? null
}

/** The action's one comment of a kind, made to say `body`: posted, edited, or left alone. */
export function upsertComment(existing: OwnComment<unknown> | null, marker: string, body: string, key?: string): Action[] {
  if (!existing) return [{ kind: 'create-comment', marker, key, body }]
  return existing.comment.body === body ? [] : [{ kind: 'update-comment', commentId: existing.comment.id, body, marker }]
}
