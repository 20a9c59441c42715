/**
 * Posts a chat notice to a Slack incoming webhook or a Teams Workflows webhook. A chat notice is
 * a courtesy: whatever the webhook does, this never throws and never fails the run, and since
 * the webhook URL is a secret (anyone holding it can post), no problem text ever contains it.
 *
 * Retries: a 429 is waited out as `Retry-After` says (at most twice, and not when it asks for
 * more than the run should spend); a 5xx or an unreachable host is retried once. A timeout is
 * not retried: the service may have taken the message and only be slow to answer, and a second
 * copy of a notice is noise while a second timeout doubles what the run spends waiting.
 */
import type { IncomingMessage, RequestOptions } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'

export interface ChatTarget {
  kind: 'slack' | 'teams'
  url: string
}

export interface ChatResult {
  /** Delivered as far as the service says. Teams answers 202 before it renders the card. */
  ok: boolean
  /** The last HTTP status answered; null when none was (unreachable, timed out, not sent). */
  status: number | null
  /** Why not, in a few words, without the webhook URL. */
  problem?: string
}

export interface SendChatOptions {
  /** How long one second of `Retry-After` is, in milliseconds (1,000; shorter in tests). */
  retryBaseMs?: number
  /** A 429 asking to wait longer than this gives up instead (default 30). */
  maxRetryAfterSeconds?: number
  /** For one request, answer included (default 10,000). */
  timeoutMs?: number
}

const RATE_LIMIT_RETRIES = 2
const FAILURE_RETRIES = 1
const SERVICE = { slack: 'Slack', teams: 'Teams' } as const

type Answer = { status: number; retryAfter: string | undefined; body: string } | { error: 'timeout' | 'unreachable'; code: string | null }

type Verdict = { ok: true } | { retry: 'rate-limit'; waitSeconds: number } | { retry: 'failure' } | { problem: string }

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function sendChat(target: ChatTarget, payload: unknown, options: SendChatOptions = {}): Promise<ChatResult> {
  const { retryBaseMs = 1000, maxRetryAfterSeconds = 30, timeoutMs = 10_000 } = options
  const service = SERVICE[target.kind] ?? 'Chat'
  try {
    if (!isWebhookUrl(target.url)) return { ok: false, status: null, problem: `the ${service} webhook URL is not an http(s) URL` }
    const body = toJson(payload)
    if (body === null) return { ok: false, status: null, problem: `the ${service} message could not be written as JSON` }
    let rateLimited = 0
    let failed = 0
    for (;;) {
      const answer = await post(target.url, body, timeoutMs)
      const status = 'status' in answer ? answer.status : null
      const verdict = judge(service, answer, target.url, { rateLimited, failed, maxRetryAfterSeconds, timeoutMs })
      if ('ok' in verdict) return { ok: true, status }
      if ('problem' in verdict) return { ok: false, status, problem: verdict.problem }
      if (verdict.retry === 'rate-limit') {
        rateLimited++
        await sleep(verdict.waitSeconds * retryBaseMs)
      } else {
        failed++
        await sleep(retryBaseMs)
      }
    }
  } catch (error) {
    // Not expected (post catches what the request throws); still, a notice never fails a run.
    const name = error instanceof Error ? error.name : typeof error
    return { ok: false, status: null, problem: `the ${service} message could not be sent (${name})` }
  }
}

function toJson(payload: unknown): string | null {
  try {
    return JSON.stringify(payload) ?? null
  } catch {
    return null // a cycle or a BigInt
  }
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`)

function isWebhookUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}

interface RetryState {
  rateLimited: number
  failed: number
  maxRetryAfterSeconds: number
  timeoutMs: number
}

function judge(service: string, answer: Answer, url: string, state: RetryState): Verdict {
  if ('error' in answer) {
    if (answer.error === 'timeout') return { problem: `${service} did not answer within ${duration(state.timeoutMs)}` }
    if (state.failed < FAILURE_RETRIES) return { retry: 'failure' }
    return { problem: `${service} could not be reached${answer.code ? ` (${answer.code})` : ''}, also on a retry` }
  }
  const { status } = answer
  if (status >= 200 && status < 300) return { ok: true }
  const said = reason(answer.body, url)
  if (status === 429) {
    const seconds = retryAfterSeconds(answer.retryAfter)
    if (seconds > state.maxRetryAfterSeconds)
      return { problem: `${service} rate limited the message and asked to wait ${seconds} s (more than ${state.maxRetryAfterSeconds})` }
    if (state.rateLimited >= RATE_LIMIT_RETRIES)
      return { problem: `${service} still rate limited the message after ${RATE_LIMIT_RETRIES} waits` }
    return { retry: 'rate-limit', waitSeconds: seconds }
  }
  if (status >= 500) {
    if (state.failed < FAILURE_RETRIES) return { retry: 'failure' }
    return { problem: `${service} answered ${status}${said}, also on a retry` }
  }
  if (status >= 300 && status < 400) return { problem: `${service} answered ${status} (a redirect; webhooks are not followed elsewhere)` }
  return { problem: `${service} answered ${status}${said}` }
}

/** `Retry-After` in seconds; Slack sends whole seconds. Missing or unreadable: one second. */
function retryAfterSeconds(header: string | undefined): number {
  const seconds = Number(header)
  return header !== undefined && header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0 ? seconds : 1
}

/**
 * What the service said, for the problem text: Slack answers a word (`channel_is_archived`),
 * Workflows a JSON error with a code. Anything that quotes the webhook address is withheld.
 */
function reason(body: string, url: string): string {
  let said = body
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
    if (parsed?.error) said = [parsed.error.code, parsed.error.message].filter((p) => typeof p === 'string').join(': ')
  } catch {
    // not JSON: Slack's plain-text answer
  }
  said = said.replace(/\s+/g, ' ').trim()
  if (!said) return ''
  const { host, pathname, search } = new URL(url)
  const secretParts = [url, pathname, search, host].filter((part) => part.length > 1)
  if (secretParts.some((part) => said.includes(part))) return ' (its answer quoted the webhook address, so it is left out)'
  return ` ${said.length > 120 ? `${said.slice(0, 119)}…` : said}`
}

/** One POST; every failure becomes an Answer, never an exception. */
async function post(url: string, body: string, timeoutMs: number): Promise<Answer> {
  const signal = AbortSignal.timeout(timeoutMs)
  // http-client takes no AbortSignal, but lets a handler shape the request options node:http gets.
  const withSignal: RequestHandler = {
    prepareRequest: (requestOptions: RequestOptions) => void (requestOptions.signal = signal),
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('no authentication')),
  }
  const client = new HttpClient('escalation-desk', [withSignal], {
    allowRedirects: false,
    allowRetries: false,
    keepAlive: false,
    // the signal is the deadline; the socket timeout (which names the URL's path) is only a backstop
    socketTimeout: timeoutMs + 5000,
  })
  try {
    const response = await client.request('POST', url, body, { 'content-type': 'application/json; charset=utf-8', accept: '*/*' })
    const message = response.message
    const text = await readSome(message)
    const retryAfter = message.headers['retry-after']
    return { status: message.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter, body: text }
  } catch (error) {
    if (signal.aborted) return { error: 'timeout', code: null }
    const code = (error as { code?: unknown } | null)?.code
    return { error: 'unreachable', code: typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : null }
  } finally {
    client.dispose()
  }
}

/** The first 2 KB of the answer (all a problem text needs); the rest is read and dropped. */
async function readSome(message: IncomingMessage, max = 2048): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of message as AsyncIterable<Buffer>) {
    if (size < max) chunks.push(chunk)
    size += chunk.length
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max)
}
