/**
 * Follow-through at scale, through the bundle at 50 ms injected latency (short pacing: what is
 * measured is requests, writes and points): a year of 5,000 closed escalations
 * (bench/lib/seed-closed.ts) and no ledger yet; the report job over them (the ledger rebuilt
 * from the issues, its shards written on the report issue), the same report again with nothing
 * new, and intake of a repeat customer that reads the 5,000-record ledger; beside them the
 * per-issue REST read of every escalation. Then the merge of a post-mortem with five preventive
 * actions and the same merge event re-delivered (bench/lib/followup-merge.ts). GraphQL points
 * are set against a GITHUB_TOKEN's 1,000 an hour.
 */
import { performance } from 'node:perf_hooks'
import { COMPLETE, formBody, startRepo } from '../../test/e2e/scenario'
import { runAction, type RunResult } from '../../test/harness'
import { BOT_LOGIN, type LocalGitHub, type RequestLogEntry, type WebhookEvent } from '../../test/local-github'
import { mergeWithActions } from '../lib/followup-merge'
import { size } from '../lib/options'
import { describeRequests, tally, expectValid } from '../lib/requests'
import { restSweepRead } from '../lib/rest-baseline'
import { seedClosedEscalations } from '../lib/seed-closed'
import { round } from '../lib/stats'
import { rowsOf, type Row } from '../lib/types'
import { warmUp } from '../lib/warm-up'

const SCENARIO = 'followup'
const ESCALATIONS = size(5_000, 300)
const LATENCY_MS = 50
const TOKEN_POINTS = 1_000
const CONCURRENCY = 10
/** Issues whose comments the REST baseline reads for its timing; its requests are counted for all. */
const BASELINE_SAMPLE = size(500, 50)
const SEEDED_UNTIL = new Date('2026-11-24T08:00:00Z')

interface Measured {
  requests: RequestLogEntry[]
  wallMs: number
  result: RunResult
}

export async function followup(): Promise<Row[]> {
  const rows: Row[] = [...(await ledgerAtScale()), ...(await mergeWithActions(SCENARIO, LATENCY_MS, TOKEN_POINTS))]
  return rows
}

async function ledgerAtScale(): Promise<Row[]> {
  const gh = await startRepo()
  try {
    const seedStart = performance.now()
    const seeded = seedClosedEscalations(gh, gh.clock, { count: ESCALATIONS, until: SEEDED_UNTIL })
    const seedMs = performance.now() - seedStart
    gh.setLatency(LATENCY_MS)
    await warmUp(gh)
    gh.clock.set('2026-11-24T09:00:00Z')
    const report = { inputs: { job: 'report' } }
    const fresh = await measure(gh, gh.dispatchPayload(), report)
    if (!fresh.result.summary.includes(`${ESCALATIONS} escalations in the ledger (rebuilt from the issues)`))
      throw new Error(
        `followup: the first report did not rebuild a ${ESCALATIONS}-escalation ledger: ${fresh.result.summary.slice(0, 400)}`,
      )
    const shards = ledgerShards(gh)
    const rerun = await measure(gh, gh.dispatchPayload(), report)
    gh.clock.set('2026-11-24T09:30:00Z')
    const opened = gh.act.openIssue({
      by: 'carla',
      title: '[Escalation] Globex: forecast totals wrong again',
      body: formBody({ ...COMPLETE, customer: 'Globex, Inc.', requestedTier: 'Tier 1 – Critical' }),
      labels: ['escalation'],
    })
    const intake = await measure(gh, opened[0]!)
    const card = gh.comments(opened.number).find((comment) => comment.body?.startsWith('<!-- escalation-desk:card'))?.body ?? ''
    const earlier = /^\| \*\*Earlier escalations\*\* \| (.*) \|$/m.exec(card)?.[1]
    if (!earlier || !gh.labelsOf(opened.number).includes('repeat-customer'))
      throw new Error(`followup: intake did not find Globex's earlier escalations in the ledger: ${card.slice(0, 600)}`)
    const ledgerRead = intake.requests.filter((request) => request.operation === 'EscalationLedger')
    const baseline = await timeBaseline(gh)
    expectValid(gh, 'followup')

    const row = rowsOf(SCENARIO)
    const freshTally = tally(fresh.requests)
    const rerunTally = tally(rerun.requests)
    const intakeTally = tally(intake.requests)
    const at = `@${LATENCY_MS}ms`
    return [
      row('seeded closed escalations', seeded.issues, 'issues', {
        note: `followup: ${seeded.issues.toLocaleString('en-US')} closed escalations filed over the year before ${SEEDED_UNTIL.toISOString().slice(0, 10)} (${seeded.resolved.toLocaleString('en-US')} resolved, ${seeded.notPlanned} not planned; ${seeded.comments.toLocaleString('en-US')} comments; Globex ${seeded.byCustomer.Globex} of them), seeded in ${round(seedMs / 1000, 1)} s through gh.act.*; no ledger or report issue before the first report.`,
      }),
      row(`report, fresh (ledger rebuilt from the issues) ${at}: requests`, freshTally.requests, 'req', {
        note: `followup, report fresh: ${describeRequests(fresh.requests)}. Short pacing; at production pacing its ${freshTally.writes} writes alone take ≥ ${round(pacedSeconds(fresh.requests), 0)} s (comments and issues 3 s apart, other writes 1 s).`,
      }),
      row(`report, fresh ${at}: writes`, freshTally.writes, 'req'),
      row(`report, fresh ${at}: GraphQL points`, freshTally.points, 'pt'),
      row(
        `report, fresh: share of a GITHUB_TOKEN's ${TOKEN_POINTS.toLocaleString('en-US')} points/h`,
        round((100 * freshTally.points) / TOKEN_POINTS, 1),
        '%',
      ),
      row(`report, fresh ${at}: wall time (short pacing)`, round(fresh.wallMs, 0), 'ms'),
      row('ledger: shard comments on the report issue', shards.count, 'comments', {
        note: `followup: the ledger's ${shards.count} shard comments hold ${shards.chars.toLocaleString('en-US')} characters (${round(shards.chars / ESCALATIONS, 0)} a record); the report issue's query reads them as comments(first: 100) in one request.`,
      }),
      row(`report, re-run with nothing new ${at}: requests`, rerunTally.requests, 'req', {
        target: { op: '<=', value: 3 },
        note: `followup, report re-run: ${describeRequests(rerun.requests)}.`,
      }),
      row(`report, re-run ${at}: writes`, rerunTally.writes, 'req', { target: { op: '==', value: 0 } }),
      row(`report, re-run ${at}: GraphQL points`, rerunTally.points, 'pt'),
      row(
        `intake of a repeat customer (${ESCALATIONS.toLocaleString('en-US')} in the ledger) ${at}: requests`,
        intakeTally.requests,
        'req',
        {
          note: `followup, intake (opened) of Globex, Inc. with the ledger of ${ESCALATIONS.toLocaleString('en-US')}: ${describeRequests(intake.requests)}. The card's "Earlier escalations": ${earlier.slice(0, 160)}…`,
        },
      ),
      row(`intake, repeat customer ${at}: of which ledger reads`, ledgerRead.length, 'req', { target: { op: '<=', value: 1 } }),
      row(`intake, repeat customer ${at}: writes`, intakeTally.writes, 'req'),
      row(`intake, repeat customer ${at}: GraphQL points`, intakeTally.points, 'pt'),
      row(
        `intake, repeat customer ${at}: the ledger read's answer time`,
        round(
          ledgerRead.reduce((sum, r) => sum + r.endedAt - r.startedAt, 0),
          0,
        ),
        'ms',
      ),
      row(`intake, repeat customer ${at}: wall time (short pacing)`, round(intake.wallMs, 0), 'ms'),
      row(`baseline REST, every escalation's comments, ${CONCURRENCY} concurrent ${at}: requests`, baseline.requests, 'req', {
        note: `followup baseline: from the bench with fetch, same latency: GET /issues?labels=escalation&state=all&per_page=100 (paged) then GET /issues/{n}/comments?per_page=100 for each of the ${baseline.issues.toLocaleString('en-US')} issues, ${CONCURRENCY} at a time: what a report or a repeat-customer look-up costs without a ledger (reads only; label history and reactions would add more). Requests counted exactly (the listing sent in full, one comments page per 100 comments of each issue); the comment reads sent for ${baseline.sampled} issues spread evenly, their time scaled to all ${baseline.issues.toLocaleString('en-US')}.`,
      }),
      row(`baseline REST, ${CONCURRENCY} concurrent ${at}: wall time (extrapolated)`, round(baseline.wallMs, 0), 'ms'),
      row("baseline REST: share of a GITHUB_TOKEN's 1,000 requests/h", round((100 * baseline.requests) / 1_000, 0), '%'),
      row('ours / baseline: requests, report fresh', round((100 * freshTally.requests) / baseline.requests, 2), '%'),
    ]
  } finally {
    await gh.close()
  }
}

