/**
 * The metrics report (`job: report`) through the bundle: the ledger brought up to date, the
 * metrics written to the job summary and the pinned report issue; a re-run with nothing new
 * costs two reads; a damaged or missing ledger is rebuilt from the escalations with the same
 * numbers; a fixed period from `report-from` / `report-to`.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import { allRequests, cardRow, fileCritical, report, rest, say, sweep } from './followup-helpers'
import { stageOnce, withStaged } from './staged'
import { BOT_LOGIN, withRepo } from './thread'

/**
 * Globex filed 09:00 and acknowledged at 09:10, resolved 10:10, rated 4; Initech filed 11:00,
 * its acknowledge SLA (30m) breached in the 11:40 sweep, acknowledged 11:45, resolved 12:45,
 * rated 2. Two Critical escalations, MTTA 10m and 45m; five of six targets met.
 */
async function workedAndResolved(gh: LocalGitHub) {
  const globex = await fileCritical(gh)
  await say(gh, globex, '/ack', 'olivia', 10)
  await say(gh, globex, '/resolve Restored all opportunities from the nightly backup.', 'olivia', 60)
  await say(gh, globex, '/csat 4 quick recovery', 'carla', 10)
  gh.clock.set('2026-11-24T11:00:00Z')
  const initech = await fileCritical(gh, { answers: { customer: 'Initech' }, title: '[Escalation] Initech: invoices doubled' })
  gh.clock.set('2026-11-24T11:40:00Z')
  await sweep(gh)
  await say(gh, initech, '/ack', 'olivia', 5)
  await say(gh, initech, '/resolve Re-issued the invoices.', 'olivia', 60)
  await say(gh, initech, '/csat 2 slow first reply', 'carla', 10)
  return { globex, initech }
}

/** Most tests start where workedAndResolved ends: it runs once, each test from its copy. */
const worked = stageOnce(workedAndResolved)

const HEADLINE =
  '**2 escalations** filed 2026-10-26 – 2026-11-25 · MTTA median **10m** (n = 2) · SLA attainment **83%** (5/6 targets met) · CSAT **3.0 / 5** (2 ratings)'
const CRITICAL_ROW = '| Critical (tier-1) | 2 | 10m / 45m (n = 2) | 2 | 1h 10m / 1h 45m (n = 2) | 50% (1/2) | 100% (2/2) | 100% (2/2) | 1 |'
const SLA_PIE = [
  '```mermaid',
  'pie showData',
  '    title SLA targets met vs missed, all tiers and clocks',
  '    "Met" : 5',
  '    "Missed" : 1',
  '```',
]

function reportIssue(gh: LocalGitHub): number {
  const numbers = gh.issuesWithLabel('escalation-report')
  expect(numbers).toHaveLength(1)
  return numbers[0]!
}

/** The report as people read it: the issue body without its hidden marker. */
const visible = (gh: LocalGitHub) => (gh.issue(reportIssue(gh)).body ?? '').replace(/^<!-- escalation-desk:report .*? -->\n/, '')

const ledgerComments = (gh: LocalGitHub) =>
  gh.comments(reportIssue(gh)).filter((comment) => comment.body?.startsWith('<!-- escalation-desk:ledger'))

/** A person (the repository owner) edits the ledger's comment into something it cannot read; it stays the action's comment. */
async function damageLedger(gh: LocalGitHub): Promise<void> {
  const [shard] = ledgerComments(gh)
  const damaged = shard!.body!.replace('"records":[', '"records":[{"number":"oops"},')
  expect((await rest(gh, 'PATCH', `/issues/comments/${shard!.id}`, { body: damaged })).status).toBe(200)
  expect(gh.comments(reportIssue(gh)).find((comment) => comment.id === shard!.id)?.user.login).toBe(BOT_LOGIN)
}

