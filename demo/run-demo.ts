/**
 * The main job: a local GitHub seeded with the shipped form and configuration, an escalation
 * filed and worked the way a team runs one (the bundled action run for every event, as a runner
 * would), and the thread printed as each person reads it; then what follows the post-mortem
 * (preventive actions, the customer's rating), a repeat customer, the metrics report, what the
 * team chat received and an organisation-wide dashboard, with a tally of what it all cost.
 */
import { COMPLETE, formBody } from '../test/e2e/scenario'
import { printChat } from './chat'
import { followThrough } from './follow-through'
import { organisation } from './organisation'
import { printPullRequests, printThread } from './print-thread'
import { repeatCustomer } from './repeat-customer'
import { metricsReport } from './metrics-report'
import { clockAt, comment, deliver, part, requestsSince, startStage, type Stage } from './stage'
import { countComments, printTally } from './tally'

const started = Date.now()
const stage = await startStage()
const { gh } = stage
const at = (time: string) => clockAt(stage, `2026-11-24T${time}:00Z`)
const say = (number: number, text: string, by: string) => comment(stage, number, text, by)

/** The escalation from filing to the post-mortem PR; returns its number. */
async function escalation(stage: Stage): Promise<number> {
  console.log('════ Filing: the people who must act are told at once, complete or not ════')
  const opened = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody({ ...COMPLETE, rootCause: 'unknown', requestedTier: 'Tier 1 – Critical' }),
    labels: ['escalation'],
  })
  const number = opened.number
  await deliver(stage, '09:00 Carla (customer success) files the form as Critical; root cause "unknown"', [...opened])
  printThread(gh, number)

  part('Working it from the thread')
  at('09:12')
  await deliver(stage, '09:12 Olivia (support lead, owner) takes it', say(number, '/ack', 'olivia'))
  at('09:40')
  await deliver(
    stage,
    '09:40 Olivia posts the first status, with the ETA on the same line',
    say(number, '/status Restore from last night’s backup is running; 60% of opportunities back. ETA: 14:00 UTC', 'olivia'),
  )
  at('09:50')
  await deliver(
    stage,
    '09:50 Carla completes the root cause (the card updates itself, no new comment)',
    gh.act.editIssue(number, { by: 'carla', body: formBody({ ...COMPLETE, requestedTier: 'Tier 1 – Critical' }) }),
  )
  at('10:00')
  await deliver(
    stage,
    '10:00 Olivia waits on Globex for their audit log: the clocks pause',
    say(number, '/waiting customer exporting the audit log', 'olivia'),
  )
  at('12:00')
  await deliver(stage, '12:00 The export arrived: Olivia resumes', say(number, '/resume', 'olivia'))
  at('14:22')
  const swept = await deliver(stage, '14:22 The scheduled sweep: the ETA has passed and no update came within 2h', gh.schedulePayload())
  printThread(gh, number, { lastComments: 1 })
  console.log(`\nThe sweep's job summary (the Actions run page renders it, Mermaid chart included):\n\n${swept.summary.trim()}`)
  at('14:30')
  await deliver(stage, '14:30 Olivia updates: a new ETA', say(number, '/eta 16:00 UTC', 'olivia'))
  const quiet = requestsSince(gh)
  at('14:37')
  await deliver(stage, '14:37 The next sweep: nothing owed, nothing posted', gh.schedulePayload())
  const report = gh.issuesWithLabel('escalation-report')[0]
  const writes = quiet
    .writes()
    .map(
      (request) =>
        `${request.method} ${request.path}${request.path.endsWith(`/issues/${report}`) ? ' (the report issue: the ledger’s sync mark)' : ''}`,
    )
  console.log(`  sweep: ${quiet.all().length} requests, ${writes.length} writes${writes.length ? `: ${writes.join(', ')}` : ''}`)

  part('Resolution: /resolve closes the escalation and opens the post-mortem in the same run')
  at('15:40')
  await deliver(
    stage,
    '15:40 Olivia resolves',
    say(
      number,
      '/resolve All 1,412 opportunities restored with their stage history; Globex confirmed on the call. Stage filter added to the automation.',
      'olivia',
    ),
  )
  printThread(gh, number)
  printPullRequests(gh)

  const { bot, people } = countComments(gh, number)
  console.log(`\nThread: ${bot} comments by the action, ${people} by people.`)
  console.log(`Requests served by the local GitHub: ${gh.requests.length}; rejected as invalid: ${gh.validationErrors.length}`)
  return number
}

try {
  const number = await escalation(stage)
  await followThrough(stage, number)
  await repeatCustomer(stage)
  await metricsReport(stage)
  const org = await organisation(stage)
  const chat = printChat(stage)
  printTally(stage, [gh, ...org], chat, Date.now() - started)
} finally {
  await stage.close()
}
