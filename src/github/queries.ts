/**
 * GraphQL reads: one request gives the configuration, the form, the issue, its comments and its
 * label history, where REST needs five. Checked against GitHub's schema in the tests.
 */
export const COMMENT_FIELDS = 'fullDatabaseId body createdAt author { __typename login } reactionGroups { content viewerHasReacted }'

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

/** The token's own identity: what tells the action's comments from everyone else's. Free inside any query. */
export const VIEWER = 'viewer { login }'

/** One issue with everything the core reads: fields, labels, people, comments, label history. */
const ISSUE_FIELDS = `
  number id fullDatabaseId title body state stateReason createdAt closedAt url
  author { login }
  labels(first: 100) { nodes { name } }
  assignees(first: 100) { nodes { login } }
  comments(first: 100) { pageInfo { hasNextPage endCursor } nodes { ${FULL_COMMENT_FIELDS} } }
  timelineItems(last: 100, itemTypes: [${EVENT_TYPES}]) { nodes { ${EVENT_FIELDS} } }`

export const ISSUE_QUERY = `
query EscalationIssue($owner: String!, $repo: String!, $number: Int!, $configExpr: String!, $formExpr: String!) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    config: object(expression: $configExpr) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) { ... on Blob { text isTruncated } }
    issue(number: $number) { ${ISSUE_FIELDS} }
  }
}`

/** How much recent history a sweep reads per escalation: enough for the last status and changes. */
export const SWEEP_WINDOW = 50

/** The first comments of each escalation: the card is posted by the first run, so it is among them. */
export const HEAD_WINDOW = 10

/** An escalation as many-at-once reads see it: its first comments (the card) and its latest ones. */
export const WINDOWED_ISSUE_FIELDS = `
  number id fullDatabaseId title body state stateReason createdAt closedAt updatedAt url
  author { login }
  subIssuesSummary { total completed }
  labels(first: 30) { nodes { name } }
  assignees(first: 10) { nodes { login } }
  head: comments(first: ${HEAD_WINDOW}) { nodes { ${COMMENT_FIELDS} } }
  comments(last: ${SWEEP_WINDOW}) { totalCount nodes { ${COMMENT_FIELDS} } }
  timelineItems(last: ${SWEEP_WINDOW}, itemTypes: [${EVENT_TYPES}]) { nodes { ${EVENT_FIELDS} } }`

export type GqlWindowedIssue = Omit<GqlIssue, 'comments'> & {
  updatedAt: string
  subIssuesSummary: { total: number; completed: number } | null
  head: { nodes: GqlComment[] }
  comments: { totalCount: number; nodes: GqlComment[] }
}

/**
 * One page of open escalations with their recent comments and events: 1,000 escalations cost
 * 10 requests (and about 10 GraphQL points each), where REST would need a request per issue.
 * The first page also brings the configuration and the form.
 */
