import { describe, expect, it } from 'vitest'
import { buildTimeline } from '../../../src/core/postmortem/timeline'
import { renderMarker } from '../../../src/core/render/markers'
import { at, bot, comment, config, event, issue } from '../snapshots'

const row = (entry: { at: Date; what: string; by: string }) => `${entry.at.toISOString().slice(11, 16)} ${entry.what} — ${entry.by}`

describe('buildTimeline', () => {
  it('lists filing, escalation, tier changes, assignments, breaches, closing and reopening, oldest first', () => {
    const snapshot = issue({
      events: [
        event('13:00', 'olivia', { kind: 'closed', stateReason: 'completed' }),
        event('09:00', 'carla', { kind: 'labeled', label: 'escalation' }),
        event('09:00', 'carla', { kind: 'labeled', label: 'tier-2' }),
        event('09:01', 'github-actions', { kind: 'assigned', assignee: 'olivia', actorIsBot: true }),
        event('09:40', 'olivia', { kind: 'labeled', label: 'tier-1' }),
        event('09:40', 'olivia', { kind: 'unlabeled', label: 'tier-2' }),
        event('10:00', 'github-actions', { kind: 'labeled', label: 'sla-breached', actorIsBot: true }),
        event('10:05', 'olivia', { kind: 'labeled', label: 'customer-x' }),
        event('11:00', 'olivia', { kind: 'unassigned', assignee: 'tom' }),
        event('11:30', 'olivia', { kind: 'closed', stateReason: 'not_planned' }),
        event('11:45', 'carla', { kind: 'reopened', stateReason: 'reopened' }),
      ],
    })
    expect(buildTimeline(snapshot, config).map(row)).toEqual([
      '09:00 Issue filed — carla',
      '09:00 Escalated — carla',
      '09:00 Tier set to tier-2 — carla',
      '09:01 Assigned to olivia — Escalation Desk',
      '09:40 Tier set to tier-1 — olivia',
      '09:40 Tier tier-2 removed — olivia',
      '10:00 SLA breached — Escalation Desk',
      '11:00 Unassigned tom — olivia',
      '11:30 Closed (not_planned) — olivia',
      '11:45 Reopened — carla',
      '13:00 Closed (completed) — olivia',
    ])
  })

  it('keeps accepted /status updates and comments marked 🚀; leaves out other comments', () => {
    const snapshot = issue({
      events: [],
      comments: [
        comment('10:15', 'olivia', '/status Restore running; 60% back.\nETA: 16:00 UTC', { viewerReactions: ['THUMBS_UP'] }),
        comment('10:20', 'rita', '/status I heard it is fixed?'), // not accepted
        comment('10:30', 'tom', 'Joining the call at noon.'),
        comment('12:30', 'olivia', '\n\nRestore complete: all back.\nGlobex confirmed.', { markedForTimeline: true }),
        comment('12:40', 'github-actions', 'I am a bot comment without a marker', { authorIsBot: true, markedForTimeline: true }),
      ],
    })
    expect(buildTimeline(snapshot, config).map(row)).toEqual([
      '09:00 Issue filed — carla',
      '10:15 Status: Restore running; 60% back. — olivia',
      '12:30 Restore complete: all back. — olivia',
    ])
  })

  it("names the action's own comments by their marker, and only when a bot wrote them", () => {
    const snapshot = issue({
      events: [],
      comments: [
        bot('09:00', `${renderMarker('missing')}\nPlease add the root cause.`),
        bot('09:20', `${renderMarker('ack')}\nAcknowledged.`),
        bot('09:20', `${renderMarker('notify', { key: 'tier-1' })}\nTold.`),
        bot('11:00', `${renderMarker('status', {})}\nStatus.`),
        bot('11:00', `${renderMarker('breach', {})}\nBreached.`),
        bot('11:10', `${renderMarker('notice', { key: 'x' })}\nA notice.`),
        comment('11:20', 'mallory', `${renderMarker('ack')}\nFake acknowledgement.`),
      ],
    })
    expect(buildTimeline(snapshot, config).map(row)).toEqual([
      '09:00 Issue filed — carla',
      '09:00 Required information requested — Escalation Desk',
      '09:20 Escalation acknowledged — Escalation Desk',
      '09:20 Tier contacts notified — Escalation Desk',
      '11:00 Status update posted — Escalation Desk',
      '11:00 SLA breach notified — Escalation Desk',
    ])
  })

  it('cuts long first lines to 160 characters between characters, never inside an emoji', () => {
    const text = `${'a'.repeat(158)}🚀🚀 and more`
    const snapshot = issue({ events: [], comments: [comment('10:00', 'olivia', text, { markedForTimeline: true })] })
    const entry = buildTimeline(snapshot, config)[1]!
    expect(entry.what).toBe(`${'a'.repeat(158)}…`)
    expect(entry.what.length).toBeLessThanOrEqual(160)
    const emoji = `${'a'.repeat(157)}🚀🚀 and more`
    expect(
      buildTimeline(issue({ events: [], comments: [comment('10:00', 'olivia', emoji, { markedForTimeline: true })] }), config)[1]!.what,
    ).toBe(`${'a'.repeat(157)}🚀…`)
  })

  it('orders entries at the same minute as they happened, with the filing first', () => {
    const snapshot = issue({
      events: [event('09:00', 'carla', { kind: 'labeled', label: 'escalation' })],
      comments: [comment('09:00', 'olivia', 'On it.', { markedForTimeline: true })],
    })
    const timeline = buildTimeline(snapshot, config)
    expect(timeline.map((entry) => entry.what)).toEqual(['Issue filed', 'Escalated', 'On it.'])
    expect(timeline.every((entry) => entry.at.getTime() === at('09:00').getTime())).toBe(true)
  })
})
