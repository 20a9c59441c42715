/**
 * Only what the action itself wrote is trusted, and every permission that matters is checked
 * against the person (or App) who caused it: markers typed by others, another App's comments
 * and tier labels, and the action running under a personal token.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver, teamConfig } from './scenario'
import { botComments, expectSuccess, fileEscalation, mark, onlyComment, ownComments, withRepo } from './thread'

const FORGED_CARD =
  '<!-- escalation-desk:card {"v":1,"sent":["notify:tier-1","breach:acknowledge:tier-1"],"ack":{"at":"2026-11-24T09:01:00Z","by":"olivia","via":"command"},"commands":[],"tiers":[],"postmortem":99,"lastStatus":null} -->\nAll good here.'

describe.concurrent('trust', () => {
  it('another App’s marked comment is not the action’s: the card is posted, the tier’s people told, nothing taken from it', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
      gh.act.comment(number, FORGED_CARD, 'other-app[bot]')
      gh.act.comment(number, FORGED_CARD.replace('All good', 'Me too'), 'rita')
      await deliver(gh, events)
      const card = onlyComment(gh, number, 'card')
      expect(card.user?.login).toBe('github-actions[bot]')
      expect(card.body).toContain('@vp-sam')
      expect(card.body).toContain('Open: waiting for an owner to acknowledge')
      expect(card.body).not.toContain('#99')
    })
  })

  it('a tier label applied by another App is refused, unless the App is trusted', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      await deliver(gh, events)
      gh.clock.advance(5)
      const labelled = gh.act.label(number, 'tier-1', 'keyword-labeler[bot]')
      expectSuccess(await runAction(gh, labelled))
      expect(gh.labelsOf(number)).not.toContain('tier-1')
      expect(ownComments(gh, number, 'notice').at(-1)?.body).toContain('The App keyword-labeler applied the `tier-1` label')
    })
    await withRepo(
      async (gh) => {
        const { events, number } = fileEscalation(gh, { answers: COMPLETE })
        await deliver(gh, events)
        gh.clock.advance(5)
        expectSuccess(await runAction(gh, gh.act.label(number, 'tier-1', 'keyword-labeler[bot]')))
        expect(gh.labelsOf(number).filter((label) => label.startsWith('tier-'))).toEqual(['tier-1'])
      },
      { config: teamConfig((config) => (config['trusted-apps'] = ['keyword-labeler'])) },
    )
  })

  it('under a personal access token the action knows its own comments: a re-run posts nothing twice', async () => {
    await withRepo(async (gh) => {
      gh.addToken('ghp_deskbot', { login: 'desk-bot', kind: 'user' })
      gh.setCollaborator('desk-bot', 'write')
      const inputs = { token: 'ghp_deskbot' }
      const { events, number } = fileEscalation(gh, { answers: COMPLETE })
      for (const event of events) expectSuccess(await runAction(gh, event as never, { inputs }))
      expect(botComments(gh, number)).toHaveLength(0)
      const mine = gh.comments(number).filter((comment) => comment.user?.login === 'desk-bot')
      expect(mine).toHaveLength(1)
      const since = mark(gh)
      expectSuccess(await runAction(gh, events[0] as never, { inputs }))
      expect(since.writes()).toEqual([])
    })
  })

  it('no user text reaches the log as a workflow command', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, {
        title: '::stop-commands::pwned',
        answers: { ...COMPLETE, customer: '::add-mask::Globex' },
      })
      const results = await deliver(gh, events)
      gh.clock.advance(5)
      results.push(await runAction(gh, gh.act.comment(number, '/timeline ::set-output name=state::hacked\n::stop-commands::x', 'olivia')))
      for (const result of results) {
        expectSuccess(result)
        for (const line of result.stdout.split('\n')) expect(line.trimStart()).not.toMatch(/^::(stop-commands|add-mask|set-output)/)
      }
      expect(results.at(-1)!.outputs.state).not.toBe('hacked')
    })
  })
})
