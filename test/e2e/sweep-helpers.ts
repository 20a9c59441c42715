/**
 * Helpers for the sweep end-to-end tests: escalations filed through intake (so each has its
 * card, which the sweep needs), owners acknowledging, sweeps run through the bundle, and
 * readers for what the action wrote.
 */
import { expect } from 'vitest'
import { runAction, type RunResult } from '../harness'
import { BOT_LOGIN, type LocalGitHub } from '../local-github'
import { COMPLETE, formBody, type Answers } from './scenario'
import { ownComments } from './thread'

export { BOT_LOGIN, mark, ownComments as own, withRepo as withSweepRepo, type Comment } from './thread'

/** The owners `teamConfig()` gives each tier (intake assigns them). */
export const OWNER: Record<string, string> = { 'tier-1': 'olivia', 'tier-2': 'olivia', 'tier-3': 'tom' }

/**
 * Files an escalation in `tier` now, as carla (the tier label on it from the start), and runs
 * intake for its `opened` event: the card is posted, the owner assigned. (The `labeled` runs
 * that follow on GitHub would find nothing left to do.) Returns the number and all its events.
 */
export async function file(gh: LocalGitHub, tier: string, options: { title?: string; answers?: Answers } = {}) {
  const events = gh.act.openIssue({
    by: 'carla',
    title: options.title ?? `[Escalation] ${tier} customer problem`,
    body: formBody(options.answers ?? { ...COMPLETE, requestedTier: undefined }),
    labels: ['escalation', tier],
  })
  const result = await runAction(gh, events[0]!)
  expect(result.exitCode, result.stdout).toBe(0)
  expect(ownComments(gh, events.number, 'card'), result.stdout).toHaveLength(1)
  return { number: events.number, events: [...events] }
}

/**
 * The owner's first (plain) comment: acknowledges the escalation without being a status update.
 * Its run comes through (the card shows the acknowledgement) unless `run: false` (its run was dropped).
 */
export async function acknowledge(gh: LocalGitHub, number: number, by: string, options: { text?: string; run?: boolean } = {}) {
  const event = gh.act.comment(number, options.text ?? 'Looking into it now.', by)
  if (options.run === false) return
  const result = await runAction(gh, event)
  expect(result.exitCode, result.stdout).toBe(0)
}

/** One scheduled sweep through the bundle. */
export function sweep(gh: LocalGitHub): Promise<RunResult> {
  return runAction(gh, gh.schedulePayload())
}

/** The clock set to an absolute UTC time, e.g. `at(gh, '11:05')` on the start day or a full ISO stamp. */
export function at(gh: LocalGitHub, time: string): void {
  gh.clock.set(time.includes('T') ? time : `2026-11-24T${time}:00Z`)
}

export const statuses = (gh: LocalGitHub, number: number) => ownComments(gh, number, 'status')
/** Status comments that tell of a breach (an acknowledge or resolve SLA). */
export const breaches = (gh: LocalGitHub, number: number) =>
  statuses(gh, number).filter((comment) => comment.body?.includes('SLA breached**'))

/** Status comments per issue, e.g. `{ 1: 1, 2: 0 }`: one assertion shows the whole repository. */
export function statusCounts(gh: LocalGitHub, numbers: number[]): Record<number, number> {
  return Object.fromEntries(numbers.map((number) => [number, statuses(gh, number).length]))
}

/** The `+1` count on a comment as GitHub shows it. */
export function thumbsUp(gh: LocalGitHub, number: number, commentId: number): number {
  const comment = gh.comments(number).find((candidate) => candidate.id === commentId)
  if (!comment) throw new Error(`comment ${commentId} not on #${number}`)
  return Number((comment.reactions as Record<string, unknown>)['+1'])
}

/** The reactions on a comment through the REST API (who reacted, with what). */
export async function reactionsVia(gh: LocalGitHub, commentId: number): Promise<{ user: string; content: string }[]> {
  const response = await fetch(`${gh.url}/repos/${gh.owner}/${gh.repo}/issues/comments/${commentId}/reactions`, {
    headers: { accept: 'application/vnd.github+json', authorization: 'Bearer test' },
  })
  expect(response.status).toBe(200)
  const list = (await response.json()) as { user: { login: string }; content: string }[]
  return list.map((reaction) => ({ user: reaction.user.login, content: reaction.content }))
}

/** A sweep that succeeded: exit 0, no error command, nothing on stderr, state `swept`. */
export function expectSwept(result: RunResult): void {
  expect(result.errors, result.stdout).toEqual([])
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  expect(result.stderr).toBe('')
  expect(result.outputs.state).toBe('swept')
}

/** Timeline label events on the issue by the bot, in order: `+sla-breached`, `-sla-breached`. */
export function botLabelHistory(gh: LocalGitHub, number: number, label: string): string[] {
  return gh
    .timeline(number)
    .filter(
      (event) =>
        (event.event === 'labeled' || event.event === 'unlabeled') && event.label?.name === label && event.actor?.login === BOT_LOGIN,
    )
    .map((event) => `${event.event === 'labeled' ? '+' : '-'}${label}`)
}

/** The `| **Name** | value |` row of a status comment. */
export function row(body: string | undefined, name: string): string | undefined {
  return new RegExp(`^\\| \\*\\*${name}\\*\\* \\| (.*) \\|$`, 'm').exec(body ?? '')?.[1]
}
