import { describe, expect, it } from 'vitest'
import { closeConfirmed, planPostMortem, pullLocation, type PullInfo } from '../../../src/core/postmortem/plan-postmortem'
import { buildTimeline } from '../../../src/core/postmortem/timeline'
import { renderMarker } from '../../../src/core/render/markers'
import { builtInPostMortemTemplate } from '../../../src/templates.generated'
import { applied, comment, config, derive, event, issue } from '../snapshots'
import { planThread } from '../../../src/core/plans/thread'

const ACCEPTED = { viewerReactions: ['THUMBS_UP'] }

const pull = (body: string, extra: Partial<PullInfo> = {}): PullInfo => ({
  id: 'PR_9',
  number: 9,
  isDraft: false,
  state: 'OPEN',
  title: 't',
  body,
  url: 'https://github.com/acme/support/pull/9',
  headRefName: 'postmortem/7-globex',
  byAction: true,
  labels: [],
  requestedReviewers: [],
  ...extra,
})

const marker = (data: Record<string, unknown>) =>
  renderMarker('postmortem', { issue: 7, path: 'postmortems/2026-11-24-7-globex.md', branch: 'postmortem/7-globex', ...data })

describe('pullLocation trusts only the action’s own PR, and checks what its marker says', () => {
  it('reads the path and branch of this escalation’s PR', () => {
    expect(pullLocation(pull(marker({})), 7, config)).toEqual({ path: 'postmortems/2026-11-24-7-globex.md', branch: 'postmortem/7-globex' })
  })

  it('ignores a forged marker: someone else’s PR, another issue, a path outside the folder, a branch outside postmortem/', () => {
    expect(pullLocation(pull(marker({}), { byAction: false }), 7, config)).toBeNull()
    expect(pullLocation(pull(marker({ issue: 8 })), 7, config)).toBeNull()
    expect(pullLocation(pull(marker({ path: 'README.md', branch: 'main' }), { headRefName: 'main' }), 7, config)).toBeNull()
    expect(pullLocation(pull(marker({ path: 'postmortems/../README.md' })), 7, config)).toBeNull()
    expect(pullLocation(pull(marker({ branch: 'main' }), { headRefName: 'main' }), 7, config)).toBeNull()
    expect(pullLocation(pull(marker({}), { headRefName: 'postmortem/other' }), 7, config)).toBeNull()
  })
})

function worked() {
  const start = issue({
    labels: ['escalation', 'tier-1'],
    events: [
      event('09:00', 'carla', { kind: 'labeled', label: 'escalation' }),
      event('09:00', 'carla', { kind: 'labeled', label: 'tier-1' }),
    ],
  })
  const carded = applied(start, planThread(derive(start, '09:01'), config).actions, '09:01')
  carded.labels.push('tier-2')
  carded.events.push(
    event('09:05', 'rita', { kind: 'labeled', label: 'tier-2' }),
    event('09:06', 'github-actions', { kind: 'unlabeled', label: 'tier-2', byAction: true, actorIsBot: true }),
  )
  carded.labels = carded.labels.filter((label) => label !== 'tier-2')
  carded.comments.push(
    comment('09:12', 'olivia', '/ack', ACCEPTED),
    comment('09:40', 'olivia', '/status Restore running ETA: 14:00 UTC', ACCEPTED),
    comment('10:00', 'olivia', '/waiting customer exporting the audit log', ACCEPTED),
    comment('11:00', 'olivia', '/resume', ACCEPTED),
    comment('11:30', 'olivia', '/timeline Globex confirmed the restore on a call', ACCEPTED),
    comment('12:00', 'olivia', '/resolve Restored from the nightly backup; stage filter added.', ACCEPTED),
  )
  return {
    ...carded,
    state: 'closed' as const,
    stateReason: 'completed',
    closedAt: new Date('2026-11-24T12:00:05Z'),
    events: [
      ...carded.events,
      event('12:00', 'github-actions', { kind: 'closed', stateReason: 'completed', byAction: true, actorIsBot: true }),
    ],
  }
}

describe('the post-mortem follows the lifecycle', () => {
  it('timeline: acknowledgement, commands and pauses on one clock; no row for a refused label', () => {
    const rows = buildTimeline(derive(worked(), '12:01'), config).map(
      (entry) => `${entry.at.toISOString().slice(11, 16)} ${entry.what} | ${entry.by}`,
    )
    expect(rows).toEqual([
      '09:00 Issue filed | carla',
      '09:00 Tier: Critical (tier-1), label | carla',
      '09:12 Acknowledged (by command) | olivia',
      '09:40 Status: Restore running ETA: 14:00 UTC | olivia',
      '10:00 Waiting on the customer: exporting the audit log (clocks paused) | olivia',
      '11:00 Resumed (clocks running) | olivia',
      '11:30 Globex confirmed the restore on a call | olivia',
      '12:00 Resolved: Restored from the nightly backup; stage filter added. | olivia',
    ])
  })

  it('a /resolve confirms the close; an outsider’s close does not', () => {
    expect(closeConfirmed(derive(worked(), '12:01'), config, new Map())).toBe(true)
    const outsider = issue({
      state: 'closed',
      stateReason: 'completed',
      closedAt: new Date('2026-11-24T10:00:00Z'),
      events: [...issue().events, event('10:00', 'rita', { kind: 'closed', stateReason: 'completed' })],
    })
    expect(closeConfirmed(derive(outsider, '10:01'), config, new Map([['rita', 'read']]))).toBe(false)
    expect(closeConfirmed(derive(outsider, '10:01'), config, new Map([['rita', 'triage']]))).toBe(true)
  })

  it('the document has the ask, the SLA with the wait excluded, the people; the PR asks the filer to review; the title drops the prefix', () => {
    const plan = planPostMortem({ escalation: derive(worked(), '12:01'), config, documentTemplate: builtInPostMortemTemplate }, null)
    if (plan.kind !== 'publish') throw new Error(plan.reason)
    expect(plan.title).toBe('Post-mortem: Globex: every open opportunity closed overnight (#7)')
    expect(plan.reviewers).toEqual(['olivia', 'carla'])
    expect(plan.document).toContain('## The ask from leadership\n\nA call with their VP of Sales this week.')
    expect(plan.document).toContain('Waited on the customer for 1h in all (clocks paused).')
    expect(plan.document).toContain('- Filed by: carla')
    expect(plan.document).toContain('- Escalation contacts (Critical): cto-casey')
    expect(plan.document).not.toContain('tier-2')
  })
})
