/** POST /graphql: validated against GitHub's real schema (@octokit/graphql-schema), executed
 * against the same state as REST, with GitHub's cost and pagination limits. */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildSchema, execute, type GraphQLError, parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql'
import { nodeId, type Ctx } from './builders'
import { computeCost } from './graphql-cost'
import { connection, GitHubGraphQLError, issueNode, pullNode, repoIndex, viewerNode } from './graphql-resolvers'

let schema: GraphQLSchema | undefined
function loadSchema(): GraphQLSchema {
  // assumeValidSDL: the published SDL defines two EnterpriseOwnerInfo fields twice, which
  // strict SDL validation rejects although the schema is otherwise sound.
  // the package's exports hide schema.graphql: look for it in the node_modules folders Node would search
  const dirs = createRequire(import.meta.url).resolve.paths('@octokit/graphql-schema') ?? []
  const path = dirs.map((d) => join(d, '@octokit/graphql-schema/schema.graphql')).find((p) => existsSync(p))
  if (!path) throw new Error('@octokit/graphql-schema is not installed')
  schema ??= buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true })
  return schema
}

export interface GraphQLOutcome {
  status: number
  body: unknown
  isMutation: boolean
  cost?: number
  /** Set when GitHub would refuse the query outright (schema, syntax, limits). */
  invalid?: string
}

export interface RateLimitState {
  limit: number
  used: number
  resetAt: number
}

type Args = Record<string, any>

