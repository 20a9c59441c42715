/**
 * Assertion helpers shared by the end-to-end tests: what the action wrote on an issue, how
 * many requests and writes a run cost, and that a run failed (or succeeded) cleanly.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect } from 'vitest'
import type { RunResult } from '../harness'
import { BOT_LOGIN, type LocalGitHub } from '../local-github'
import { formBody, startRepo, type Answers } from './scenario'
import { checkWrittenByAction } from '../render/check-written'
import { findRenderingProblems } from '../render/gfm'

export { BOT_LOGIN }

export type Comment = ReturnType<LocalGitHub['comments']>[number]

/** Comments the action (the token's bot) wrote on the issue, oldest first. */
export function botComments(gh: LocalGitHub, number: number): Comment[] {
  return gh.comments(number).filter((comment) => comment.user.login === BOT_LOGIN)
}

/** The action's comments of one marker kind (`missing`, `ack`, `notice`, `notify`). */
export function ownComments(gh: LocalGitHub, number: number, kind: string): Comment[] {
  return botComments(gh, number).filter(
    (comment) => (comment.body ?? '').startsWith(`<!-- escalation-desk:${kind} `) || comment.body === `<!-- escalation-desk:${kind} -->`,
  )
}

export function onlyComment(gh: LocalGitHub, number: number, kind: string): Comment {
  const found = ownComments(gh, number, kind)
  expect(found, `exactly one ${kind} comment on #${number}`).toHaveLength(1)
  return found[0]!
}

/** A mark in the request log: what happened after it. */
/**
 * Requests that keep the ledger (the report issue, its pin, its comments and body), told apart
 * from an escalation's own: the sweep keeps the ledger current alongside its real work.
 */
export function isLedgerRequest(gh: LocalGitHub, request: { method: string; route: string; path: string; operation?: string }): boolean {
  if (request.operation === 'EscalationPinReport' || request.operation === 'EscalationLedger' || request.operation === 'EscalationChanges')
    return true
  if (request.method === 'POST' && request.route === '/repos/{owner}/{repo}/issues') return true
  const reports = gh.issuesWithLabel('escalation-report')
  return reports.some(
    (number) =>
      request.path.includes(`/issues/${number}/`) ||
      request.path.endsWith(`/issues/${number}`) ||
      (request.route.includes('/issues/comments/') && gh.commentIssue(request.path) === number),
  )
}

export function mark(gh: LocalGitHub) {
  const from = gh.requests.length
  const all = () => gh.requests.slice(from)
  const since = () => all().filter((request) => !isLedgerRequest(gh, request))
  return {
    /** Requests of this escalation's work (the ledger's kept apart: see `ledger`). */
    requests: since,
    /** The ledger's own requests. */
    ledger: () => all().filter((request) => isLedgerRequest(gh, request)),
    writes: () => since().filter((request) => request.write),
    /** `METHOD route` of each write, readable in failures. */
    describeWrites: () => describeWrites(since()),
    /** `METHOD route status` of each request, readable in failures. */
    describe: () => since().map((request) => `${request.method} ${request.route} ${request.status}`),
    count: (method: string, route: string) => since().filter((request) => request.method === method && request.route === route).length,
  }
}

/** Writes as `METHOD route` strings, for readable failures. */
export function describeWrites(requests: readonly { method: string; route: string; write: boolean }[]): string[] {
  return requests.filter((request) => request.write).map((request) => `${request.method} ${request.route}`)
}

/** A stack frame, as Node prints one: a run must never show those to the user. */
export const STACK_FRAME = /^\s+at \S/m

/** A successful run: exit 0, no error command, nothing on stderr, no stack trace. */
export function expectSuccess(result: RunResult): void {
  expect(result.errors, result.stdout).toEqual([])
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  expect(result.stderr).toBe('')
  expect(result.stdout).not.toMatch(STACK_FRAME)
}

