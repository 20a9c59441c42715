/** GraphQL `Repository`: git objects, issues and pull requests of one repository. */
import { nodeId, repoNodeId, type Ctx } from './builders'
import { connection, GitHubGraphQLError, issueNode, pullNode, repoIndex } from './graphql-resolvers'

type Args = Record<string, any>

export function repositoryNode(ctx: Ctx) {
  const s = ctx.state
  const notFound = (what: string, n: number) => new GitHubGraphQLError('NOT_FOUND', `Could not resolve to ${what} with the number of ${n}.`)
  return {
    id: repoNodeId(s),
    databaseId: s.id,
    isPrivate: s.visibility === 'private',
    isArchived: false,
    visibility: s.visibility.toUpperCase(),
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
    pinnedIssues: (args: Args) =>
      connection(
        [...s.issues.values()]
          .filter((i) => i.pinned)
          .map((i) => ({ id: nodeId('PIN', i.id), fullDatabaseId: String(i.id), issue: issueNode(ctx, i) })),
        args,
      ),
    pullRequest: ({ number }: Args) => {
      const pull = s.pulls.get(number)
      if (!pull) throw notFound('a PullRequest', number)
      return pullNode(ctx, pull)
    },
    issueOrPullRequest: ({ number }: Args) => {
      const pull = s.pulls.get(number)
      if (pull) return pullNode(ctx, pull)
      const issue = s.issues.get(number)
      if (!issue) throw notFound('an Issue or PullRequest', number)
      return issueNode(ctx, issue)
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