function repositoryNode(ctx: Ctx) {
  const s = ctx.state
  const notFound = (what: string, n: number) => new GitHubGraphQLError('NOT_FOUND', `Could not resolve to ${what} with the number of ${n}.`)
  return {
    id: 'R_kgDOKbcdef',
    name: s.name,
    nameWithOwner: `${s.owner}/${s.name}`,
    url: `https://github.com/${s.owner}/${s.name}`,
    owner: { __typename: 'Organization', login: s.owner },
    defaultBranchRef: () => {
      const oid = s.git.refs.get(`heads/${s.defaultBranch}`)
      const commit = oid ? s.git.commits.get(oid) : undefined
      return { name: s.defaultBranch, prefix: 'refs/heads/', target: { __typename: 'Commit', oid, tree: { oid: commit?.tree } } }
    },
    ref: ({ qualifiedName }: Args) => {
      const name = String(qualifiedName).replace(/^refs\//, '')
      const key = name.startsWith('heads/') ? name : `heads/${name}`
      const oid = s.git.refs.get(key)
      if (!oid) return null
      const commit = s.git.commits.get(oid)
      return { name: key.slice('heads/'.length), prefix: 'refs/heads/', target: { __typename: 'Commit', oid, tree: { oid: commit?.tree } } }
    },
    object: ({ expression }: Args) => {
      const [rev = 'HEAD', path = ''] = String(expression ?? '').split(/:(.*)/s)
      const commit = s.git.resolve(rev, s.defaultBranch)
      const found = commit && (path ? s.git.readPath(commit, path) : { kind: 'commit' as const, sha: commit })
      if (!found) return null
      if (found.kind !== 'blob') return { __typename: found.kind === 'tree' ? 'Tree' : 'Commit', oid: found.sha }
      const content = s.git.blobs.get(found.sha)!
      return {
        __typename: 'Blob',
        oid: found.sha,
        abbreviatedOid: found.sha.slice(0, 7),
        byteSize: content.length,
        isBinary: content.includes(0),
        isTruncated: false,
        text: content.toString('utf8'),
      }
    },
    issue: ({ number }: Args) => {
      const issue = s.issues.get(number)
      if (!issue || issue.isPull) throw notFound('an Issue', number)
      return issueNode(ctx, issue)
    },
    pullRequest: ({ number }: Args) => {
      const pull = s.pulls.get(number)
      if (!pull) throw notFound('a PullRequest', number)
      return pullNode(ctx, pull)
    },
    issues: (args: Args) => {
      const f = (args.filterBy ?? {}) as Args
      const states: string[] | undefined = args.states ?? f.states
      const labels: string[] | undefined = args.labels ?? f.labels
      const field = args.orderBy?.field ?? 'CREATED_AT'
      const key = (i: { createdAt: string; updatedAt: string; number: number }) =>
        field === 'UPDATED_AT'
          ? i.updatedAt
          : field === 'COMMENTS'
            ? String(repoIndex(ctx).commentsByIssue.get(i.number)?.length ?? 0).padStart(9, '0')
            : i.createdAt
      const list = [...s.issues.values()]
        .filter((i) => !i.isPull)
        .filter((i) => !states || states.includes(i.state.toUpperCase()))
        // GraphQL `labels` matches issues with ANY of the labels (REST's `labels` needs all)
        .filter((i) => !labels || i.labels.some((l) => labels.some((w) => w.toLowerCase() === l.toLowerCase())))
        .filter((i) => !f.since || i.updatedAt >= f.since)
        .filter((i) => !f.assignee || i.assignees.includes(f.assignee))
        .filter((i) => !f.createdBy || i.author === f.createdBy)
        .sort((a, b) => (key(a) === key(b) ? a.number - b.number : key(a) < key(b) ? -1 : 1))
      if (args.orderBy?.direction === 'DESC') list.reverse()
      return connection(
        list.map((i) => issueNode(ctx, i)),
        args,
      )
    },
    pullRequests: (args: Args) => {
      const list = [...s.pulls.values()]
        .map((p) => pullNode(ctx, p))
        .filter(
          (p) =>
            (!args.states || args.states.includes(p.state)) &&
            (!args.headRefName || p.headRefName === args.headRefName) &&
            (!args.baseRefName || p.baseRefName === args.baseRefName),
        )
        // Like `issues`, `labels` matches pull requests with any of the labels.
        .filter(
          (p) =>
            !args.labels ||
            ctx.state.issues.get(p.number)!.labels.some((l) => (args.labels as string[]).some((w) => w.toLowerCase() === l.toLowerCase())),
        )
        .sort((a, b) => a.number - b.number)
      if (args.orderBy?.direction === 'DESC') list.reverse()
      return connection(list, args)
    },
  }
}

export function runGraphQL(
  serverCtx: Ctx,
  rate: RateLimitState,
  request: { query?: unknown; variables?: unknown; operationName?: unknown },
): GraphQLOutcome {
  // A fresh context per request: the resolvers' index (see graphql-resolvers) sees this request's state.
  const ctx: Ctx = { ...serverCtx }
  const s = loadSchema()
  const refuse = (messages: string[], isMutation = false): GraphQLOutcome => ({
    status: 200,
    isMutation,
    invalid: messages.join('\n'),
    body: { errors: messages.map((message) => ({ message })) },
  })
  if (typeof request.query !== 'string') return refuse(['A query attribute must be specified and must be a string.'])
  let document: DocumentNode
  try {
    document = parse(request.query)
  } catch (e) {
    return refuse([(e as GraphQLError).message])
  }
  const isMutation = document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation')
  const schemaErrors = validate(s, document)
  if (schemaErrors.length)
    return {
      ...refuse([]),
      isMutation,
      invalid: schemaErrors.map((e) => e.message).join('\n'),
      body: { errors: schemaErrors.map((e) => e.toJSON()) },
    }
  const variables = (request.variables ?? {}) as Record<string, unknown>
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined
  if (isMutation) return runMutation(ctx, s, document, variables, operationName, refuse)
  const cost = computeCost(s, document, variables, operationName)
  if (cost.errors.length) return refuse(cost.errors)
  const now = ctx.state.clock.now().getTime()
  if (now >= rate.resetAt) Object.assign(rate, { used: 0, resetAt: now + 3_600_000 })
  rate.used += cost.cost
  const rootValue = {
    viewer: () => viewerNode(ctx),
    repository: ({ owner, name }: Args) => {
      if (owner !== ctx.state.owner || name !== ctx.state.name)
        throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`)
      return repositoryNode(ctx)
    },
    rateLimit: () => ({
      cost: cost.cost,
      limit: rate.limit,
      remaining: Math.max(rate.limit - rate.used, 0),
      used: rate.used,
      nodeCount: cost.nodeCount,
      resetAt: new Date(rate.resetAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    }),
  }
  const result = execute({ schema: s, document, rootValue, variableValues: variables, operationName }) as {
    data?: unknown
    errors?: readonly GraphQLError[]
  }
  const errors = result.errors?.map((e) => ({
    ...(e.originalError instanceof GitHubGraphQLError ? { type: e.originalError.type } : {}),
    path: e.path,
    locations: e.locations,
    message: e.message,
  }))
  // Errors other than GitHub's typed ones (NOT_FOUND) mean the query cannot work, e.g. a comment's
  // `databaseId` overflowing Int: report them like refusals so tests notice.
  const broken = errors?.filter((e) => !('type' in e)).map((e) => e.message)
  return {
    status: 200,
    isMutation,
    cost: cost.cost,
    invalid: broken?.length ? broken.join('\n') : undefined,
    body: { data: result.data ?? null, ...(errors ? { errors } : {}) },
  }
}

/** The mutations the action uses; anything else is refused and recorded as unsupported. */
const MUTATIONS = new Set(['markPullRequestReadyForReview', 'convertPullRequestToDraft'])

function runMutation(
  ctx: Ctx,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | undefined,
  refuse: (messages: string[], isMutation?: boolean) => GraphQLOutcome,
): GraphQLOutcome {
  const fields = document.definitions
    .flatMap((d) => (d.kind === 'OperationDefinition' ? d.selectionSet.selections : []))
    .flatMap((f) => (f.kind === 'Field' ? [f.name.value] : []))
  const unsupported = fields.filter((name) => !MUTATIONS.has(name))
  if (unsupported.length) return refuse([`Mutations not supported by the local GitHub: ${unsupported.join(', ')}.`], true)
  const setDraft =
    (draft: boolean) =>
    ({ input }: Args) => {
      const pull = [...ctx.state.pulls.values()].find((candidate) => nodeId('PR', candidate.id) === input.pullRequestId)
      if (!pull) throw new GitHubGraphQLError('NOT_FOUND', `Could not resolve to a node with the global id of '${input.pullRequestId}'`)
      if (pull.merged || ctx.state.issues.get(pull.number)?.state !== 'open')
        throw new GitHubGraphQLError('UNPROCESSABLE', 'Pull request is not open.')
      pull.draft = draft
      return { clientMutationId: input.clientMutationId ?? null, pullRequest: pullNode(ctx, pull) }
    }
  const rootValue = { markPullRequestReadyForReview: setDraft(false), convertPullRequestToDraft: setDraft(true) }
  const result = execute({ schema, document, rootValue, variableValues: variables, operationName }) as {
    data?: unknown
    errors?: readonly GraphQLError[]
  }
  const errors = result.errors?.map((e) => ({
    ...(e.originalError instanceof GitHubGraphQLError ? { type: e.originalError.type } : {}),
    path: e.path,
    message: e.message,
  }))
  return { status: 200, isMutation: true, cost: 1, body: { data: result.data ?? null, ...(errors ? { errors } : {}) } }
}
