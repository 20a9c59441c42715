import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub, type SeededProject } from '../../local-github'
import { client } from './helpers'

let gh: LocalGitHub
let project: SeededProject
let issueId: string
let app: ReturnType<typeof client>
beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.addToken('ghs_projects', { login: 'escalation-desk', kind: 'app', projects: true })
  gh.addToken('ghp_no_scope', { login: 'olivia', kind: 'user' })
  project = gh.createProject({
    title: 'Escalations',
    fields: [
      { name: 'Customer', dataType: 'TEXT' },
      { name: 'ARR', dataType: 'NUMBER' },
      { name: 'Renewal', dataType: 'DATE' },
      { name: 'Tier', dataType: 'SINGLE_SELECT', options: ['tier-1', 'tier-2', 'tier-3'] },
    ],
  })
  app = client(gh, 'ghs_projects')
  const { number } = gh.act.openIssue({ by: 'carla', title: 'Globex down', body: '' })
  issueId = (await app.graphql(`{ repository(owner: "acme", name: "support") { issue(number: ${number}) { id } } }`)).data.repository.issue
    .id
})
afterAll(() => gh.close())

const FIELDS = `query { organization(login: "acme") { projectV2(number: 1) { id title
  fields(first: 50) { totalCount nodes { ... on ProjectV2FieldCommon { id name dataType } ... on ProjectV2SingleSelectField { options { id name } } } } } } }`
const ADD = `mutation ($p: ID!, $c: ID!) { addProjectV2ItemById(input: { projectId: $p, contentId: $c }) { item { id } } }`
const SET = `mutation ($p: ID!, $i: ID!, $f: ID!, $v: ProjectV2FieldValue!) {
  updateProjectV2ItemFieldValue(input: { projectId: $p, itemId: $i, fieldId: $f, value: $v }) { projectV2Item { id } } }`

describe('Projects (v2)', () => {
  it('refuse GITHUB_TOKEN (FORBIDDEN) and a PAT without the project scope, reads and writes alike', async () => {
    const actions = client(gh)
    const read = await actions.graphql(FIELDS)
    expect(read.data.organization.projectV2).toBeNull()
    expect(read.errors).toMatchObject([
      { type: 'FORBIDDEN', message: 'Resource not accessible by integration', path: ['organization', 'projectV2'] },
    ])
    const write = await actions.graphql(ADD, { p: project.id, c: issueId })
    expect([write.data.addProjectV2ItemById, write.errors[0].type]).toEqual([null, 'FORBIDDEN'])
    expect((await client(gh, 'ghp_no_scope').graphql(FIELDS)).errors[0].type).toBe('INSUFFICIENT_SCOPES')
    expect(gh.validationErrors).toEqual([]) // a token's missing permission is the caller's to handle, not a broken request
  })

  it('list fields with their types and options, built-in ones included', async () => {
    const res = await app.graphql(FIELDS)
    expect(res.errors).toBeUndefined()
    const fields = res.data.organization.projectV2.fields
    expect(fields.nodes.map((f: any) => f.name)).toEqual([
      'Title',
      'Assignees',
      'Status',
      'Labels',
      'Linked pull requests',
      'Milestone',
      'Repository',
      'Reviewers',
      'Parent issue',
      'Sub-issues progress',
      'Customer',
      'ARR',
      'Renewal',
      'Tier',
    ])
    const tier = fields.nodes.find((f: any) => f.name === 'Tier')
    expect(tier).toEqual({ id: project.fields.Tier!.id, name: 'Tier', dataType: 'SINGLE_SELECT', options: expect.any(Array) })
    expect(tier.options.map((o: any) => o.name)).toEqual(['tier-1', 'tier-2', 'tier-3'])
    expect(fields.nodes.find((f: any) => f.name === 'Status').options.map((o: any) => o.name)).toEqual(['Todo', 'In Progress', 'Done'])
  })

  it('adds an issue once (the same item again) and sets each field type; wrong values fail like GitHub', async () => {
    const first = await app.graphql(ADD, { p: project.id, c: issueId })
    const again = await app.graphql(ADD, { p: project.id, c: issueId })
    const item = first.data.addProjectV2ItemById.item.id
    expect(again.data.addProjectV2ItemById.item.id).toBe(item)
    const set = (field: string, v: Record<string, unknown>) => app.graphql(SET, { p: project.id, i: item, f: project.fields[field]!.id, v })
    for (const [field, v] of [
      ['Customer', { text: 'Globex' }],
      ['ARR', { number: 1200000 }],
      ['Renewal', { date: '2027-01-31' }],
      ['Tier', { singleSelectOptionId: project.fields.Tier!.options['tier-1'] }],
    ] as const)
      expect((await set(field, v)).errors).toBeUndefined()
    expect(gh.projectItems(1)).toEqual([
      {
        id: item,
        content: { repository: 'acme/support', number: 1, type: 'ISSUE' },
        values: { Customer: 'Globex', ARR: 1200000, Renewal: '2027-01-31', Tier: 'tier-1' },
      },
    ])
    const before = gh.validationErrors.length
    expect((await set('ARR', { text: 'a lot' })).errors[0].message).toContain('to update a field of type number')
    expect((await set('Tier', { singleSelectOptionId: 'nope' })).errors[0].message).toBe(
      'The single select option Id does not belong to the field',
    )
    expect((await set('Assignees', { text: 'olivia' })).errors[0].message).toContain('cannot be updated')
    expect(gh.validationErrors.length).toBe(before + 3)
  })

  it('reads Issue.projectItems with field values, user projects and node(id)', async () => {
    const res = await app.graphql(`{ repository(owner: "acme", name: "support") { issue(number: 1) {
      projectItems(first: 10) { nodes { id project { id number } fieldValues(first: 20) { nodes {
        ... on ProjectV2ItemFieldTextValue { text field { ... on ProjectV2FieldCommon { name } } }
        ... on ProjectV2ItemFieldSingleSelectValue { name optionId }
        ... on ProjectV2ItemFieldNumberValue { number }
        ... on ProjectV2ItemFieldDateValue { date } } } } } } } }`)
    const [item] = res.data.repository.issue.projectItems.nodes
    expect(item.project).toEqual({ id: project.id, number: 1 })
    expect(item.fieldValues.nodes).toEqual([
      { text: 'Globex down', field: { name: 'Title' } },
      { text: 'Globex', field: { name: 'Customer' } },
      { number: 1200000 },
      { date: '2027-01-31' },
      { name: 'tier-1', optionId: project.fields.Tier!.options['tier-1'] },
    ])
    const mine = gh.createProject({ owner: 'olivia', title: 'My board' })
    const user = await app.graphql(
      `{ user(login: "olivia") { projectV2(number: 1) { id title owner { __typename ... on User { login } } } } }`,
    )
    expect(user.data.user.projectV2).toEqual({ id: mine.id, title: 'My board', owner: { __typename: 'User', login: 'olivia' } })
    const node = await app.graphql(`query ($id: ID!) { node(id: $id) { ... on ProjectV2 { title } } }`, { id: project.id })
    expect(node.data.node).toEqual({ title: 'Escalations' })
  })

  it('limits a project to 50 fields, built-in ones included', () => {
    const fields = Array.from({ length: 41 }, (_, i) => ({ name: `f${i}`, dataType: 'TEXT' as const }))
    expect(() => gh.createProject({ title: 'Too wide', fields })).toThrow(/51 fields/)
    expect(() => gh.createProject({ title: 'Wide', fields: fields.slice(1) })).not.toThrow()
  })
})
