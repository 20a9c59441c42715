/**
 * An Octokit plugin that logs every request once, in one place: method, path, status and how
 * long it took, at debug level (shown when a run is re-run with debug logging). Registered
 * first, so it sits next to the transport and each attempt of a retried request shows.
 */
import type { Octokit } from '@octokit/core'

function statusOf(error: unknown): string {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? String(status) : `failed (${error instanceof Error ? error.message : String(error)})`
}

export function logRequests(octokit: Octokit): void {
  octokit.hook.wrap('request', async (request, options) => {
    const { method, url } = octokit.request.endpoint.parse(options)
    const path = url.startsWith(options.baseUrl) ? url.slice(options.baseUrl.length) : url
    const started = Date.now()
    const log = (status: string) => octokit.log.debug(`${method} ${path} ${status} in ${Date.now() - started} ms`)
    try {
      const response = await request(options)
      log(String(response.status))
      return response
    } catch (error) {
      log(statusOf(error))
      throw error
    }
  })
}
