import { describe, expect, it } from 'vitest'
import { startLocalGitHub } from '../../local-github'

describe('a snapshot of a local GitHub', () => {
  it('brings another to the same point, ids and clock included, and serves many restores', async () => {
    const first = await startLocalGitHub()
    const second = await startLocalGitHub()
    try {
      first.clock.set('2026-11-24T09:00:00Z')
      first.createLabel('escalation')
      first.setCollaborator('olivia', 'write')
      first.addToken('ghs_app', { login: 'escalation-desk', kind: 'app' })
      const { number } = first.act.openIssue({ by: 'carla', title: 'Globex', body: 'b', labels: ['escalation'] })
      const { commentId } = first.act.comment(number, '/ack', 'olivia')
      first.act.react(commentId, '+1', 'olivia')
      first.putFile('postmortems/1.md', '# Post-mortem\n', 'postmortem/1')
      const snapshot = first.snapshot()

      second.restore(snapshot)
      // The same records, each served at its own address.
      const seen = (gh: typeof first, value: unknown) => JSON.stringify(value).replaceAll(gh.url, 'API')
      expect(second.clock.now().toISOString()).toBe('2026-11-24T09:00:00.000Z')
      expect(seen(second, second.issue(number))).toBe(seen(first, first.issue(number)))
      expect(seen(second, second.comments(number))).toBe(seen(first, first.comments(number)))
      expect(second.readFile('postmortem/1', 'postmortems/1.md')).toBe('# Post-mortem\n')
      // The next ids are the same on both: what the restored GitHub creates matches the original's.
      const next = (gh: typeof first) => gh.act.comment(number, 'later', 'carla').commentId
      expect(next(second)).toBe(next(first))

      // Changes after the restore are the restored GitHub's own; restoring again undoes them.
      second.act.openIssue({ by: 'carla', title: 'Initech', body: '' })
      second.restore(snapshot)
      expect(second.inventory().numbers).toEqual([number])
      expect(second.comments(number)).toHaveLength(1)
    } finally {
      await Promise.all([first.close(), second.close()])
    }
  })

  it('adds the repositories the snapshot has beyond this GitHub’s, and refuses other ones', async () => {
    const first = await startLocalGitHub()
    const second = await startLocalGitHub()
    const third = await startLocalGitHub({ repo: 'sales' })
    try {
      first.addRepository('billing').putFile('.github/escalations.yml', 'tiers: []\n')
      second.restore(first.snapshot())
      expect(second.repository('billing').readFile('main', '.github/escalations.yml')).toBe('tiers: []\n')
      expect(() => third.restore(first.snapshot())).toThrow('acme/support, acme/billing in the snapshot, acme/sales, acme/billing here')
    } finally {
      await Promise.all([first.close(), second.close(), third.close()])
    }
  })
})
