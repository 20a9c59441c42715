/**
 * The Octokit the action builds, against the local GitHub: it keeps @actions/github's
 * proxy-aware transport and still gives up on a request that hangs.
 */
import { describe, expect, it } from 'vitest'
import { withTimeout } from '../../../src/github/octokit'
import { runAction } from '../../harness'
import { startHttpProxy } from '../../harness/http-proxy'
import { COMPLETE } from '../../e2e/scenario'
import { expectSuccess, fileEscalation, withRepo } from '../../e2e/thread'

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
        expect(result.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
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