describe.concurrent('the metrics report', () => {
  it('shows MTTA, attainment, CSAT and the pie charts in the summary and the report issue; a re-run with nothing new reads twice and writes nothing', async () => {
    await withStaged(worked, async (gh) => {
      gh.clock.set('2026-11-25T09:00:00Z')
      const fresh = allRequests(gh)
      const result = await report(gh)
      console.log(`report, the ledger kept by the sweep: ${fresh.all().length} requests, ${fresh.writes().length} writes`, fresh.describe())
      expect(result.outputs.state).toBe('report')
      for (const text of [result.summary, visible(gh)]) {
        expect(text).toContain(HEADLINE)
        expect(text).toContain(CRITICAL_ROW)
        expect(text).toContain(SLA_PIE.join('\n'))
        expect(text).toContain('    "Critical (tier-1)" : 2')
        expect(text).toContain('Average **3.0 / 5** from 2 ratings; 1 low (rated 2 or below).')
      }
      expect(gh.issue(reportIssue(gh)).user?.login).toBe(BOT_LOGIN)
      expect(fresh.writes().length).toBeLessThanOrEqual(3)

      const again = allRequests(gh)
      const rerun = await report(gh)
      console.log(`report re-run, nothing new: ${again.all().length} requests, ${again.writes().length} writes`)
      expect(again.writes()).toEqual([])
      expect(again.all().length).toBeLessThanOrEqual(3)
      expect(rerun.summary).toContain(HEADLINE)
    })
  })

  it('with no sweep before it, the report job opens the report issue and the ledger itself', async () => {
    await withRepo(async (gh) => {
      const number = await fileCritical(gh)
      await say(gh, number, '/ack', 'olivia', 25)
      gh.clock.set('2026-11-25T09:00:00Z')
      const since = allRequests(gh)
      await report(gh)
      console.log(`report from nothing: ${since.all().length} requests, ${since.writes().length} writes`, since.describe())
      expect(visible(gh)).toContain('**1 escalation** filed 2026-10-26 – 2026-11-25 · MTTA median **25m** (n = 1)')
      expect(ledgerComments(gh)).toHaveLength(1)
      expect(since.all().length).toBeLessThanOrEqual(8)
    })
  })

  it('a ledger comment damaged by a person’s edit: the next report rebuilds it from the escalations, the numbers the same', async () => {
    await withStaged(worked, async (gh) => {
      gh.clock.set('2026-11-25T09:00:00Z')
      await report(gh)
      const before = visible(gh)
      await damageLedger(gh)
      const result = await report(gh)
      expect(result.summary).toContain('(rebuilt from the issues)')
      expect(visible(gh)).toBe(before)
    })
  })

  // Fails today: the rebuild posts a new shard comment beside the damaged one and leaves that in place,
  // so every later run finds the ledger damaged: the sweep and the report rebuild it from every
  // escalation each time, and intake reads no records at all (no repeat customer is found again).
  it('after that rebuild the ledger is whole again: no rebuild on the next run, and intake finds the earlier escalation', async () => {
    await withStaged(worked, async (gh, { globex }) => {
      gh.clock.set('2026-11-25T09:00:00Z')
      await report(gh)
      await damageLedger(gh)
      await report(gh)
      const next = await report(gh)
      expect(next.summary).not.toContain('(rebuilt from the issues)')
      expect(ledgerComments(gh)).toHaveLength(1)
      const again = await fileCritical(gh, { title: '[Escalation] Globex: pipeline closed again' })
      expect(cardRow(gh, again, 'Earlier escalations')).toContain(`#${globex} Critical, 2026-11-24`)
    })
  })

  // Fails today: the ledger reads the shards it finds and, with its marker still in the report
  // issue, only asks for escalations changed since: a deleted shard is never missed, its records are lost.
  it('a ledger comment deleted: the next report rebuilds it from the escalations, the numbers the same', async () => {
    await withStaged(worked, async (gh) => {
      gh.clock.set('2026-11-25T09:00:00Z')
      await report(gh)
      const before = visible(gh)
      const [shard] = ledgerComments(gh)
      expect((await rest(gh, 'DELETE', `/issues/comments/${shard!.id}`)).status).toBe(204)
      await report(gh)
      expect(visible(gh)).toBe(before)
    })
  })

  // Fails today: with the default period its end is the clock, and the report says when it was generated
  // to the minute, so a later run with nothing new edits the report issue all the same.
  it('a re-run later the same day with nothing new writes nothing', async () => {
    await withStaged(worked, async (gh) => {
      gh.clock.set('2026-11-25T09:00:00Z')
      await report(gh)
      gh.clock.set('2026-11-25T09:40:00Z')
      const again = allRequests(gh)
      await report(gh)
      expect(again.describeWrites()).toEqual([])
    })
  })

  it('a fixed period from report-from and report-to: only what was filed in it; an empty one reads as quiet', async () => {
    await withStaged(worked, async (gh) => {
      gh.clock.set('2026-12-02T09:00:00Z')
      const later = await fileCritical(gh, { answers: { customer: 'Umbrella' }, title: '[Escalation] Umbrella: logins failing' })
      await say(gh, later, '/ack', 'olivia', 20)
      const november = await report(gh, { 'report-from': '2026-11-01', 'report-to': '2026-11-30' })
      expect(november.summary).toContain('**2 escalations** filed 2026-11-01 – 2026-11-30 · MTTA median **10m** (n = 2)')
      expect(visible(gh)).toContain('filed 2026-11-01 – 2026-11-30')
      expect(visible(gh)).not.toContain('Umbrella')
      expect(visible(gh)).toContain('_Generated on 2026-12-01 by Escalation Desk from its ledger._')
      const december = await report(gh, { 'report-from': '2026-12-01', 'report-to': '2026-12-31' })
      expect(december.summary).toContain('**1 escalation** filed 2026-12-01 – 2026-12-31 · MTTA median **20m** (n = 1)')
      const october = await report(gh, { 'report-from': '2026-10-01', 'report-to': '2026-10-31' })
      expect(october.summary).toContain('**No escalations filed between 2026-10-01 and 2026-10-31.**')
    })
  })
})