/** A failed run: non-zero exit, exactly one `::error::` line, no stack trace anywhere. Returns the message. */
export function expectFailure(result: RunResult): string {
  expect(result.exitCode).not.toBe(0)
  expect(result.errors, result.stdout).toHaveLength(1)
  expect(result.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1)
  expect(result.stdout).not.toMatch(STACK_FRAME)
  expect(result.stderr).not.toMatch(STACK_FRAME)
  return result.errors[0]!
}

/** No label was added and then removed again (or the reverse): the timeline shows no flapping. */
export function labelFlaps(gh: LocalGitHub, number: number): string[] {
  const seen = new Map<string, string[]>()
  for (const event of gh.timeline(number)) {
    if (event.event !== 'labeled' && event.event !== 'unlabeled') continue
    const name = event.label?.name as string
    seen.set(name, [...(seen.get(name) ?? []), event.event as string])
  }
  return [...seen].filter(([, events]) => events.length > 1).map(([name, events]) => `${name}: ${events.join(' → ')}`)
}

/** Timeline events of one kind done by the bot, e.g. `labeled` → ['tier-2', 'needs-info']. */
export function botLabelEvents(gh: LocalGitHub, number: number, kind: 'labeled' | 'unlabeled'): string[] {
  return gh
    .timeline(number)
    .filter((event) => event.event === kind && event.actor?.login === BOT_LOGIN)
    .map((event) => event.label?.name as string)
}

/**
 * A fresh repository (its own local GitHub) for one test, closed afterwards; the real API would
 * have accepted every request the action made.
 */
export async function withRepo(run: (gh: LocalGitHub) => Promise<void>, options: Parameters<typeof startRepo>[0] = {}): Promise<void> {
  const gh = await startRepo(options)
  try {
    await run(gh)
    expect(gh.validationErrors).toEqual([])
    // Everything the action wrote renders as GitHub renders it: no raw Markdown, no entities, no split addresses.
    expect(checkWrittenByAction(gh)).toEqual([])
    expect(
      gh.summaries.flatMap((summary, index) =>
        findRenderingProblems(summary, { kind: 'summary' }).map((problem) => `summary ${index + 1}: ${problem}`),
      ),
    ).toEqual([])
  } finally {
    await gh.close()
  }
}

/** Files an escalation through the form as `by`; returns the events GitHub delivers and the number. */
export function fileEscalation(
  gh: LocalGitHub,
  input: { answers?: Answers; body?: string; by?: string; labels?: string[]; title?: string },
) {
  const events = gh.act.openIssue({
    by: input.by ?? 'carla',
    title: input.title ?? '[Escalation] Globex: every open opportunity closed overnight',
    body: input.body ?? formBody(input.answers ?? {}),
    labels: input.labels ?? ['escalation'],
  })
  return { events: [...events], number: events.number, opened: events[0]! }
}

/**
 * A proxy in front of the local GitHub that lets GitHub handle the first `times` requests
 * `loses` picks and then drops their answers: a write that landed whose response was lost on
 * the way back. (The local GitHub's own faults answer in GitHub's place, so they never store.)
 * Pass `env` to `runAction`; `lost` lists `METHOD path status` of each answer dropped.
 */
export async function startLosingProxy(gh: LocalGitHub, loses: (method: string, path: string) => boolean, times = 1) {
  const upstreamUrl = new URL(gh.url)
  const lost: string[] = []
  let left = times
  const server = createServer((req, res) => {
    const drop = left > 0 && loses(req.method ?? 'GET', req.url ?? '/')
    if (drop) left -= 1
    const options = { host: upstreamUrl.hostname, port: upstreamUrl.port, method: req.method, path: req.url, headers: req.headers }
    const upstream = request(options, (answer) => {
      if (!drop) {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
        return
      }
      answer.resume()
      answer.on('end', () => {
        lost.push(`${req.method} ${req.url} ${answer.statusCode}`)
        res.destroy()
      })
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  return { ...(await serveAsGitHub(server)), lost }
}

/**
 * Starts a proxy server in GitHub's place: `env` points a run's API and GraphQL addresses at it
 * (pass it to `runAction`), `close` stops it.
 */
export async function serveAsGitHub(server: Server): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    env: { GITHUB_API_URL: url, GITHUB_GRAPHQL_URL: `${url}/graphql` },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
