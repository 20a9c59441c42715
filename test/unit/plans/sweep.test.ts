import { describe, expect, it } from 'vitest'
import { planSweepItem } from '../../../src/core/plans/sweep'
import { planThread } from '../../../src/core/plans/thread'
import type { IssueSnapshot } from '../../../src/core/snapshot'
import { applied, comment, config, derive, event, issue, writes } from '../snapshots'

const ACCEPTED = { viewerReactions: ['THUMBS_UP'] }

/** A tier-1 escalation filed at 09:00 whose first run posted the card. */
function filed(overrides: Partial<IssueSnapshot> = {}): IssueSnapshot {
  const fresh = issue({
    labels: ['escalation', 'tier-1'],
    events: [
      event('09:00', 'carla', { kind: 'labeled', label: 'escalation' }),
      event('09:00', 'carla', { kind: 'labeled', label: 'tier-1' }),
    ],
    ...overrides,
  })
  return applied(fresh, planThread(derive(fresh, '09:01'), config).actions, '09:01')
}

function sweep(snapshot: IssueSnapshot, now: string) {
  const item = planSweepItem(derive(snapshot, now), config, new Date(`2026-11-24T${now}:00Z`))
  return { item, after: applied(snapshot, item.actions, now) }
}

const statusBodies = (snapshot: IssueSnapshot) =>
  snapshot.comments.filter((c) => c.body.startsWith('<!-- escalation-desk:status')).map((c) => c.body)

describe('the sweep', () => {
  it('is quiet while nothing is owed: no comment, no write', () => {
    expect(sweep(filed(), '09:15').item.actions).toEqual([])
  })

  it('warns the owners once before the acknowledge target, then tells the contacts of the breach once', () => {
    const warned = sweep(filed(), '09:25')
    expect(writes(warned.item.actions)).toEqual(['create-comment:status', 'update-comment'])
    expect(statusBodies(warned.after)[0]).toContain('@olivia')
    expect(statusBodies(warned.after)[0]).not.toContain('@cto-casey')
    expect(sweep(warned.after, '09:28').item.actions).toEqual([])
    const breached = sweep(warned.after, '09:37')
    const status = statusBodies(breached.after)[1] ?? ''
    expect(status).toContain('Acknowledge SLA breached')
    expect(status).toContain('@cto-casey')
    expect(writes(breached.item.actions)).toEqual(['create-comment:status', 'add-labels', 'update-comment'])
    expect(sweep(breached.after, '09:52').item.actions).toEqual([])
  })

  it('folds a breach, a missed update and the digest into one comment, each person named once', () => {
    const late = sweep(filed(), '11:07')
    const created = late.item.actions.filter((action) => action.kind === 'create-comment')
    expect(created).toHaveLength(1)
    const text = statusBodies(late.after)[0] ?? ''
    expect(text).toContain('Acknowledge SLA breached')
    expect(text).toContain('Update overdue')
    expect(text.match(/@cto-casey/g)?.length).toBe(2)
  })

  it('says an overdue update once: the next digests carry no nag', () => {
    const acked = filed()
    acked.comments.push(comment('09:10', 'olivia', '/ack', ACCEPTED))
    const first = sweep(acked, '11:15')
    expect(statusBodies(first.after)[0]).toContain('Update overdue')
    const next = sweep(first.after, '13:20')
    expect(writes(next.item.actions)).toEqual(['create-comment:status', 'update-comment'])
    expect(statusBodies(next.after)[1]).not.toContain('Update overdue')
    expect(statusBodies(next.after)[1]).not.toContain('@')
  })

  it('posts nothing while waiting on the customer: the clocks are paused', () => {
    const waiting = filed()
    waiting.comments.push(
      comment('09:10', 'olivia', '/ack', ACCEPTED),
      comment('09:20', 'olivia', '/waiting customer exporting logs', ACCEPTED),
    )
    expect(sweep(waiting, '13:00').item.actions.filter((action) => action.kind === 'create-comment')).toEqual([])
  })

  it('flags an ETA that passed, naming the owners once', () => {
    const committed = filed()
    committed.comments.push(comment('09:10', 'olivia', '/status Restore running ETA: 10:00 UTC', ACCEPTED))
    const flagged = sweep(committed, '10:07')
    expect(statusBodies(flagged.after)[0]).toContain('ETA passed')
    expect(sweep(flagged.after, '10:22').item.actions).toEqual([])
  })
})
