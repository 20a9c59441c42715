import type { CommentSnapshot, IssueSnapshot } from '../core/snapshot'
import { attempt, statusOf } from './attempt'
import { blobText } from './blob-text'
import { isViewer, type Identity } from './identity'
import { openIssueOnce } from './issue-writes'
import {
  CHANGED_SINCE_QUERY,
  LEDGER_QUERY,
  OWN_ISSUE_QUERY,
  PIN_ISSUE_MUTATION,
  REPORT_LABEL,
  type ChangedSinceResult,
  type LedgerQueryResult,
  type OwnIssueResult,
} from './ledger-queries'
import type { Logger, Octokits } from './octokit'
import { toComment, toWindowedIssue } from './to-snapshot'

export interface ReportIssue {
  number: number
  nodeId: string
  body: string
  comments: CommentSnapshot[]
  /** Not pinned though the repository has room for it: a pin that failed when it was opened, made up for by the sync. */
  unpinned: boolean
}

export interface LedgerRead {
  configText: string | null
  formText: string | null
  /** The action's own report issue (with its shard comments), or null when there is none yet. */
  report: ReportIssue | null
  points: number
}

export interface ChangesRead {
  issues: IssueSnapshot[]
  /** The latest `updatedAt` among them: where the next sync starts. */
  latest: string | null
  requests: number
  points: number
}

export interface LedgerGateway {
  readLedger(paths: { config: string; form: string }): Promise<LedgerRead>
  /** Every escalation changed since `since` (all of them when null), page after page. */
  listChangedSince(label: string, since: string | null): Promise<ChangesRead>
  createReportIssue(title: string, body: string): Promise<{ number: number; nodeId: string }>
  /** An open issue of the action's own that carries `label`, or null. */
  /** `unpinned`: not pinned while the repository has room for a pin (its pin failed when it was opened). */
  findOwnIssue(label: string): Promise<OwnIssue | null>
  /** Opens an issue with `label` and pins it (pinning is best effort). */
  createPinnedIssue(title: string, body: string, label: string): Promise<{ number: number; nodeId: string }>
  /** Pins an issue; false (and a warning) when GitHub would not: the issue works unpinned. */
  pinIssue(number: number, nodeId: string): Promise<boolean>
  updateIssueBody(number: number, body: string): Promise<void>
}

export interface OwnIssue {
  number: number
  body: string
  nodeId: string
  unpinned: boolean
}

/** GitHub pins at most three issues a repository. */
const PINS_A_REPOSITORY = 3

export function createLedgerGateway(
  { reader, writer }: Octokits,
  { owner, repo }: { owner: string; repo: string },
  log: Logger,
  learn: (login: string) => Identity,
): LedgerGateway {
  async function pinIssue(number: number, nodeId: string): Promise<boolean> {
    try {
      await writer.graphql(PIN_ISSUE_MUTATION, { id: nodeId })
      return true
    } catch (error) {
      // Pinning is a courtesy (three pins a repository): the issue works unpinned.
      log.warning(`Could not pin #${number} (${statusOf(error) ?? 'GraphQL'}): it works unpinned; pin it by hand if you like.`)
      return false
    }
  }

  async function createPinnedIssue(title: string, body: string, label: string): Promise<{ number: number; nodeId: string }> {
    const opened = await openIssueOnce({ reader, writer, owner, repo, log, learn }, { title, body, labels: [label] })
    await pinIssue(opened.number, opened.nodeId)
    return { number: opened.number, nodeId: opened.nodeId }
  }

  return {
    async readLedger(paths) {
      const data = await attempt('read the escalation ledger', () =>
        reader.graphql<LedgerQueryResult>(LEDGER_QUERY, {
          owner,
          repo,
          configExpr: `HEAD:${paths.config}`,
          formExpr: `HEAD:${paths.form}`,
          reportLabels: [REPORT_LABEL],
        }),
      )
      const me = learn(data.viewer.login)
      // Anyone can open an issue with the label; only the action's own is the report.
      const own = data.repository.reports.nodes.find((node) => isViewer(node.author, me))
      const room = (data.repository.pinnedIssues?.totalCount ?? PINS_A_REPOSITORY) < PINS_A_REPOSITORY
      const report = own
        ? {
            number: own.number,
            nodeId: own.id,
            body: own.body,
            comments: own.comments.nodes.map((node) => toComment(node, me)),
            unpinned: own.isPinned === false && room,
          }
        : null
      return {
        configText: blobText(data.repository.config),
        formText: blobText(data.repository.form),
        report,
        points: data.rateLimit?.cost ?? 1,
      }
    },

    async listChangedSince(label, since) {
      const read: ChangesRead = { issues: [], latest: since, requests: 0, points: 0 }
      let after: string | null = null
      do {
        const page: ChangedSinceResult = await attempt('list escalations changed since the last sync', () =>
          reader.graphql<ChangedSinceResult>(CHANGED_SINCE_QUERY, { owner, repo, labels: [label], since, after }),
        )
        const me = learn(page.viewer.login)
        read.requests += 1
        read.points += page.rateLimit?.cost ?? 1
        for (const node of page.repository.issues.nodes) {
          read.issues.push(toWindowedIssue(node, me))
          if (!read.latest || node.updatedAt > read.latest) read.latest = node.updatedAt
        }
        after = page.repository.issues.pageInfo.hasNextPage ? page.repository.issues.pageInfo.endCursor : null
      } while (after)
      return read
    },

    createReportIssue: (title, body) => createPinnedIssue(title, body, REPORT_LABEL),

    async findOwnIssue(label) {
      const data = await attempt(`find the issue labelled ${label}`, () =>
        reader.graphql<OwnIssueResult>(OWN_ISSUE_QUERY, { owner, repo, labels: [label] }),
      )
      const me = learn(data.viewer.login)
      const own = data.repository.issues.nodes.find((node) => isViewer(node.author, me))
      const room = (data.repository.pinnedIssues?.totalCount ?? PINS_A_REPOSITORY) < PINS_A_REPOSITORY
      return own ? { number: own.number, body: own.body, nodeId: own.id, unpinned: own.isPinned === false && room } : null
    },

    createPinnedIssue,
    pinIssue,

    async updateIssueBody(number, body) {
      await attempt(`update #${number}`, () => writer.rest.issues.update({ owner, repo, issue_number: number, body }))
    },
  }
}
