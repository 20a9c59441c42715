import type { CommentSnapshot } from '../core/snapshot'
import { attempt } from './attempt'
import type { Identity } from './identity'
import type { Octokit } from './octokit'
import { MORE_COMMENTS_QUERY, type GqlComment } from './queries'
import { toComment } from './to-snapshot'

interface CommentsPage {
  repository: { issue: { comments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlComment[] } } }
}

/** The comments after the first hundred, a page of a hundred at a time (long threads only). */
export async function readMoreComments(
  reader: Octokit,
  { owner, repo }: { owner: string; repo: string },
  number: number,
  after: string | null,
  viewer: Identity,
): Promise<CommentSnapshot[]> {
  const comments: CommentSnapshot[] = []
  let cursor = after
  while (cursor) {
    const page: CommentsPage = await attempt(`read the comments of #${number}`, () =>
      reader.graphql<CommentsPage>(MORE_COMMENTS_QUERY, { owner, repo, number, after: cursor }),
    )
    const connection = page.repository.issue.comments
    comments.push(...connection.nodes.map((node) => toComment(node, viewer)))
    cursor = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null
  }
  return comments
}
