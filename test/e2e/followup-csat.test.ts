/**
 * Customer satisfaction after the close: the resolved notice asks the filer for `/csat`; a low
 * rating tells the tier's escalation contacts once and goes into the open post-mortem's document;
 * only the people asked (or the team) may rate; the sweep reminds once after two business days
 * without a rating, and tells the contacts once when an SLA was missed and nobody rated it.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import { section } from './postmortem-helpers'
import {
  allRequests,
  cardRow,
  documentOf,
  fileCritical,
  mergeAndRun,
  noticesTo,
  noticeTexts,
  pushItems,
  resolvedEscalation,
  say,
  sweep,
  type Pull,
} from './followup-helpers'
import { stageOnce, withStaged } from './staged'
import { withRepo } from './thread'

const ASK = '@carla, once you have talked to Globex Corporation, record how they rate the handling: `/csat <1-5> [comment]`.'
const REMINDER = '@carla, a reminder: once you have talked to the customer, record how they rate the handling'
const UNRATED_MISS = "@cto-casey: this escalation missed an SLA target and the customer's view is not recorded yet"

const headOf = (gh: LocalGitHub, pull: Pull) => gh.pulls().find((candidate) => candidate.number === pull.number)!
const satisfaction = (gh: LocalGitHub, pull: Pull) => section(documentOf(gh, headOf(gh, pull)), 'Customer satisfaction')

/** Most tests start from one resolved escalation with its post-mortem PR open, staged once. */
const resolved = stageOnce(resolvedEscalation)

describe.concurrent('customer satisfaction', () => {
  it('the resolved notice asks carla; her /csat 2 is accepted, shown on the card, told to cto-casey once, written into the open post-mortem', async () => {
    await withStaged(resolved, async (gh, { number, pull }) => {
      expect(noticeTexts(gh, number).filter((text) => text.includes('**Resolved.**'))[0]).toContain(ASK)
      const branchBefore = gh.branchSha(pull.head.ref)

      const rating = await say(gh, number, '/csat 2 too slow', 'carla', 30) // 10:40
      expect(rating.accepted).toBe(true)
      expect(cardRow(gh, number, 'Customer satisfaction')).toBe('2/5 from carla at 2026-11-24 10:40 UTC: too slow')
      const told = noticesTo(gh, number, 'cto-casey')
      expect(told).toHaveLength(1)
      expect(told[0]).toContain('Globex Corporation rated the handling of this escalation 2/5 ("too slow"), recorded by carla.')
      expect(gh.branchSha(pull.head.ref)).not.toBe(branchBefore)
      expect(satisfaction(gh, pull)).toContain('2/5, recorded by carla at 2026-11-24 10:40 UTC')
      expect(satisfaction(gh, pull)).toContain('too slow')
      expect(gh.pulls()).toHaveLength(1)

      // Any later run on the escalation tells nobody again.
      const since = allRequests(gh)
      await say(gh, number, 'Called Hank: he expects the root-cause write-up by Friday.', 'olivia')
      expect(noticesTo(gh, number, 'cto-casey')).toHaveLength(1)
      expect(since.describeWrites()).toEqual([])
    })
  })

  // Fails today: the rating is written by rendering the whole document afresh, so the reviewers'
  // commit on the PR branch (their preventive actions) is replaced, not updated.
  it('a rating after the reviewers pushed their checklist keeps their edits in the document', async () => {
    await withStaged(resolved, async (gh, { number, pull }) => {
      const item = '- [ ] Add a regression test for the stage filter @tom due 2026-12-15'
      await pushItems(gh, pull, [item], { run: false })
      expect((await say(gh, number, '/csat 4 quick recovery', 'carla')).accepted).toBe(true)
      expect(satisfaction(gh, pull)).toContain('4/5, recorded by carla')
      expect(section(documentOf(gh, headOf(gh, pull)), 'Preventive action items')).toContain(item)
    })
  })

  it('rita (read access, not the filer) may not rate: refused, the card unchanged', async () => {
    await withStaged(resolved, async (gh, { number }) => {
      const attempt = await say(gh, number, '/csat 5 all good', 'rita')
      expect(attempt.refused).toBe(true)
      expect(cardRow(gh, number, 'Customer satisfaction')).toMatch(/^not recorded yet/)
    })
  })

  it('a rating after the merge: the card shows it, no follow-up post-mortem PR', async () => {
    await withStaged(resolved, async (gh, { number, pull }) => {
      await mergeAndRun(gh, pull)
      const since = allRequests(gh)
      expect((await say(gh, number, '/csat 5 they were delighted', 'carla', 60)).accepted).toBe(true)
      expect(cardRow(gh, number, 'Customer satisfaction')).toContain('5/5 from carla')
      expect(gh.pulls()).toHaveLength(1)
      expect(since.all().filter((request) => request.route.startsWith('/repos/{owner}/{repo}/git/'))).toEqual([])
      expect(noticesTo(gh, number, 'cto-casey')).toEqual([])
    })
  })

  it('no rating two business days after the close: the sweep reminds carla once; a rating before then: no reminder', async () => {
    await withStaged(resolved, async (gh, { number }) => {
      // `number` was closed on Tuesday 2026-11-24 at 10:10
      const rated = (await resolvedEscalation(gh, { title: '[Escalation] Initech: invoices doubled' })).number
      expect((await say(gh, rated, '/csat 4', 'carla')).accepted).toBe(true)
      gh.clock.set('2026-11-26T10:00:00Z')
      await sweep(gh)
      expect(noticesTo(gh, number, 'carla').filter((text) => text.includes(REMINDER))).toEqual([])
      gh.clock.set('2026-11-26T10:30:00Z')
      await sweep(gh)
      expect(noticesTo(gh, number, 'carla').filter((text) => text.includes(REMINDER))).toHaveLength(1)
      gh.clock.set('2026-11-27T10:30:00Z')
      await sweep(gh)
      expect(noticesTo(gh, number, 'carla').filter((text) => text.includes(REMINDER))).toHaveLength(1)
      expect(noticeTexts(gh, rated).filter((text) => text.includes(REMINDER))).toEqual([])
      // No SLA was missed: the contacts are not told of a missing rating.
      expect(noticesTo(gh, number, 'cto-casey')).toEqual([])
    })
  })

  it('an escalation that breached its acknowledge SLA and has no rating: the contacts are told once, with the reminder', async () => {
    await withRepo(async (gh) => {
      const number = await fileCritical(gh) // 09:00, acknowledge within 30m
      gh.clock.set('2026-11-24T09:38:00Z')
      await sweep(gh) // the breach is told
      expect((await say(gh, number, '/ack', 'olivia')).accepted).toBe(true)
      expect((await say(gh, number, '/resolve Restored from the nightly backup.', 'olivia', 60)).accepted).toBe(true)
      gh.clock.set('2026-11-26T11:00:00Z')
      await sweep(gh)
      const followUp = noticeTexts(gh, number).filter((text) => text.includes(UNRATED_MISS))
      expect(followUp).toHaveLength(1)
      expect(followUp[0]).toContain(REMINDER)
      gh.clock.set('2026-11-27T11:00:00Z')
      await sweep(gh)
      expect(noticeTexts(gh, number).filter((text) => text.includes(UNRATED_MISS))).toHaveLength(1)
    })
  })
})
