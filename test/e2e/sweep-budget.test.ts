/**
 * The sweep's write budget and its job summary: the most urgent escalations first (breached,
 * then at risk, then due; higher tier; longest overdue), an escalation's writes together or
 * not at all, the rest deferred and named, picked up by the next runs.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, teamConfig } from './scenario'
import { acknowledge, at, breaches, expectSwept, file, mark, statusCounts, statuses, sweep, withSweepRepo } from './sweep-helpers'
import { onlyComment } from './thread'

const budget = (writes: number) =>
  teamConfig((c) => {
    c['max-writes-per-run'] = writes
  })

const POST_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const POST_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels'
const PATCH_CARD = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}'
const POST_REACTION = 'POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions'
/** A breach or a missed update: the status, the breach label, the card. */
const BREACHED = [POST_COMMENT, POST_LABELS, PATCH_CARD]

/** The paths of those writes on one escalation. */
function breachedPaths(gh: LocalGitHub, number: number): string[] {
  const issue = `/repos/${gh.owner}/${gh.repo}/issues`
  return [`${issue}/${number}/comments`, `${issue}/${number}/labels`, `${issue}/comments/${onlyComment(gh, number, 'card').id}`]
}

/** Filed now as `tier` with `customer` (what the dashboard shows). */
const fileAs = (gh: LocalGitHub, tier: string, customer: string) => file(gh, tier, { answers: { ...COMPLETE, customer } })

