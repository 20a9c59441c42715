/**
 * GitHub refusing or failing part-way through a post-mortem: the repository setting that
 * forbids Actions to open pull requests is named on the issue and in the log, a failure that
 * outlasts the retries fails the run, and the next run finishes from the branch or PR already
 * made, without a second branch, commit or PR: the PR's label and review requests are brought
 * up to date on every run. A reviewer GitHub refuses is a warning, not a failure.
 */
import { describe, expect, it } from 'vitest'
import { teamConfig } from './scenario'
import {
  cardRow,
  close,
  closeEvent,
  expectFailed,
  expectOk,
  file,
  mark,
  markerOf,
  noticeKey,
  notices,
  noticeText,
  postMortemBranches,
  resolvedNotices,
  ROUTES,
  run,
  withRepo,
} from './postmortem-helpers'

const LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels'
const REVIEWERS = '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers'

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
      expect(notice.map(noticeKey)).toEqual(['postmortem-not-permitted'])
      expect(noticeText(notice[0]!)).toContain(`"${SETTING}" is off`)
      expect(noticeText(notice[0]!)).toContain(`\`${branches[0]}\``)
      expect(resolvedNotices(gh, number)).toEqual([])
      expect(cardRow(gh, number, 'Post-mortem')).toBeUndefined()

      // Still refused: the run fails again, but says nothing new and commits nothing.
      let since = mark(gh)
      expectFailed(await run(gh, event))
      // (The card may catch up on its record of the notice: an edit, not a new comment.)
      expect(since.describeWrites().filter((write) => !write.startsWith('PATCH /repos/{owner}/{repo}/issues/comments/'))).toEqual([
        `POST ${ROUTES.pulls}`,
      ])
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
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${gh.pulls()[0]!.number}`])
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${gh.pulls()[0]!.number}`)
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
      expect(resolvedNotices(gh, number)).toEqual([])

      since = mark(gh)
      expectOk(await run(gh, event))
      expect(gh.pulls()).toHaveLength(1)
      expect(markerOf(gh.pulls()[0]!).branch).toBe(branches[0])
      expect(postMortemBranches(gh)).toEqual(branches)
      expect(gh.branchSha(branches[0])).toBe(branchSha)
      expect(since.count('POST', ROUTES.commits)).toBe(0)
      expect(since.count('POST', ROUTES.pulls)).toBe(1)
      expect(resolvedNotices(gh, number)).toHaveLength(1)
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
      expect(resolvedNotices(gh, number)).toHaveLength(1)
    })
  })

  it('labelling the PR fails past the retries: the run fails after opening it; the next run labels it, asks the reviewers and says it is resolved, once', async () => {
    await withRepo(async (gh) => {
      const number = file(gh)
      for (let i = 0; i < 4; i++) gh.faults.push({ method: 'POST', route: LABELS }, { status: 502 })
      const event = closeEvent(gh, number)
      let since = mark(gh)
      const error = expectFailed(await run(gh, event))
      expect(error).toContain('label pull request')
      expect(error).toContain('502')
      expect(
        since
          .requests()
          .filter((request) => request.route === LABELS)
          .map((request) => request.status),
      ).toEqual([502, 502, 502, 502])
      expect(since.count('POST', REVIEWERS)).toBe(0)
      const [opened] = gh.pulls()
      expect(opened!.labels).toEqual([])
      expect(opened!.requested_reviewers).toEqual([])
      expect(resolvedNotices(gh, number)).toEqual([])

      since = mark(gh)
      const rerun = await run(gh, event)
      expectOk(rerun)
      expect(rerun.outputs['post-mortem']).toBe(String(opened!.number))
      expect(gh.pulls()).toHaveLength(1)
      const [pull] = gh.pulls()
      expect(pull!.number).toBe(opened!.number)
      expect(pull!.labels.map((label) => label.name)).toEqual(['postmortem'])
      expect(pull!.requested_reviewers.map((user) => user.login)).toEqual(['olivia', 'carla'])
      expect(since.count('POST', ROUTES.pulls) + since.count('POST', ROUTES.commits)).toBe(0)
      expect(resolvedNotices(gh, number).map(noticeKey)).toEqual([`resolved:${pull!.number}`])
      expect(cardRow(gh, number, 'Post-mortem')).toBe(`#${pull!.number}`)

      // All in place: the next run only reads.
      since = mark(gh)
      expectOk(await run(gh, event))
      expect(since.writes()).toEqual([])
      expect(resolvedNotices(gh, number)).toHaveLength(1)
    })
  })

  it('a reviewer GitHub refuses (not a collaborator): a warning naming them, the others asked, the notice says so, the run succeeds', async () => {
    const config = teamConfig((settings) => {
      settings['post-mortem'].reviewers = ['vera-from-legal', 'tom']
    })
    await withRepo(
      async (gh) => {
        const number = file(gh)
        const since = mark(gh)
        const result = await close(gh, number)
        expectOk(result)
        expect(result.outputs.state).toBe('postmortem')
        expect(result.warnings.length).toBeGreaterThan(0)
        for (const warning of result.warnings) expect(warning).toContain('vera-from-legal')
        expect(result.stdout).toContain('::warning::GitHub refused vera-from-legal as reviewer')
        const [pull] = gh.pulls()
        expect(pull!.requested_reviewers.map((user) => user.login)).toEqual(['olivia', 'tom', 'carla'])
        // All at once first; refused, then one by one.
        expect(
          since
            .requests()
            .filter((request) => request.route === REVIEWERS)
            .map((request) => request.status),
        ).toEqual([422, 201, 422, 201, 201])
        expect(noticeText(resolvedNotices(gh, number)[0]!)).toBe(
          `**Resolved.** The post-mortem is ready for review in #${pull!.number} (reviewers: olivia, tom, carla). ` +
            '@carla, once you have talked to Globex Corporation, record how they rate the handling: `/csat <1-5> [comment]`.' +
            ' GitHub would not request vera-from-legal as reviewer (not a collaborator, or the author).',
        )

        // The next run asks only for who is missing, and again is refused; it says nothing new.
        const again = mark(gh)
        expectOk(await run(gh, gh.act.close(number, { by: 'olivia', reason: 'completed' })))
        expect(
          again
            .requests()
            .filter((request) => request.route === REVIEWERS)
            .map((request) => request.status),
        ).toEqual([422, 422])
        expect(resolvedNotices(gh, number)).toHaveLength(1)
        expect(again.count('POST', ROUTES.comments)).toBe(0)
      },
      { config },
    )
  })

  // Bug: a refused reviewer is warned about twice, once by the gateway (src/github/postmortem-gateway.ts,
  // requestReviewers: log.warning) and again from the report (src/shell/run-postmortem.ts: report.warnings),
  // the second time as "GitHub refused vera-from-legal as reviewers of #2".
  it('a refused reviewer is one warning', async () => {
    const config = teamConfig((settings) => {
      settings['post-mortem'].reviewers = ['vera-from-legal']
    })
    await withRepo(
      async (gh) => {
        const result = await close(gh, file(gh))
        expectOk(result)
        expect(result.warnings).toHaveLength(1)
      },
      { config },
    )
  })
})
