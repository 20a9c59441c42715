import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub } from './local-github'

const webhookSchema = JSON.parse(readFileSync('node_modules/@octokit/webhooks-schemas/schema.json', 'utf8'))
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false })
ajv.addSchema(webhookSchema, 'webhooks')
/** The schema exposes one definition per event and action, e.g. `issues$opened`. */
function expectValidWebhook(event: { name: string; payload: Record<string, any> }) {
  const validate = ajv.getSchema(`webhooks#/definitions/${event.name}$${event.payload.action ?? 'event'}`)
  if (!validate) throw new Error(`no schema for ${event.name}.${event.payload.action}`)
  const valid = validate(event.payload)
  expect(valid ? [] : validate.errors, `${event.name}.${event.payload.action}`).toEqual([])
}

let gh: LocalGitHub
const R = () => `${gh.url}/repos/acme/support`
async function api(method: string, path: string, body?: unknown) {
  const res = await fetch(path.startsWith('http') ? path : `${R()}${path}`, {
    method,
    headers: { authorization: 'token ghs_localtoken', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, data: text ? JSON.parse(text) : undefined }
}
const graphql = (query: string, variables: Record<string, unknown> = {}) => api('POST', `${gh.url}/graphql`, { query, variables })

beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.clock.set('2026-11-24T09:00:00Z')
  gh.createLabel('escalation', 'b60205')
  gh.createLabel('tier-1')
  gh.setCollaborator('olivia', 'maintain')
  gh.setCollaborator('rita', 'read')
})
afterAll(() => gh.close())

describe('person actions', () => {
  it('deliver webhook payloads valid against @octokit/webhooks-schemas', () => {
    const opened = gh.act.openIssue({
      by: 'carla',
      title: 'Globex down',
      body: 'help',
      labels: ['escalation', 'no-such-label'],
      assignees: ['olivia', 'rita'],
    })
    expect(opened.map((e) => `${e.name}.${e.payload.action}`)).toEqual(['issues.opened', 'issues.labeled', 'issues.assigned'])
    expect(gh.labelsOf(opened.number)).toEqual(['escalation']) // unknown label silently not applied
    expect(gh.assigneesOf(opened.number)).toEqual(['olivia']) // read-only rita cannot be assigned
    gh.clock.advance(5)
    const n = opened.number
    const comment = gh.act.comment(n, 'more detail', 'carla')
    const events = [
      ...opened,
      gh.act.editIssue(n, { by: 'carla', title: 'Globex: pipeline wiped', body: 'details' }),
      gh.act.label(n, 'tier-1', 'olivia'),
      gh.act.unlabel(n, 'tier-1', 'olivia'),
      gh.act.unassign(n, 'olivia', 'olivia'),
      gh.act.assign(n, 'olivia', 'olivia'),
      comment,
      gh.act.editComment(comment.commentId, 'even more detail', 'carla'),
      gh.act.close(n, { by: 'olivia', reason: 'not_planned' }),
      gh.act.reopen(n, 'olivia'),
      gh.dispatchPayload({ dryRun: 'true' }),
    ]
    for (const event of events) expectValidWebhook(event)
    const closed = events.find((e) => e.payload.action === 'closed')!
    expect(closed.payload.issue.state_reason).toBe('not_planned')
    expect(events.at(-2)!.payload.issue.state_reason).toBe('reopened')
    expect(events.find((e) => e.payload.action === 'edited' && e.name === 'issues')!.payload.changes).toEqual({
      title: { from: 'Globex down' },
      body: { from: 'help' },
    })
    expect(gh.schedulePayload().payload.schedule).toBe('*/15 * * * *')
    expect(gh.timeline(n).map((e) => e.event)).toEqual([
      'labeled',
      'assigned',
      'commented',
      'renamed',
      'labeled',
      'unlabeled',
      'unassigned',
      'assigned',
      'closed',
      'reopened',
    ])
    expect(gh.timeline(n).find((e) => e.event === 'commented')!.created_at).toBe('2026-11-24T09:05:00Z')
  })
})

