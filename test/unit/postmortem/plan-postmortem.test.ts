import { describe, expect, it } from 'vitest'
import type { Config } from '../../../src/config/types'
import {
  closedAsCompleted,
  planPostMortem,
  pullLocation,
  type PostMortemPlan,
  type PullInfo,
} from '../../../src/core/postmortem/plan-postmortem'
import { readMarker, renderMarker } from '../../../src/core/render/markers'
import { body, bot, config, FIELDS, input, issue } from '../snapshots'

type Publish = Extract<PostMortemPlan, { kind: 'publish' }>

function publish(plan: PostMortemPlan): Publish {
  if (plan.kind !== 'publish') throw new Error(`expected a publish plan, got ${plan.kind}`)
  return plan
}

const pull = (bodyText: string, extra: Partial<PullInfo> = {}): PullInfo => ({
  id: 'PR_9',
  number: 9,
  isDraft: false,
  state: 'OPEN',
  title: 't',
  body: bodyText,
  url: 'https://github.com/acme/support/pull/9',
  headRefName: 'postmortem/7-x',
  ...extra,
})

describe('closedAsCompleted', () => {
  it('is true for completed and for closes that predate state reasons (null)', () => {
    expect(closedAsCompleted(issue({ stateReason: 'completed' }))).toBe(true)
    expect(closedAsCompleted(issue({ stateReason: null }))).toBe(true)
  })

  it('is false for not_planned, duplicate, reasons this version does not know, and open issues', () => {
    for (const reason of ['not_planned', 'duplicate', 'resolved_upstream', 'reopened', 'COMPLETED '])
      expect(closedAsCompleted(issue({ stateReason: reason })), reason).toBe(false)
    expect(closedAsCompleted(issue({ state: 'open', stateReason: 'completed' }))).toBe(false)
  })
})

