/**
 * The Octokit the action builds, against the local GitHub: it keeps @actions/github's
 * proxy-aware transport, gives up on a request that hangs, waits out `retry-after` on a 429
 * (once, not again through plugin-retry or plugin-throttling) and logs each request once.
 */
import { describe, expect, it } from 'vitest'
import { MAX_RETRY_AFTER_SECONDS, retryAfterSeconds } from '../../../src/github/honour-retry-after'
import { withTimeout } from '../../../src/github/octokit'
import { runAction } from '../../harness'
import { startHttpProxy } from '../../harness/http-proxy'
import { COMPLETE } from '../../e2e/scenario'
import { expectFailure, expectSuccess, fileEscalation, mark, withRepo } from '../../e2e/thread'

const LABELS = '/repos/{owner}/{repo}/issues/{issue_number}/labels'
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

describe('transport', () => {
  it('sends every request through HTTP_PROXY / HTTPS_PROXY, as on a self-hosted runner behind a proxy', async () => {
    await withRepo(async (gh) => {
      const proxy = await startHttpProxy()
      try {
        // A host name that resolves nowhere: the run can only reach the local GitHub through the proxy.
        const api = `http://api.github.test:${new URL(gh.url).port}`
        const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
        const result = await runAction(gh, opened, {
          env: { GITHUB_API_URL: api, GITHUB_GRAPHQL_URL: `${api}/graphql`, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
        })
        expectSuccess(result)
        expect(result.outputs).toMatchObject({ state: 'filed', tier: 'tier-2' })
        expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
        expect(proxy.seen.length).toBeGreaterThan(0)
        expect(new Set(proxy.seen)).toEqual(new Set([new URL(api).host]))
      } finally {
        await proxy.close()
      }
    })
  })

  it('gives up on a request that hangs, through the fetch it wraps', async () => {
    await withRepo(async (gh) => {
      gh.faults.push({ method: 'GET', route: '/repos/{owner}/{repo}' }, { timeoutMs: 5_000 })
      const used: string[] = []
      const timed = withTimeout((input, init) => {
        used.push(String(input))
        return fetch(input, init)
      }, 50)
      await expect(timed(`${gh.url}/repos/acme/support`)).rejects.toMatchObject({ name: 'TimeoutError' })
      expect(used).toEqual([`${gh.url}/repos/acme/support`])
      // a caller's own signal still counts
      const controller = new AbortController()
      const answer = timed(`${gh.url}/repos/acme/support`, { signal: controller.signal })
      controller.abort()
      await expect(answer).rejects.toMatchObject({ name: 'AbortError' })
    })
  })
})

describe('a 429 with retry-after', () => {
  it('is retried once, after retry-after seconds (3 × the base value), not again by plugin-retry', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: LABELS }, { status: 429, headers: { 'retry-after': '3' } })
      const since = mark(gh)
      const result = await runAction(gh, opened, { pacing: { retryBaseMs: 100 } })
      expectSuccess(result)
      const attempts = since.requests().filter((request) => request.route === LABELS)
      expect(attempts.map((request) => request.status)).toEqual([429, 200])
      expect(attempts[1]!.startedAt - attempts[0]!.endedAt).toBeGreaterThanOrEqual(299) // 3 × 100 ms
      expect(result.warnings).toContainEqual(expect.stringMatching(/^Rate limited \(429\) on POST .*labels; retry 1 in 3s\.$/))
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
    })
  })

  it('is retried at most twice, then the run fails with one error', async () => {
    await withRepo(async (gh) => {
      const { opened } = fileEscalation(gh, { answers: COMPLETE })
      for (let i = 0; i < 4; i++) gh.faults.push({ method: 'POST', route: LABELS }, { status: 429, headers: { 'retry-after': '1' } })
      const since = mark(gh)
      const error = expectFailure(await runAction(gh, opened))
      expect(error).toMatch(/^Could not label #\d+: 429 /)
      expect(since.count('POST', LABELS)).toBe(3)
    })
  })

  it('is left to plugin-throttling when it says "secondary rate limit": retried twice in all, not four times', async () => {
    await withRepo(async (gh) => {
      const { opened } = fileEscalation(gh, { answers: COMPLETE })
      const limit = { status: 429, headers: { 'retry-after': '1' }, message: SECONDARY }
      for (let i = 0; i < 5; i++) gh.faults.push({ method: 'POST', route: LABELS }, limit)
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectFailure(result)
      expect(since.count('POST', LABELS)).toBe(3)
      expect(result.warnings.filter((warning) => warning.startsWith('Secondary rate limit hit'))).toHaveLength(3)
      expect(result.warnings.filter((warning) => warning.startsWith('Rate limited'))).toEqual([])
    })
  })
})

describe('retryAfterSeconds', () => {
  const error = (status: number, headers: Record<string, string> = {}) => ({ status, response: { headers } })

  it('reads seconds or an HTTP date; a 429 without one waits the fallback; other statuses are not its business', () => {
    expect(retryAfterSeconds(error(429, { 'retry-after': '3' }), 60)).toBe(3)
    expect(retryAfterSeconds(error(403, { 'retry-after': '0' }), 60)).toBe(0)
    const now = Date.parse('2026-11-24T09:00:00Z')
    expect(retryAfterSeconds(error(429, { 'retry-after': 'Tue, 24 Nov 2026 09:00:05 GMT' }), 60, now)).toBe(5)
    expect(retryAfterSeconds(error(429), 60)).toBe(60)
    expect(retryAfterSeconds(error(429, { 'retry-after': 'soon' }), 60)).toBe(60)
    expect(retryAfterSeconds(error(403), 60)).toBeNull() // a permission problem, not a limit
    expect(retryAfterSeconds(error(502, { 'retry-after': '3' }), 60)).toBeNull()
    expect(retryAfterSeconds(new Error('network'), 60)).toBeNull()
    expect(MAX_RETRY_AFTER_SECONDS).toBeGreaterThanOrEqual(60)
  })
})

describe('the request log', () => {
  it('logs each request once at debug level: method, path, status, duration', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
      gh.faults.push({ method: 'POST', route: LABELS }, { status: 502 })
      const since = mark(gh)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      const debug = result.stdout.split('\n').filter((line) => line.startsWith('::debug::'))
      const logged = debug.filter((line) => /^::debug::(GET|POST|PATCH|PUT|DELETE) \/\S* (\d{3}|failed .*) in \d+ ms$/.test(line))
      expect(logged).toHaveLength(since.requests().length + since.ledger().length)
      const labels = logged.filter((line) => line.includes(` /repos/acme/support/issues/${number}/labels `))
      expect(labels.map((line) => line.split(' ')[2])).toEqual(['502', '200'])
      expect(logged.filter((line) => line.startsWith('::debug::POST /graphql 200 in '))).not.toEqual([])
    })
  })
})
