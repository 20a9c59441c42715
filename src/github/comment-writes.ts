/**
 * Creating a comment is the one write that is not idempotent: when GitHub stores it but the
 * answer is lost (a timeout, a 502 after the write), a blind retry posts it twice. So the POST
 * is made without automatic retries and, when it fails without a clear refusal, the thread is
 * read back: a comment of ours with the same marker and body means the write happened.
 */
import { findOwnComments } from '../core/own-comments'
import type { CommentSnapshot } from '../core/snapshot'
import { attempt, statusOf } from './attempt'
import type { Logger, Octokit } from './octokit'

export interface CommentWriteContext {
  writer: Octokit
  owner: string
  repo: string
  log: Logger
  recentComments(number: number): Promise<CommentSnapshot[]>
}

/** Failures where the write may have happened: no answer, or a server error. A 4xx is a refusal. */
function mayHaveLanded(error: unknown): boolean {
  const status = statusOf(error)
  return status === null || status >= 500
}

export async function createCommentOnce(
  context: CommentWriteContext,
  number: number,
  body: string,
  marker: string,
  key?: string,
): Promise<number> {
  const { writer, owner, repo, log } = context
  const post = (retries: number) =>
    writer.rest.issues.createComment({ owner, repo, issue_number: number, body, request: { retries } }).then((response) => response.data.id)
  try {
    return await post(0)
  } catch (error) {
    if (!mayHaveLanded(error)) return attempt(`comment on #${number}`, () => Promise.reject(error))
    const landed = findOwnComments(await context.recentComments(number), marker, key).find((own) => own.comment.body === body)
    if (landed) {
      log.info(`#${number}: the ${marker} comment was stored although its answer was lost (${landed.comment.id}).`)
      return landed.comment.id
    }
    return attempt(`comment on #${number}`, () => post(2))
  }
}
