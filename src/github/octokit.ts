import { defaults, getOctokitOptions, GitHub } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import { honourRetryAfter, noteThrottled } from './honour-retry-after'
import { logRequests } from './log-requests'

/**
 * @actions/github's Octokit (REST methods, pagination) with our plugins composed in. Order
 * matters: each one wraps those before it, so the request log sees every attempt, and
 * honourRetryAfter sees only what plugin-throttling let through.
 */
const EscalationOctokit = GitHub.plugin(logRequests, retry, throttling, honourRetryAfter)

export type Octokit = InstanceType<typeof EscalationOctokit>

export interface Logger {
  info(message: string): void
  warning(message: string): void
}

/** What the clients log to: warnings for limits hit, debug lines for each request. */
export interface RequestLogger extends Logger {
  debug(message: string): void
}

/**
 * How long the clients wait, in the plugins' own terms. Production uses GitHub's advice
 * (`PRODUCTION_PACING`); tests pass shorter values through the same knobs, so the code that
 * runs is the same and only the waits shrink.
 */
export interface Pacing {
  /** Gap between two writes (plugin-throttling's `write` group). */
  writeMs: number
  /** Gap between two writes that notify people: comments, issues, pull requests. */
  notificationMs: number
  /** One second of `retry-after`, and the unit of plugin-retry's 1, 4, 9 back-off. */
  retryBaseMs: number
  /** Wait after a secondary rate limit that came without `retry-after`, in seconds. */
  secondaryFallbackSeconds: number
}

/** plugin-throttling's and plugin-retry's defaults, which follow GitHub's guidance. */
export const PRODUCTION_PACING: Pacing = { writeMs: 1000, notificationMs: 3000, retryBaseMs: 1000, secondaryFallbackSeconds: 60 }

/** GitHub very rarely leaves a request hanging; past this we give up and let retry try again. */
const REQUEST_TIMEOUT_MS = 30_000
/** Each limit hit is retried at most this often; the next scheduled run does the rest. */
const MAX_LIMIT_RETRIES = 2

type Fetch = typeof fetch

/**
 * @actions/github's fetch with a time limit. Theirs adds the proxy dispatcher for
 * `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (self-hosted runners behind a proxy); wrapping it,
 * rather than passing a fetch of our own, keeps that.
 */
export function withTimeout(proxyAwareFetch: Fetch, timeoutMs: number): Fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    return proxyAwareFetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout })
  }
}

export interface Octokits {
  /** REST writes and reads: writes one at a time 1 s apart, comments and PRs 3 s apart. */
  writer: Octokit
  /**
   * GraphQL queries. plugin-throttling paces every `/graphql` call like a write (1 s apart);
   * ours only read, and GitHub limits them by points (2,000 a minute), not by creation, so
   * they get an unpaced queue: a 1,000-escalation sweep reads in 10 requests, not 10 seconds.
   * Rate-limit answers and retries are handled exactly as for the writer.
   */
  reader: Octokit
}

interface Queues {
  write: Bottleneck.Group
  notifications: Bottleneck.Group
}

/**
 * Octokits that survive GitHub's limits: plugin-retry for 5xx and network failures,
 * plugin-throttling for primary and secondary rate limits (it honours `retry-after`), and
 * honourRetryAfter for the 429s that plugin-throttling does not recognise.
 * `GITHUB_API_URL` (and so `/graphql`) comes from the runner's environment.
 */
export function createOctokits(token: string, log: RequestLogger, pacing: Pacing = PRODUCTION_PACING): Octokits {
  // Our own queues, not plugin-throttling's process-wide defaults, so the pacing is this call's.
  const notifications = new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.notificationMs })
  return {
    writer: createOctokit(token, log, pacing, {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: pacing.writeMs }),
      notifications,
    }),
    reader: createOctokit(token, log, pacing, { write: new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 }), notifications }),
  }
}

function createOctokit(token: string, log: RequestLogger, pacing: Pacing, queues: Queues): Octokit {
  const onLimit =
    (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number) => {
      noteThrottled(options)
      log.warning(`${kind} hit on ${options.method ?? ''} ${options.url ?? ''}; retry ${retryCount + 1} in ${retryAfter}s.`)
      return retryCount < MAX_LIMIT_RETRIES
    }
  return new EscalationOctokit(
    getOctokitOptions(token, {
      // `request` replaces the defaults' whole `request` (a shallow merge): keep their agent and fetch.
      request: { ...defaults.request, fetch: withTimeout((defaults.request?.fetch as Fetch | undefined) ?? fetch, REQUEST_TIMEOUT_MS) },
      throttle: {
        onRateLimit: onLimit('Rate limit'),
        onSecondaryRateLimit: onLimit('Secondary rate limit'),
        retryAfterBaseValue: pacing.retryBaseMs,
        fallbackSecondaryRateRetryAfter: pacing.secondaryFallbackSeconds,
        ...queues,
      },
      // 429 is honourRetryAfter's: plugin-retry would retry it after 1 s, whatever retry-after says.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: pacing.retryBaseMs },
      retryAfter: { retryAfterBaseValue: pacing.retryBaseMs, fallbackSeconds: pacing.secondaryFallbackSeconds, warn: log.warning },
      // Octokit's own log (deprecations, the request log): warnings stay warnings, never `::error::`.
      log: { debug: log.debug, info: log.info, warn: log.warning, error: log.warning },
    }),
  )
}
