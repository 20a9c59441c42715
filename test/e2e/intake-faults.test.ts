/**
 * GitHub failing: 5xx and secondary rate limits are retried (honouring `retry-after`); a
 * failure that persists ends the run non-zero with one `::error::` line that says what failed
 * and what to do, no stack trace, and a later clean run finishes the work without duplicates.
 * A comment is never posted twice, even when GitHub stored it and its answer was lost; a
 * permission that cannot be read stops the run before any write.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver } from './scenario'
import {
  botComments,
  expectFailure,
  expectSuccess,
  fileEscalation,
  mark,
  onlyComment,
  ownComments,
  startLosingProxy,
  withRepo,
} from './thread'

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels'
const ASSIGNEES = '/repos/{owner}/{repo}/issues/{issue_number}/assignees'
const PERMISSION = '/repos/{owner}/{repo}/collaborators/{username}/permission'

describe.concurrent('faults', () => {
  it('a 502 on the card: the thread is read back, the card was not stored, it is posted once', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd' } })
      gh.faults.push({ method: 'POST', route: COMMENTS }, { status: 502 })
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true' })
      const posts = since.requests().filter((request) => request.method === 'POST' && request.route === COMMENTS)
      expect(posts.map((request) => request.status)).toEqual([502, 201])
      // Between the two: a read of the thread, to see whether the 502 came after GitHub stored it.
      const between = since.requests().slice(since.requests().indexOf(posts[0]!) + 1, since.requests().indexOf(posts[1]!))
      expect(between.map((request) => request.route)).toContain('graphql')
      expect(botComments(gh, number)).toHaveLength(1)
      expect(onlyComment(gh, number, 'card').body).toContain('**Root cause**')
    })
  })

  it('a card GitHub stored but whose answer was lost is found again, not posted twice', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      // The local GitHub's own faults answer instead of storing, so a proxy drops the answer after the store.
      const proxy = await startLosingProxy(gh, (method, path) => method === 'POST' && path.endsWith(`/issues/${number}/comments`))
      try {
        const result = await runAction(gh, events[0]!, { env: proxy.env })
        expectSuccess(result)
        expect(proxy.lost).toEqual([`POST /repos/acme/support/issues/${number}/comments 201`])
        expect(result.stdout).toContain('was stored although its answer was lost')
      } finally {
        await proxy.close()
      }
      expect(botComments(gh, number)).toHaveLength(1)
      expect(gh.requests.filter((request) => request.method === 'POST' && request.route === COMMENTS)).toHaveLength(1)
      // The run went on with the rest of its work, and the next one has nothing left to do.
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      const since = mark(gh)
      expectSuccess((await deliver(gh, events.slice(1)))[0]!)
      expect(since.writes()).toEqual([])
    })
  })

  it('a comment POST that times out before GitHub stores it is posted once, on the retry', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: COMMENTS }, { timeoutMs: 200 })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(gh.requests.filter((request) => request.method === 'POST' && request.route === COMMENTS)).toHaveLength(2)
      expect(botComments(gh, number)).toHaveLength(1)
      expect(onlyComment(gh, number, 'card').body).toContain('@acme/support-leads')
    })
  })

  it('waits out a secondary rate limit (403 with retry-after: 1) and succeeds', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push(
        { method: 'POST', route: LABELS },
        {
          status: 403,
          headers: { 'retry-after': '1' },
          message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        },
      )
      const since = mark(gh)
      // one second of retry-after is retryBaseMs: long enough here that skipping the wait shows
      const result = await runAction(gh, opened, { pacing: { retryBaseMs: 300 } })
      expectSuccess(result)
      expect(result.warnings.join('\n')).toMatch(/Secondary rate limit hit on POST .*labels; retry 1 in 1s\./)
      const attempts = since.requests().filter((request) => request.route === LABELS)
      expect(attempts.map((request) => request.status)).toEqual([403, 200])
      expect(attempts[1]!.startedAt - attempts[0]!.endedAt).toBeGreaterThanOrEqual(299) // honoured retry-after
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      expect(onlyComment(gh, number, 'card').body).toContain('High (`tier-2`)')
    })
  })

  it('retries a 502 from GraphQL', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: 'graphql' }, { status: 502 })
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'filed', tier: 'tier-2' })
      expect(since.requests()[0]).toMatchObject({ route: 'graphql', status: 502 })
      expect(since.requests()[1]).toMatchObject({ route: 'graphql', status: 200 })
      expect(onlyComment(gh, number, 'card').body).toContain('### High escalation: Globex Corporation')
    })
  })

  it('fails cleanly when 500s on the card outlast the retries, and a later run does the work once', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      for (let i = 0; i < 6; i++) gh.faults.push({ method: 'POST', route: COMMENTS }, { status: 500 })
      const failed = await runAction(gh, opened)
      const error = expectFailure(failed)
      expect(error).toMatch(new RegExp(`^Could not comment on #${number}: 500 `))
      expect(error).toContain('GitHub answered with a server error: re-run the job.')
      // One try, a read of the thread (nothing stored), then the request with its two retries.
      expect(gh.requests.filter((request) => request.route === COMMENTS && request.method === 'POST')).toHaveLength(4)
      expect(botComments(gh, number)).toEqual([])
      expect(gh.labelsOf(number)).toEqual(['escalation']) // the card comes first: nothing after it was done

      gh.faults.clear()
      const since = mark(gh)
      const rerun = await runAction(gh, opened)
      expectSuccess(rerun)
      expect(rerun.outputs).toMatchObject({ state: 'filed', tier: 'tier-2' })
      expect(since.describeWrites()).toEqual([`POST ${COMMENTS}`, `POST ${LABELS}`, `POST ${ASSIGNEES}`])
      expect(onlyComment(gh, number, 'card').body).toContain('**Notified:** @acme/support-leads')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
    })
  })

  // Known bug: the first card records `assigned:tier-2` before the assignment is made
  // (src/core/plans/thread.ts, ownerAssignment), so after a failed assignment no run assigns again.
  it('500s on the owner assignment after the card: a later run still assigns the owner, and posts nothing', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      for (let i = 0; i < 4; i++) gh.faults.push({ method: 'POST', route: ASSIGNEES }, { status: 500 })
      const error = expectFailure(await runAction(gh, opened))
      expect(error).toMatch(new RegExp(`^Could not assign #${number}: 500 `))
      expect(botComments(gh, number)).toHaveLength(1) // the card stands
      expect(gh.assigneesOf(number)).toEqual([])

      gh.faults.clear()
      const since = mark(gh)
      expectSuccess(await runAction(gh, opened))
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      expect(since.describeWrites()).not.toContain(`POST ${COMMENTS}`)
      expect(botComments(gh, number)).toHaveLength(1)
    })
  })

  it('fails cleanly on a 422, without retrying, and a later run completes the work once', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, impact: '' } })
      gh.faults.push({ method: 'POST', route: LABELS }, { status: 422, message: 'Validation Failed' })
      const failed = await runAction(gh, opened)
      const error = expectFailure(failed)
      expect(error).toMatch(new RegExp(`^Could not label #${number}: 422 Validation Failed`))
      expect(error).toContain('Re-run the job')
      expect(gh.requests.filter((request) => request.route === LABELS)).toHaveLength(1)
      expect(botComments(gh, number)).toHaveLength(1) // the card went first
      expect(failed.outputs.state).toBeUndefined()

      const rerun = await runAction(gh, opened)
      expectSuccess(rerun)
      expect(rerun.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true' })
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'needs-info', 'tier-2'])
      expect(onlyComment(gh, number, 'card').body).toContain('- **Business impact**: not answered.')
      expect(botComments(gh, number)).toHaveLength(1)
    })
  })

  it('a permission read answered 404 for a maintainer’s tier label fails the run before any write; a re-run keeps the label', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      for (const result of await deliver(gh, events)) expectSuccess(result)
      gh.clock.advance(10)
      const raised = gh.act.label(number, 'tier-1', 'olivia') // olivia maintains: her label stands
      gh.faults.push({ method: 'GET', route: PERMISSION }, { status: 404, message: 'Not Found' })
      const since = mark(gh)
      const error = expectFailure(await runAction(gh, raised))
      expect(error).toContain('Could not read the repository permission of olivia: 404')
      expect(since.writes()).toEqual([])
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1', 'tier-2'])
      expect(ownComments(gh, number, 'notice')).toEqual([])

      expectSuccess(await runAction(gh, raised))
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-1'])
      expect(onlyComment(gh, number, 'card').body).toContain('Critical (`tier-1`): label applied by olivia')
      const notices = ownComments(gh, number, 'notice').map((comment) => comment.body ?? '')
      expect(notices.join('\n')).not.toContain('has been removed')
    })
  })

  it('fails cleanly when GitHub refuses the token', async () => {
    await withRepo(async (gh) => {
      const { opened } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: 'graphql' }, { status: 401, message: 'Bad credentials' })
      const error = expectFailure(await runAction(gh, opened))
      expect(error).toMatch(/^Could not read issue #\d+: 401 Bad credentials/)
      expect(error).toContain('The token was refused: check the `token` input.')
      expect(gh.requests.filter((request) => request.write)).toEqual([])
    })
  })
})