describe('planPostMortem', () => {
  it('skips issues that are not escalations, and open ones', () => {
    expect(planPostMortem(input(issue({ labels: ['bug'] })), null)).toEqual({ kind: 'skip', reason: 'not an escalation' })
    expect(planPostMortem(input(issue({ state: 'open', closedAt: null })), null)).toEqual({
      kind: 'skip',
      reason: 'the escalation is open',
    })
  })

  it('not completed: the configured comment once per close, keyed by reason and time; nothing when it is empty', () => {
    for (const stateReason of ['not_planned', 'duplicate', 'resolved_upstream']) {
      const plan = planPostMortem(input(issue({ stateReason })), null)
      expect(plan.kind).toBe('not-planned')
      if (plan.kind !== 'not-planned') continue
      expect(plan.actions).toHaveLength(1)
      const action = plan.actions[0]!
      expect(action.kind).toBe('create-comment')
      if (action.kind !== 'create-comment') continue
      const key = `closed-${stateReason}:2026-11-24T13:00:00.000Z`
      expect(readMarker(action.body)).toEqual({ kind: 'notice', data: { key } })
      expect(action.body).toContain('no post-mortem will be opened')

      const posted = bot('13:01', action.body)
      expect(planPostMortem(input(issue({ stateReason, comments: [posted] })), null)).toEqual({ kind: 'not-planned', actions: [] })
    }
    const silent: Config = { ...config, postMortem: { ...config.postMortem, notPlannedComment: '' } }
    expect(planPostMortem(input(issue({ stateReason: 'not_planned' }), { config: silent }), null)).toEqual({
      kind: 'not-planned',
      actions: [],
    })
  })

  it('completed: the document, where it goes, the PR title and body with the marker, the owners as reviewers', () => {
    const plan = publish(planPostMortem(input(issue()), null))
    expect(plan.location).toEqual({
      path: 'postmortems/2026-11-24-7-globex-every-open-opportunity-closed-overnight.md',
      branch: 'postmortem/7-globex-every-open-opportunity-closed-overnight',
    })
    expect(plan.title).toBe('Post-mortem: [Escalation] Globex: every open opportunity closed overnight (#7)')
    expect(plan.draft).toBe(false)
    expect(plan.missing).toEqual([])
    expect(readMarker(plan.body)).toEqual({
      kind: 'postmortem',
      data: { issue: 7, path: plan.location.path, branch: plan.location.branch },
    })
    expect(plan.body).toContain('closed 2026-11-24')
    expect(plan.body).not.toContain('Draft')
    expect(plan.document).toContain('## Root cause\n\nA stale-opportunity automation shipped without its stage filter.\n')
    expect(plan.document).not.toMatch(/\{\{\s*[a-z_]+\s*\}\}/)
    expect(plan.reviewers).toEqual([])
    expect(plan.teamReviewers).toEqual([])
  })

  it('splits owners and configured reviewers into people and teams, each once', () => {
    const tiers = config.tiers.map((tier) => (tier.label === 'tier-1' ? { ...tier, owners: ['olivia', 'tom'] } : tier))
    const withPeople: Config = {
      ...config,
      tiers,
      postMortem: { ...config.postMortem, reviewers: ['acme/support-leads', 'olivia', 'vp-sam'] },
    }
    const plan = publish(planPostMortem(input(issue(), { config: withPeople }), null))
    expect(plan.reviewers).toEqual(['olivia', 'tom', 'vp-sam'])
    expect(plan.teamReviewers).toEqual(['support-leads'])
  })

  it('a required field missing or a placeholder at close: a draft, named in the body, marked in the document', () => {
    const snapshot = issue({ body: body({ ...FIELDS, 'root-cause': 'TBD', impact: 'short' }) })
    const plan = publish(planPostMortem(input(snapshot), null))
    expect(plan.draft).toBe(true)
    expect(plan.missing.map((field) => [field.id, field.reason])).toEqual([
      ['root-cause', 'placeholder'],
      ['impact', 'too-short'],
    ])
    expect(plan.body).toContain('**Draft:** Root cause and Business impact missing at close')
    expect(plan.document).toContain('> **Draft:** Root cause and Business impact were missing at close')
    expect(plan.document).toContain('## Root cause\n\n> **Missing:** Root cause was not answered when the escalation closed.')
    expect(plan.document).not.toContain('TBD')
    expect(plan.document).toContain(
      '## Business impact\n\n> **Missing:** Business impact was too short to count when the escalation closed. Complete it during review.\n\nshort\n',
    )
  })

  it("keeps an existing PR's location even when the title changed", () => {
    const existing = { path: 'postmortems/2026-11-24-7-old-title.md', branch: 'postmortem/7-old-title' }
    const plan = publish(planPostMortem(input(issue({ title: 'Renamed' })), existing))
    expect(plan.location).toEqual(existing)
    expect(plan.title).toBe('Post-mortem: Renamed (#7)')
  })

  it("cuts a long title between characters and stays within GitHub's 256", () => {
    const title = `${'a'.repeat(226)}${'🚨'.repeat(100)}`
    const plan = publish(planPostMortem(input(issue({ title })), null))
    expect(plan.title.length).toBeLessThanOrEqual(256)
    expect(plan.title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect(plan.title.endsWith('… (#7)')).toBe(true)
    expect(plan.document.split('\n')[0]).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('pullLocation', () => {
  const marker = renderMarker('postmortem', { issue: 7, path: 'postmortems/a.md', branch: 'postmortem/7-a' })

  it("reads the path and branch from the marker of this escalation's PR", () => {
    expect(pullLocation(pull(`${marker}\nPost-mortem for escalation #7.`), 7)).toEqual({
      path: 'postmortems/a.md',
      branch: 'postmortem/7-a',
    })
  })

  it('ignores PRs of other escalations, without a marker, or with a damaged one', () => {
    expect(pullLocation(pull(marker), 8)).toBeNull()
    expect(pullLocation(pull('Post-mortem for escalation #7.'), 7)).toBeNull()
    expect(pullLocation(pull(`text first\n${marker}`), 7)).toBeNull()
    expect(pullLocation(pull('<!-- escalation-desk:postmortem {"issue":7,"path":3} -->'), 7)).toBeNull()
    expect(pullLocation(pull('<!-- escalation-desk:postmortem {not json} -->'), 7)).toBeNull()
    expect(pullLocation(pull(renderMarker('ack', { issue: 7, path: 'p', branch: 'b' })), 7)).toBeNull()
  })
})
