/**
 * One Critical escalation's 24 hours, through the bundle, at 50 ms injected latency (short
 * pacing: what is measured is requests and comments, not time): filed at 09:00 and run through
 * intake, a scheduled sweep every 15 minutes (gh.clock.advance between them), and the thread as a
 * team writes it: the owner acknowledges at 09:12 and posts a /status about every 2 hours, misses
 * one in the afternoon and the night (each an update SLA breach: the overdue notice, the
 * sla-breached label), waits on the customer for 2 hours, and resolves near the end; the
 * customer success manager asks twice for news. Every event's run is counted: comments by the
 * action and by people in the thread (the target: no more of the action's than of people's),
 * requests, writes, GraphQL points.
 */
import { COMPLETE, formBody, startRepo } from '../../test/e2e/scenario'
import { runAction } from '../../test/harness'
import { BOT_LOGIN, type LocalGitHub, type RequestLogEntry, type WebhookEvent } from '../../test/local-github'
import { describeRequests, tally, expectValid } from '../lib/requests'
import { rowsOf, type Row } from '../lib/types'
import { warmUp } from '../lib/warm-up'

const SCENARIO = 'day'
const LATENCY_MS = 50
const DAY = '2026-11-24'
const NEXT = '2026-11-25'
const GITHUB_TOKEN_POINTS = 1_000

/** What people write, when (UTC), by whom. The 2-hour cadence is due from the latest /status. */
const THREAD: { at: string; by: string; text: string }[] = [
  { at: `${DAY}T09:12`, by: 'olivia', text: '/ack' },
  { at: `${DAY}T10:50`, by: 'olivia', text: '/status Restore from the nightly backup started; 20% back. ETA: 16:00 UTC today' },
  { at: `${DAY}T12:40`, by: 'olivia', text: '/status 55% of opportunities restored, stage history intact so far.' },
  { at: `${DAY}T14:30`, by: 'olivia', text: '/status 80% back; the last batch needs a re-import.' },
  // Due 16:30: missed; the 16:30 sweep tells the owner and the contacts.
  { at: `${DAY}T16:45`, by: 'carla', text: 'Globex is asking for news before their 17:00 exec sync, anything I can tell them?' },
  { at: `${DAY}T17:05`, by: 'olivia', text: '/status Re-import done, 98% back; Globex ops to verify the rest. ETA: 20:00 UTC' },
  { at: `${DAY}T17:30`, by: 'olivia', text: '/waiting customer Globex ops verifying the restored records' },
  { at: `${DAY}T19:30`, by: 'olivia', text: '/resume' },
  { at: `${DAY}T20:50`, by: 'olivia', text: '/status Globex confirmed 1,398 of 1,412; restoring the last 14 by hand.' },
  // Due 22:50: missed overnight (breached until the morning); the sweep nags once, then digests.
  { at: `${NEXT}T07:20`, by: 'carla', text: 'Morning! Their VP asks whether we are done; can we close this today?' },
  { at: `${NEXT}T07:40`, by: 'olivia', text: '/status Last 14 restored overnight by the data team; final check with Globex at 08:30.' },
  { at: `${NEXT}T08:40`, by: 'olivia', text: '/resolve Restored all 1,412 opportunities from the nightly backup and by hand.' },
]

interface Counted {
  runs: number
  requests: RequestLogEntry[]
  /** Simulated hour (ms since the epoch, floored) → requests and points of the runs in it. */
  hours: Map<number, { requests: number; points: number }>
}

const counted = (): Counted => ({ runs: 0, requests: [], hours: new Map() })

export async function day(): Promise<Row[]> {
  const gh = await startRepo()
  try {
    gh.setLatency(LATENCY_MS)
    await warmUp(gh)
    gh.clearRequests()
    const issueRuns = counted()
    const sweeps = counted()
    const run = async (event: WebhookEvent, into: Counted) => {
      const from = gh.requests.length
      const result = await runAction(gh, event)
      if (result.exitCode !== 0)
        throw new Error(`day: ${event.name} at ${gh.clock.now().toISOString()} exited ${result.exitCode}: ${result.errors.join('; ')}`)
      const requests = gh.requests.slice(from)
      into.runs += 1
      into.requests.push(...requests)
      const hour = Math.floor(gh.clock.now().getTime() / 3_600_000)
      const bucket = into.hours.get(hour) ?? { requests: 0, points: 0 }
      bucket.requests += requests.length
      bucket.points += tally(requests).points
      into.hours.set(hour, bucket)
    }

    gh.clock.set(`${DAY}T09:00:00Z`)
    const opened = gh.act.openIssue({
      by: 'carla',
      title: '[Escalation] Globex: every open opportunity closed overnight',
      body: formBody({ ...COMPLETE, requestedTier: 'Tier 1 – Critical' }),
      labels: ['escalation'],
    })
    const number = opened.number
    for (const event of opened) await run(event, issueRuns)

    const pending = [...THREAD]
    const end = Date.parse(`${NEXT}T09:00:00Z`)
    for (let tick = Date.parse(`${DAY}T09:15:00Z`); tick <= end; tick += 15 * 60_000) {
      while (pending.length > 0 && Date.parse(`${pending[0]!.at}:00Z`) < tick) {
        const said = pending.shift()!
        gh.clock.set(`${said.at}:00Z`)
        await run(gh.act.comment(number, said.text, said.by), issueRuns)
      }
      gh.clock.set(new Date(tick).toISOString())
      await run(gh.schedulePayload(), sweeps)
    }
    if (gh.issue(number).state !== 'closed') throw new Error('day: the escalation is still open after /resolve')
    expectValid(gh, 'day')
    return figures(gh, number, issueRuns, sweeps)
  } finally {
    await gh.close()
  }
}

