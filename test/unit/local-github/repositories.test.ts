import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub, type RepoHandle } from '../../local-github'
import { client, expectValidWebhook } from './helpers'

let gh: LocalGitHub
let billing: RepoHandle
beforeAll(async () => {
  gh = await startLocalGitHub()
  billing = gh.addRepository('billing')
  gh.addRepository('docs', { visibility: 'public' })
  gh.addToken('ghs_app', { login: 'escalation-desk', kind: 'app' })
  billing.createLabel('escalation')
  billing.setCollaborator('olivia', 'write')
  billing.putFile('.github/escalations.yml', 'tiers: []\n')
})
afterAll(() => gh.close())

describe('several repositories', () => {
  it('seed and read each repository on its own; events name the right repository', () => {
    const opened = billing.act.openIssue({ by: 'carla', title: 'Invoice wrong', body: 'b', labels: ['escalation'], assignees: ['olivia'] })
    for (const event of opened) expectValidWebhook(event)
    expect(opened.map((e) => e.payload.repository.full_name)).toEqual(['acme/billing', 'acme/billing', 'acme/billing'])
    const mine = gh.act.openIssue({ by: 'carla', title: 'Support', body: '' })
    expect(mine[0]!.payload.repository.full_name).toBe('acme/support')
    expect([opened.number, mine.number]).toEqual([1, 1]) // numbers per repository
    expect(billing.issue(1).id).not.toBe(gh.issue(1).id) // database ids are global
    expect(billing.readFile('main', '.github/escalations.yml')).toBe('tiers: []\n')
    expect(gh.readFile('main', '.github/escalations.yml')).toBeUndefined()
    expect(billing.labelExists('escalation') && !gh.labelExists('escalation')).toBe(true)
  })

  it('GITHUB_TOKEN reaches its own repository and reads public ones; an app installed everywhere writes anywhere', async () => {
    const before = gh.validationErrors.length
    const actions = client(gh, 'ghs_localtoken', 'acme/billing')
    expect((await actions.rest('GET', '/issues/1')).status).toBe(404)
    const publicRead = await client(gh, 'ghs_localtoken', 'acme/docs').rest('GET', '')
    expect([publicRead.status, publicRead.data.full_name, publicRead.data.id]).toEqual([200, 'acme/docs', 700_000_003])
    const publicWrite = await client(gh, 'ghs_localtoken', 'acme/docs').rest('POST', '/issues', { title: 'x' })
    expect([publicWrite.status, publicWrite.data.message]).toEqual([403, 'Resource not accessible by integration'])
    expect(gh.validationErrors.slice(before).map((e) => e.path)).toEqual(['/repos/acme/billing/issues/1', '/repos/acme/docs/issues'])
    const app = client(gh, 'ghs_app', 'acme/billing')
    const comment = await app.rest('POST', '/issues/1/comments', { body: 'on it' })
    expect([comment.status, comment.data.html_url]).toEqual([201, expect.stringContaining('/acme/billing/issues/1#issuecomment-')])
    expect(billing.comments(1).map((c) => c.user.login)).toEqual(['escalation-desk[bot]'])
    expect(gh.comments(1)).toEqual([])
  })

  it('lists an organization’s repositories and an installation’s as far as the token reaches', async () => {
    const names = (list: { full_name: string }[]) => list.map((r) => r.full_name)
    expect(names((await client(gh).rest('GET', '/orgs/acme/repos')).data)).toEqual(['acme/docs', 'acme/support'])
    expect(names((await client(gh, 'ghs_app').rest('GET', '/orgs/acme/repos?sort=full_name')).data)).toEqual([
      'acme/billing',
      'acme/docs',
      'acme/support',
    ])
    expect((await client(gh).rest('GET', '/orgs/nobody/repos')).status).toBe(404)
    const installation = (await client(gh).rest('GET', '/installation/repositories')).data
    expect([installation.total_count, names(installation.repositories), installation.repository_selection]).toEqual([
      1,
      ['acme/support'],
      'selected',
    ])
    expect((await client(gh, 'ghs_app').rest('GET', '/installation/repositories')).data.total_count).toBe(3)
    expect((await client(gh, 'test').rest('GET', '/installation/repositories')).status).toBe(403)
  })

  it('resolves GraphQL repositories and organizations by owner/name', async () => {
    const query = `{
      organization(login: "acme") { login repositories(first: 10) { totalCount nodes { name nameWithOwner } } }
      repository(owner: "acme", name: "billing") { nameWithOwner issue(number: 1) { title url labels(first: 5) { nodes { name } } } }
    }`
    const asApp = await client(gh, 'ghs_app').graphql(query)
    expect(asApp.errors).toBeUndefined()
    expect(asApp.data.organization.repositories.nodes.map((n: any) => n.nameWithOwner)).toEqual([
      'acme/support',
      'acme/billing',
      'acme/docs',
    ])
    expect(asApp.data.repository.issue).toEqual({
      title: 'Invoice wrong',
      url: 'https://github.com/acme/billing/issues/1',
      labels: { nodes: [{ name: 'escalation' }] },
    })
    const asActions = await client(gh).graphql(query)
    expect(asActions.data.organization.repositories.totalCount).toBe(2)
    expect(asActions.errors).toMatchObject([{ type: 'NOT_FOUND', path: ['repository'] }])
    const nobody = await client(gh).graphql('{ organization(login: "nobody") { login } }')
    expect(nobody.errors[0]).toMatchObject({
      type: 'NOT_FOUND',
      message: "Could not resolve to an Organization with the login of 'nobody'.",
    })
  })
})
