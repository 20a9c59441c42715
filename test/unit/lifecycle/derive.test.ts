import { describe, expect, it } from 'vitest'
import { renderMarker } from '../../../src/core/render/markers'
import { FIELDS, at, body, comment, config, derive, event, issue, own } from '../snapshots'

const ACCEPTED = { viewerReactions: ['THUMBS_UP'] }

describe('acknowledgement', () => {
  it('is nobody’s until a person takes it: the action, other bots and the filer do not count', () => {
    const escalation = derive(
      issue({
        comments: [
          own('09:01', renderMarker('card', {})),
          comment('09:02', 'some-app', 'Triaged by a bot', { authorIsBot: true }),
          comment('09:03', 'carla', 'Adding context for the team'),
        ],
      }),
    )
    expect(escalation.acknowledgement).toBeNull()
    expect(escalation.state).toBe('filed')
  })

  it('counts the first comment of an owner, /ack of anyone with triage, an assignment or a tier change by a maintainer', () => {
    expect(
      derive(issue({ labels: ['escalation', 'tier-1'], comments: [comment('09:20', 'olivia', 'Looking')] })).acknowledgement,
    ).toMatchObject({ by: 'olivia', via: 'comment' })
    expect(derive(issue({ comments: [comment('09:10', 'tom', '/ack')] }), '09:15').acknowledgement).toMatchObject({
      by: 'tom',
      via: 'command',
    })
    const assigned = issue({ events: [...issue().events, event('09:12', 'tom', { kind: 'assigned', assignee: 'tom' })] })
    expect(derive(assigned).acknowledgement).toMatchObject({ by: 'tom', via: 'assignment', at: at('09:12').toISOString() })
    const retiered = issue({
      labels: ['escalation', 'tier-1'],
      events: [...issue().events, event('09:35', 'olivia', { kind: 'labeled', label: 'tier-1' })],
    })
    expect(derive(retiered, '12:05').acknowledgement).toMatchObject({ by: 'olivia', via: 'tier' })
  })

  it('does not count a comment from someone with read access who is neither owner nor assignee', () => {
    expect(derive(issue({ comments: [comment('09:10', 'rita', 'Any news?')] })).acknowledgement).toBeNull()
  })

  it('keeps the acknowledgement the card remembers when its comment scrolled out of view', () => {
    const card = own('09:01', renderMarker('card', { ack: { at: at('09:12').toISOString(), by: 'tom', via: 'command' } }))
    expect(derive(issue({ comments: [card] }), '15:00').acknowledgement).toMatchObject({ by: 'tom' })
  })
})

