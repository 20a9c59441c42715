import { describe, expect, it } from 'vitest'
import { renderMarker } from '../../../src/core/render/markers'
import { assessEscalation } from '../../../src/core/sweep/assess'
import { planSweep, takeWithinBudget, withStatusBodies, type SweepInput } from '../../../src/core/sweep/plan-sweep'
import type { IssueSnapshot } from '../../../src/core/snapshot'
import { at, bot, comment, config, issue, template } from '../snapshots'

/** An open tier escalation filed at 09:00, olivia assigned. */
const open = (number: number, tier: string, overrides: Partial<IssueSnapshot> = {}) =>
  issue({ number, state: 'open', stateReason: null, closedAt: null, labels: ['escalation', tier], events: [], ...overrides })

const sweepAt = (time: string, issues: IssueSnapshot[], permitted: string[] = ['olivia']): SweepInput => ({
  issues,
  config,
  template,
  now: at(time),
  permitted: (login) => permitted.includes(login),
})

const status = (time: string) => bot(time, `${renderMarker('status', { key: 'k', at: at(time).toISOString(), breaches: [] })}\nstatus`)

describe('assessEscalation', () => {
  it('is due when now ≥ last update + cadence, counted from the last status, never from a grid', () => {
    const acknowledged = open(1, 'tier-1', { comments: [comment('09:10', 'olivia', 'On it.'), status('11:00')] })
    expect(assessEscalation(acknowledged, config, at('12:59'), () => true).due).toBe(false)
    const late = assessEscalation(acknowledged, config, at('18:00'), () => true)
    expect(late.due).toBe(true)
    expect(late.nextUpdateBy).toEqual(at('13:00'))
    expect(late.overdueMinutes).toBe(300)
  })

  it('counts a /status only when accepted: acknowledged with the action’s 👍, or by a permitted author', () => {
    const update = comment('10:00', 'rita', '/status restore running\nETA: 16:00 UTC')
    const snapshot = open(1, 'tier-1', { comments: [update] })
    expect(assessEscalation(snapshot, config, at('10:30'), () => false).lastHumanUpdate).toBeNull()
    const accepted = assessEscalation(snapshot, config, at('10:30'), (login) => login === 'rita')
    expect(accepted.lastHumanUpdate?.text).toBe('restore running\nETA: 16:00 UTC')
    expect(accepted.eta).toBe('16:00 UTC')
    expect(accepted.acknowledgedAt).toEqual(at('10:00'))
  })

  it('breaches acknowledge when nobody responds in time, and resolve once past the target', () => {
    const silent = assessEscalation(open(1, 'tier-1'), config, at('2026-11-25T10:00'), () => false)
    expect(silent.breaches.map((breach) => [breach.kind, breach.dueAt.toISOString()])).toEqual([
      ['acknowledge', at('09:30').toISOString()],
      ['resolve', at('2026-11-25T09:00').toISOString()],
    ])
    const answered = assessEscalation(
      open(1, 'tier-1', { comments: [comment('09:20', 'olivia', 'Looking.')] }),
      config,
      at('12:00'),
      () => false,
    )
    expect(answered.breaches).toEqual([])
  })
})

describe('planSweep and the write budget', () => {
  const issues = [
    open(1, 'tier-3', { comments: [comment('09:10', 'olivia', 'On it.')] }), // due only after a day
    open(2, 'tier-2', { comments: [comment('09:10', 'olivia', 'On it.')] }),
    open(3, 'tier-1', { comments: [comment('09:10', 'olivia', 'On it.')] }),
    open(4, 'tier-1'), // never acknowledged: breached
  ]

  it('orders breached before due, higher tier first, and plans nothing where nothing is due', () => {
    const work = planSweep(sweepAt('17:30', issues))
    expect(work.map((item) => item.assessment.issue.number)).toEqual([4, 3, 2, 1])
    expect(work.find((item) => item.assessment.issue.number === 1)!.actions).toEqual([])
    expect(work[0]!.actions.map((action) => (action.kind === 'create-comment' ? action.marker : action.kind))).toEqual([
      'add-labels',
      'breach',
      'status',
    ])
  })

  it('takes whole escalations within the budget, defers the rest, and writes status bodies only for those taken', () => {
    const work = planSweep(sweepAt('17:30', issues))
    const { now, deferred } = takeWithinBudget(work, 3)
    expect(now.map((item) => item.assessment.issue.number)).toEqual([4])
    expect(deferred.map((item) => item.assessment.issue.number)).toEqual([3, 2])
    const bodies = (items: typeof work) =>
      items.flatMap((item) =>
        item.actions.flatMap((action) => (action.kind === 'create-comment' && action.marker === 'status' ? [action.body] : [])),
      )
    expect(bodies(deferred)).toEqual(['', ''])
    const [written] = bodies(withStatusBodies(now, sweepAt('17:30', issues)))
    expect(written).toMatch(/^<!-- escalation-desk:status /)
    expect(written).toContain('### Status update: Critical (`tier-1`), SLA breached')
  })

  it('gives the whole budget to a first escalation that needs more writes than a run allows', () => {
    const { now, deferred } = takeWithinBudget(planSweep(sweepAt('2026-11-25T10:00', [open(4, 'tier-1')])), 2)
    expect(now[0]!.actions).toHaveLength(2)
    expect(deferred.map((item) => item.assessment.issue.number)).toEqual([4])
  })

  it('a second plan right after the first posted its comments is empty', () => {
    const posted = open(3, 'tier-1', { comments: [comment('09:10', 'olivia', 'On it.'), status('17:30')] })
    expect(planSweep(sweepAt('17:31', [posted]))[0]!.actions).toEqual([])
  })
})
