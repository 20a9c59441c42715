/** Comments are posted once: a lost answer is followed by reading the thread back (see write-once). */
import { findOwnComments } from '../core/own-comments'
import type { CommentSnapshot } from '../core/snapshot'
import type { Logger, Octokit } from './octokit'
import { writeOnce } from './write-once'

export interface CommentWriteContext {
  writer: Octokit
  owner: string
  repo: string
  log: Logger
  recentComments(number: number): Promise<CommentSnapshot[]>
}

/** Posts a comment; when its answer is lost, a comment of ours with the same marker and body means it was stored. */
export function createCommentOnce(
  context: CommentWriteContext,
  number: number,
  body: string,
  marker: string,
  key?: string,
): Promise<number> {
  const { writer, owner, repo, log } = context
  return writeOnce({
    what: `comment on #${number}`,
    log,
    send: (retries) =>
      writer.rest.issues
        .createComment({ owner, repo, issue_number: number, body, request: { retries } })
        .then((response) => response.data.id),
    landed: async () => {
      const own = findOwnComments(await context.recentComments(number), marker, key).find((found) => found.comment.body === body)
      return own?.comment.id ?? null
    },
    stored: (id) => `#${number}: the ${marker} comment was stored although its answer was lost (${id}).`,
  })
}
