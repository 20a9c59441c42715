/**
 * The main job: a local GitHub seeded with the shipped form and configuration, an escalation
 * filed and worked the way people do, the bundled action run for every event, and the thread
 * printed as a person would read it.
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
      .map(([key, value]) => `${key}=${value}`)
      .join(' ')
    console.log(`  ${event.name}${action ? `.${action}` : ''} → exit ${result.exitCode}; ${outputs}`)
    for (const error of result.errors) console.log(`  ::error:: ${error}`)
  }
  return summary
}

try {
  const opened = gh.act.openIssue({
    by: 'carla',
    title: '[Escalation] Globex: every open opportunity closed overnight',
    body: formBody({ ...COMPLETE, rootCause: 'tbd', impact: '' }),
    labels: ['escalation'],
  })
  const number = (opened[0]!.payload as { issue: { number: number } }).issue.number
  await deliver('Carla (customer success) files the escalation form, root cause "tbd", no impact', opened)
  printThread(gh, number)

  gh.clock.advance(20)
  await deliver(
    'Carla edits the issue: root cause and business impact filled in',
    gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }),
  )
  printThread(gh, number)

  gh.clock.advance(10)
  await deliver('Rita (read access) labels it tier-1', gh.act.label(number, 'tier-1', 'rita'))
  printThread(gh, number)

  gh.clock.advance(5)
  const retier = gh.act.label(number, 'tier-1', 'olivia')
  await deliver('Olivia (maintainer) labels it tier-1', retier)
  printThread(gh, number)

  const before = gh.requests.length
  await deliver('GitHub delivers the same event again: nothing changes', retier)
  const writes = gh.requests.slice(before).filter((request) => request.write).length
  console.log(`  re-delivery: ${gh.requests.length - before} requests, ${writes} writes`)
  console.log('\n════ Time passes: the status cadence and the SLA clock ════')
  gh.clock.advance(150)
  await deliver('2h30m later, the scheduled sweep runs (nobody has responded yet)', gh.schedulePayload())
  printThread(gh, number, { lastComments: 2 })

  gh.clock.advance(10)
  const update = gh.act.comment(
    number,
    "/status Restore from last night's backup is running; 60% of opportunities back.\nNext step: verify stage history with Globex ops.\nETA: 2026-11-24 16:00 UTC",
    'olivia',
  )
  await deliver('Olivia posts a /status update', update)

  gh.clock.advance(125)
  const dashboard = await deliver('Two hours later, the next sweep', gh.schedulePayload())
  printThread(gh, number, { lastComments: 1 })
  console.log(`\nThe sweep's job summary (the Actions run page renders it, Mermaid chart included):\n\n${dashboard.trim()}`)

  const sweepStart = gh.requests.length
  await deliver('A second sweep right after: nothing is due', gh.schedulePayload())
  console.log(
    `  second sweep: ${gh.requests.length - sweepStart} requests, ${gh.requests.slice(sweepStart).filter((r) => r.write).length} writes`,
  )

  console.log('\n════ Resolution: the post-mortem pull request ════')
  gh.clock.advance(90)
  const fixed = gh.act.comment(
    number,
    'Restore complete: all 1,412 opportunities are back with their stage history. Globex confirmed on the call.',
    'olivia',
  )
  gh.act.react(fixed.commentId, 'rocket', 'olivia')
  await deliver('Olivia reports the fix (and marks it 🚀 for the post-mortem timeline)', fixed)
  gh.clock.advance(15)
  await deliver('Olivia closes the escalation as completed', gh.act.close(number, { by: 'olivia', reason: 'completed' }))
  printThread(gh, number, { lastComments: 1 })
  printPullRequests(gh)

  const rerun = gh.requests.length
  await deliver('The close event delivered again: the same PR, nothing new', gh.act.close(number, { by: 'olivia', reason: 'completed' }))
  console.log(
    `  re-run: ${gh.requests.length - rerun} requests, ${gh.requests.slice(rerun).filter((r) => r.write).length} writes, ${gh.pulls().length} pull request(s)`,
  )

  console.log(`\nRequests served by the local GitHub: ${gh.requests.length}; rejected as invalid: ${gh.validationErrors.length}`)
} finally {
  await gh.close()
}
