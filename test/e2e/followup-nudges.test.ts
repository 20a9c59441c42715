/**
 * Overdue preventive actions in the sweep: one nudge on the action's issue naming its owner, at
 * most once per `preventive-actions.nudge-every` (1d), none once it is closed or its date moved;
 * the sweep's summary counts the open and the overdue ones.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import { actionIssues, allRequests, mergeAndRun, pushItems, resolvedEscalation, rest, sweep } from './followup-helpers'
import { ownComments, withRepo } from './thread'

/** Resolved on 2026-11-24 with two actions merged: tom's due 2026-11-26, olivia's due 2027-01-10. */
async function withActions(gh: LocalGitHub) {
  const { number, pull } = await resolvedEscalation(gh)
  await pushItems(
    gh,
    pull,
    [
      '- [ ] Add a regression test for the stage filter @tom due 2026-11-26',
      '- [ ] Write the restore-from-backup procedure @olivia due 2027-01-10',
    ],
    { run: false },
  )
  await mergeAndRun(gh, pull)
  const [soon, later] = actionIssues(gh)
  return { number, soon: soon!.number, later: later!.number }
}

const nudges = (gh: LocalGitHub, number: number) => ownComments(gh, number, 'nudge').map((comment) => comment.body ?? '')
const counts = (summary: string) =>
  /\*\*Preventive actions:\*\* (\d+) open, (\d+) overdue, (\d+) done\./.exec(summary)?.slice(1).map(Number)

describe.concurrent('overdue preventive actions', () => {
  it('due yesterday: one nudge naming the owner; none again the same day; one more the next day; none once closed', async () => {
    await withRepo(async (gh) => {
      const { soon, later } = await withActions(gh)
      gh.clock.set('2026-11-27T09:00:00Z')
      const first = await sweep(gh)
      expect(nudges(gh, soon)).toHaveLength(1)
      expect(nudges(gh, soon)[0]).toContain(
        '@tom, this preventive action was due 2026-11-26 (1 day ago): **Add a regression test for the stage filter**',
      )
      expect(nudges(gh, later)).toEqual([])
      expect(counts(first.summary)).toEqual([2, 1, 0])

      gh.clock.set('2026-11-27T15:00:00Z')
      const since = allRequests(gh)
      await sweep(gh)
      expect(nudges(gh, soon)).toHaveLength(1)
      expect(since.all().filter((request) => request.write && request.path.includes(`/issues/${soon}/`))).toEqual([])

      gh.clock.set('2026-11-28T09:00:00Z')
      await sweep(gh)
      expect(nudges(gh, soon)).toHaveLength(2)
      expect(nudges(gh, soon)[1]).toContain('@tom, this preventive action was due 2026-11-26 (2 days ago)')

      gh.act.close(soon, { by: 'tom', reason: 'completed' })
      gh.clock.set('2026-11-29T09:30:00Z')
      const closed = await sweep(gh)
      expect(nudges(gh, soon)).toHaveLength(2)
      expect(counts(closed.summary)).toEqual([1, 0, 1])
    })
  })

  it('the owner moves the date on the issue’s Due line: no nudge, and it no longer counts as overdue', async () => {
    await withRepo(async (gh) => {
      const { soon } = await withActions(gh)
      const body = gh.issue(soon).body!.replace('- **Due:** 2026-11-26', '- **Due:** 2026-12-04')
      expect((await rest(gh, 'PATCH', `/issues/${soon}`, { body })).status).toBe(200)
      gh.clock.set('2026-11-27T09:00:00Z')
      const result = await sweep(gh)
      expect(nudges(gh, soon)).toEqual([])
      expect(counts(result.summary)).toEqual([2, 0, 0])
    })
  })
})
