/**
 * What each thread command costs: one open Critical escalation (filed by carla at 09:00 and run
 * through intake), then each command as a comment, its issue_comment run through the bundled
 * action (dist/index.js, production pacing) at 50 ms injected latency: requests, writes, GraphQL
 * points, sequential round trips. Accepted and refused variants where a command can be refused
 * (a time in the past, read access). `/resolve` closes the issue and opens the post-mortem in the
 * same run. The action's own label, assignment and close changes start no runs (GITHUB_TOKEN).
 */
import { COMPLETE, formBody, startRepo } from '../../test/e2e/scenario'
import { runAction } from '../../test/harness'
import type { LocalGitHub } from '../../test/local-github'
import { describeRequests, tally, expectValid } from '../lib/requests'
import { sequentialRoundTrips } from '../lib/stats'
import type { Row } from '../lib/types'
import { warmUp } from '../lib/warm-up'

const SCENARIO = 'commands'
const LATENCY_MS = 50
const PER_COMMAND = 6
const RESOLVE = 20

interface Step {
  label: string
  text: string
  by: string
  /** Minutes after the previous step. */
  after: number
  expect: 'accepted' | 'refused'
}

const STEPS: Step[] = [
  { label: '/ack', text: '/ack', by: 'olivia', after: 12, expect: 'accepted' },
  {
    label: '/status with ETA',
    text: '/status Restore running, 60% of opportunities back. ETA: 11:00 UTC today',
    by: 'olivia',
    after: 20,
    expect: 'accepted',
  },
  { label: '/eta', text: '/eta tomorrow 09:00', by: 'olivia', after: 10, expect: 'accepted' },
  { label: '/eta in the past (refused, reply)', text: '/eta 08:00 UTC', by: 'olivia', after: 5, expect: 'refused' },
  { label: '/status by read access (refused, reply)', text: '/status all good from my side', by: 'rita', after: 5, expect: 'refused' },
  { label: '/ack by read access again (refused, no reply)', text: '/ack', by: 'rita', after: 5, expect: 'refused' },
  { label: '/tier lower', text: '/tier tier-2 customer has a workaround', by: 'olivia', after: 10, expect: 'accepted' },
  { label: '/tier raise', text: '/tier tier-1 the workaround broke', by: 'olivia', after: 10, expect: 'accepted' },
  { label: '/owner', text: '/owner @tom', by: 'olivia', after: 5, expect: 'accepted' },
  { label: '/waiting customer', text: '/waiting customer exporting the audit log', by: 'tom', after: 15, expect: 'accepted' },
  { label: '/resume', text: '/resume', by: 'tom', after: 120, expect: 'accepted' },
  { label: '/timeline', text: '/timeline Customer confirmed the data loss on a call', by: 'tom', after: 10, expect: 'accepted' },
  { label: '/help (by read access, reply)', text: '/help', by: 'rita', after: 5, expect: 'accepted' },
  {
    label: '/resolve (closes, opens the post-mortem)',
    text: '/resolve Restored all 1,412 opportunities from the nightly backup.',
    by: 'tom',
    after: 30,
    expect: 'accepted',
  },
]

export async function commands(): Promise<Row[]> {
  const gh = await startRepo()
  try {
    const number = await fileCritical(gh)
    gh.setLatency(LATENCY_MS)
    await warmUp(gh)
    const rows: Row[] = []
    for (const step of STEPS) rows.push(...(await measure(gh, number, step)))
    if (gh.issue(number).state !== 'closed') throw new Error('commands: /resolve left the issue open')
    if (gh.pulls().length !== 1) throw new Error(`commands: /resolve opened ${gh.pulls().length} post-mortem pull requests`)
    expectValid(gh, 'commands')
    return rows
  } finally {
    await gh.close()
  }
}

/** The Critical escalation at 09:00, its intake runs done (short pacing: not measured). */
async function fileCritical(gh: LocalGitHub): Promise<number> {
  const events = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody({ ...COMPLETE, requestedTier: 'Tier 1 – Critical' }),
    labels: ['escalation'],
  })
  for (const event of events) {
    const result = await runAction(gh, event)
    if (result.exitCode !== 0) throw new Error(`commands: intake exited ${result.exitCode}: ${result.errors.join('; ')}`)
  }
  return events.number
}

async function measure(gh: LocalGitHub, number: number, step: Step): Promise<Row[]> {
  gh.clock.advance(step.after)
  const event = gh.act.comment(number, step.text, step.by)
  gh.clearRequests()
  const result = await runAction(gh, event, { asRunner: true })
  if (result.exitCode !== 0)
    throw new Error(`commands: ${step.label} exited ${result.exitCode}: ${result.errors.join('; ') || result.stderr}`)
  const reactions = gh.comments(number).find((comment) => comment.id === event.commentId)?.reactions as Record<string, number>
  const verdict = reactions['+1'] === 1 ? 'accepted' : reactions.confused === 1 ? 'refused' : 'unanswered'
  if (verdict !== step.expect) throw new Error(`commands: ${step.label} was ${verdict}, expected ${step.expect}`)
  const requests = [...gh.requests]
  const counted = tally(requests)
  const target = step.label.startsWith('/resolve') ? RESOLVE : PER_COMMAND
  return [
    {
      scenario: SCENARIO,
      metric: `${step.label}: requests`,
      value: counted.requests,
      unit: 'req',
      target: { op: '<=', value: target },
      note: `commands, ${step.label} (${step.by}, ${verdict}): ${describeRequests(requests)}.`,
    },
    { scenario: SCENARIO, metric: `${step.label}: writes`, value: counted.writes, unit: 'req' },
    { scenario: SCENARIO, metric: `${step.label}: GraphQL points`, value: counted.points, unit: 'pt' },
    {
      scenario: SCENARIO,
      metric: `${step.label}: sequential round trips @${LATENCY_MS}ms`,
      value: sequentialRoundTrips(requests).trips,
      unit: 'rt',
    },
  ]
}