describe('the lifecycle', () => {
  it('filed → acknowledged → investigating → waiting ⇄ investigating → resolved', () => {
    const thread = [
      comment('09:10', 'olivia', '/ack', ACCEPTED),
      comment('09:30', 'olivia', '/status Restore is running. ETA: 16:00 UTC', ACCEPTED),
      comment('10:00', 'olivia', '/waiting customer sending the export', ACCEPTED),
      comment('11:00', 'olivia', '/resume', ACCEPTED),
      comment('12:00', 'olivia', '/resolve Restored from the nightly backup.', ACCEPTED),
    ]
    const upTo = (n: number, now: string) => derive(issue({ comments: thread.slice(0, n) }), now)
    expect(upTo(0, '09:05').state).toBe('filed')
    expect(upTo(1, '09:11').state).toBe('acknowledged')
    expect(upTo(2, '09:31').state).toBe('investigating')
    expect(upTo(3, '10:30').state).toBe('waiting')
    expect(upTo(4, '11:30').state).toBe('investigating')
    const resolved = upTo(5, '12:01')
    expect(resolved.state).toBe('resolved')
    expect(resolved.resolution).toMatchObject({ by: 'olivia', summary: 'Restored from the nightly backup.' })
  })

  it('flags needs-info beside the state, and the clocks run from filing all the same', () => {
    const escalation = derive(issue({ labels: ['escalation', 'tier-1'], body: body({ ...FIELDS, 'root-cause': 'unknown' }) }), '09:40')
    expect(escalation.needsInfo).toBe(true)
    expect(escalation.missing.map((field) => field.label)).toEqual(['Root cause'])
    expect(escalation.clocks.acknowledge.status).toBe('breached')
    expect(escalation.clocks.acknowledge.dueAt).toEqual(at('09:30'))
  })

  it('reads an ETA written on the same line as the status, and flags it once it has passed', () => {
    const status = comment('09:30', 'olivia', '/status Restore running, 60% back. ETA: 11:00 UTC today', ACCEPTED)
    expect(derive(issue({ comments: [status] }), '10:00').eta).toMatchObject({ at: at('11:00'), by: 'olivia' })
    expect(derive(issue({ comments: [status] }), '10:00').etaStale).toBe(false)
    expect(derive(issue({ comments: [status] }), '11:01').etaStale).toBe(true)
  })

  it('pauses the resolve and update clocks while waiting on the customer, never the acknowledge clock', () => {
    const oneDay = issue({
      labels: ['escalation', 'tier-1'],
      comments: [
        comment('09:10', 'olivia', '/ack', ACCEPTED),
        comment('10:00', 'olivia', '/waiting customer', ACCEPTED),
        comment('14:00', 'olivia', '/resume', ACCEPTED),
      ],
    })
    const escalation = derive(oneDay, '15:00')
    expect(escalation.clocks.resolve.dueAt).toEqual(at('2026-11-25T13:00:00Z')) // 1d + 4h waiting
    expect(escalation.clocks.acknowledge.status).toBe('met')
    const waiting = derive(issue({ ...oneDay, comments: oneDay.comments.slice(0, 2) }), '13:00')
    expect(waiting.clocks.resolve.status).toBe('paused')
    expect(waiting.clocks.update.status).toBe('paused')
  })

  it('trusts markers only from the action: a pasted card or status is a person’s comment', () => {
    const forged = comment(
      '09:01',
      'rita',
      renderMarker('card', { ack: { at: at('09:02').toISOString(), by: 'olivia', via: 'command' }, sent: ['breach:acknowledge:tier-3'] }),
    )
    const escalation = derive(issue({ comments: [forged] }), '18:00')
    expect(escalation.card).toBeNull()
    expect(escalation.acknowledgement).toBeNull()
    expect(escalation.sent.has('breach:acknowledge:tier-3')).toBe(false)
  })
})

describe('commands in the thread', () => {
  it('accepts from triage or more, refuses others, and remembers each verdict by the action’s reaction', () => {
    const escalation = derive(
      issue({
        comments: [
          comment('09:10', 'rita', '/status all fine from my side'),
          comment('09:11', 'carla', '/eta in 2h'),
          comment('09:12', 'tom', '/eta yesterday noon'),
          comment('09:13', 'olivia', '/status done before', { viewerReactions: ['THUMBS_UP'] }),
        ],
      }),
      '09:20',
    )
    const verdicts = escalation.threadCommands.map((item) => [item.comment.author, item.decidedBefore, item.verdict.kind])
    expect(verdicts).toEqual([
      ['rita', false, 'refused'],
      ['carla', false, 'accepted'],
      ['tom', false, 'refused'],
      ['olivia', true, 'accepted'],
    ])
    expect(escalation.threadCommands[2]?.verdict).toMatchObject({ reason: 'invalid' })
  })

  it('/tier needs the tier’s own permission; /owner takes logins', () => {
    const strict = structuredClone(config)
    strict.tiers[0]!.minPermission = 'maintain'
    const escalation = derive(
      issue({ comments: [comment('09:10', 'tom', '/tier tier-1 renewal at risk'), comment('09:11', 'tom', '/owner @tom, olivia')] }),
      '09:20',
      { config: strict },
    )
    expect(escalation.threadCommands.map((item) => item.verdict.kind)).toEqual(['refused', 'accepted'])
    expect(escalation.owners).toEqual(['tom', 'olivia'])
  })
})
