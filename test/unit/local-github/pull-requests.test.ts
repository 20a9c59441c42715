import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startLocalGitHub, type LocalGitHub } from '../../local-github'
import { client, expectValidWebhook } from './helpers'

let gh: LocalGitHub
beforeAll(async () => {
  gh = await startLocalGitHub()
  gh.clock.set('2026-11-24T09:00:00Z')
  gh.setCollaborator('olivia', 'maintain')
  gh.putFile('docs/guide.md', 'one\ntwo\nthree\n')
})
afterAll(() => gh.close())

describe('pull request person actions', () => {
  it('open, edit, push and merge deliver valid pull_request events; the merge joins both sides', async () => {
    const escalation = gh.act.openIssue({ by: 'carla', title: 'Globex', body: '' }).number
    gh.act.pushToBranch('pm-1', { by: 'tom', path: 'postmortems/1.md', text: '# PM\n', message: 'Post-mortem' })
    const opened = gh.act.openPull({ by: 'tom', head: 'pm-1', title: 'Post-mortem', body: 'draft' })
    const edited = gh.act.editPull(opened.number, { by: 'tom', title: 'Post-mortem: Globex', body: `Fixes #${escalation}` })
    gh.clock.advance(5)
    const pushed = gh.act.pushToBranch('pm-1', { by: 'tom', path: 'docs/guide.md', text: 'one\n2\nthree\nfour\n', message: 'Guide' })
    gh.putFile('README.md', '# support, updated on main\n') // the base moves on meanwhile
    const merged = gh.act.mergePull(opened.number, { by: 'olivia', method: 'merge' })
    for (const event of [opened, edited, ...pushed, merged, ...merged.closes]) expectValidWebhook(event)
    expect(edited.payload.changes).toEqual({ title: { from: 'Post-mortem' }, body: { from: 'draft' } })
    expect(pushed.map((e) => [e.payload.action, e.payload.after])).toEqual([['synchronize', pushed.sha]])
    expect(merged.payload.pull_request).toMatchObject({ merged: true, state: 'closed', merged_by: { login: 'olivia' } })
    const mergeCommit = (await client(gh).rest('GET', `/git/commits/${gh.branchSha('main')}`)).data
    expect(mergeCommit.parents.map((p: { sha: string }) => p.sha)).toEqual([expect.any(String), pushed.sha])
    expect([gh.readFile('main', 'README.md'), gh.readFile('main', 'docs/guide.md')]).toEqual([
      '# support, updated on main\n',
      'one\n2\nthree\nfour\n',
    ])
    expect(
      gh
        .timeline(opened.number)
        .map((e) => e.event)
        .slice(-2),
    ).toEqual(['merged', 'closed'])
    expect(merged.closes.map((e) => e.payload.issue.number)).toEqual([escalation]) // closing keyword, merged into main
    expect(gh.issue(escalation).state).toBe('closed')
    expect(gh.act.pushToBranch('elsewhere', { by: 'tom', path: 'x.md', text: 'x', message: 'x' })).toHaveLength(0)
  })

  it('squash-merges by default (one parent) and refuses conflicts', () => {
    gh.act.pushToBranch('squash-me', { by: 'tom', path: 'a.md', text: 'a\n', message: 'a' })
    const { number } = gh.act.openPull({ by: 'tom', head: 'squash-me', title: 'Squash' })
    const before = gh.branchSha('main')
    gh.act.mergePull(number, 'olivia')
    expect(gh.readFile('main', 'a.md')).toBe('a\n')
    expect(gh.branchSha('main')).not.toBe(before)
    gh.act.pushToBranch('clash', { by: 'tom', path: 'a.md', text: 'mine\n', message: 'mine' })
    gh.putFile('a.md', 'theirs\n')
    const clash = gh.act.openPull({ by: 'tom', head: 'clash', title: 'Clash' }).number
    expect(() => gh.act.mergePull(clash, 'olivia')).toThrow(/merge conflict in a\.md/)
  })

  it('lists a pull request’s files (REST and GraphQL) and reports merged state', async () => {
    gh.act.pushToBranch('files', { by: 'tom', path: 'docs/guide.md', text: 'one\ntwo\n', message: 'trim' })
    gh.act.pushToBranch('files', { by: 'tom', path: 'docs/new.md', text: 'n1\nn2\n', message: 'add' })
    const { number } = gh.act.openPull({ by: 'tom', head: 'files', title: 'Files' })
    const { rest, graphql } = client(gh)
    const files = (await rest('GET', `/pulls/${number}/files`)).data
    expect(files.map((f: any) => [f.filename, f.status, f.additions, f.deletions])).toEqual([
      ['docs/guide.md', 'modified', 1, 3], // main has 'one 2 three four' since the first merge
      ['docs/new.md', 'added', 2, 0],
    ])
    const pull = (await rest('GET', `/pulls/${number}`)).data
    expect([pull.commits, pull.changed_files, pull.additions, pull.deletions]).toEqual([2, 2, 3, 3])
    gh.act.mergePull(number, { by: 'olivia', method: 'squash' })
    const q = `{ repository(owner: "acme", name: "support") { pullRequest(number: ${number}) {
      state merged mergedAt changedFiles files(first: 10) { nodes { path additions deletions changeType } } } } }`
    const node = (await graphql(q)).data.repository.pullRequest
    expect(node).toMatchObject({ state: 'MERGED', merged: true, mergedAt: expect.any(String), changedFiles: 2 })
    expect(node.files.nodes.map((f: any) => f.changeType)).toEqual(['MODIFIED', 'ADDED'])
    expect((await rest('GET', `/pulls/${number}/files`)).data).toHaveLength(2) // still listed after the merge
    expect(gh.validationErrors).toEqual([])
  })
})
