/**
 * Post-mortems are reconciled, not appended: a re-run changes nothing and a changed escalation
 * moves the open PR's branch by one commit. Request counts stay small: 8 for a new post-mortem
 * (the target), 1 for a run with nothing to do.
 */
import { describe, expect, it } from 'vitest'
import {
  answers,
  close,
  closeEvent,
  documentOf,
  expectOk,
  file,
  formBody,
  links,
  mark,
  markerOf,
  postMortemBranches,
  ROUTES,
  run,
  section,
  withRepo,
} from './postmortem-helpers'

const NEW_PULL_ROUTES = [
  'POST graphql',
  `POST ${ROUTES.trees}`,
  `POST ${ROUTES.commits}`,
  `POST ${ROUTES.refs}`,
  `POST ${ROUTES.pulls}`,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
  `POST ${ROUTES.comments}`,
]

const routes = (since: ReturnType<typeof mark>) => since.requests().map((request) => `${request.method} ${request.route}`)

describe.concurrent('post-mortem: re-runs and changes', () => {
  it('a new post-mortem takes 8 requests; the same close event again takes 1 read and writes nothing', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      gh.clock.advance(60)
      const event = closeEvent(gh, number)
      let since = mark(gh)
      expectOk(await run(gh, event))
      expect(routes(since)).toEqual(NEW_PULL_ROUTES)
      expect(since.requests().length).toBeLessThanOrEqual(8)

      const branchSha = gh.branchSha(gh.pulls()[0]!.head.ref)
      const comment = links(gh, number)[0]!
      since = mark(gh)
      const again = await run(gh, event)
      expectOk(again)
      expect(again.outputs.state).toBe('postmortem')
      expect(routes(since)).toEqual(['POST graphql'])
      expect(since.writes()).toEqual([])
      expect(gh.pulls()).toHaveLength(1)
      expect(gh.branchSha(gh.pulls()[0]!.head.ref)).toBe(branchSha)
      expect(links(gh, number)).toEqual([comment])
    })
  })

  it('reopened, edited and closed again: one new commit on the same branch, the same PR, still one link comment', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      gh.clock.advance(60)
      expectOk(await close(gh, number))
      const [first] = gh.pulls()
      const branch = first!.head.ref
      const firstSha = gh.branchSha(branch)!
      const firstDocument = documentOf(gh, first!)

      gh.clock.advance(30)
      gh.act.reopen(number, 'olivia')
      gh.act.editIssue(number, {
        by: 'olivia',
        body: formBody(
          answers({ rootCause: 'The stage filter was dropped in the 4.2 release; the job then matched every open opportunity.' }),
        ),
      })
      gh.clock.advance(10)
      const since = mark(gh)
      expectOk(await close(gh, number))

      expect(gh.pulls()).toHaveLength(1)
      expect(postMortemBranches(gh)).toEqual([branch])
      const secondSha = gh.branchSha(branch)!
      expect(secondSha).not.toBe(firstSha)
      const commit = (await (await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/git/commits/${secondSha}`)).json()) as {
        parents: { sha: string }[]
      }
      expect(commit.parents.map((parent) => parent.sha)).toEqual([firstSha]) // on top of the first: a fast-forward
      expect(since.count('POST', ROUTES.commits)).toBe(1)
      expect(since.count('POST', ROUTES.pulls)).toBe(0)
      expect(since.count('PATCH', ROUTES.ref)).toBe(1)

      const [pull] = gh.pulls()
      const document = documentOf(gh, pull!)
      expect(document).not.toBe(firstDocument)
      expect(section(document, 'Root cause')).toBe(
        'The stage filter was dropped in the 4.2 release; the job then matched every open opportunity.',
      )
      expect(section(document, 'Timeline')).toMatch(/\| Reopened \| olivia \|/)
      expect(gh.readFile('main', markerOf(pull!).path)).toBeUndefined()
      // Same day, same title: the PR body and title had nothing to change.
      expect(since.count('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}')).toBe(0)
      expect(links(gh, number)).toHaveLength(1)
      expect(since.count('POST', ROUTES.comments)).toBe(0)
    })
  })

  it('a draft completed during review: the PR is marked ready, and the document, PR body and link comment drop the missing marks', async () => {
    await withRepo(async (gh) => {
      const number = file(gh, { answers: answers({ rootCause: 'tbd' }) })
      expectOk(await close(gh, number))
      const [draft] = gh.pulls()
      expect(draft!.draft).toBe(true)
      expect(links(gh, number)[0]!.body).toContain('Missing at close')

      gh.clock.advance(60 * 26) // the next day: the PR body's close date changes too
      gh.act.reopen(number, 'carla')
      gh.act.editIssue(number, { by: 'carla', body: formBody(answers({})) })
      const since = mark(gh)
      expectOk(await close(gh, number))
      expect(gh.pulls()).toHaveLength(1)
      const [pull] = gh.pulls()
      expect(pull!.number).toBe(draft!.number)
      expect(pull!.body).not.toContain('Draft')
      expect(pull!.body).toContain('closed 2026-11-25')
      expect(pull!.draft).toBe(false)
      expect(since.requests().filter((request) => request.route === 'graphql' && request.write)).toHaveLength(1)
      expect(since.count('PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}')).toBe(1)
      const document = documentOf(gh, pull!)
      expect(document).not.toContain('**Missing:**')
      expect(document).not.toContain('**Draft:**')
      const comments = links(gh, number)
      expect(comments).toHaveLength(1)
      expect(comments[0]!.body).not.toContain('Missing at close')
      expect(since.count('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}')).toBe(1)
    })
  })
})
