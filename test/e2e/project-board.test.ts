/**
 * The Projects board kept in sync through the bundle: the escalation added once, its fields
 * (Tier, State, SLA due, Customer, ARR, Owner) written when they change and only then; without
 * a token that can use Projects, the run says so and does the rest of its work.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, deliver, teamConfig } from './scenario'
import { expectSuccess, fileEscalation, mark, onlyComment, withRepo } from './thread'

const card = (gh: LocalGitHub, number: number) =>
  gh.comments(number).find((comment) => comment.body?.startsWith('<!-- escalation-desk:card'))?.body ?? ''

const WITH_BOARD = teamConfig((config) => (config.project = { owner: 'acme', number: 3 }))

function board(gh: LocalGitHub) {
  return gh.createProject({
    owner: 'acme',
    number: 3,
    title: 'Escalations',
    fields: [
      { name: 'Tier', dataType: 'SINGLE_SELECT', options: ['Critical', 'High', 'Standard'] },
      { name: 'State', dataType: 'SINGLE_SELECT', options: ['Filed', 'Acknowledged', 'Investigating', 'Waiting', 'Resolved', 'Closed'] },
      { name: 'SLA due', dataType: 'DATE' },
      { name: 'Customer', dataType: 'TEXT' },
      { name: 'ARR', dataType: 'NUMBER' },
      { name: 'Owner', dataType: 'TEXT' },
    ],
  })
}

describe.concurrent('the Projects board', () => {
  it('adds the escalation once, sets its fields, follows its state, and writes nothing when nothing moved', async () => {
    await withRepo(
      async (gh) => {
        board(gh)
        gh.addToken('ghs_deskapp', { login: 'escalation-desk', kind: 'app', projects: true })
        const inputs = { token: 'ghs_deskapp' }
        const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: 'Tier 1 – Critical' } })
        for (const event of events) expectSuccess(await runAction(gh, event as never, { inputs }))
        const [item] = gh.projectItems(3)
        expect(gh.projectItems(3)).toHaveLength(1)
        expect(item!.content?.number).toBe(number)
        expect(item!.values).toMatchObject({
          Tier: 'Critical',
          State: 'Filed',
          'SLA due': '2026-11-25',
          Customer: 'Globex Corporation',
          ARR: 1200000,
          Owner: 'olivia',
        })
        gh.clock.advance(10)
        expectSuccess(await runAction(gh, gh.act.comment(number, '/ack', 'olivia'), { inputs }))
        expect(gh.projectItems(3)[0]!.values.State).toBe('Acknowledged')
        const since = mark(gh)
        expectSuccess(await runAction(gh, events[0] as never, { inputs }))
        expect(since.writes()).toEqual([])
        expect(card(gh, number)).toContain('Acknowledged by olivia')
      },
      { config: WITH_BOARD },
    )
  })

  it('with GITHUB_TOKEN (no Projects access): one warning in the summary, the escalation handled all the same', async () => {
    await withRepo(
      async (gh) => {
        board(gh)
        const { events, number } = fileEscalation(gh, { answers: COMPLETE })
        const [opened] = await deliver(gh, events)
        expectSuccess(opened!)
        expect(opened!.warnings).toHaveLength(1)
        expect(opened!.warnings[0]).toContain('cannot use Projects')
        expect(opened!.summary).toContain('cannot use Projects')
        expect(gh.projectItems(3)).toEqual([])
        expect(onlyComment(gh, number, 'card').body).toContain('Open: waiting for an owner')
      },
      { config: WITH_BOARD },
    )
  })
})
