/**
 * Repeat customers through the bundle: the sweep keeps a ledger of escalations on the report
 * issue, and intake looks a customer up in it. One customer written three ways is one customer;
 * with two earlier escalations (the threshold) the third is a repeat customer: labelled, its
 * history on the card, the tier's escalation contacts told once, a sponsor recorded with `/sponsor`.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import { runAction } from '../harness'
import { CRITICAL, cardOf, cardRow, say, sweep } from './followup-helpers'
import { botComments, expectSuccess, fileEscalation, mark, withRepo } from './thread'

/**
 * Files a Critical escalation for `customer` as carla and runs intake on each event GitHub
 * delivers; returns its number, the card as first posted, and what its `opened` run cost.
 */
async function fileFor(gh: LocalGitHub, customer: string, title: string) {
  const { events, number } = fileEscalation(gh, { answers: { ...CRITICAL, customer }, title })
  const since = mark(gh)
  expectSuccess(await runAction(gh, events[0]!))
  const cost = { requests: since.requests().length, ledgerRequests: since.ledger().length, writes: since.writes().length }
  const posted = cardOf(gh, number)
  for (const event of events.slice(1)) expectSuccess(await runAction(gh, event))
  return { number, posted, ...cost }
}

/** Comments by the action on the issue that mention `@login`. */
const mentioning = (gh: LocalGitHub, number: number, login: string) =>
  botComments(gh, number).filter((comment) => (comment.body ?? '').includes(`@${login}`))

describe.concurrent('repeat customers', () => {
  it('Globex three ways, a sweep between each: the second lists the first, the third is a repeat customer; /sponsor is recorded', async () => {
    await withRepo(async (gh) => {
      const first = await fileFor(gh, 'Globex Corporation', '[Escalation] Globex: every open opportunity closed overnight')
      expect(cardRow(gh, first.number, 'Earlier escalations')).toBeUndefined()
      await say(gh, first.number, '/ack', 'olivia', 10)
      await say(gh, first.number, '/resolve Restored from the nightly backup.', 'olivia', 60)
      gh.clock.set('2026-11-25T09:00:00Z')
      await sweep(gh)
      expect(gh.issuesWithLabel('escalation-report')).toHaveLength(1)

      gh.clock.set('2026-12-02T09:00:00Z')
      const second = await fileFor(gh, 'GLOBEX corp.', '[Escalation] Globex: forecast totals wrong')
      expect(cardRow(gh, second.number, 'Earlier escalations')).toBe(
        `#${first.number} Critical, 2026-11-24, resolved, SLA met (last 180 days)`,
      )
      expect(cardRow(gh, second.number, 'Repeat customer')).toBeUndefined()
      expect(gh.labelsOf(second.number)).not.toContain('repeat-customer')
      expect(second.posted).not.toContain('@cto-casey')
      expect(mentioning(gh, second.number, 'cto-casey')).toEqual([])
      gh.clock.set('2026-12-02T09:20:00Z')
      await sweep(gh)

      gh.clock.set('2026-12-09T09:00:00Z')
      const third = await fileFor(gh, 'Globex, Inc.', '[Escalation] Globex: reports empty')
      console.log(
        `intake of a repeat customer: ${third.requests} requests (${third.writes} writes) + ${third.ledgerRequests} for the ledger; ` +
          `a first-time customer: ${first.requests} requests (${first.writes} writes) + ${first.ledgerRequests}`,
      )
      expect(gh.labelsOf(third.number)).toContain('repeat-customer')
      const history = cardRow(gh, third.number, 'Earlier escalations')!
      expect(history).toContain(`#${second.number} Critical, 2026-12-02`)
      expect(history).toContain(`#${first.number} Critical, 2026-11-24, resolved, SLA met`)
      expect(history.indexOf(`#${second.number}`)).toBeLessThan(history.indexOf(`#${first.number}`))
      expect(cardRow(gh, third.number, 'Repeat customer')).toBe('yes; no executive sponsor yet: name one with `/sponsor @login`')
      // The card as posted tells cto-casey (a mention in a new comment notifies; one added by an edit would not).
      expect(third.posted).toContain(
        `@cto-casey: Globex, Inc. has escalated 2 times before in the last 180 days (#${second.number}, #${first.number}). A repeat customer may need an executive sponsor`,
      )
      // Later runs (the labeled event, a /status) keep the prompt on the page for the person it mentioned.
      await say(gh, third.number, '/ack', 'olivia')
      expect(cardOf(gh, third.number)).not.toBe(third.posted)
      expect(cardOf(gh, third.number)).toContain('A repeat customer may need an executive sponsor: name one with `/sponsor @login`.')
      // The ledger is read once, at intake; the escalation's own work stays what any intake costs.
      expect(third.ledgerRequests).toBeLessThanOrEqual(1)
      expect(third.requests).toBeLessThanOrEqual(first.requests + 2)

      const sponsor = await say(gh, third.number, '/sponsor @vp-sam', 'olivia')
      expect(sponsor.accepted).toBe(true)
      expect(cardRow(gh, third.number, 'Repeat customer')).toBe('yes; executive sponsor: vp-sam')
      // Answered: the prompt leaves the card.
      expect(cardOf(gh, third.number)).not.toContain('may need an executive sponsor')
      await say(gh, third.number, '/status Restore running.', 'olivia')
      // Told once: no later comment names the contacts again.
      expect(mentioning(gh, third.number, 'cto-casey').filter((comment) => !comment.body?.startsWith('<!-- escalation-desk:card'))).toEqual(
        [],
      )
      expect(gh.labelsOf(first.number)).not.toContain('repeat-customer')
    })
  })

  it('Initech is another customer; “The Globex Company” is Globex: one earlier escalation listed, not a repeat customer', async () => {
    await withRepo(async (gh) => {
      const globex = await fileFor(gh, 'Globex Corporation', '[Escalation] Globex: every open opportunity closed overnight')
      gh.clock.advance(60)
      await sweep(gh)
      gh.clock.advance(60)
      const initech = await fileFor(gh, 'Initech', '[Escalation] Initech: invoices doubled')
      expect(cardRow(gh, initech.number, 'Earlier escalations')).toBeUndefined()
      const again = await fileFor(gh, 'The Globex Company', '[Escalation] Globex: pipeline closed again')
      expect(cardRow(gh, again.number, 'Earlier escalations')).toBe(`#${globex.number} Critical, 2026-11-24, filed (last 180 days)`)
      expect(cardRow(gh, again.number, 'Repeat customer')).toBeUndefined()
      expect(gh.labelsOf(again.number)).not.toContain('repeat-customer')
    })
  })
})