describe('REST', () => {
  it('refuses bodies that fail the OpenAPI schema with a GitHub-shaped 422', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'x', body: 'y' })
    const before = gh.validationErrors.length
    const res = await api('POST', `/issues/${number}/labels`, { labels: 'x' })
    expect(res.status).toBe(422)
    expect(res.data.message).toMatch(/^Invalid request\.\n\n/)
    expect(res.data.status).toBe('422')
    expect(res.data.documentation_url).toContain('docs.github.com')
    const wrongType = await api('PATCH', `/issues/${number}`, { state: 'shut' })
    expect(wrongType.status).toBe(422)
    const unknown = await api('GET', '/no/such/route')
    expect(unknown.status).toBe(404)
    expect(gh.validationErrors.slice(before).map((e) => e.kind)).toEqual(['body', 'body', 'route'])
  })

  it('answers 422 "Body is too long" for comments over 65,536 characters', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'long', body: '' })
    const before = gh.validationErrors.length
    const res = await api('POST', `/issues/${number}/comments`, { body: 'x'.repeat(65_537) })
    expect(res.status).toBe(422)
    expect(JSON.stringify(res.data)).toContain('Body is too long (maximum is 65536 characters)')
    expect(gh.validationErrors.length).toBe(before + 1)
    const ok = await api('POST', `/issues/${number}/comments`, { body: 'x'.repeat(65_536) })
    expect(ok.status).toBe(201)
    expect(ok.data.user.login).toBe('github-actions[bot]')
  })

  it('paginates with Link headers and caps per_page at 100', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'chatty', body: '' })
    for (let i = 0; i < 35; i++) gh.act.comment(number, `c${i}`, 'carla')
    const first = await api('GET', `/issues/${number}/comments`)
    expect(first.data).toHaveLength(30)
    expect(first.headers.get('link')).toMatch(/page=2>; rel="next".*page=2>; rel="last"/)
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link')!)![1]!
    const second = await api('GET', next)
    expect(second.data.map((c: { body: string }) => c.body)).toEqual(['c30', 'c31', 'c32', 'c33', 'c34'])
    expect(second.headers.get('link')).toContain('rel="prev"')
    const before = gh.validationErrors.length
    expect((await api('GET', `/issues/${number}/comments?per_page=101`)).status).toBe(422)
    expect(gh.validationErrors.length).toBe(before + 1)
  })

  it('labels, assignees, reactions and permissions follow GitHub', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'l', body: '' })
    expect((await api('POST', `/issues/${number}/labels`, { labels: ['brand-new'] })).data.map((l: { name: string }) => l.name)).toEqual([
      'brand-new',
    ])
    expect(gh.labelExists('brand-new')).toBe(true)
    const missing = await api('DELETE', `/issues/${number}/labels/tier-1`)
    expect([missing.status, missing.data.message]).toEqual([404, 'Label does not exist'])
    await api('POST', `/issues/${number}/assignees`, { assignees: ['olivia', 'stranger'] })
    expect(gh.assigneesOf(number)).toEqual(['olivia'])
    const comment = gh.act.comment(number, 'hi', 'carla')
    expect((await api('POST', `/issues/comments/${comment.commentId}/reactions`, { content: 'eyes' })).status).toBe(201)
    expect((await api('POST', `/issues/comments/${comment.commentId}/reactions`, { content: 'eyes' })).status).toBe(200)
    const perm = async (u: string) => (await api('GET', `/collaborators/${u}/permission`)).data
    expect([(await perm('olivia')).permission, (await perm('olivia')).role_name]).toEqual(['write', 'maintain'])
    expect((await perm('stranger')).permission).toBe('none')
  })

  it('answers queued faults once, in order, then resumes', async () => {
    const route = '/repos/{owner}/{repo}'
    gh.faults.push({ method: 'GET', route }, { status: 502 })
    gh.faults.push(
      { method: 'GET', route },
      { status: 403, headers: { 'retry-after': '1' }, message: 'You have exceeded a secondary rate limit.' },
    )
    const a = await api('GET', '')
    const b = await api('GET', '')
    const c = await api('GET', '')
    expect([a.status, b.status, c.status]).toEqual([502, 403, 200])
    expect(b.headers.get('retry-after')).toBe('1')
    expect(b.data.message).toMatch(/secondary rate limit/)
    gh.faults.push({ method: 'GET', route }, { timeoutMs: 100 })
    await expect(api('GET', '')).rejects.toThrow()
  })

  it('delays responses by the configured latency and logs requests', async () => {
    gh.clearRequests()
    gh.setLatency(50)
    const started = Date.now()
    await api('GET', '')
    await api('PATCH', `/issues/1`, { title: 'renamed' })
    gh.setLatency(0)
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
    expect(gh.requests.map((r) => [r.method, r.route, r.status, r.write])).toEqual([
      ['GET', '/repos/{owner}/{repo}', 200, false],
      ['PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', 200, true],
    ])
  })

  it('runs the git data flow: blob → tree → commit → ref → pull request', async () => {
    const main = (await api('GET', '/git/ref/heads/main')).data.object.sha
    const baseTree = (await api('GET', `/git/commits/${main}`)).data.tree.sha
    const blob = (await api('POST', '/git/blobs', { content: '# Post-mortem\n', encoding: 'utf-8' })).data
    const tree = (
      await api('POST', '/git/trees', {
        base_tree: baseTree,
        tree: [{ path: 'postmortems/1.md', mode: '100644', type: 'blob', sha: blob.sha }],
      })
    ).data
    const commit = await api('POST', '/git/commits', { message: 'Post-mortem', tree: tree.sha, parents: [main] })
    expect(commit.status).toBe(201)
    expect((await api('POST', '/git/refs', { ref: 'refs/heads/pm-1', sha: commit.data.sha })).status).toBe(201)
    expect((await api('POST', '/git/refs', { ref: 'refs/heads/pm-1', sha: commit.data.sha })).data.message).toBe('Reference already exists')
    expect((await api('PATCH', '/git/refs/heads/pm-1', { sha: main })).data.message).toBe('Update is not a fast forward')
    expect(gh.readFile('pm-1', 'postmortems/1.md')).toBe('# Post-mortem\n')
    expect(gh.readFile('pm-1', 'README.md')).toBe('# support\n')
    const contents = await api('GET', '/contents/postmortems/1.md?ref=pm-1')
    expect(Buffer.from(contents.data.content, 'base64').toString()).toBe('# Post-mortem\n')
    expect((await api('GET', '/contents/nope.md')).status).toBe(404)
    const pull = await api('POST', '/pulls', { title: 'Post-mortem #1', head: 'pm-1', base: 'main', body: 'see file' })
    expect(pull.status).toBe(201)
    const dup = await api('POST', '/pulls', { title: 'again', head: 'pm-1', base: 'main' })
    expect(JSON.stringify(dup.data)).toContain('A pull request already exists for acme:pm-1.')
    expect((await api('GET', '/pulls?head=acme:pm-1')).data.map((p: { number: number }) => p.number)).toEqual([pull.data.number])
    expect((await api('GET', '/issues?state=all&per_page=100')).data.some((i: { number: number }) => i.number === pull.data.number)).toBe(
      true,
    )
    gh.setActionsCanCreatePullRequests(false)
    const denied = await api('POST', '/pulls', { title: 'x', head: 'pm-1', base: 'main' })
    gh.setActionsCanCreatePullRequests(true)
    expect([denied.status, denied.data.message]).toEqual([403, 'GitHub Actions is not permitted to create or approve pull requests.'])
    const merged = gh.act.mergePull(pull.data.number, 'olivia')
    expect(merged.payload.pull_request.merged).toBe(true)
    expect(gh.readFile('main', 'postmortems/1.md')).toBe('# Post-mortem\n')
  })
})

