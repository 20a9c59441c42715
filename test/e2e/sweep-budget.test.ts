/**
 * The sweep's write budget and its job summary: the most urgent escalations first (breached,
 * then due; higher tier; longest overdue), the rest deferred and named, picked up next run.
 */
import { describe, expect, it } from 'vitest'
import { teamConfig } from './scenario'
import { acknowledge, at, breaches, expectSwept, mark, seed, statusCounts, statuses, sweep, withSweepRepo } from './sweep-helpers'

const BUDGET_3 = teamConfig((c) => {
  c['max-writes-per-run'] = 3
})

const POST_COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments'
const POST_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels'

describe.concurrent('sweep write budget', () => {
  it('writes the breached tier-1 escalations first, defers the rest by urgency, and catches up next runs', async () => {
    await withSweepRepo(
      async (gh) => {
        at(gh, '2026-11-23T11:00:00Z')
        const d = seed(gh, 'tier-3', { title: 'D: standard, due' }).number
        at(gh, '2026-11-23T11:10:00Z')
        acknowledge(gh, d, 'tom')
        at(gh, '03:00')
        const c = seed(gh, 'tier-2', { title: 'C: high, due' }).number
        at(gh, '03:10')
        acknowledge(gh, c, 'olivia')
        at(gh, '09:00')
        const a = seed(gh, 'tier-1', { title: 'A: critical, breached' }).number
        const e = seed(gh, 'tier-2', { title: 'E: high, on track' }).number
        at(gh, '09:05')
        acknowledge(gh, e, 'olivia')
        at(gh, '09:10')
        const b = seed(gh, 'tier-1', { title: 'B: critical, breached' }).number
        at(gh, '09:20')
        const f = seed(gh, 'tier-1', { title: 'F: critical, due' }).number
        at(gh, '09:25')
        acknowledge(gh, f, 'olivia')
        const all = [a, b, c, d, e, f]

        // 11:30: A and B breached and due (3 writes each), F, C, D due (1 each), E nothing.
        at(gh, '11:30')
        let since = mark(gh)
        const first = await sweep(gh)
        expectSwept(first)
        expect(since.describeWrites()).toEqual([POST_LABELS, POST_COMMENT, POST_COMMENT])
        expect(gh.labelsOf(a)).toContain('sla-breached')
        expect(breaches(gh, a)).toHaveLength(1)
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 0, [c]: 0, [d]: 0, [e]: 0, [f]: 0 })
        expect(gh.labelsOf(b)).not.toContain('sla-breached')
        // The job summary: what was posted, what waits (most urgent first), and why.
        expect(first.summary).toContain(`**This run** posted to 1 escalation (#${a}).`)
        expect(first.summary).toContain(`**Deferred** to the next run (write budget reached): 4 (#${b}, #${f}, #${c}, #${d}).`)
        expect(first.summary).toContain('1 escalations updated within the budget of 3 writes; 4 deferred to the next run.')
        expect(first.summary).toContain('2 breached, 5 with an update due.')
        // Dashboard rows, most urgent first, and the chart.
        const rows = first.summary.split('\n').filter((line) => /^\| #\d+ \|/.test(line))
        expect(rows.map((line) => line.split(' | ')[0])).toEqual([`| #${a}`, `| #${b}`, `| #${f}`, `| #${c}`, `| #${d}`, `| #${e}`])
        // #A got its status this run: its next update is a cadence from now; deferred #F is still overdue.
        expect(rows[0]).toBe(
          `| #${a} | tier-1 | A: critical, breached | 2h 30m | olivia | 🔴 acknowledge breached by 2h | 2026-11-24 13:30 UTC |`,
        )
        expect(rows[2]).toBe(
          `| #${f} | tier-1 | F: critical, due | 2h 10m | olivia | 🟠 update due · resolve in 21h 50m | 2026-11-24 11:20 UTC |`,
        )
        expect(rows[5]).toBe(`| #${e} | tier-2 | E: high, on track | 2h 30m | olivia | 🟢 resolve in 2d 21h | 2026-11-24 17:00 UTC |`)
        expect(first.summary).toContain('| # | Tier | Escalation | Age | Owner | SLA | Next update |')
        expect(first.summary).toContain('**6 open escalations** at 2026-11-24 11:30 UTC: 3 Critical, 2 High, 1 Standard')
        const pie = /```mermaid\npie showData\n {4}title Open escalations by tier and SLA state\n([\s\S]*?)```/.exec(first.summary)
        expect(pie, first.summary).not.toBeNull()
        expect(
          pie![1]!
            .trim()
            .split('\n')
            .map((line) => line.trim()),
        ).toEqual([
          '"tier-1 · breached" : 2',
          '"tier-1 · update due" : 1',
          '"tier-2 · on track" : 1',
          '"tier-2 · update due" : 1',
          '"tier-3 · update due" : 1',
        ])

        // 11:45: B next (3 writes); F, C, D still wait.
        at(gh, '11:45')
        since = mark(gh)
        const second = await sweep(gh)
        expectSwept(second)
        expect(since.describeWrites()).toEqual([POST_LABELS, POST_COMMENT, POST_COMMENT])
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 1, [c]: 0, [d]: 0, [e]: 0, [f]: 0 })
        expect(second.summary).toContain(`(write budget reached): 3 (#${f}, #${c}, #${d}).`)

        // 12:00: the three due ones fit; nothing deferred.
        at(gh, '12:00')
        since = mark(gh)
        const third = await sweep(gh)
        expectSwept(third)
        expect(since.describeWrites()).toEqual([POST_COMMENT, POST_COMMENT, POST_COMMENT])
        expect(statusCounts(gh, all)).toEqual({ [a]: 1, [b]: 1, [c]: 1, [d]: 1, [e]: 0, [f]: 1 })
        expect(third.summary).toContain(`**This run** posted to 3 escalations (#${f}, #${c}, #${d}).`)
        expect(third.summary).toContain('Nothing deferred.')

        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.writes()).toEqual([])
        for (const number of all) expect(breaches(gh, number).length, `#${number}`).toBeLessThanOrEqual(1)
      },
      { config: BUDGET_3 },
    )
  })

  it('an escalation needing more writes than the whole budget still gets them, over several runs', async () => {
    await withSweepRepo(
      async (gh) => {
        const { number } = seed(gh, 'tier-1')
        // A day later: label, two breach notices and a status = 4 writes, over a budget of 3.
        at(gh, '2026-11-25T09:05:00Z')
        let since = mark(gh)
        const first = await sweep(gh)
        expectSwept(first)
        expect(since.writes()).toHaveLength(3)
        expect(gh.labelsOf(number)).toContain('sla-breached')
        expect(breaches(gh, number)).toHaveLength(2)
        expect(statuses(gh, number)).toHaveLength(0)
        expect(first.summary).toContain(`**This run** posted to 1 escalation (#${number}).`)
        expect(first.summary).toContain(`(write budget reached): 1 (#${number}).`)
        at(gh, '2026-11-25T09:20:00Z')
        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.writes()).toHaveLength(1)
        expect(breaches(gh, number)).toHaveLength(2)
        expect(statuses(gh, number)).toHaveLength(1)
        since = mark(gh)
        expectSwept(await sweep(gh))
        expect(since.writes()).toEqual([])
      },
      { config: BUDGET_3 },
    )
  })
})
