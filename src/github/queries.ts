/**
 * GraphQL reads: one request gives the configuration, the form, the issue, its comments and its
 * label history, where REST needs five. Checked against GitHub's schema in the tests.
 */
const COMMENT_FIELDS = 'fullDatabaseId body createdAt author { __typename login } reactionGroups { content viewerHasReacted }'

/** Issue reads also ask whether anyone marked a comment for the post-mortem timeline (🚀). */
const FULL_COMMENT_FIELDS = `${COMMENT_FIELDS} timelineMarks: reactions(content: ROCKET, first: 1) { totalCount }`

const ACTOR = 'actor { __typename login }'

/** The timeline events the core reads: labels (tiers), assignments, closing and reopening. */
export const EVENT_TYPES = 'LABELED_EVENT, UNLABELED_EVENT, ASSIGNED_EVENT, UNASSIGNED_EVENT, CLOSED_EVENT, REOPENED_EVENT'

export const EVENT_FIELDS = `
  __typename
  ... on LabeledEvent { createdAt ${ACTOR} label { name } }
  ... on UnlabeledEvent { createdAt ${ACTOR} label { name } }
  ... on AssignedEvent { createdAt ${ACTOR} assignee { ... on User { login } ... on Bot { login } } }
  ... on UnassignedEvent { createdAt ${ACTOR} assignee { ... on User { login } ... on Bot { login } } }
  ... on ClosedEvent { createdAt ${ACTOR} stateReason }
  ... on ReopenedEvent { createdAt ${ACTOR} }`

/** One issue with everything the core reads: fields, labels, people, comments, label history. */
const ISSUE_FIELDS = `
  number title body state stateReason createdAt closedAt url
  author { login }
  labels(first: 100) { nodes { name } }
  assignees(first: 100) { nodes { login } }
  comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { ${FULL_COMMENT_FIELDS} } }
  timelineItems(last: 100, itemTypes: [${EVENT_TYPES}]) { nodes { ${EVENT_FIELDS} } }`

export const ISSUE_QUERY = `
query EscalationIssue($owner: String!, $repo: String!, $number: Int!, $configExpr: String!, $formExpr: String!) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    config: object(expression: $configExpr) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) { ... on Blob { text isTruncated } }
    issue(number: $number) { ${ISSUE_FIELDS} }
  }
}`

/** How much recent history a sweep reads per escalation: enough for the last status and changes. */
export const SWEEP_WINDOW = 50

/**
 * One page of open escalations with their recent comments and events: 1,000 escalations cost
 * 10 requests (and about 10 GraphQL points each), where REST would need a request per issue.
 * The first page also brings the configuration and the form.
 */
export const SWEEP_QUERY = `
query EscalationSweep($owner: String!, $repo: String!, $labels: [String!], $after: String, $configExpr: String!, $formExpr: String!, $withFiles: Boolean!) {
  rateLimit { cost remaining }
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpr) @include(if: $withFiles) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) @include(if: $withFiles) { ... on Blob { text isTruncated } }
    issues(first: 100, after: $after, states: OPEN, labels: $labels, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title body state stateReason createdAt closedAt url
        author { login }
        labels(first: 30) { nodes { name } }
        assignees(first: 10) { nodes { login } }
        comments(last: ${SWEEP_WINDOW}) { totalCount nodes { ${COMMENT_FIELDS} } }
        timelineItems(last: ${SWEEP_WINDOW}, itemTypes: [${EVENT_TYPES}]) { nodes { ${EVENT_FIELDS} } }
      }
    }
  }
}`

export interface SweepQueryResult {
  rateLimit: { cost: number; remaining: number } | null
  repository: {
    config?: GqlBlob | null
    form?: GqlBlob | null
    issues: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null }
      nodes: (Omit<GqlIssue, 'comments'> & { comments: { totalCount: number; nodes: GqlComment[] } })[]
    }
  }
}

export const MORE_COMMENTS_QUERY = `
query EscalationComments($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${FULL_COMMENT_FIELDS} } }
    }
  }
}`

export const RECENT_COMMENTS_QUERY = `
query EscalationRecentComments($owner: String!, $repo: String!, $number: Int!) {
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      comments(last: 100) { nodes { ${COMMENT_FIELDS} } }
    }
  }
}`

export const FILE_QUERY = `
query EscalationFile($owner: String!, $repo: String!, $expr: String!) {
  repository(owner: $owner, name: $repo) {
    object(expression: $expr) { ... on Blob { text isTruncated } }
  }
}`

export interface GqlActor {
  __typename: string
  login: string
}

