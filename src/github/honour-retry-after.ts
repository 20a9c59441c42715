/**
 * An Octokit plugin for the rate-limit answers neither plugin handles: a 429 (or a 403 carrying
 * `retry-after`) whose message does not say "secondary rate" and whose `x-ratelimit-remaining`
 * is not 0. plugin-throttling passes those through untouched and plugin-retry would retry a 429
 * after 1, 4 and 9 s whatever `retry-after` says, so 429 is taken out of plugin-retry's statuses
 * and waited out here instead. Decisions rest on the status and the headers, never the message.
 */
import type { Octokit, OctokitOptions } from '@octokit/core'

export interface RetryAfterOptions {
  /** One second of `retry-after`, in milliseconds (1,000 in production; shorter in tests). */
  retryAfterBaseValue: number
  /** Seconds to wait when a 429 names no `retry-after` (GitHub: "wait at least a minute"). */
  fallbackSeconds: number
  warn(message: string): void
}

/** Each answer is waited out at most this often; the next scheduled run does the rest. */
export const MAX_RETRY_AFTER_RETRIES = 2
/** A longer `retry-after` outlasts a run's sense: fail now, and let a later run try again. */
export const MAX_RETRY_AFTER_SECONDS = 120

// Requests plugin-throttling has taken on (it called a limit handler for them): not ours to
// retry again. Keyed by the request's options object, which the hooks pass along unchanged.
const takenByThrottling = new WeakSet<object>()

/** Called from plugin-throttling's limit handlers: this request's limit is theirs to retry. */
export function noteThrottled(requestOptions: object): void {
  takenByThrottling.add(requestOptions)
}

interface ErrorWithResponse {
  status?: unknown
  response?: { headers?: Record<string, string | number | undefined> }
}

/** Seconds to wait before retrying after `error`, or null when this plugin should not retry. */
export function retryAfterSeconds(error: unknown, fallbackSeconds: number, now = Date.now()): number | null {
  const { status, response } = (error ?? {}) as ErrorWithResponse
  if (status !== 429 && status !== 403) return null
  const header = response?.headers?.['retry-after']
  if (header === undefined || header === '') return status === 429 ? fallbackSeconds : null
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds
  // `retry-after` may also be an HTTP date
  const at = Date.parse(String(header))
  if (Number.isNaN(at)) return status === 429 ? fallbackSeconds : null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The plugin; register it after plugin-throttling so it sees what that one let through. */
export function honourRetryAfter(octokit: Octokit, octokitOptions: OctokitOptions): void {
  const settings = (octokitOptions as { retryAfter?: RetryAfterOptions }).retryAfter
  if (!settings) return
  octokit.hook.wrap('request', async (request, options) => {
    for (let retries = 0; ; retries++) {
      try {
        return await request(options)
      } catch (error) {
        const seconds = retryAfterSeconds(error, settings.fallbackSeconds)
        const ours = seconds !== null && !takenByThrottling.has(options) && seconds <= MAX_RETRY_AFTER_SECONDS
        if (!ours || retries >= MAX_RETRY_AFTER_RETRIES) throw error
        settings.warn(
          `Rate limited (${(error as { status: number }).status}) on ${options.method} ${options.url}; retry ${retries + 1} in ${seconds}s.`,
        )
        await sleep(seconds * settings.retryAfterBaseValue)
      }
    }
  })
}
