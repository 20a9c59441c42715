/**
 * After the post-mortem PR is open: the reviewers write the preventive actions into its document
 * (the action checks them on the PR), the merge files each as a sub-issue of the escalation, the
 * sweep nudges the owner of an overdue one, and the filer records how the customer rated it.
 */
import { readMarker } from '../src/core/render/markers'
import type { LocalGitHub } from '../test/local-github'
import { printThread } from './print-thread'
import { cardRow, cardRows, type Pull } from './readers'
import { clockAt, comment, deliver, part, requestsSince, type Stage } from './stage'

const REGRESSION_TEST = 'Add a regression test for the stage filter of the stale-opportunity automation @tom'
const ITEMS = [
  `- [ ] ${REGRESSION_TEST} due 2026-11-25`,
  '- [ ] Alert when more than 50 opportunities close within an hour @olivia due 2026-12-04',
  '- [ ] Write the restore-from-backup procedure (SOP) @olivia due 2026-12-18',
]
/** As written on the review call: the regression test has no date yet. */
const DRAFT = [`- [ ] ${REGRESSION_TEST}`, ...ITEMS.slice(1)]

export async function followThrough(stage: Stage, escalation: number): Promise<void> {
  const { gh } = stage
  const pull = postMortemOf(gh, escalation)
  part('Follow-through: the reviewers agree the preventive actions on the post-mortem PR')
  clockAt(stage, '2026-11-24T16:30:00Z')
  await deliver(
    stage,
    '16:30 Olivia commits the review call’s notes to the document: three actions, one without a date',
    pushItems(gh, pull, DRAFT, 'olivia', 'Preventive actions from the review call'),
  )
  printThread(gh, pull.number)
  clockAt(stage, '2026-11-24T17:05:00Z')
  await deliver(
    stage,
    '17:05 Tom adds his due date (the check edits its comment)',
    pushItems(gh, pull, ITEMS, 'tom', 'Due date for the test'),
  )
  printThread(gh, pull.number)

  part('Merged: each preventive action becomes a sub-issue of the escalation')
  clockAt(stage, '2026-11-25T10:00:00Z')
  const merging = requestsSince(gh)
  await deliver(stage, '2026-11-25 10:00 Olivia merges the post-mortem', gh.act.mergePull(pull.number, { by: 'olivia' }))
  console.log(`  merge: ${merging.all().length} requests, ${merging.writes().length} writes`)
  printThread(gh, pull.number)
  const actions = gh.subIssuesOf(escalation)
  console.log(`\nSub-issues of #${escalation} (${actions.length}):`)
  for (const issue of actions)
    console.log(
      `  #${issue.number} ${issue.title}  [${issue.state}] → ${issue.assignees?.map((user) => `@${user.login}`).join(', ') || 'nobody'}`,
    )
  for (const issue of actions) printThread(gh, issue.number, { body: true })
  console.log(`\nThe escalation's card, row "Preventive actions": ${cardRow(gh, escalation, 'Preventive actions') ?? '(none)'}`)

  part('Overdue: the sweep nudges the owner once')
  const overdue = actions[0]!.number
  clockAt(stage, '2026-11-26T09:00:00Z')
  const swept = await deliver(stage, '2026-11-26 09:00 The scheduled sweep, a day after the regression test was due', gh.schedulePayload())
  printThread(gh, overdue, { lastComments: 1 })
  console.log(
    `\nIn the sweep's job summary: ${swept.summary.split('\n').find((line) => line.startsWith('**Preventive actions:**')) ?? '(no line)'}`,
  )
  clockAt(stage, '2026-11-26T11:00:00Z')
  await deliver(stage, '11:00 Tom merges the test and closes the issue', gh.act.close(overdue, { by: 'tom', reason: 'completed' }))

  part('Customer satisfaction: the filer records how Globex rated the handling')
  clockAt(stage, '2026-11-26T15:00:00Z')
  const rating = comment(stage, escalation, '/csat 4 quick recovery, slow first reply', 'carla')
  await deliver(stage, '15:00 Carla has talked to Hank Scorpio (Globex’s CEO)', rating)
  printThread(gh, escalation, { lastComments: 1 })
  console.log('\nThe card (edited in place; an edit notifies nobody) now reads:')
  for (const row of cardRows(gh, escalation, ['State', 'Customer satisfaction', 'Preventive actions', 'Post-mortem']))
    console.log(`  ${row}`)
}

/** The open post-mortem PR of the escalation (its marker names the escalation). */
function postMortemOf(gh: LocalGitHub, escalation: number): Pull {
  const pull = gh.pulls().find((candidate) => markerOf(candidate).issue === escalation && candidate.state === 'open')
  if (!pull) throw new Error(`no open post-mortem PR for #${escalation}`)
  return pull
}

const markerOf = (pull: Pull) => (readMarker(pull.body ?? '')?.data ?? {}) as { issue?: number; path?: string }

/** A reviewer commits the document with `items` as its preventive actions; GitHub's `synchronize` to deliver. */
function pushItems(gh: LocalGitHub, pull: Pull, items: string[], by: string, message: string) {
  const path = markerOf(pull).path!
  const document = gh.readFile(pull.head.ref, path) ?? ''
  return gh.act.pushToBranch(pull.head.ref, { by, path, text: withItems(document, items), message })
}

/** The document with the checklist under "## Preventive action items" replaced by `items`. */
function withItems(document: string, items: string[]): string {
  const lines = document.split('\n')
  const start = lines.indexOf('## Preventive action items')
  if (start < 0) throw new Error('the post-mortem has no "## Preventive action items" section')
  const next = lines.findIndex((line, at) => at > start && line.startsWith('## '))
  const end = next < 0 ? lines.length : next
  const kept = lines.slice(start, end).filter((line) => !line.startsWith('- ['))
  while (kept.at(-1) === '') kept.pop()
  return [...lines.slice(0, start), ...kept, '', ...items, '', ...lines.slice(end)].join('\n')
}
