/**
 * One scheduled sweep over 1,000 open escalations (bench/lib/seed-escalations.ts: a realistic
 * mix of tiers, ages and 0–40 comments each), through the bundled action at 50 ms injected
 * latency: requests, GraphQL points, reading time, round trips, the write budget's effect.
 * Beside it, on the same repository and latency, the per-issue REST read a naive action does
 * (list, then each issue's comments), sequentially and 10 at a time; and what each costs of
 * the GITHUB_TOKEN's 1,000 requests an hour at a sweep every 15 minutes.
 */
import { performance } from 'node:perf_hooks'
import { startRepo, teamConfig } from '../../test/e2e/scenario'
import { runAction } from '../../test/harness'
import type { LocalGitHub, RequestLogEntry } from '../../test/local-github'
import { restSweepRead } from '../lib/rest-baseline'
import { seedEscalations } from '../lib/seed-escalations'
import { round, sequentialRoundTrips } from '../lib/stats'
import type { Row } from '../lib/types'
import { warmUp } from '../lib/warm-up'

const SCENARIO = 'sweep'
const ESCALATIONS = 1_000
const LATENCY_MS = 50
/** Low so the bench stays short: writes are paced 1 s apart, comments 3 s (plugin-throttling). */
const MAX_WRITES = 10
const NOW = new Date('2026-11-24T09:00:00Z')
const CONCURRENCY = 10
/** Escalations with a fresh /status the issue_comment run has not acknowledged (a permission lookup). */
const UNACKNOWLEDGED = 1
const TOKEN_PER_HOUR = 1_000
const SWEEPS_PER_HOUR = 4

