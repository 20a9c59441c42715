/**
 * The merge of a post-mortem pull request whose document lists five preventive actions: each
 * becomes a sub-issue of the escalation (labelled, assigned, with its due date, linked by
 * database id), and the same merge event delivered again makes nothing twice. The escalation is
 * worked through the bundle (short pacing) to its post-mortem PR; the reviewer's push carries the
 * items; the two merge runs are measured (50 ms latency).
 */
import { withItems } from '../../test/e2e/followup-helpers'
import { COMPLETE, formBody, startRepo } from '../../test/e2e/scenario'
import { runAction } from '../../test/harness'
import type { LocalGitHub, RequestLogEntry, WebhookEvent } from '../../test/local-github'
import { describeRequests, tally } from './requests'
import { sequentialRoundTrips } from './stats'
import type { Row } from './types'
import { warmUp } from './warm-up'

const ITEMS = [
  '- [ ] Add a regression test for the stage filter of the stale-opportunity automation @tom due 2026-12-15',
  '- [ ] Alert when more than 50 opportunities close within an hour @olivia due 2026-12-20',
  '- [ ] Write the restore-from-backup procedure (SOP) @olivia due 2027-01-10',
  '- [ ] Review every automation that runs without a stage filter @tom due 2026-12-31',
  '- [ ] Add a dry-run mode to bulk automations @olivia due 2027-01-31',
]

export async function mergeWithActions(scenario: string, latencyMs: number, tokenPoints: number): Promise<Row[]> {
  const gh = await startRepo()
  try {
    const { number, pull } = await resolved(gh)
    const path = /"path":"([^"]+)"/.exec(pull.body ?? '')?.[1]
    const document = path ? gh.readFile(pull.head.ref, path) : undefined
    if (!path || document === undefined) throw new Error('followup: the post-mortem PR has no document')
    gh.act.pushToBranch(pull.head.ref, {
      by: 'olivia',
      path,
      text: withItems(document, ITEMS),
      message: 'Preventive actions agreed in the review',
    })
    gh.setLatency(latencyMs)
    await warmUp(gh)
    const merged = gh.act.mergePull(pull.number, { by: 'olivia' })
    const first = await measure(gh, merged)
    const linked = gh.subIssuesOf(number).length
    if (linked !== ITEMS.length) throw new Error(`followup: the merge linked ${linked} sub-issues, expected ${ITEMS.length}`)
    const again = await measure(gh, merged)
    if (gh.subIssuesOf(number).length !== ITEMS.length) throw new Error('followup: the redelivered merge changed the sub-issues')
    if (gh.validationErrors.length > 0) throw new Error(`followup: the local GitHub refused a request: ${gh.validationErrors[0]!.message}`)
    const rows = (label: string, requests: RequestLogEntry[], writesTarget?: number): Row[] => {
      const counted = tally(requests)
      return [
        {
          scenario,
          metric: `${label}: requests`,
          value: counted.requests,
          unit: 'req',
          note: `followup, ${label}: ${describeRequests(requests)}.`,
        },
        {
          scenario,
          metric: `${label}: writes`,
          value: counted.writes,
          unit: 'req',
          ...(writesTarget !== undefined && { target: { op: '==', value: writesTarget } }),
        },
        { scenario, metric: `${label}: GraphQL points (of ${tokenPoints.toLocaleString('en-US')}/h)`, value: counted.points, unit: 'pt' },
        { scenario, metric: `${label}: sequential round trips @${latencyMs}ms`, value: sequentialRoundTrips(requests).trips, unit: 'rt' },
      ]
    }
    return [
      ...rows(`merge, ${ITEMS.length} preventive actions → sub-issues`, first),
      ...rows('the same merge event re-delivered', again, 0),
    ]
  } finally {
    await gh.close()
  }
}

/** Filed as Critical, /ack by olivia 10 minutes later, /resolve an hour after that: the post-mortem PR is open. */
async function resolved(gh: LocalGitHub) {
  const events = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody({ ...COMPLETE, requestedTier: 'Tier 1 – Critical' }),
    labels: ['escalation'],
  })
  for (const event of events) await run(gh, event)
  gh.clock.advance(10)
  await run(gh, gh.act.comment(events.number, '/ack', 'olivia'))
  gh.clock.advance(60)
  await run(gh, gh.act.comment(events.number, '/resolve Restored all 1,412 opportunities from the nightly backup.', 'olivia'))
  const pull = gh.pulls()[0]
  if (!pull) throw new Error('followup: /resolve opened no post-mortem PR')
  return { number: events.number, pull }
}

async function run(gh: LocalGitHub, event: WebhookEvent) {
  const result = await runAction(gh, event)
  if (result.exitCode !== 0) throw new Error(`followup: ${event.name} exited ${result.exitCode}: ${result.errors.join('; ')}`)
  return result
}

async function measure(gh: LocalGitHub, event: WebhookEvent): Promise<RequestLogEntry[]> {
  gh.clearRequests()
  await run(gh, event)
  return [...gh.requests]
}