export interface GqlComment {
  reactionGroups?: { content: string; viewerHasReacted: boolean }[]
  timelineMarks?: { totalCount: number }
  /** Comment ids passed 2^31 long ago: `databaseId` (an Int) overflows, this is a string. */
  fullDatabaseId: string
  body: string
  createdAt: string
  author: GqlActor | null
}

export interface GqlBlob {
  text?: string | null
  isTruncated?: boolean
}

export interface GqlTimelineEvent {
  __typename: string
  createdAt?: string
  actor?: GqlActor | null
  label?: { name: string }
  assignee?: { login?: string } | null
  stateReason?: string | null
}

export interface GqlIssue {
  number: number
  title: string
  body: string
  state: 'OPEN' | 'CLOSED'
  stateReason: string | null
  createdAt: string
  closedAt: string | null
  url: string
  author: { login: string } | null
  labels: { nodes: { name: string }[] }
  assignees: { nodes: { login: string }[] }
  comments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlComment[] }
  timelineItems: { nodes: GqlTimelineEvent[] }
}

export interface IssueQueryResult {
  repository: {
    defaultBranchRef: { name: string } | null
    config: GqlBlob | null
    form: GqlBlob | null
    issue: GqlIssue | null
  }
}

const PULL_FIELDS = 'id number isDraft state title body url headRefName'
const COMMIT_TARGET = 'target { oid ... on Commit { tree { oid } } }'

/**
 * Everything a post-mortem needs in one request: the issue, the default branch head, the
 * post-mortem branch and its document, the document on the default branch, and the pull
 * requests that may already hold it (by branch, and by label for a renamed title).
 */
export const POSTMORTEM_QUERY = `
query EscalationPostMortem($owner: String!, $repo: String!, $number: Int!, $configExpr: String!, $formExpr: String!,
  $branch: String!, $branchRef: String!, $branchDocExpr: String!, $baseDocExpr: String!, $labels: [String!]) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name ${COMMIT_TARGET} }
    config: object(expression: $configExpr) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) { ... on Blob { text isTruncated } }
    branch: ref(qualifiedName: $branchRef) { ${COMMIT_TARGET} }
    branchDocument: object(expression: $branchDocExpr) { ... on Blob { text isTruncated } }
    baseDocument: object(expression: $baseDocExpr) { ... on Blob { text isTruncated } }
    byBranch: pullRequests(headRefName: $branch, first: 10, states: [OPEN, CLOSED, MERGED], orderBy: { field: CREATED_AT, direction: DESC }) { nodes { ${PULL_FIELDS} } }
    byLabel: pullRequests(labels: $labels, first: 50, states: [OPEN, CLOSED, MERGED], orderBy: { field: CREATED_AT, direction: DESC }) { nodes { ${PULL_FIELDS} } }
    issue(number: $number) { ${ISSUE_FIELDS} }
  }
}`

export interface GqlCommitRef {
  name?: string
  target: { oid: string; tree?: { oid: string } } | null
}

export interface GqlPull {
  id: string
  number: number
  isDraft: boolean
  state: 'OPEN' | 'CLOSED' | 'MERGED'
  title: string
  body: string
  url: string
  headRefName: string
}

export interface PostMortemQueryResult {
  repository: {
    defaultBranchRef: GqlCommitRef | null
    config: GqlBlob | null
    form: GqlBlob | null
    branch: GqlCommitRef | null
    branchDocument: GqlBlob | null
    baseDocument: GqlBlob | null
    byBranch: { nodes: GqlPull[] }
    byLabel: { nodes: GqlPull[] }
    issue: GqlIssue | null
  }
}

/**
 * The latest `last` comments of several issues in one request (one alias per issue): to settle
 * races after a sweep has posted, and to look further back on busy threads. Issue numbers and
 * `last` are integers, so building the query is safe.
 */
export function recentCommentsOfQuery(numbers: number[], last: number): string {
  const size = Math.min(100, Math.max(1, Math.trunc(last)))
  const issues = numbers.map(
    (number) => `i${Math.trunc(number)}: issue(number: ${Math.trunc(number)}) { comments(last: ${size}) { nodes { ${COMMENT_FIELDS} } } }`,
  )
  return `query EscalationSettle($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${issues.join(' ')} } }`
}

/** Draft state can only change through GraphQL: REST's pull request update has no `draft`. */
export const MARK_READY_MUTATION = `
mutation EscalationPostMortemReady($id: ID!) {
  markPullRequestReadyForReview(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`

export const CONVERT_TO_DRAFT_MUTATION = `
mutation EscalationPostMortemDraft($id: ID!) {
  convertPullRequestToDraft(input: { pullRequestId: $id }) { pullRequest { isDraft } }
}`