export async function sweep(): Promise<Row[]> {
  const gh = await startRepo({
    config: teamConfig((config) => {
      config['max-writes-per-run'] = MAX_WRITES
    }),
  })
  try {
    const seedStart = performance.now()
    const seeded = seedEscalations(gh, { count: ESCALATIONS, now: NOW, unacknowledged: UNACKNOWLEDGED })
    const seedMs = performance.now() - seedStart
    gh.setLatency(LATENCY_MS)
    await warmUp(gh)

    // The action's sweep.
    gh.clearRequests()
    const start = performance.now()
    const result = await runAction(gh, gh.schedulePayload(), { asRunner: true })
    const wallMs = performance.now() - start
    if (result.exitCode !== 0 || result.outputs.state !== 'swept')
      throw new Error(
        `sweep exited ${result.exitCode} (state ${result.outputs.state}): ${result.errors.join('; ') || result.stderr.slice(0, 500)}`,
      )
    if (gh.validationErrors.length > 0)
      throw new Error(`sweep: the local GitHub refused ${gh.validationErrors.length} request(s): ${gh.validationErrors[0]!.message}`)
    const ours = [...gh.requests]
    const reads = ours.filter((r) => !r.write)
    const writes = ours.filter((r) => r.write)
    // The sweep reads every page before its first write; GraphQL after that is not reading
    // the escalations (e.g. one read to settle races among the comments just posted).
    const firstWrite = Math.min(...writes.map((r) => r.startedAt))
    const pages = ours.filter((r) => r.route === 'graphql' && r.startedAt < firstWrite)
    const laterGraphql = ours.filter((r) => r.route === 'graphql' && r.startedAt >= firstWrite).length
    if (pages.length !== Math.ceil(ESCALATIONS / 100))
      throw new Error(`sweep: expected ${Math.ceil(ESCALATIONS / 100)} GraphQL pages before the first write, saw ${pages.length}`)
    const points = ours.reduce((sum, r) => sum + (r.graphqlCost ?? 0), 0)
    const first = Math.min(...ours.map((r) => r.startedAt))
    const readingMs = Math.max(...pages.map((r) => r.endedAt)) - first
    const serverMs = pages.reduce((sum, r) => sum + (r.endedAt - r.startedAt - LATENCY_MS), 0)
    const { trips, idleMs } = sequentialRoundTrips(ours)
    const budget = parseBudget(result.summary)
    // The per-issue REST baseline on the same 1,000 escalations, same latency.
    const sequential = await timeBaseline(gh, 1)
    const concurrent = await timeBaseline(gh, CONCURRENCY)
    if (gh.validationErrors.length > 0)
      throw new Error(
        `sweep baseline: the local GitHub refused ${gh.validationErrors.length} request(s): ${gh.validationErrors[0]!.message}`,
      )

    const at = `@${LATENCY_MS}ms`
    const row = (metric: string, value: number, unit: string, extra: Partial<Row> = {}): Row => ({
      scenario: SCENARIO,
      metric,
      value,
      unit,
      ...extra,
    })
    const perSweep = ours.length
    return [
      row(
        `seeded open escalations (tier-1/2/3: ${seeded.byTier['tier-1']}/${seeded.byTier['tier-2']}/${seeded.byTier['tier-3']})`,
        seeded.issues,
        'issues',
        {
          note:
            `sweep: seeded in ${round(seedMs / 1000, 1)} s through gh.act.* with the clock set per item: ages ${round(seeded.minAgeMinutes, 0)} min to ${round(seeded.maxAgeMinutes / 1440, 1)} days (log-uniform), ` +
            `${seeded.comments.toLocaleString('en-US')} comments (0–40 each), of them ${seeded.botComments.toLocaleString('en-US')} by github-actions[bot] with escalation-desk markers (ack, status, breach), ` +
            `${seeded.statusUpdates.toLocaleString('en-US')} /status updates by owners (${seeded.reactions.toLocaleString('en-US')} acknowledged with the action's 👍, ${UNACKNOWLEDGED} not yet), ${seeded.breachedLabel} labelled sla-breached. max-writes-per-run set to ${MAX_WRITES} (default 60) to keep the bench short.`,
        },
      ),
      row(
        `ours ${at}: read requests (${pages.length} GraphQL pages + ${reads.length - pages.length - laterGraphql} REST + ${laterGraphql} GraphQL after the writes)`,
        reads.length,
        'req',
        { target: { op: '<=', value: 12 } },
      ),
      row(`ours ${at}: write requests`, writes.length, 'req'),
      row(`ours ${at}: GraphQL points`, points, 'pt'),
      row(`ours ${at}: reading phase (first request → last GraphQL page)`, round(readingMs, 0), 'ms', {
        target: { op: '<=', value: 5_000 },
      }),
      row(`ours ${at}: reading, local GitHub executing the ${pages.length} pages`, round(serverMs, 0), 'ms', {
        note: `sweep: the reading phase split: the local GitHub executing each page (its time to answer less the injected ${LATENCY_MS} ms; graphql-js over ~1.4 MB a page, and this stand-in rescans every comment and reaction per node), the injected latency, and the rest (between pages: the response's serialization and transfer, the action parsing it and building snapshots, and the permission lookup's share before the last page ended, if any). GitHub's own execution time for these pages is not modelled by the stand-in.`,
      }),
      row(`ours ${at}: reading, injected latency (${pages.length} × ${LATENCY_MS} ms)`, pages.length * LATENCY_MS, 'ms'),
      row(`ours ${at}: reading, the rest (transfer, action parsing)`, round(readingMs - serverMs - pages.length * LATENCY_MS, 0), 'ms'),
      row(`ours ${at}: reading less the local GitHub's execution (latency + the rest)`, round(readingMs - serverMs, 0), 'ms'),
      row(`ours ${at}: sequential round trips`, trips, 'rt'),
      row(`ours ${at}: idle between round trips`, round(idleMs, 0), 'ms', {
        note: "sweep: idle = no request in flight after the first one: plugin-throttling pacing the writes (1 s apart, comment creations 3 s apart) and the client's own work; it, not the reading, sets the wall time.",
      }),
      row(`ours ${at}: wall time, whole run (process start to exit)`, round(wallMs, 0), 'ms'),
      row('ours: escalations breached (as the sweep planned them)', budget.breached, 'issues'),
      row('ours: escalations with a status update due', budget.due, 'issues'),
      row(`ours: escalations written within max-writes-per-run ${MAX_WRITES}`, budget.updated, 'issues'),
      row(`ours: escalations deferred to the next run`, budget.deferred, 'issues'),
      row(`baseline REST, sequential ${at}: requests`, sequential.requests, 'req', {
        note:
          `sweep baseline: done from the bench with fetch against the same local GitHub and latency: GET /repos/{o}/{r}/issues?labels=escalation&state=open&per_page=100 (paged via Link: next) then GET /issues/{n}/comments?per_page=100 for each of the ${sequential.issues} issues; "sequential" = one request at a time (a naive action), "${CONCURRENCY} concurrent" = the comment reads ${CONCURRENCY} at a time (the listing stays sequential). ` +
          'Reads only, and fewer than a REST sweep really needs: label history (GET /issues/{n}/events or /timeline: escalation start, tier changes) and who reacted to each /status (GET /issues/comments/{id}/reactions) would add ≥ 1 request per issue more; no writes counted.',
      }),
      row(`baseline REST, sequential ${at}: wall time`, round(sequential.wallMs, 0), 'ms'),
      row(`baseline REST, sequential ${at}: of which local GitHub executing (sum)`, round(sequential.serverMs, 0), 'ms'),
      row(`baseline REST, ${CONCURRENCY} concurrent ${at}: requests`, concurrent.requests, 'req'),
      row(`baseline REST, ${CONCURRENCY} concurrent ${at}: wall time`, round(concurrent.wallMs, 0), 'ms'),
      row(
        `baseline REST, ${CONCURRENCY} concurrent ${at}: local GitHub executing (sum, single-threaded)`,
        round(concurrent.serverMs, 0),
        'ms',
      ),
      row('ours / baseline: read requests', round((100 * reads.length) / sequential.requests, 2), '%'),
      row('ours / baseline sequential: reading time', round((100 * readingMs) / sequential.wallMs, 1), '%'),
      row(`ours / baseline ${CONCURRENCY} concurrent: reading time`, round((100 * readingMs) / concurrent.wallMs, 1), '%'),
      row(`GITHUB_TOKEN: ours, requests per sweep (reads + writes)`, perSweep, 'req', {
        note: `sweep: GITHUB_TOKEN allows ${TOKEN_PER_HOUR.toLocaleString('en-US')} REST requests an hour per repository (GraphQL is limited separately, in points); a sweep every 15 minutes is ${SWEEPS_PER_HOUR} an hour. Ours counts every request (its GraphQL pages too); the baseline counts its reads only.`,
      }),
      row(
        `GITHUB_TOKEN: ours, share of ${TOKEN_PER_HOUR.toLocaleString('en-US')}/h at ${SWEEPS_PER_HOUR} sweeps/h`,
        round((100 * SWEEPS_PER_HOUR * perSweep) / TOKEN_PER_HOUR, 1),
        '%',
      ),
      row(
        `GITHUB_TOKEN: ours, sweeps/h that fit in ${TOKEN_PER_HOUR.toLocaleString('en-US')}/h`,
        Math.floor(TOKEN_PER_HOUR / perSweep),
        'sweeps',
        { target: { op: '>=', value: SWEEPS_PER_HOUR } },
      ),
      row(`GITHUB_TOKEN: ours, GraphQL points an hour at ${SWEEPS_PER_HOUR} sweeps/h`, SWEEPS_PER_HOUR * points, 'pt'),
      row(
        `GITHUB_TOKEN: baseline, share of ${TOKEN_PER_HOUR.toLocaleString('en-US')}/h at ${SWEEPS_PER_HOUR} sweeps/h`,
        round((100 * SWEEPS_PER_HOUR * sequential.requests) / TOKEN_PER_HOUR, 1),
        '%',
      ),
      row(
        `GITHUB_TOKEN: baseline, sweeps/h that fit in ${TOKEN_PER_HOUR.toLocaleString('en-US')}/h`,
        round(TOKEN_PER_HOUR / sequential.requests, 2),
        'sweeps',
      ),
    ]
  } finally {
    await gh.close()
  }
}

