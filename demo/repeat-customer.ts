/**
 * A repeat customer: Globex escalates twice more within the window. The second lists the first on
 * its card; the third (two earlier ones: the default threshold) is flagged, its escalation
 * contacts asked to name an executive sponsor, and `/sponsor` records one. The sweep keeps the
 * ledger intake looks customers up in.
 */
import { COMPLETE, formBody, type Answers } from '../test/e2e/scenario'
import { printThread, visible } from './print-thread'
import { cardOf, cardRows } from './readers'
import { clockAt, comment, deliver, part, requestsSince, type Stage } from './stage'

export async function repeatCustomer(stage: Stage): Promise<number> {
  const { gh } = stage
  part('Repeat customer: Globex escalates again')
  clockAt(stage, '2026-12-02T09:00:00Z')
  const second = await file(stage, '2026-12-02 09:00 Carla files a High escalation for "Globex Corp."', {
    title: '[Escalation] Globex: forecast totals wrong after the restore',
    answers: {
      customer: 'Globex Corp.',
      requestedTier: 'Tier 2 – High',
      whatHappened: 'The Q4 forecast shows half the pipeline it had before the restore.',
      rootCause: 'Not known yet; ruled out the restore itself: the opportunities and their amounts are all back.',
      impact: 'The sales leadership cannot run its forecast call; no revenue lost yet.',
      ask: 'Rebuild the forecast snapshots before Friday’s board meeting.',
    },
  })
  for (const row of cardRows(gh, second, ['Earlier escalations', 'Repeat customer'])) console.log(`  card of #${second}: ${row}`)
  clockAt(stage, '2026-12-02T09:20:00Z')
  await deliver(stage, '09:20 Olivia takes it', comment(stage, second, '/ack', 'olivia'))
  clockAt(stage, '2026-12-02T09:30:00Z')
  await deliver(stage, '09:30 The scheduled sweep (it keeps the ledger of escalations)', gh.schedulePayload())

  clockAt(stage, '2026-12-02T11:00:00Z')
  const intake = requestsSince(gh)
  const third = await file(stage, '11:00 Carla files a Critical one for "Globex Corporation": the third in 8 days', {
    title: '[Escalation] Globex: every report empty since the restore',
    answers: {
      requestedTier: 'Tier 1 – Critical',
      whatHappened: 'Every saved report returns no rows since the restore; Hank Scorpio has called the CEO.',
      rootCause: 'Not known yet; the report filters point at pipeline stages that the restore renamed.',
      impact: 'No sales report works for 140 reps and their managers; the CEO calls it a reason not to renew.',
      ask: 'An executive on the call with Hank Scorpio tomorrow, and the reports back today.',
    },
  })
  console.log(`  intake of a repeat customer: ${intake.all().length} requests, ${intake.writes().length} writes`)
  printThread(gh, third)
  clockAt(stage, '2026-12-02T11:10:00Z')
  await deliver(stage, '11:10 Olivia names Sam (VP) as executive sponsor', comment(stage, third, '/sponsor @vp-sam', 'olivia'))
  printThread(gh, third, { lastComments: 1 })
  console.log('\nThe card now reads:')
  for (const row of cardRows(gh, third, ['State', 'Repeat customer'])) console.log(`  ${row}`)
  return third
}

/**
 * Carla files the form for Globex; every event GitHub delivers is run. What the card said when
 * first posted (its mentions notify) and no longer says after the later runs is printed: the
 * people it mentioned follow a notification to the issue and should find why.
 */
async function file(stage: Stage, step: string, input: { title: string; answers: Answers }): Promise<number> {
  const { gh } = stage
  const [opened, ...rest] = gh.act.openIssue({
    by: 'carla',
    title: input.title,
    body: formBody({ ...COMPLETE, ...input.answers }),
    labels: ['escalation'],
  })
  const number = (opened!.payload.issue as { number: number }).number
  await deliver(stage, step, opened!)
  const posted = visible(cardOf(gh, number)).split('\n')
  if (rest.length > 0) await deliver(stage, 'the same minute: the labeled event GitHub delivers with it', rest)
  const now = new Set(visible(cardOf(gh, number)).split('\n'))
  for (const line of posted.filter((text) => text.trim() !== '' && !now.has(text)))
    console.log(`  ⚠️ the card as first posted said, and no longer says: ${line}`)
  return number
}
