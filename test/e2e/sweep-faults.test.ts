/**
 * GitHub failing during a sweep, through the bundle: a passing 502 on a status is handled
 * within the run (the thread read back, the status posted once), as is a status GitHub stored
 * whose answer was lost; a persistent failure on one escalation fails the run with one
 * `::error::` line while the others are updated, and the next sweep finishes the job without doubles.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import {
  acknowledge,
  at,
  botLabelHistory,
  breaches,
  expectSwept,
  file,
  mark,
  statusCounts,
  statuses,
  sweep,
  withSweepRepo,
} from './sweep-helpers'
import { startLosingProxy } from './thread'

const COMMENTS = { method: 'POST', route: '/repos/{owner}/{repo}/issues/{issue_number}/comments' }
const POST_COMMENT = `${COMMENTS.method} ${COMMENTS.route}`
const BREACHED = [
  POST_COMMENT,
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
]

describe.concurrent('sweep faults', () => {
  it('a 502 on the status comment: the thread is read back and the status posted once', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = await file(gh, 'tier-1')
      at(gh, '09:10')
      await acknowledge(gh, number, 'olivia')
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
      expect(statuses(gh, number)[0]!.body).toContain('Update overdue')
    })
  })

  it('a status GitHub stored but whose answer was lost is not posted again', async () => {
    await withSweepRepo(async (gh) => {
      const { number } = await file(gh, 'tier-1')
      at(gh, '09:10')
      await acknowledge(gh, number, 'olivia')
      at(gh, '11:05')
      const proxy = await startLosingProxy(gh, (method, path) => method === 'POST' && path.endsWith(`/issues/${number}/comments`))
      try {
        expectSwept(await runAction(gh, gh.schedulePayload(), { env: proxy.env }))
        expect(proxy.lost).toEqual([`POST /repos/acme/support/issues/${number}/comments 201`])
      } finally {
        await proxy.close()
      }
      expect(statuses(gh, number)).toHaveLength(1)
      expect(gh.labelsOf(number)).toContain('sla-breached') // the rest of its writes went on
      const since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
    })
  })

  it('a persistent failure on one escalation fails the run once, the others are updated, the next sweep finishes it', async () => {
    await withSweepRepo(async (gh) => {
      at(gh, '2026-11-23T11:00:00Z')
      const standard = (await file(gh, 'tier-3')).number
      await acknowledge(gh, standard, 'tom')
      at(gh, '03:00')
      const high = (await file(gh, 'tier-2')).number
      await acknowledge(gh, high, 'olivia')
      at(gh, '09:00')
      const critical = (await file(gh, 'tier-1')).number // nobody acknowledges: breached, first in line
      const all = [critical, high, standard]

      // 11:05: each needs its status, the breach label and its card; critical's status fails
      // four times (the try, then the request and its two retries after reading the thread back).
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
      expect(failed.summary).toContain(`**This run** posted on 2 escalations (#${high}, #${standard}).`)
      expect(
        since
          .requests()
          .filter((request) => request.route === COMMENTS.route)
          .map((request) => request.status),
      ).toEqual([500, 500, 500, 500, 201, 201])
      expect(gh.labelsOf(critical)).not.toContain('sla-breached') // its writes stopped at the failed status
      expect(statusCounts(gh, all)).toEqual({ [critical]: 0, [high]: 1, [standard]: 1 })

      // 11:20: the next sweep does what is missing, once.
      at(gh, '11:20')
      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.describeWrites()).toEqual(BREACHED)
      expect(breaches(gh, critical)).toHaveLength(1)
      expect(statusCounts(gh, all)).toEqual({ [critical]: 1, [high]: 1, [standard]: 1 })
      expect(botLabelHistory(gh, critical, 'sla-breached')).toEqual(['+sla-breached'])

      since = mark(gh)
      expectSwept(await sweep(gh))
      expect(since.writes()).toEqual([])
    })
  })
})
