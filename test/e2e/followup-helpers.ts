/**
 * Helpers for the follow-through end-to-end tests: an escalation worked to its post-mortem PR
 * through the thread, reviewers pushing the document with their preventive actions, the merge,
 * and readers for what the action filed (sub-issues, nudges, notices) and how much it cost.
 */
import { expect } from 'vitest'
import { cardRowIn } from '../card-rows'
import { runAction, type RunResult } from '../harness'
import { DEFAULT_TOKEN, TEST_TOKEN, type LocalGitHub, type WebhookEvent } from '../local-github'
import { documentOf, markerOf, type Pull } from './postmortem-helpers'
import { COMPLETE, deliver, type Answers } from './scenario'
import { expectSuccess, fileEscalation, onlyComment, ownComments } from './thread'

export { documentOf, markerOf, type Pull }

/** The tier the helpers file in: Critical (tier-1), whose escalation contact is cto-casey in `teamConfig()`. */
export const CRITICAL: Answers = { ...COMPLETE, requestedTier: 'Tier 1 – Critical' }

/** Files a Critical escalation as carla now and runs intake on every event GitHub delivers. */
export async function fileCritical(gh: LocalGitHub, options: { answers?: Answers; title?: string } = {}): Promise<number> {
  const { events, number } = fileEscalation(gh, { answers: { ...CRITICAL, ...options.answers }, title: options.title })
  for (const result of await deliver(gh, events)) expectSuccess(result)
  return number
}

/** A comment `minutes` from now, run through the bundle: whether it was accepted (👍) or refused (😕). */
export async function say(gh: LocalGitHub, number: number, text: string, by: string, minutes = 5) {
  gh.clock.advance(minutes)
  const event = gh.act.comment(number, text, by)
  const result = await runAction(gh, event)
  expectSuccess(result)
  const reactions = gh.comments(number).find((comment) => comment.id === event.commentId)?.reactions as Record<string, number>
  return { result, id: event.commentId, accepted: reactions['+1'] === 1, refused: reactions.confused === 1 }
}

/** Filed, acknowledged by olivia 10 minutes later, resolved by her an hour after that: the post-mortem PR is open. */
export async function resolvedEscalation(gh: LocalGitHub, options: { answers?: Answers; title?: string } = {}) {
  const number = await fileCritical(gh, options)
  expect((await say(gh, number, '/ack', 'olivia', 10)).accepted).toBe(true)
  const resolve = await say(gh, number, '/resolve Restored all 1,412 opportunities from the nightly backup.', 'olivia', 60)
  expect(resolve.accepted).toBe(true)
  const pull = gh.pulls().find((candidate) => markerOf(candidate).issue === number)
  if (!pull) throw new Error(`no post-mortem PR for #${number}:\n${resolve.result.stdout}`)
  return { number, pull }
}

/** The document with the checklist of its "Preventive action items" section replaced by `items` (one line each). */
export function withItems(document: string, items: string[]): string {
  const lines = document.split('\n')
  const start = lines.indexOf('## Preventive action items')
  if (start < 0) throw new Error('the document has no "## Preventive action items" section')
  let end = lines.findIndex((line, at) => at > start && line.startsWith('## '))
  if (end < 0) end = lines.length
  const kept = lines.slice(start, end).filter((line) => !line.startsWith('- ['))
  while (kept.at(-1) === '') kept.pop()
  return [...lines.slice(0, start), ...kept, '', ...items, '', ...lines.slice(end)].join('\n')
}

/**
 * A reviewer commits the document with `items` on the PR's branch. The `synchronize` GitHub
 * delivers is run unless `run: false` (the merge does not depend on it); the results are returned unjudged.
 */
export async function pushItems(gh: LocalGitHub, pull: Pull, items: string[], options: { by?: string; run?: boolean } = {}) {
  const current = gh.pulls().find((candidate) => candidate.number === pull.number)!
  const events = gh.act.pushToBranch(current.head.ref, {
    by: options.by ?? 'olivia',
    path: markerOf(current).path,
    text: withItems(documentOf(gh, current), items),
    message: 'Preventive actions agreed in the review',
  })
  expect(events.length, 'one synchronize for the open post-mortem PR').toBe(1)
  const results: RunResult[] = []
  if (options.run !== false) for (const event of events) results.push(await runAction(gh, event))
  return results
}

/** Merges the PR (as olivia) and runs the `closed` + merged event; the event is returned for redelivery. */
export async function mergeAndRun(gh: LocalGitHub, pull: Pull, by = 'olivia'): Promise<{ event: WebhookEvent; result: RunResult }> {
  const event = gh.act.mergePull(pull.number, { by })
  const result = await runAction(gh, event)
  expectSuccess(result)
  return { event, result }
}

/** The action's one `actions-check` comment on a PR. */
export const actionsCheck = (gh: LocalGitHub, pull: number) => onlyComment(gh, pull, 'actions-check')

/** Issues labelled `preventive-action`, in number order. */
export const actionIssues = (gh: LocalGitHub) =>
  gh
    .issuesWithLabel('preventive-action')
    .sort((a, b) => a - b)
    .map((number) => gh.issue(number))

/** The escalation's card (its one living comment). */
export const cardOf = (gh: LocalGitHub, number: number): string => onlyComment(gh, number, 'card').body ?? ''

/** The value of a `| **Name** | value |` row of the card, or undefined. */
export function cardRow(gh: LocalGitHub, number: number, name: string): string | undefined {
  return cardRowIn(cardOf(gh, number), name)
}

/** The action's notices on an issue, oldest first, as text. */
export const noticeTexts = (gh: LocalGitHub, number: number) => ownComments(gh, number, 'notice').map((comment) => comment.body ?? '')

/** Notices on the issue that mention `@login`. */
export const noticesTo = (gh: LocalGitHub, number: number, login: string) =>
  noticeTexts(gh, number).filter((body) => body.includes(`@${login}`))

/** One request to the local GitHub's REST API as the repository owner (a person), or as the action's own token. */
export async function rest(gh: LocalGitHub, method: string, path: string, body?: unknown, as: 'person' | 'action' = 'person') {
  const response = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${as === 'person' ? TEST_TOKEN : DEFAULT_TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: response.status === 204 ? null : ((await response.json()) as unknown) }
}

/** One scheduled sweep through the bundle, expected to succeed. */
export async function sweep(gh: LocalGitHub): Promise<RunResult> {
  const result = await runAction(gh, gh.schedulePayload())
  expectSuccess(result)
  expect(result.outputs.state).toBe('swept')
  return result
}

/** One report job (`job: report`) from a manual dispatch, with its other inputs. */
export async function report(gh: LocalGitHub, inputs: Record<string, string> = {}): Promise<RunResult> {
  const result = await runAction(gh, gh.dispatchPayload(), { inputs: { job: 'report', ...inputs } })
  expectSuccess(result)
  return result
}

/**
 * Every request from now on, the ledger's and issue creations included (`mark` in thread.ts sets
 * those apart, and counts a new issue as the ledger's): what a run cost as a whole.
 */
export function allRequests(gh: LocalGitHub) {
  const from = gh.requests.length
  const all = () => gh.requests.slice(from)
  return {
    all,
    writes: () => all().filter((request) => request.write),
    describe: () => all().map((request) => `${request.method} ${request.route} ${request.status}`),
    describeWrites: () =>
      all()
        .filter((request) => request.write)
        .map((request) => `${request.method} ${request.path}`),
  }
}
