/**
 * GitHub failing during a sweep, through the bundle: a passing 502 is retried within the run; a
 * persistent failure on one escalation fails the run with one `::error::` line while the others
 * are updated, and the next sweep finishes the job without doubles.
 */
import { describe, expect, it } from 'vitest'
import {
  acknowledge,
  at,
  botLabelHistory,
  breaches,
  expectSwept,
  mark,
  seed,
  statusCounts,
  statuses,
  sweep,
  withSweepRepo,
} from './sweep-helpers'

const COMMENTS = { method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments' }

describe.concurrent('sweep faults', () => {
  it('retries a 502 on the status comment within the run', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = seed(gh, 'tier-1')
      at(gh, '09:10')
      acknowledge(gh, number, 'olivia')
      at(gh, '11:05')
      gh.faults.push(COMMENTS, { status: 502 })
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(
        since
          .requests()
          .filter((request) => request.route === COMMENTS.route)
          .map((request) => request.status),
      ).toEqual([502, 201])
      expect(statuses(gh, number)).toHaveLength(1)
    })
  })

  it('a persistent failure on one escalation fails the run once, the others are updated, the next sweep finishes it', async () => {
    await withSweepRepo(async (gh) => {
      at(gh, '2026-11-23T11:00:00Z')
      const standard = seed(gh, 'tier-3').number
      acknowledge(gh, standard, 'tom')
      at(gh, '03:00')
      const high = seed(gh, 'tier-2').number
      acknowledge(gh, high, 'olivia')
      at(gh, '09:00')
      const critical = seed(gh, 'tier-1').number // nobody acknowledges: breached, first in line
      const all = [critical, high, standard]

      // 11:05: critical needs label, breach notice, status; high and standard a status each.
      // Its breach notice fails four times (the request and three retries).
      at(gh, '11:05')
      for (let i = 0; i < 4; i++) gh.faults.push(COMMENTS, { status: 500 })
      let since = mark(gh)
      const failed = await sweep(gh)
      expect(failed.exitCode).not.toBe(0)
      expect(failed.errors).toHaveLength(1)
      expect(failed.stdout.split('\n').filter((line) => line.startsWith('::error'))).toHaveLength(1)
      expect(failed.errors[0]).toContain(`#${critical}: Could not comment on #${critical}: 500`)
      expect(failed.errors[0]).not.toContain(`#${high}`)
      expect(failed.stdout).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
      expect(failed.summary).toContain('Failed (retried next run)')
      expect(failed.summary).toContain(`**This run** posted to 2 escalations (#${high}, #${standard}).`)
      expect(
        since
          .requests()
          .filter((request) => request.route === COMMENTS.route)
          .map((request) => request.status),
      ).toEqual([500, 500, 500, 500, 201, 201])
      expect(gh.labelsOf(critical)).toContain('sla-breached') // the label went on before the notice failed
      expect(breaches(gh, critical)).toEqual([])
      expect(statusCounts(gh, all)).toEqual({ [critical]: 0, [high]: 1, [standard]: 1 })

      // 11:20: the next sweep posts what is missing, once; the label is not added again.
      at(gh, '11:20')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual([`${COMMENTS.method} ${COMMENTS.route}`, `${COMMENTS.method} ${COMMENTS.route}`])
      expect(breaches(gh, critical)).toHaveLength(1)
      expect(statusCounts(gh, all)).toEqual({ [critical]: 1, [high]: 1, [standard]: 1 })
      expect(botLabelHistory(gh, critical, 'sla-breached')).toEqual(['+sla-breached'])

      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
    })
  })
})