function figures(gh: LocalGitHub, number: number, issueRuns: Counted, sweeps: Counted): Row[] {
  const thread = gh.comments(number)
  const byAction = thread.filter((comment) => comment.user.login === BOT_LOGIN)
  const byPeople = thread.filter((comment) => comment.user.login !== BOT_LOGIN)
  const kinds = new Map<string, number>()
  for (const comment of byAction) {
    const kind = /^<!-- escalation-desk:([a-z-]+)/.exec(comment.body ?? '')?.[1] ?? 'unmarked'
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  const statuses = byAction
    .filter((comment) => comment.body?.startsWith('<!-- escalation-desk:status'))
    .map((comment) => `${comment.created_at.slice(11, 16)} ${statusReason(comment.body ?? '')}`)
  const elsewhere = gh
    .issuesWithLabel('escalation-report')
    .concat(gh.pulls().map((pull) => pull.number))
    .flatMap((other) => gh.comments(other).filter((comment) => comment.user.login === BOT_LOGIN))
  const all = [...issueRuns.requests, ...sweeps.requests]
  const total = tally(all)
  const sweepTally = tally(sweeps.requests)
  const issueTally = tally(issueRuns.requests)
  const hourly = new Map<number, { requests: number; points: number }>()
  for (const [hour, bucket] of [...issueRuns.hours, ...sweeps.hours]) {
    const sum = hourly.get(hour) ?? { requests: 0, points: 0 }
    hourly.set(hour, { requests: sum.requests + bucket.requests, points: sum.points + bucket.points })
  }
  const busiest = Math.max(...[...hourly.values()].map((bucket) => bucket.points))
  const busiestRequests = Math.max(...[...hourly.values()].map((bucket) => bucket.requests))
  const row = rowsOf(SCENARIO)
  const quietSweep = sweeps.requests.length / Math.max(1, sweeps.runs)
  return [
    row('comments in the thread by the action', byAction.length, 'comments', {
      target: { op: '<=', value: byPeople.length },
      note: `day: the action's comments by kind: ${[...kinds].map(([kind, count]) => `${kind} ${count}`).join(', ')} (status comments at ${statuses.join(', ')}); by people: ${byPeople.length} (${THREAD.length} written in the story, after carla's filing). Beside the thread the action wrote ${elsewhere.length} comment(s) on its report issue and the post-mortem PR. Target: no more of the action's comments than people's.`,
    }),
    row('comments in the thread by people', byPeople.length, 'comments'),
    row(`runs: issue and comment events / scheduled sweeps`, issueRuns.runs, 'runs', {
      note: `day: ${issueRuns.runs} issue and comment runs and ${sweeps.runs} sweeps (every 15 minutes, ${DAY} 09:15 to ${NEXT} 09:00), each through the bundle.`,
    }),
    row('scheduled sweeps', sweeps.runs, 'runs'),
    row('requests, all runs', total.requests, 'req'),
    row('writes, all runs', total.writes, 'req'),
    row('GraphQL points, all runs', total.points, 'pt', {
      note: `day: a GITHUB_TOKEN has ${GITHUB_TOKEN_POINTS.toLocaleString('en-US')} GraphQL points an hour per repository (REST: 1,000 requests an hour); this escalation's busiest hour of the day (by the runs' simulated times) spent ${busiest} points in ${busiestRequests} requests.`,
    }),
    row('requests, issue and comment runs', issueTally.requests, 'req', {
      note: `day, issue and comment runs: ${describeRequests(issueRuns.requests)}.`,
    }),
    row('writes, issue and comment runs', issueTally.writes, 'req'),
    row('requests, sweeps', sweepTally.requests, 'req', { note: `day, sweeps: ${describeRequests(sweeps.requests)}.` }),
    row('writes, sweeps', sweepTally.writes, 'req'),
    row('GraphQL points, sweeps', sweepTally.points, 'pt'),
    row('requests per sweep (mean)', Math.round(quietSweep * 10) / 10, 'req'),
  ]
}

/** What a status comment was for, in a word or two (its first reason line, else a digest). */
function statusReason(body: string): string {
  const reasons = [
    ['Update overdue', 'update overdue'],
    ['ETA passed', 'ETA passed'],
    ['SLA breached**', 'SLA breach'],
    ['target at risk', 'at risk'],
  ].filter(([text]) => body.includes(text!))
  return reasons.length > 0 ? reasons.map(([, word]) => word).join(' + ') : 'digest'
}
