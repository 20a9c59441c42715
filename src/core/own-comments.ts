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

/** Kinds the action keeps one of without a key. */
const SINGLETONS = new Set(['card'])

/**
 * The action's own comments that repeat an older one of the same kind and key: what two racing
 * runs leave when the run that posted the later one could not remove it. Oldest stays.
 */
export function findTwins(comments: CommentSnapshot[]): { id: number; marker: string }[] {
  const seen = new Set<string>()
  const twins: { id: number; marker: string }[] = []
  for (const comment of [...comments].sort((a, b) => a.id - b.id)) {
    if (!isActionComment(comment)) continue
    const marker = readMarker(comment.body)
    if (!marker) continue
    const data = marker.data as { key?: unknown } | undefined
    const key = typeof data === 'object' && data !== null && typeof data.key === 'string' ? data.key : null
    if (key === null && !SINGLETONS.has(marker.kind)) continue
    const identity = JSON.stringify([marker.kind, key])
    if (seen.has(identity)) twins.push({ id: comment.id, marker: marker.kind })
    else seen.add(identity)
  }
  return twins
}
