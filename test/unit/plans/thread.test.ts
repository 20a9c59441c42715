import { describe, expect, it } from 'vitest'
import { planThread } from '../../../src/core/plans/thread'
import type { IssueSnapshot } from '../../../src/core/snapshot'
import { FIELDS, applied, body, comment, config, derive, event, issue, writes } from '../snapshots'

const tier1 = (overrides: Partial<IssueSnapshot> = {}) =>
  issue({
    labels: ['escalation', 'tier-1'],
    events: [
      event('09:00', 'carla', { kind: 'labeled', label: 'escalation' }),
      event('09:00', 'carla', { kind: 'labeled', label: 'tier-1' }),
    ],
    ...overrides,
  })

/** Plans, applies, and plans again at the same moment: the second plan must be empty. */
function converge(snapshot: IssueSnapshot, now = '09:05') {
  const first = planThread(derive(snapshot, now), config)
  const after = applied(snapshot, first.actions)
  const second = planThread(derive(after, now), config)
  return { first, after, second }
}

describe('the first run on a new escalation', () => {
  it('posts one comment, the card, telling the tier’s people and owners at once, complete or not', () => {
    const { first, second } = converge(tier1({ body: body({ ...FIELDS, 'root-cause': 'unknown' }) }))
    const created = first.actions.filter((action) => action.kind === 'create-comment')
    expect(created).toHaveLength(1)
    const card = created[0]!
    expect(card.kind === 'create-comment' && card.marker).toBe('card')
    const text = card.kind === 'create-comment' ? card.body : ''
    for (const who of ['@acme/support-leads', '@vp-sam', '@olivia', '@carla']) expect(text).toContain(who)
    expect(text).toContain('The SLA clock is already running')
    expect(text).toContain('Open: waiting for an owner to acknowledge')
    expect(text).not.toMatch(/acknowledged/i)
    expect(writes(first.actions)).toEqual(['create-comment:card', 'add-labels', 'add-assignees'])
    expect(second.actions).toEqual([])
  })

  it('assigns the tier’s owners once; a person unassigning them is not undone', () => {
    const { after } = converge(tier1())
    const unassigned = {
      ...after,
      assignees: [],
      events: [...after.events, event('09:06', 'olivia', { kind: 'unassigned', assignee: 'olivia' })],
    }
    expect(writes(planThread(derive(unassigned, '09:07'), config).actions)).not.toContain('add-assignees')
  })
})

describe('later runs', () => {
  it('a tier raise tells the new tier’s people in one notice; a lowering tells nobody', () => {
    const { after } = converge(issue())
    const raised = {
      ...after,
      labels: [...after.labels.filter((label) => label !== 'tier-3'), 'tier-1'],
      events: [...after.events, event('09:35', 'olivia', { kind: 'labeled', label: 'tier-1' })],
    }
    const plan = planThread(derive(raised, '09:36'), config)
    const notices = plan.actions.filter((action) => action.kind === 'create-comment')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.kind === 'create-comment' && notices[0].body).toContain('@vp-sam')
    const again = applied(raised, plan.actions, '09:36')
    const lowered = {
      ...again,
      labels: [...again.labels.filter((label) => label !== 'tier-1'), 'tier-2'],
      events: [...again.events, event('10:00', 'olivia', { kind: 'labeled', label: 'tier-2' })],
    }
    expect(planThread(derive(lowered, '10:01'), config).actions.filter((action) => action.kind === 'create-comment')).toEqual([])
  })

  it('a refused tier label: the notice comes before the label’s removal, once', () => {
    const { after } = converge(issue())
    const labelled = {
      ...after,
      labels: [...after.labels, 'tier-1'],
      events: [...after.events, event('09:10', 'rita', { kind: 'labeled', label: 'tier-1' })],
    }
    const { first, second } = converge(labelled, '09:11')
    expect(writes(first.actions).slice(0, 2)).toEqual(['create-comment:notice', 'remove-label'])
    expect(second.actions).toEqual([])
  })

  it('answers refused commands once per person per day, accepted ones with a 👍 only', () => {
    const { after } = converge(issue())
    const thread = {
      ...after,
      comments: [
        ...after.comments,
        comment('09:10', 'rita', '/status hi'),
        comment('09:11', 'rita', '/ack'),
        comment('09:12', 'tom', '/ack'),
      ],
    }
    const { first, second } = converge(thread, '09:13')
    // The reactions come last: they mark the commands as carried out.
    expect(writes(first.actions)).toEqual(['create-comment:notice', 'update-comment', 'add-reaction', 'add-reaction', 'add-reaction'])
    expect(second.actions).toEqual([])
  })

  it('/resolve closes the issue before the 👍 that marks it carried out', () => {
    const { after } = converge(tier1())
    const resolving = { ...after, comments: [...after.comments, comment('10:00', 'olivia', '/resolve Restored from backup')] }
    const plan = planThread(derive(resolving, '10:01'), config)
    expect(plan.resolved).toBe(true)
    expect(writes(plan.actions).slice(-2)).toEqual(['close-issue', 'add-reaction'])
  })
})