describe('GraphQL', () => {
  it("executes queries against GitHub's schema with cost and pagination", async () => {
    gh.putFile('.github/escalations.yml', 'tiers: []\n')
    const { number } = gh.act.openIssue({ by: 'carla', title: 'gql', body: 'b', labels: ['escalation'] })
    gh.act.comment(number, 'first', 'carla')
    gh.act.comment(number, 'second', 'olivia')
    gh.act.close(number, { by: 'olivia', reason: 'duplicate' })
    const res = await graphql(
      `
        query ($n: Int!) {
          rateLimit {
            cost
            remaining
            limit
            resetAt
          }
          repository(owner: "acme", name: "support") {
            nameWithOwner
            defaultBranchRef {
              name
              target {
                oid
              }
            }
            object(expression: "HEAD:.github/escalations.yml") {
              ... on Blob {
                text
                isTruncated
                byteSize
              }
            }
            issue(number: $n) {
              number
              state
              stateReason(enableDuplicate: true)
              author {
                login
              }
              labels(first: 10) {
                nodes {
                  name
                }
              }
              comments(last: 1) {
                totalCount
                pageInfo {
                  hasPreviousPage
                  startCursor
                }
                nodes {
                  body
                  author {
                    login
                  }
                }
              }
              timelineItems(first: 10, itemTypes: [LABELED_EVENT, CLOSED_EVENT]) {
                totalCount
                edges {
                  cursor
                  node {
                    __typename
                    ... on LabeledEvent {
                      label {
                        name
                      }
                      actor {
                        login
                      }
                    }
                    ... on ClosedEvent {
                      stateReason
                    }
                  }
                }
              }
            }
            issues(first: 100, states: OPEN, labels: ["escalation"]) {
              totalCount
              nodes {
                comments(first: 100) {
                  totalCount
                }
              }
            }
          }
        }
      `,
      { n: number },
    )
    expect(res.data.errors).toBeUndefined()
    const repo = res.data.data.repository
    expect(repo.object).toEqual({ text: 'tiers: []\n', isTruncated: false, byteSize: 10 })
    expect(repo.issue.stateReason).toBe('DUPLICATE')
    expect(repo.issue.comments).toMatchObject({
      totalCount: 2,
      pageInfo: { hasPreviousPage: true },
      nodes: [{ body: 'second', author: { login: 'olivia' } }],
    })
    expect(repo.issue.timelineItems.edges.map((e: { node: { __typename: string } }) => e.node.__typename)).toEqual([
      'LabeledEvent',
      'ClosedEvent',
    ])
    expect(res.data.data.rateLimit.cost).toBe(1) // (1 + 1 + 1 + 1 + 1 + 100) / 100, rounded
    expect(gh.requests.at(-1)).toMatchObject({ route: 'graphql', write: false, graphqlCost: 1 })
  })

  it('answers invalid queries with errors (status 200) and records them', async () => {
    const before = gh.validationErrors.length
    const wrong = await graphql('{ repository(owner: "acme", name: "support") { issue(number: 1) { nope } } }')
    expect(wrong.status).toBe(200)
    expect(wrong.data.errors[0].message).toMatch(/nope/)
    const tooMany = await graphql('{ repository(owner: "acme", name: "support") { issues(first: 101) { totalCount } } }')
    expect(tooMany.data.errors[0].message).toContain('exceeds the `first` limit of 100 records')
    const missing = await graphql('{ repository(owner: "acme", name: "support") { issue(number: 9999) { title } } }')
    expect(missing.data.errors[0]).toMatchObject({ type: 'NOT_FOUND' })
    expect(gh.validationErrors.length).toBe(before + 2)
  })

  it("reproduces GitHub's Int overflow on comment databaseId (ids exceed 2^31); fullDatabaseId works", async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'ids', body: '' })
    const { commentId } = gh.act.comment(number, 'c', 'carla')
    const q = (field: string) =>
      graphql(`{ repository(owner: "acme", name: "support") { issue(number: ${number}) { comments(first: 1) { nodes { ${field} } } } } }`)
    expect((await q('databaseId')).data.errors[0].message).toContain('Int cannot represent non 32-bit signed integer value')
    expect((await q('fullDatabaseId')).data.data.repository.issue.comments.nodes[0].fullDatabaseId).toBe(String(commentId))
  })
})
