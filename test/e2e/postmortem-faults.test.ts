/**
 * GitHub refusing or failing part-way through a post-mortem: the repository setting that
 * forbids Actions to open pull requests is named on the issue and in the log, a failure that
 * outlasts the retries fails the run, and the next run finishes from the branch already made,
 * without a second branch, commit or PR.
 */
import { describe, expect, it } from 'vitest'
import {
  closeEvent,
  expectFailed,
  expectOk,
  file,
  links,
  mark,
  markerOf,
  notices,
  postMortemBranches,
  ROUTES,
  run,
  withRepo,
} from './postmortem-helpers'

const SETTING = 'Allow GitHub Actions to create and approve pull requests'

describe.concurrent('post-mortem: refusals and faults', () => {
  it('"not permitted to create pull requests": the branch is kept, the issue and the log name the setting; a re-run after enabling it opens the PR', async () => {
    await withRepo(async (gh) => {
      gh.setActionsCanCreatePullRequests(false)
      const number = file(gh)
      gh.clock.advance(60)
      const event = closeEvent(gh, number)
      const refused = await run(gh, event)
      const error = expectFailed(refused)
      expect(error).toContain(SETTING)
      expect(error).toContain('Settings → Actions → General')

      expect(gh.pulls()).toEqual([])
      const branches = postMortemBranches(gh)
      expect(branches).toEqual([`postmortem/${number}-globex-every-open-opportunity-closed-overnight`])
      const branchSha = gh.branchSha(branches[0])
      expect(gh.readFile(branches[0]!, `postmortems/2026-11-24-${number}-globex-every-open-opportunity-closed-overnight.md`)).toContain(
        '# Post-mortem:',
      )
      const notice = notices(gh, number)
      expect(notice).toHaveLength(1)
      expect(notice[0]!.body).toContain(`"${SETTING}" is off`)
      expect(notice[0]!.body).toContain(`\`${branches[0]}\``)
      expect(links(gh, number)).toEqual([])

      // Still refused: the run fails again, but says nothing new and commits nothing.
      let since = mark(gh)
      expectFailed(await run(gh, event))
      expect(since.writes().map((request) => `${request.method} ${request.route}`)).toEqual([`POST ${ROUTES.pulls}`])
      expect(notices(gh, number)).toHaveLength(1)

      // The maintainer turns the setting on and re-runs the job.
      gh.setActionsCanCreatePullRequests(true)
      since = mark(gh)
      const rerun = await run(gh, event)
      expectOk(rerun)
      expect(rerun.outputs.state).toBe('postmortem')
      expect(gh.pulls()).toHaveLength(1)
      expect(gh.pulls()[0]!.head.ref).toBe(branches[0])
      expect(gh.pulls()[0]!.labels.map((label) => label.name)).toEqual(['postmortem'])
      expect(postMortemBranches(gh)).toEqual(branches)
      expect(gh.branchSha(branches[0])).toBe(branchSha)
      expect(
        since.count('POST', ROUTES.trees) +
          since.count('POST', ROUTES.commits) +
          since.count('POST', ROUTES.refs) +
          since.count('PATCH', ROUTES.ref),
      ).toBe(0)
      expect(links(gh, number)).toHaveLength(1)
    })
  })

  it('POST /pulls fails past the retries: the run fails with one error, the branch is made; the next run opens one PR without another commit', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      for (let i = 0; i < 4; i++) gh.faults.push({ method: 'POST', route: ROUTES.pulls }, { status: 500 })
      const event = closeEvent(gh, number)
      let since = mark(gh)
      const failed = await run(gh, event)
      const error = expectFailed(failed)
      expect(error).toContain('500')
      expect(error).toContain('pull request')
      expect(
        since
          .requests()
          .filter((request) => request.route === ROUTES.pulls)
          .map((request) => request.status),
      ).toEqual([500, 500, 500, 500])
      expect(gh.pulls()).toEqual([])
      const branches = postMortemBranches(gh)
      expect(branches).toHaveLength(1)
      const branchSha = gh.branchSha(branches[0])
      expect(links(gh, number)).toEqual([])

      since = mark(gh)
      expectOk(await run(gh, event))
      expect(gh.pulls()).toHaveLength(1)
      expect(markerOf(gh.pulls()[0]!).branch).toBe(branches[0])
      expect(postMortemBranches(gh)).toEqual(branches)
      expect(gh.branchSha(branches[0])).toBe(branchSha)
      expect(since.count('POST', ROUTES.commits)).toBe(0)
      expect(since.count('POST', ROUTES.pulls)).toBe(1)
      expect(links(gh, number)).toHaveLength(1)
    })
  })

  it('a 502 on the tree is retried within the run', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      gh.faults.push({ method: 'POST', route: ROUTES.trees }, { status: 502 })
      const since = mark(gh)
      expectOk(await run(gh, closeEvent(gh, number)))
      expect(
        since
          .requests()
          .filter((request) => request.route === ROUTES.trees)
          .map((request) => request.status),
      ).toEqual([502, 201])
      expect(since.count('POST', ROUTES.commits)).toBe(1)
      expect(gh.pulls()).toHaveLength(1)
      expect(postMortemBranches(gh)).toHaveLength(1)
      expect(links(gh, number)).toHaveLength(1)
    })
  })
})
