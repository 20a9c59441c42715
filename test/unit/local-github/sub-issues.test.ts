import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub } from '../../local-github'
import { client } from './helpers'

let gh: LocalGitHub
let rest: ReturnType<typeof client>['rest']
let graphql: ReturnType<typeof client>['graphql']
beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.createLabel('escalation')
  gh.setCollaborator('olivia', 'maintain')
  ;({ rest, graphql } = client(gh))
})
afterAll(() => gh.close())

const open = (title: string) => gh.act.openIssue({ by: 'carla', title, body: '' }).number
const link = (parent: number, id: number, extra: Record<string, unknown> = {}) =>
  rest('POST', `/issues/${parent}/sub_issues`, { sub_issue_id: id, ...extra })

describe('sub-issues (REST)', () => {
  it('creates issues with labels, assignees and body, and links them by database id', async () => {
    const parent = open('Globex escalation')
    const created = await rest('POST', '/issues', {
      title: 'Restore backup',
      body: 'steps',
      labels: ['escalation', 'new-one'],
      assignees: ['olivia'],
    })
    expect(created.status).toBe(201)
    expect(created.data).toMatchObject({ title: 'Restore backup', body: 'steps', assignees: [{ login: 'olivia' }] })
    expect(created.data.labels.map((l: any) => l.name)).toEqual(['escalation', 'new-one']) // missing labels are created
    expect(created.data.id).toBeGreaterThan(3_000_000_000)
    const linked = await link(parent, created.data.id)
    expect([linked.status, linked.data.number, linked.data.sub_issues_summary]).toEqual([
      201,
      parent,
      { total: 1, completed: 0, percent_completed: 0 },
    ])
    expect((await rest('GET', `/issues/${parent}/sub_issues`)).data.map((i: any) => i.number)).toEqual([created.data.number])
    expect((await rest('GET', `/issues/${created.data.number}/parent`)).data.number).toBe(parent)
    expect((await rest('GET', `/issues/${created.data.number}`)).data.parent_issue_url).toBe(
      `${gh.url}/repos/acme/support/issues/${parent}`,
    )
    expect((await rest('GET', `/issues/${parent}/parent`)).status).toBe(404)
    expect(gh.subIssuesOf(parent).map((i) => i.title)).toEqual(['Restore backup'])
    gh.act.close(created.data.number, { by: 'olivia', reason: 'not_planned' })
    expect(gh.issue(parent).sub_issues_summary).toEqual({ total: 1, completed: 1, percent_completed: 100 })
    gh.act.close(parent, { by: 'olivia' })
    expect(gh.validationErrors).toEqual([])
  })

  it('answers 404 to an issue number passed as sub_issue_id and records the mistake', async () => {
    const parent = open('p')
    const child = open('c')
    const before = gh.validationErrors.length
    const wrong = await link(parent, child)
    expect(wrong.status).toBe(404)
    expect(gh.validationErrors.slice(before)).toMatchObject([
      { kind: 'semantic', route: '/repos/{owner}/{repo}/issues/{issue_number}/sub_issues' },
    ])
    expect(gh.subIssuesOf(parent)).toEqual([])
  })

  it('allows one parent (unless replace_parent), 100 sub-issues with closed ones counted, 8 levels', async () => {
    const [a, b, child] = [open('a'), open('b'), open('child')]
    const childId = gh.issue(child).id
    expect((await link(a, childId)).status).toBe(201)
    const second = await link(b, childId)
    expect([second.status, JSON.stringify(second.data)]).toEqual([422, expect.stringContaining('Sub issue may only have one parent')])
    expect((await link(b, childId, { replace_parent: true })).status).toBe(201)
    expect([gh.subIssuesOf(a), gh.parentOf(child)!.number]).toEqual([[], b])
    expect((await rest('DELETE', `/issues/${b}/sub_issue`, { sub_issue_id: childId })).status).toBe(200)
    expect(gh.parentOf(child)).toBeUndefined()

    const big = open('big')
    for (let i = 0; i < 100; i++) {
      const n = open(`s${i}`)
      if (i % 2) gh.act.close(n, { by: 'olivia' })
      expect((await link(big, gh.issue(n).id)).status).toBe(201)
    }
    expect(gh.issue(big).sub_issues_summary).toEqual({ total: 100, completed: 50, percent_completed: 50 })
    expect((await link(big, childId)).status).toBe(422)

    const chain = Array.from({ length: 10 }, (_, i) => open(`level ${i}`))
    const results = []
    for (let i = 1; i < chain.length; i++) results.push((await link(chain[i - 1]!, gh.issue(chain[i]!).id)).status)
    expect(results).toEqual([201, 201, 201, 201, 201, 201, 201, 201, 422]) // the top issue and 8 levels below it
    const cycle = await link(chain[3]!, gh.issue(chain[0]!).id)
    expect(cycle.status).toBe(422)
  })

  it('links sub-issues across repositories of the same owner only', async () => {
    const other = gh.addRepository('billing')
    const elsewhere = gh.addRepository('tools', { owner: 'globex' })
    gh.addToken('ghs_app', { login: 'escalation-desk', kind: 'app' })
    const app = client(gh, 'ghs_app')
    const parent = open('cross')
    const sibling = other.act.openIssue({ by: 'carla', title: 'billing side', body: '' }).number
    const stranger = elsewhere.act.openIssue({ by: 'carla', title: 'other org', body: '' }).number
    expect((await app.rest('POST', `/issues/${parent}/sub_issues`, { sub_issue_id: other.issue(sibling).id })).status).toBe(201)
    expect((await app.rest('POST', `/issues/${parent}/sub_issues`, { sub_issue_id: elsewhere.issue(stranger).id })).status).toBe(422)
    expect(gh.subIssuesOf(parent).map((i) => i.repository_url)).toEqual([`${gh.url}/repos/acme/billing`])
    expect(other.parentOf(sibling)!.number).toBe(parent)
  })
})