async function timeBaseline(
  gh: LocalGitHub,
  concurrency: number,
): Promise<{ requests: number; wallMs: number; serverMs: number; issues: number }> {
  gh.clearRequests()
  const start = performance.now()
  const read = await restSweepRead(gh, concurrency)
  const wallMs = performance.now() - start
  const logged: readonly RequestLogEntry[] = gh.requests
  if (logged.length !== read.calls.length)
    throw new Error(`sweep baseline: sent ${read.calls.length} requests, the local GitHub logged ${logged.length}`)
  if (read.issues !== ESCALATIONS) throw new Error(`sweep baseline: listed ${read.issues} escalations, expected ${ESCALATIONS}`)
  const serverMs = logged.reduce((sum, r) => sum + (r.endedAt - r.startedAt - LATENCY_MS), 0)
  return { requests: logged.length, wallMs, serverMs, issues: read.issues }
}

/** The sweep's decisions in the job summary: breached / due, updated within the budget / deferred. */
function parseBudget(summary: string): { breached: number; due: number; updated: number; deferred: number } {
  const planned = /(\d+) breached, (\d+) with an update due/.exec(summary)
  const budget = /(\d+) escalations updated within the budget of \d+ writes; (\d+) deferred/.exec(summary)
  if (!planned || !budget) throw new Error(`sweep: the job summary lacks the budget decisions: ${summary.slice(0, 500)}`)
  return { breached: Number(planned[1]), due: Number(planned[2]), updated: Number(budget[1]), deferred: Number(budget[2]) }
}
