/** GraphQL reads for the ledger and the report: the report issue with its shards, and what changed since. */
import { COMMENT_FIELDS, VIEWER, WINDOWED_ISSUE_FIELDS, type GqlBlob, type GqlComment, type GqlWindowedIssue } from './queries'

/** The label the report issue carries: how the action finds it again (with its own authorship). */
export const REPORT_LABEL = 'escalation-report'

/**
 * The configuration, the form and the report issue with every shard comment, in one request;
 * with whether it is pinned, and how many issues are (GitHub pins three a repository).
 */
export const LEDGER_QUERY = `
query EscalationLedger($owner: String!, $repo: String!, $configExpr: String!, $formExpr: String!, $reportLabels: [String!]) {
  ${VIEWER}
  rateLimit { cost remaining }
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpr) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) { ... on Blob { text isTruncated } }
    pinnedIssues(first: 3) { totalCount }
    reports: issues(first: 5, labels: $reportLabels, states: OPEN, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes { number id isPinned body author { __typename login } comments(first: 100) { nodes { ${COMMENT_FIELDS} } } }
    }
  }
}`

export interface LedgerQueryResult {
  viewer: { login: string }
  rateLimit: { cost: number } | null
  repository: {
    config: GqlBlob | null
    form: GqlBlob | null
    pinnedIssues: { totalCount: number } | null
    reports: {
      nodes: {
        number: number
        id: string
        /** Null where the server does not say (the sync then leaves the pin be). */
        isPinned: boolean | null
        body: string
        author: { __typename: string; login: string } | null
        comments: { nodes: GqlComment[] }
      }[]
    }
  }
}

/** Escalations (open and closed) changed since a moment, oldest change first: the ledger's increments. */
export const CHANGED_SINCE_QUERY = `
query EscalationChanges($owner: String!, $repo: String!, $labels: [String!], $since: DateTime, $after: String) {
  ${VIEWER}
  rateLimit { cost remaining }
  repository(owner: $owner, name: $repo) {
    issues(first: 100, after: $after, labels: $labels, states: [OPEN, CLOSED], filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${WINDOWED_ISSUE_FIELDS} }
    }
  }
}`

export interface ChangedSinceResult {
  viewer: { login: string }
  rateLimit: { cost: number } | null
  repository: { issues: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlWindowedIssue[] } }
}

export const PIN_ISSUE_MUTATION = `
mutation EscalationPinReport($id: ID!) {
  pinIssue(input: { issueId: $id }) { issue { id } }
}`

/**
 * The action's own open issues carrying any of the labels (the dashboard; an issue whose answer
 * was lost), found by the label and trusted by their author: oldest first, or newest with DESC;
 * whether each is pinned, and how many the repository pins (GitHub allows three).
 */
export const OWN_ISSUE_QUERY = `
query EscalationOwnIssue($owner: String!, $repo: String!, $labels: [String!], $direction: OrderDirection = ASC) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    pinnedIssues(first: 3) { totalCount }
    issues(first: 10, labels: $labels, states: OPEN, orderBy: { field: CREATED_AT, direction: $direction }) {
      nodes { number id fullDatabaseId isPinned body author { __typename login } }
    }
  }
}`

export interface OwnIssueResult {
  viewer: { login: string }
  repository: {
    pinnedIssues: { totalCount: number } | null
    issues: {
      nodes: {
        number: number
        id: string
        fullDatabaseId: string
        isPinned: boolean | null
        body: string
        author: { __typename: string; login: string } | null
      }[]
    }
  }
}
