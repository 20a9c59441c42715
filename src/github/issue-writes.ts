/**
 * Issues are opened once, like comments (see write-once): after a lost answer, the newest open
 * issues of ours with the same labels are read, and the one with the same body (which carries
 * its marker: a preventive action's, the report's) is the issue already opened.
 */
import { attempt } from './attempt'
import { isViewer, type Identity } from './identity'
import { OWN_ISSUE_QUERY, type OwnIssueResult } from './ledger-queries'
import type { Logger, Octokits } from './octokit'
import { writeOnce } from './write-once'

export interface IssueWriteContext extends Octokits {
  owner: string
  repo: string
  log: Logger
  learn: (login: string) => Identity
}

export interface IssueToOpen {
  title: string
  body: string
  /** What the issue is found again by, with its author and body. */
  labels: string[]
  assignees?: string[]
}

export interface OpenedIssue {
  number: number
  /** What a parent's sub-issue link names. */
  databaseId: number
  nodeId: string
}

export function openIssueOnce(context: IssueWriteContext, issue: IssueToOpen): Promise<OpenedIssue> {
  const { writer, owner, repo, log } = context
  return writeOnce({
    what: `open the issue "${issue.title.slice(0, 60)}"`,
    log,
    send: (retries) =>
      writer.rest.issues
        .create({ owner, repo, ...issue, request: { retries } })
        .then(({ data }) => ({ number: data.number, databaseId: data.id, nodeId: data.node_id })),
    landed: () => findOpened(context, issue),
    stored: (found) => `#${found.number} ("${issue.title.slice(0, 60)}") was stored although its answer was lost.`,
  })
}

async function findOpened(context: IssueWriteContext, issue: IssueToOpen): Promise<OpenedIssue | null> {
  const { reader, owner, repo } = context
  // No labels is no filter: then the newest open issues of the repository.
  const labels = issue.labels.length > 0 ? issue.labels : null
  const data = await attempt(`look for the issue "${issue.title.slice(0, 60)}"`, () =>
    reader.graphql<OwnIssueResult>(OWN_ISSUE_QUERY, { owner, repo, labels, direction: 'DESC' }),
  )
  const me = context.learn(data.viewer.login)
  const node = data.repository.issues.nodes.find((candidate) => isViewer(candidate.author, me) && candidate.body === issue.body)
  return node ? { number: node.number, databaseId: Number(node.fullDatabaseId), nodeId: node.id } : null
}