describe.concurrent('sweep write budget', () => {
  it('writes the breached tier-1 escalations first, defers the rest by urgency, and catches up next runs', async () => {
    await withSweepRepo(
      async (gh) => {
        at(gh, '2026-11-23T11:00:00Z')
        const d = (await fileAs(gh, 'tier-3', 'D: standard, update missed')).number
        at(gh, '2026-11-23T11:10:00Z')
        await acknowledge(gh, d, 'tom')
        at(gh, '03:00')
        const c = (await fileAs(gh, 'tier-2', 'C: high, update missed')).number
        at(gh, '03:10')
        await acknowledge(gh, c, 'olivia')
        at(gh, '09:00')
        const a = (await fileAs(gh, 'tier-1', 'A: critical, breached')).number
        const e = (await fileAs(gh, 'tier-2', 'E: high, on track')).number
        at(gh, '09:05')
        await acknowledge(gh, e, 'olivia')
        at(gh, '09:10')
        const b = (await fileAs(gh, 'tier-1', 'B: critical, breached')).number
        at(gh, '09:20')
        const f = (await fileAs(gh, 'tier-1', 'F: critical, update missed')).number
        at(gh, '09:25')
        await acknowledge(gh, f, 'olivia')
        at(gh, '11:05')
        const w = (await fileAs(gh, 'tier-1', 'W: critical, at risk')).number
        const all = [a, b, c, d, e, f, w]

        // 11:30: A and B breached, F, C and D missed their update (3 writes each); W's
        // acknowledgement is at risk (status and card); E is on track. 7 writes: A and B.
        at(gh, '11:30')
        let since = mark(gh)
        const first = await sweep(gh)
        expectSwept(first)
        expect(since.describeWrites()).toEqual([...BREACHED, ...BREACHED])
        expect(since.writes().map((write) => write.path)).toEqual([...breachedPaths(gh, a), ...breachedPaths(gh, b)])
        expect(gh.labelsOf(a)).toContain('sla-breached')
        expect(breaches(gh, a)).toHaveLength(1)
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 1, [c]: 0, [d]: 0, [e]: 0, [f]: 0, [w]: 0 })
        expect(gh.labelsOf(f)).not.toContain('sla-breached')
        // The job summary: what was posted, what waits (most urgent first: breaches before the warning), and why.
        expect(first.summary).toContain(`**This run** posted on 2 escalations (#${a}, #${b}).`)
        expect(first.summary).toContain(`**Deferred** to the next run (write budget reached): 4 (#${f}, #${c}, #${d}, #${w}).`)
        expect(first.summary).toContain('2 escalations updated within the budget of 7 writes; 4 deferred to the next run.')
        // Dashboard rows, most urgent first, and the chart.
        const rows = first.summary.split('\n').filter((line) => /^\| #\d+ \|/.test(line))
        expect(rows.map((line) => line.split(' | ')[0])).toEqual([
          `| #${a}`,
          `| #${b}`,
          `| #${f}`,
          `| #${c}`,
          `| #${d}`,
          `| #${w}`,
          `| #${e}`,
        ])
        expect(rows[0]).toBe(
          `| #${a} | tier-1 | A: critical, breached | filed | 2h 30m | olivia | 🔴 breached | 🔴 breached | 🟢 on track · 2026-11-25 09:00 UTC |`,
        )
        expect(rows[6]).toBe(
          `| #${e} | tier-2 | E: high, on track | acknowledged | 2h 30m | olivia | ✅ met | 🟢 on track | 🟢 on track · 2026-11-27 09:00 UTC |`,
        )
        expect(first.summary).toContain('| # | Tier | Escalation | State | Age | Owners | Acknowledge | Update | Resolve |')
        expect(first.summary).toContain('**7 open escalations** at 2026-11-24 11:30 UTC: 4 Critical, 2 High, 1 Standard')
        const pie = /```mermaid\npie showData\n {4}title Open escalations by tier and SLA state\n([\s\S]*?)```/.exec(first.summary)
        expect(pie, first.summary).not.toBeNull()
        expect(
          pie![1]!
            .trim()
            .split('\n')
            .map((line) => line.trim()),
        ).toEqual([
          '"tier-1 · at risk" : 1',
          '"tier-1 · breached" : 3',
          '"tier-2 · breached" : 1',
          '"tier-2 · on track" : 1',
          '"tier-3 · breached" : 1',
        ])

        // 11:31: F and C next; D and W still wait.
        at(gh, '11:31')
        since = mark(gh)
        const second = await sweep(gh)
        expectSwept(second)
        expect(since.describeWrites()).toEqual([...BREACHED, ...BREACHED])
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 1, [c]: 1, [d]: 0, [e]: 0, [f]: 1, [w]: 0 })
        expect(second.summary).toContain(`(write budget reached): 2 (#${d}, #${w}).`)

        // 11:32: D and W fit (3 + 2 writes); nothing deferred.
        at(gh, '11:32')
        since = mark(gh)
        const third = await sweep(gh)
        expectSwept(third)
        expect(since.describeWrites()).toEqual([...BREACHED, POST_COMMENT, PATCH_CARD])
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 1, [c]: 1, [d]: 1, [e]: 0, [f]: 1, [w]: 1 })
        expect(statuses(gh, w)[0]!.body).toContain('Acknowledge target at risk')
        expect(third.summary).toContain(`**This run** posted on 2 escalations (#${d}, #${w}).`)
        expect(third.summary).toContain('Nothing deferred.')

        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.writes()).toEqual([])
        for (const number of all) expect(breaches(gh, number).length, `#${number}`).toBeLessThanOrEqual(1)
      },
      { config: budget(7) },
    )
  })

  it('an escalation needing more writes than the whole budget still gets them, over several runs', async () => {
    await withSweepRepo(
      async (gh) => {
        const { number } = await file(gh, 'tier-1')
        // Two commands whose runs were dropped: each is owed its 👍 by the sweep.
        at(gh, '09:10')
        await acknowledge(gh, number, 'olivia', { text: '/timeline Customer confirmed the data loss on a call', run: false })
        await acknowledge(gh, number, 'olivia', { text: '/timeline Restore from backup approved', run: false })
        // A day later: the status (resolve breached, update missed), the label, the card and two 👍 (last: they mark
        // the commands carried out) = 5 writes, over a budget of 3.
        at(gh, '2026-11-25T09:05:00Z')
        let since = mark(gh)
        const first = await sweep(gh)
        expectSwept(first)
        expect(since.describeWrites()).toEqual([POST_COMMENT, POST_LABELS, PATCH_CARD])
        expect(breaches(gh, number)).toHaveLength(1)
        expect(statuses(gh, number)[0]!.body).toContain('Resolve SLA breached')
        expect(first.summary).toContain(`**This run** posted on 1 escalation (#${number}).`)
        expect(first.summary).toContain(`(write budget reached): 1 (#${number}).`)
        at(gh, '2026-11-25T09:20:00Z')
        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.describeWrites()).toEqual([POST_REACTION, POST_REACTION])
        expect(gh.labelsOf(number)).toContain('sla-breached')
        expect(statuses(gh, number)).toHaveLength(1)
        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.writes()).toEqual([])
      },
      { config: budget(3) },
    )
  })
})
