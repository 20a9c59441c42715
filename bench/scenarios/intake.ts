/**
 * Requests, writes, GraphQL points, sequential round trips and wall time of the intake runs of
 * one escalation's life, on the local GitHub seeded like the end-to-end tests, at 0 ms and at
 * 50 ms injected latency. Each event is run through the bundled action in a fresh Node 24
 * process, one after another, the way a runner handles them.
 */
import { performance } from 'node:perf_hooks'
import { COMPLETE, formBody, startRepo } from '../../test/e2e/scenario'
import { runAction } from '../../test/harness'
import type { LocalGitHub, RequestLogEntry, WebhookEvent } from '../../test/local-github'
import { describeRequests, expectValid } from '../lib/requests'
import { round, sequentialRoundTrips } from '../lib/stats'
import type { Row, Target } from '../lib/types'

const SCENARIO = 'intake'
const LATENCIES = [0, 50]
/** Round trips and wall time are reported at this latency (at 0 ms, intervals are too short to tell apart). */
const TIMED_LATENCY = 50

const IDLE_NOTE =
  'intake: "idle between round trips" is time after the first request with nothing in flight, mostly @octokit/plugin-throttling pacing (writes ≥ 1 s apart, comment-creating POSTs ≥ 3 s apart; GraphQL reads are not paced); it, not latency, sets the wall time.'

interface Step {
  id: string
  label: string
  /** Built against the live repository state, just before the run. */
  event: (gh: LocalGitHub) => WebhookEvent
  targets?: { requests?: Target; writes?: Target }
}

interface Measured {
  requests: readonly RequestLogEntry[]
  wallMs: number
}

export async function intake(): Promise<Row[]> {
  const rows: Row[] = []
  for (const latencyMs of LATENCIES) rows.push(...(await lifeOfAnEscalation(latencyMs)))
  return rows
}

async function lifeOfAnEscalation(latencyMs: number): Promise<Row[]> {
  const gh = await startRepo({ latencyMs })
  try {
    let number = 0
    let opened: WebhookEvent[] = []
    let edited: WebhookEvent | undefined
    const steps: Step[] = [
      {
        id: 'a1',
        label: 'first intake, opened',
        event: (gh) => {
          opened = gh.act.openIssue({
            by: 'carla',
            title: '[Escalation] Globex: every open opportunity closed overnight',
            body: formBody({ ...COMPLETE, rootCause: 'tbd', impact: '' }),
            labels: ['escalation'],
          })
          number = (opened[0]!.payload as { issue: { number: number } }).issue.number
          return opened[0]!
        },
      },
      { id: 'a2', label: 'first intake, labeled', event: () => opened[1]! },
      {
        id: 'b',
        label: 'edit completing it',
        event: (gh) => {
          gh.clock.advance(20)
          edited = gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) })
          return edited
        },
      },
      {
        id: 'c',
        label: 'no-op re-run (same edit again)',
        event: () => edited!,
        targets: { requests: { op: '<=', value: 3 }, writes: { op: '==', value: 0 } },
      },
      {
        id: 'd',
        label: 're-tier by maintainer',
        event: (gh) => {
          gh.clock.advance(15)
          return gh.act.label(number, 'tier-1', 'olivia')
        },
      },
    ]

    const rows: Row[] = []
    const at = `@${latencyMs}ms`
    for (const step of steps) {
      const { requests, wallMs } = await measure(gh, step.event(gh))
      const name = `${step.id}. ${step.label} ${at}`
      rows.push({
        scenario: SCENARIO,
        metric: `${name}: requests`,
        value: requests.length,
        unit: 'req',
        ...(step.targets?.requests && { target: step.targets.requests }),
        ...(latencyMs === TIMED_LATENCY && { note: `intake ${step.id} (${step.label}): ${describeRequests(requests)}.` }),
      })
      rows.push({
        scenario: SCENARIO,
        metric: `${name}: writes`,
        value: requests.filter((r) => r.write).length,
        unit: 'req',
        ...(step.targets?.writes && { target: step.targets.writes }),
      })
      rows.push({
        scenario: SCENARIO,
        metric: `${name}: GraphQL points`,
        value: requests.reduce((sum, r) => sum + (r.graphqlCost ?? 0), 0),
        unit: 'pt',
      })
      if (latencyMs === TIMED_LATENCY) {
        const { trips, idleMs } = sequentialRoundTrips(requests)
        rows.push({ scenario: SCENARIO, metric: `${name}: sequential round trips`, value: trips, unit: 'rt' })
        rows.push({
          scenario: SCENARIO,
          metric: `${name}: idle between round trips`,
          value: idleMs,
          unit: 'ms',
          ...(step.id === 'b' && { note: IDLE_NOTE }),
        })
      }
      rows.push({ scenario: SCENARIO, metric: `${name}: wall time`, value: round(wallMs, 0), unit: 'ms' })
    }
    expectValid(gh, `intake ${at}`)
    return rows
  } finally {
    await gh.close()
  }
}

async function measure(gh: LocalGitHub, event: WebhookEvent): Promise<Measured> {
  gh.clearRequests()
  const start = performance.now()
  const result = await runAction(gh, event, { asRunner: true })
  const wallMs = performance.now() - start
  const action = (event.payload as { action?: string }).action
  if (result.exitCode !== 0)
    throw new Error(`intake: ${event.name}.${action} exited ${result.exitCode}: ${result.errors.join('; ') || result.stderr}`)
  if (gh.requests.some((r) => r.endedAt === 0)) throw new Error(`intake: ${event.name}.${action} left a request unanswered`)
  return { requests: [...gh.requests], wallMs }
}