describe('sub-issues (GraphQL)', () => {
  it('reads subIssues, parent and subIssuesSummary, and links with addSubIssue by node id', async () => {
    const parent = open('gql parent')
    const child = open('gql child')
    const ids = (
      await graphql(`{ repository(owner: "acme", name: "support") {
      p: issue(number: ${parent}) { id } c: issue(number: ${child}) { id } } }`)
    ).data.repository
    const added = await graphql(
      `
        mutation ($p: ID!, $c: ID!) {
          addSubIssue(input: { issueId: $p, subIssueId: $c }) {
            issue {
              number
            }
            subIssue {
              number
            }
          }
        }
      `,
      { p: ids.p.id, c: ids.c.id },
    )
    expect(added.data.addSubIssue).toEqual({ issue: { number: parent }, subIssue: { number: child } })
    const read = await graphql(`{ repository(owner: "acme", name: "support") {
      p: issue(number: ${parent}) { subIssues(first: 10) { totalCount nodes { number } } subIssuesSummary { total completed percentCompleted } }
      c: issue(number: ${child}) { parent { number } } } }`)
    expect(read.data.repository).toEqual({
      p: { subIssues: { totalCount: 1, nodes: [{ number: child }] }, subIssuesSummary: { total: 1, completed: 0, percentCompleted: 0 } },
      c: { parent: { number: parent } },
    })
    const again = await graphql(
      `
        mutation ($p: ID!, $c: ID!) {
          addSubIssue(input: { issueId: $p, subIssueId: $c }) {
            issue {
              number
            }
          }
        }
      `,
      {
        p: ids.c.id,
        c: ids.p.id,
      },
    )
    expect(again.errors).toMatchObject([{ type: 'UNPROCESSABLE' }])
    const removed = await graphql(
      `
        mutation ($p: ID!, $c: ID!) {
          removeSubIssue(input: { issueId: $p, subIssueId: $c }) {
            issue {
              number
            }
          }
        }
      `,
      {
        p: ids.p.id,
        c: ids.c.id,
      },
    )
    expect(removed.errors).toBeUndefined()
    expect(gh.subIssuesOf(parent)).toEqual([])
  })
})