export const SWEEP_QUERY = `
query EscalationSweep($owner: String!, $repo: String!, $labels: [String!], $after: String, $configExpr: String!, $formExpr: String!, $withFiles: Boolean!) {
  rateLimit { cost remaining }
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    config: object(expression: $configExpr) @include(if: $withFiles) { ... on Blob { text isTruncated } }
    form: object(expression: $formExpr) @include(if: $withFiles) { ... on Blob { text isTruncated } }
    issues(first: 100, after: $after, states: OPEN, labels: $labels, orderBy: { field: CREATED_AT, direction: ASC }) {
      pageInfo { hasNextPage endCursor }
      nodes { ${WINDOWED_ISSUE_FIELDS} }
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
      nodes: GqlWindowedIssue[]
    }
  }
  viewer: { login: string }
}

/**
 * Escalations closed lately, with their first comments (where the card is): the sweep finds
 * those closed as completed whose post-mortem never opened (a close event GitHub dropped).
 */
export const RECENTLY_CLOSED_QUERY = `
query EscalationRecentlyClosed($owner: String!, $repo: String!, $labels: [String!], $since: DateTime!) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    issues(first: 50, states: CLOSED, labels: $labels, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes {
        number title stateReason closedAt createdAt author { login }
        comments(first: ${HEAD_WINDOW}) { nodes { ${COMMENT_FIELDS} } }
        recent: comments(last: 20) { nodes { ${COMMENT_FIELDS} } }
      }
    }
  }
}`

export interface RecentlyClosedResult {
  viewer: { login: string }
  repository: {
    issues: {
      nodes: {
        number: number
        title: string
        stateReason: string | null
        closedAt: string | null
        createdAt: string
        author: { login: string } | null
        comments: { nodes: GqlComment[] }
        recent: { nodes: GqlComment[] }
      }[]
    }
  }
}

/** Whether each issue is still open, one alias per issue: the sweep checks just before it writes. */
export function issueStatesQuery(numbers: number[]): string {
  const issues = numbers.map((number) => `i${Math.trunc(number)}: issue(number: ${Math.trunc(number)}) { state }`)
  return `query EscalationStates($owner: String!, $repo: String!) { repository(owner: $owner, name: $repo) { ${issues.join(' ')} } }`
}

export const MORE_COMMENTS_QUERY = `
query EscalationComments($owner: String!, $repo: String!, $number: Int!, $after: String) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    issue(number: $number) {
      comments(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { ${FULL_COMMENT_FIELDS} } }
    }
  }
}`

/** The latest comments of an issue or a pull request (post-mortem PRs carry the action's comments too). */
export const RECENT_COMMENTS_QUERY = `
query EscalationRecentComments($owner: String!, $repo: String!, $number: Int!) {
  ${VIEWER}
  repository(owner: $owner, name: $repo) {
    issueOrPullRequest(number: $number) {
      ... on Issue { comments(last: 100) { nodes { ${COMMENT_FIELDS} } } }
      ... on PullRequest { comments(last: 100) { nodes { ${COMMENT_FIELDS} } } }
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
  id: string
  fullDatabaseId: string
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
  viewer: { login: string }
  repository: {
    defaultBranchRef: { name: string } | null
    config: GqlBlob | null
    form: GqlBlob | null
    issue: GqlIssue | null
  }
}

const PULL_FIELDS =
  'id number isDraft state title body url headRefName author { __typename login } labels(first: 20) { nodes { name } } reviewRequests(first: 20) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }'
export const COMMIT_TARGET = 'target { oid ... on Commit { tree { oid } } }'

/**
 * Everything a post-mortem needs in one request: the issue, the default branch head, the
 * post-mortem branch and its document, the document on the default branch, and the pull
 * requests that may already hold it (by branch, and by label for a renamed title).
 */
export const POSTMORTEM_QUERY = `
query EscalationPostMortem($owner: String!, $repo: String!, $number: Int!, $configExpr: String!, $formExpr: String!,
  $branch: String!, $branchRef: String!, $branchDocExpr: String!, $baseDocExpr: String!, $labels: [String!]) {
  ${VIEWER}
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
  author: GqlActor | null
  labels: { nodes: { name: string }[] }
  /** Null when the token may not see review requests. */
  reviewRequests: { nodes: { requestedReviewer: { __typename: string; login?: string; slug?: string } | null }[] } | null
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
  viewer: { login: string }
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
  return `query EscalationSettle($owner: String!, $repo: String!) { ${VIEWER} repository(owner: $owner, name: $repo) { ${issues.join(' ')} } }`
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

/** A branch (or the default branch when it does not exist yet) and one file on it: where a report is committed. */
export const BRANCH_FILE_QUERY = `
query EscalationBranchFile($owner: String!, $repo: String!, $branchRef: String!, $fileExpr: String!) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name ${COMMIT_TARGET} }
    branch: ref(qualifiedName: $branchRef) { ${COMMIT_TARGET} }
    file: object(expression: $fileExpr) { ... on Blob { text isTruncated } }
  }
}`

export interface BranchFileResult {
  repository: { defaultBranchRef: GqlCommitRef | null; branch: GqlCommitRef | null; file: GqlBlob | null }
}
