import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub } from '../../local-github'
import { client } from './helpers'

let gh: LocalGitHub
beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.createLabel('escalation')
  gh.setCollaborator('olivia', 'maintain')
  gh.addToken('ghs_app', { login: 'escalation-desk', kind: 'app', projects: true })
  gh.addToken('ghp_olivia', { login: 'olivia', kind: 'user' })
})
afterAll(() => gh.close())

describe('tokens', () => {
  it('answers 401 Bad credentials to an unknown token, and needs one for writes and GraphQL', async () => {
    const bad = await client(gh, 'ghp_nobody').rest('GET', '')
    expect([bad.status, bad.data.message]).toEqual([401, 'Bad credentials'])
    const anonymous = client(gh, null)
    expect((await anonymous.rest('GET', '')).status).toBe(200) // the tests' own reads
    expect((await anonymous.rest('POST', '/issues', { title: 'x' })).status).toBe(401)
    expect((await anonymous.rest('POST', '/graphql', { query: '{ viewer { login } }' })).status).toBe(401)
  })

  it('attributes every write to the token: comments, labels, reactions, issues, commits, events', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'who', body: '' })
    const { commentId } = gh.act.comment(number, 'hi', 'carla')
    for (const [token, login] of [
      ['ghs_localtoken', 'github-actions[bot]'],
      ['ghs_app', 'escalation-desk[bot]'],
      ['ghp_olivia', 'olivia'],
    ] as const) {
      const { rest } = client(gh, token)
      expect((await rest('POST', `/issues/${number}/comments`, { body: 'x' })).data.user.login).toBe(login)
      expect((await rest('POST', `/issues/comments/${commentId}/reactions`, { content: 'eyes' })).data.user.login).toBe(login)
      expect((await rest('POST', '/issues', { title: `by ${login}` })).data.user.login).toBe(login)
      await rest('POST', `/issues/${number}/labels`, { labels: [`by-${login}`] })
      const commit = await rest('POST', '/git/commits', {
        message: 'm',
        tree: (await rest('GET', '/git/trees/main')).data.sha,
        parents: [],
      })
      expect(commit.data.author.name).toBe(login)
    }
    const labeled = gh.timeline(number).filter((e) => e.event === 'labeled')
    expect(labeled.map((e) => e.actor.login)).toEqual(['github-actions[bot]', 'escalation-desk[bot]', 'olivia'])
    expect(labeled.map((e) => e.actor.type)).toEqual(['Bot', 'Bot', 'User'])
  })

  it('answers GraphQL viewer with the token, [bot] kept; authors and actors elsewhere without it', async () => {
    const { number } = gh.act.openIssue({ by: 'carla', title: 'viewer', body: '' })
    const query = `{ viewer { __typename login databaseId }
      repository(owner: "acme", name: "support") { issue(number: ${number}) {
        comments(first: 5) { nodes { viewerDidAuthor author { __typename login } reactionGroups { content viewerHasReacted } } } } } }`
    const { rest } = client(gh, 'ghs_app')
    const posted = await rest('POST', `/issues/${number}/comments`, { body: 'from the app' })
    await rest('POST', `/issues/comments/${posted.data.id}/reactions`, { content: '+1' })
    const asApp = (await client(gh, 'ghs_app').graphql(query)).data
    expect(asApp.viewer).toEqual({ __typename: 'User', login: 'escalation-desk[bot]', databaseId: expect.any(Number) })
    const [comment] = asApp.repository.issue.comments.nodes
    expect(comment.author).toEqual({ __typename: 'Bot', login: 'escalation-desk' })
    expect(comment.viewerDidAuthor).toBe(true)
    expect(comment.reactionGroups.find((g: any) => g.content === 'THUMBS_UP').viewerHasReacted).toBe(true)
    const asActions = (await client(gh).graphql(query)).data
    expect(asActions.viewer).toEqual({ __typename: 'User', login: 'github-actions[bot]', databaseId: 41898282 })
    expect(asActions.repository.issue.comments.nodes[0].viewerDidAuthor).toBe(false)
    expect(asActions.repository.issue.comments.nodes[0].reactionGroups.some((g: any) => g.viewerHasReacted)).toBe(false)
  })

  it('answers the permission of an app bot with 404 "not a user", of a stranger with none (private)', async () => {
    const { rest } = client(gh)
    const bot = await rest('GET', '/collaborators/github-actions[bot]/permission')
    expect([bot.status, bot.data.message]).toEqual([404, 'github-actions[bot] is not a user'])
    expect((await rest('GET', '/collaborators/stranger/permission')).data.permission).toBe('none')
    expect((await rest('GET', '/collaborators/olivia/permission')).data.role_name).toBe('maintain')
    gh.addRepository('handbook', { visibility: 'public' })
    const inPublic = await client(gh, 'ghs_localtoken', 'acme/handbook').rest('GET', '/collaborators/stranger/permission')
    expect([inPublic.data.permission, inPublic.data.role_name]).toEqual(['read', 'read'])
  })

  it('keeps validationErrors empty for all of the above except the anonymous and bad-token requests', () => {
    expect(gh.validationErrors).toEqual([])
  })
})
