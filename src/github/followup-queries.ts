/** GraphQL reads for the follow-through: a post-mortem PR and its document, an escalation's preventive actions. */
import { COMMENT_FIELDS, VIEWER, type GqlActor, type GqlBlob, type GqlComment } from './queries'

const PULL_FIELDS = `id number state merged isDraft title body url headRefName baseRefName author { __typename login }
  labels(first: 20) { nodes { name } }
  comments(first: 50) { nodes { ${COMMENT_FIELDS} } }`

/** A pull request with its comments, and the default branch's name. */
export const PULL_QUERY = `
query EscalationPull($owner: String!, $repo: String!, $number: Int!, $configExpr: String!, $formExpr: String!) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpr) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) { ... on Blob { text isTruncated } }
    defaultBranchRef { name }
    pullRequest(number: $number) { ${PULL_FIELDS} }
  }
}`

export interface GqlPullWithComments {
  id: string
  number: number
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  merged: boolean
  isDraft: boolean
  title: string
  body: string
  url: string
  headRefName: string
  baseRefName: string
  author: GqlActor | null
  labels: { nodes: { name: string }[] }
  comments: { nodes: GqlComment[] }
}

export interface PullQueryResult {
  viewer: { login: string }
  repository: {
    config: GqlBlob | null
    form: GqlBlob | null
    defaultBranchRef: { name: string } | null
    pullRequest: GqlPullWithComments | null
  }
}

/** A file at a ref (a branch name or a commit). */
export const FILE_AT_QUERY = `
query EscalationFileAt($owner: String!, $repo: String!, $expr: String!) {
  repository(owner: $owner, name: $repo) { object(expression: $expr) { ... on Blob { text isTruncated } } }
}`

export interface FileAtResult {
  repository: { object: GqlBlob | null }
}

const ACTION_ISSUE_FIELDS = `number fullDatabaseId title body state author { __typename login } assignees(first: 10) { nodes { login } }
  comments(last: 10) { nodes { ${COMMENT_FIELDS} } }`

/**
 * An escalation's preventive actions: its sub-issues, and the issues labelled as preventive
 * actions (a run that created one but failed before linking it finds it there).
 */
export const ACTIONS_QUERY = `
query EscalationActions($owner: String!, $repo: String!, $number: Int!, $labels: [String!]) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    issue(number: $number) { id fullDatabaseId subIssues(first: 100) { nodes { ${ACTION_ISSUE_FIELDS} } } }
    labelled: issues(first: 100, labels: $labels, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { ${ACTION_ISSUE_FIELDS} } }
  }
}`

/** Open preventive actions across the repository, a page at a time: the sweep's nudges. */
export const OPEN_ACTIONS_QUERY = `
query EscalationOpenActions($owner: String!, $repo: String!, $labels: [String!], $after: String) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    issues(first: 100, after: $after, states: OPEN, labels: $labels, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${ACTION_ISSUE_FIELDS} parent { number } }
    }
  }
}`

export interface GqlActionIssue {
  number: number
  fullDatabaseId: string
  title: string
  body: string
  state: 'OPEN' | 'CLOSED'
  author: GqlActor | null
  assignees: { nodes: { login: string }[] }
  comments: { nodes: GqlComment[] }
  parent?: { number: number } | null
}

export interface ActionsQueryResult {
  viewer: { login: string }
  repository: {
    issue: { id: string; fullDatabaseId: string; subIssues: { nodes: GqlActionIssue[] } } | null
    labelled: { nodes: GqlActionIssue[] }
  }
}

export interface OpenActionsResult {
  viewer: { login: string }
  repository: { issues: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlActionIssue[] } }
}
