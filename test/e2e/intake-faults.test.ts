/**
 * GitHub failing: 5xx and secondary rate limits are retried (honouring `retry-after`); a
 * failure that persists ends the run non-zero with one `::error::` line that says what failed
 * and what to do, no stack trace, and a later clean run finishes the work without duplicates.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE } from './scenario'
import { botComments, expectFailure, expectSuccess, fileEscalation, mark, onlyComment, withRepo } from './thread'

const COMMENTS = '/repos/{owner}/{repo}/issues/{issue_number}/comments'
const LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels'

describe.concurrent('faults', () => {
  it('retries a 502 on the first comment and posts it once', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd' } })
      gh.faults.push({ method: 'POST', route: COMMENTS }, { status: 502 })
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      const posts = since.requests().filter((request) => request.method === 'POST' && request.route === COMMENTS)
      expect(posts.map((request) => request.status)).toEqual([502, 201])
      expect(botComments(gh, number)).toHaveLength(1)
      expect(onlyComment(gh, number, 'missing').body).toContain('**Root cause**')
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
      expect(onlyComment(gh, number, 'ack').body).toContain('(`tier-2`)')
    })
  })

  it('retries a 502 from GraphQL', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: 'graphql' }, { status: 502 })
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
      expect(since.requests()[0]).toMatchObject({ route: 'graphql', status: 502 })
      expect(since.requests()[1]).toMatchObject({ route: 'graphql', status: 200 })
      expect(onlyComment(gh, number, 'ack').body).toContain('### Escalation acknowledged: High (`tier-2`)')
    })
  })

  it('fails cleanly when 500s outlast the retries, and a later run completes the work once', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      for (let i = 0; i < 6; i++) gh.faults.push({ method: 'POST', route: COMMENTS }, { status: 500 })
      const failed = await runAction(gh, opened)
      const error = expectFailure(failed)
      expect(error).toMatch(new RegExp(`^Could not comment on #${number}: 500 `))
      expect(error).toContain('GitHub answered with a server error: re-run the job.')
      expect(gh.requests.filter((request) => request.route === COMMENTS && request.method === 'POST')).toHaveLength(4) // 1 + 3 retries
      expect(botComments(gh, number)).toEqual([])
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2']) // what came before the failure stays done
      expect(gh.assigneesOf(number)).toEqual(['olivia'])

      gh.faults.clear()
      const since = mark(gh)
      const rerun = await runAction(gh, opened)
      expectSuccess(rerun)
      expect(rerun.outputs.state).toBe('acknowledged')
      expect(since.writes().map((request) => `${request.method} ${request.route}`)).toEqual([`POST ${COMMENTS}`, `POST ${COMMENTS}`]) // notify + ack only
      expect(onlyComment(gh, number, 'notify').body).toContain('@acme/support-leads')
      expect(onlyComment(gh, number, 'ack').body).toContain('(`tier-2`)')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
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
      expect(gh.comments(number)).toEqual([])
      expect(failed.outputs.state).toBeUndefined()

      const rerun = await runAction(gh, opened)
      expectSuccess(rerun)
      expect(rerun.outputs.state).toBe('needs-info')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'needs-info', 'tier-2'])
      expect(onlyComment(gh, number, 'missing').body).toContain('- **Business impact**: not answered.')
      expect(botComments(gh, number)).toHaveLength(1)
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
