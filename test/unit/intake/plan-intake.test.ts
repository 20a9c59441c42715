import { describe, expect, it } from 'vitest'
import { parseIssueBody } from '../../../src/core/form/parse-issue-body'
import { findMissingFields } from '../../../src/core/intake/check-required'
import { planIntake, type IntakeInput } from '../../../src/core/intake/plan-intake'
import { resolveTier } from '../../../src/core/intake/resolve-tier'
import type { Action } from '../../../src/core/plan'
import type { IssueSnapshot, RepoPermission } from '../../../src/core/snapshot'
import { FIELDS, at, body, comment, config, event, issue, template } from '../snapshots'

const filed = (overrides: Partial<IssueSnapshot> = {}) =>
  issue({
    state: 'open',
    stateReason: null,
    closedAt: null,
    labels: ['escalation'],
    events: [event('09:00', 'carla', { kind: 'labeled', label: 'escalation' })],
    ...overrides,
  })

const intake = (snapshot: IssueSnapshot, permissions: Record<string, RepoPermission> = {}): IntakeInput => ({
  issue: snapshot,
  config,
  template,
  parsed: parseIssueBody(snapshot.body, template),
  permissions: new Map(Object.entries(permissions)),
  now: at('09:05'),
})

/** Applies a plan to a snapshot the way GitHub would, so the next plan sees the result. */
function applied(snapshot: IssueSnapshot, actions: Action[]): IssueSnapshot {
  const next = {
    ...snapshot,
    labels: [...snapshot.labels],
    comments: [...snapshot.comments],
    assignees: [...snapshot.assignees],
    events: [...snapshot.events],
  }
  for (const action of actions) {
    if (action.kind === 'add-labels') next.labels.push(...action.labels)
    if (action.kind === 'add-labels')
      next.events.push(...action.labels.map((label) => event('09:05', 'github-actions', { kind: 'labeled', label, actorIsBot: true })))
    if (action.kind === 'remove-label') next.labels = next.labels.filter((label) => label !== action.label)
    if (action.kind === 'add-assignees') next.assignees.push(...action.logins)
    if (action.kind === 'create-comment') next.comments.push(comment('09:05', 'github-actions', action.body, { authorIsBot: true }))
    if (action.kind === 'update-comment')
      next.comments = next.comments.map((c) => (c.id === action.commentId ? { ...c, body: action.body } : c))
  }
  return next
}

describe('findMissingFields', () => {
  it('names absent, empty, placeholder and too-short answers by their form label', () => {
    const parsed = parseIssueBody(body({ ...FIELDS, 'root-cause': 'TBD.', impact: 'Sales blocked' }), template)
    expect(findMissingFields(parsed, template, config).map((field) => [field.label, field.reason])).toEqual([
      ['Root cause', 'placeholder'],
      ['Business impact', 'too-short'],
    ])
    const renamed = parseIssueBody(body().replace('### Root cause', '### Why it happened'), template)
    expect(findMissingFields(renamed, template, config).map((field) => field.reason)).toEqual(['absent'])
  })
})

describe('resolveTier', () => {
  it('removes a tier label from someone below its permission, and keeps the highest of the rest', () => {
    const snapshot = filed({
      labels: ['escalation', 'tier-1', 'tier-2', 'tier-3'],
      events: [
        event('09:00', 'rita', { kind: 'labeled', label: 'tier-1' }),
        event('09:01', 'olivia', { kind: 'labeled', label: 'tier-2' }),
        event('09:02', 'olivia', { kind: 'labeled', label: 'tier-3' }),
      ],
    })
    const decision = resolveTier({
      issue: snapshot,
      config,
      requestedTierIndex: null,
      permissions: new Map([
        ['rita', 'read'],
        ['olivia', 'maintain'],
      ]),
    })
    expect(decision.tier.label).toBe('tier-2')
    expect(decision.labelsToRemove).toEqual(['tier-1', 'tier-3'])
    expect(decision.notices.map((notice) => notice.key.split(':')[0])).toEqual(['tier-refused', 'tier-extra'])
  })

  it('honours the requested tier only when its filer could have labelled it', () => {
    const snapshot = filed()
    const asked = (permission: RepoPermission) =>
      resolveTier({ issue: snapshot, config, requestedTierIndex: 0, permissions: new Map([['carla', permission]]) })
    expect(asked('triage').tier.label).toBe('tier-1')
    expect(asked('read').tier.label).toBe(config.defaultTier)
    expect(asked('read').notices).toHaveLength(1)
  })
})

describe('planIntake', () => {
  it('writes nothing without the trigger label', () => {
    expect(planIntake(intake(filed({ labels: [] }))).actions).toEqual([])
  })

  it('converges: missing → complete → nothing more to do', () => {
    let snapshot = filed({ body: body({ ...FIELDS, 'root-cause': 'n/a' }) })
    const first = planIntake(intake(snapshot))
    expect(first.state).toBe('needs-info')
    snapshot = applied(snapshot, first.actions)
    expect(snapshot.labels).toEqual(['escalation', 'tier-3', 'needs-info'])
    expect(planIntake(intake(snapshot)).actions).toEqual([])

    snapshot = { ...snapshot, body: body() }
    const second = planIntake(intake(snapshot))
    expect(second.state).toBe('acknowledged')
    expect(second.actions.map((action) => action.kind)).toEqual(['remove-label', 'update-comment', 'create-comment'])
    snapshot = applied(snapshot, second.actions)
    expect(planIntake(intake(snapshot)).actions).toEqual([])
  })
})
