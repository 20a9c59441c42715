/**
 * The main job: a local GitHub seeded with the shipped form and configuration, an escalation
 * filed and worked the way a team runs one (the bundled action run for every event, as a runner
 * would), and the thread printed as each person reads it.
 */
import { runAction } from '../test/harness'
import { COMPLETE, formBody, startRepo } from '../test/e2e/scenario'
import { printPullRequests, printThread } from './print-thread'

type Event = { name: string; payload: unknown }

const gh = await startRepo()

/** Runs each event through the bundle; returns the last run's job summary. */
async function deliver(step: string, events: Event | Event[]): Promise<string> {
  console.log(`\n▶ ${step}`)
  let summary = ''
  for (const event of [events].flat()) {
    const result = await runAction(gh, event as never)
    summary = result.summary
    const action = (event.payload as { action?: string }).action
    const outputs = Object.entries(result.outputs)
      .filter(([, value]) => value !== '')
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')
    console.log(`  ${event.name}${action ? `.${action}` : ''} → exit ${result.exitCode}; ${outputs}`)
    for (const error of result.errors) console.log(`  ::error:: ${error}`)
  }
  return summary
}

const at = (time: string) => gh.clock.set(`2026-11-24T${time}:00Z`)
const say = (number: number, text: string, by: string) => gh.act.comment(number, text, by)

try {
  console.log('════ Filing: the people who must act are told at once, complete or not ════')
  const opened = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody({ ...COMPLETE, rootCause: 'unknown', requestedTier: 'Tier 1 – Critical' }),
    labels: ['escalation'],
  })
  const number = opened.number
  await deliver('09:00 Carla (customer success) files the form as Critical; root cause "unknown"', [...opened])
  printThread(gh, number)

  console.log('\n════ Working it from the thread ════')
  at('09:12')
  await deliver('09:12 Olivia (support lead, owner) takes it', say(number, '/ack', 'olivia'))
  at('09:40')
  await deliver(
    '09:40 Olivia posts the first status, with the ETA on the same line',
    say(number, '/status Restore from last night’s backup is running; 60% of opportunities back. ETA: 14:00 UTC', 'olivia'),
  )
  at('09:50')
  await deliver(
    '09:50 Carla completes the root cause (the card updates itself, no new comment)',
    gh.act.editIssue(number, { by: 'carla', body: formBody({ ...COMPLETE, requestedTier: 'Tier 1 – Critical' }) }),
  )
  at('10:00')
  await deliver(
    '10:00 Olivia waits on Globex for their audit log: the clocks pause',
    say(number, '/waiting customer exporting the audit log', 'olivia'),
  )
  at('12:00')
  await deliver('12:00 The export arrived: Olivia resumes', say(number, '/resume', 'olivia'))
  at('14:22')
  const swept = await deliver('14:22 The scheduled sweep: the ETA has passed and no update came within 2h', gh.schedulePayload())
  printThread(gh, number, { lastComments: 1 })
  console.log(`\nThe sweep's job summary (the Actions run page renders it, Mermaid chart included):\n\n${swept.trim()}`)
  at('14:30')
  await deliver('14:30 Olivia updates: a new ETA', say(number, '/eta 16:00 UTC', 'olivia'))
  const quiet = gh.requests.length
  at('14:37')
  await deliver('14:37 The next sweep: nothing owed, nothing written', gh.schedulePayload())
  console.log(`  sweep: ${gh.requests.length - quiet} requests, ${gh.requests.slice(quiet).filter((r) => r.write).length} writes`)

  console.log('\n════ Resolution: /resolve closes the escalation and opens the post-mortem in the same run ════')
  at('15:40')
  await deliver(
    '15:40 Olivia resolves',
    say(
      number,
      '/resolve All 1,412 opportunities restored with their stage history; Globex confirmed on the call. Stage filter added to the automation.',
      'olivia',
    ),
  )
  printThread(gh, number)
  printPullRequests(gh)

  const comments = gh.comments(number) as { user: { login: string } }[]
  const bot = comments.filter((comment) => comment.user.login === 'github-actions[bot]').length
  console.log(`\nThread: ${bot} comments by the action, ${comments.length - bot} by people.`)
  console.log(`Requests served by the local GitHub: ${gh.requests.length}; rejected as invalid: ${gh.validationErrors.length}`)
} finally {
  await gh.close()
}