async function measure(gh: LocalGitHub, event: WebhookEvent, options: Parameters<typeof runAction>[2] = {}): Promise<Measured> {
  gh.clearRequests()
  const start = performance.now()
  const result = await runAction(gh, event, { timeoutMs: 600_000, ...options })
  const wallMs = performance.now() - start
  if (result.exitCode !== 0)
    throw new Error(`followup: ${event.name} exited ${result.exitCode}: ${result.errors.join('; ') || result.stderr.slice(0, 500)}`)
  return { requests: [...gh.requests], wallMs, result }
}

/** The action's ledger comments on its report issue. */
function ledgerShards(gh: LocalGitHub): { count: number; chars: number } {
  const comments = gh
    .issuesWithLabel('escalation-report')
    .flatMap((number) => gh.comments(number))
    .filter((comment) => comment.user.login === BOT_LOGIN && comment.body?.startsWith('<!-- escalation-desk:ledger'))
  return { count: comments.length, chars: comments.reduce((sum, comment) => sum + (comment.body?.length ?? 0), 0) }
}

/** The least time production pacing needs for these writes: notifying ones 3 s apart, the rest 1 s. */
function pacedSeconds(requests: RequestLogEntry[]): number {
  const notifying = requests.filter((r) => r.write && r.method === 'POST' && /\/(comments|issues|pulls)$/.test(r.route)).length
  return notifying * 3 + (requests.filter((r) => r.write).length - notifying)
}

/**
 * The REST read of every escalation: the listing in full, the comment reads of a sample of
 * BASELINE_SAMPLE issues (10 at a time); requests counted exactly for all of them (one page of
 * comments per 100), the wall time extrapolated from the sample.
 */
async function timeBaseline(gh: LocalGitHub): Promise<{ requests: number; wallMs: number; issues: number; sampled: number }> {
  gh.clearRequests()
  const start = performance.now()
  const read = await restSweepRead(gh, CONCURRENCY, 'all', BASELINE_SAMPLE)
  const wallMs = performance.now() - start
  const listing = read.calls.length - read.sampled.length
  const pages = read.numbers.reduce((sum, number) => sum + Math.max(1, Math.ceil(gh.comments(number).length / 100)), 0)
  const commentMs = wallMs - read.listMs
  return {
    requests: listing + pages,
    wallMs: read.listMs + (commentMs * read.issues) / read.sampled.length,
    issues: read.issues,
    sampled: read.sampled.length,
  }
}
