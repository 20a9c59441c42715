/**
 * Configuration through the bundle: an invalid `.github/escalations.yml` stops the run with
 * `file:line:column`, no file means the built-in defaults, and `form:` moves the issue form;
 * either way the card is the one comment, edited in place as the form is completed.
 */
import { describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { runAction } from '../harness'
import { COMPLETE, FORM_TEXT, formBody, teamConfig } from './scenario'
import { botComments, expectFailure, expectSuccess, fileEscalation, mark, onlyComment, withRepo } from './thread'

/** Line numbers matter here: the error must point at them. */
const INVALID_CONFIG = [
  '# Escalation Desk', // 1
  'trigger-label: escalation', // 2
  'tiers:', // 3
  '  - label: tier-1', // 4
  '    name: Critical', // 5
  '    sla: { acknowledge: 30 minutes, update-every: 2h, resolve: 1d }', // 6: bad duration at column 25
  'colour: red', // 7: unknown key at column 1
  '',
].join('\n')

describe.concurrent('configuration', () => {
  it('fails on an invalid configuration, naming file:line:column for every problem, and writes nothing', async () => {
    await withRepo(
      async (gh) => {
        const { opened, number } = fileEscalation(gh, { answers: COMPLETE })
        const since = mark(gh)
        const result = await runAction(gh, opened)
        const error = expectFailure(result)
        expect(error).toContain('.github/escalations.yml:6:25')
        expect(error).toContain('30 minutes')
        expect(error).toContain('.github/escalations.yml:7:1')
        expect(error).toContain('colour')
        expect(since.writes()).toEqual([])
        expect(gh.comments(number)).toEqual([])
        expect(gh.labelsOf(number)).toEqual(['escalation'])
      },
      { config: INVALID_CONFIG },
    )
  })

  it('uses the built-in defaults when there is no configuration file', async () => {
    await withRepo(
      async (gh) => {
        expect(gh.readFile('main', '.github/escalations.yml')).toBeUndefined()
        const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'n/a' } })
        const first = await runAction(gh, opened)
        expectSuccess(first)
        expect(first.stdout).toContain('No .github/escalations.yml on the default branch: using the built-in defaults.')
        // carla (triage) asked for High in the form: the built-in tiers let triage set it.
        expect(first.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true', tier: 'tier-2' })
        const card = onlyComment(gh, number, 'card')
        expect(card.body).toContain('- **Root cause**: `n/a` is a placeholder, not an answer.')
        expect(card.body).toContain('@carla, please edit the issue description')

        const done = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
        expectSuccess(done)
        expect(done.outputs).toMatchObject({ state: 'filed', 'needs-info': 'false', tier: 'tier-2' })
        const edited = onlyComment(gh, number, 'card')
        expect(edited.id).toBe(card.id)
        expect(edited.body).toContain('### High escalation: Globex Corporation')
        expect(edited.body).toContain('| **Owners** | _none_ |')
        expect(edited.body).toContain('due 2026-11-24 11:00 UTC') // the built-in tier-2 acknowledges within 2h
        expect(edited.body).not.toContain('Missing information')
        expect(edited.body).not.toContain('**Notified:**') // nobody configured to notify
        expect(botComments(gh, number)).toHaveLength(1)
        expect(gh.assigneesOf(number)).toEqual([])
        expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      },
      { config: null },
    )
  })

  it('reads the issue form from where `form:` points', async () => {
    // The team's own form: the same ids, other labels. Only this form can name the fields "Why it happened" / "Revenue at risk".
    const form = parse(FORM_TEXT) as { body: { id?: string; attributes: { label?: string } }[] }
    for (const element of form.body) {
      if (element.id === 'root-cause') element.attributes.label = 'Why it happened'
      if (element.id === 'impact') element.attributes.label = 'Revenue at risk'
    }
    const formText = stringify(form)
    await withRepo(
      async (gh) => {
        gh.putFile('.github/forms/customer-escalation.yml', formText)
        const body = formBody({ ...COMPLETE, rootCause: 'unknown', impact: '' })
          .replace('### Root cause', '### Why it happened')
          .replace('### Business impact', '### Revenue at risk')
        const { opened, number } = fileEscalation(gh, { body })
        const since = mark(gh)
        const result = await runAction(gh, opened)
        expectSuccess(result)
        expect(result.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true' })
        const missing = onlyComment(gh, number, 'card').body!
        expect(missing).toContain('- **Why it happened**: `unknown` is a placeholder, not an answer.')
        expect(missing).toContain('- **Revenue at risk**: not answered.')
        expect(missing).not.toContain('heading is missing')
        expect(since.requests().filter((request) => request.route === 'graphql').length).toBeGreaterThanOrEqual(2) // issue + the form

        const done = await runAction(
          gh,
          gh.act.editIssue(number, {
            by: 'carla',
            body: body
              .replace('\n\nunknown\n\n', `\n\n${COMPLETE.rootCause}\n\n`)
              .replace('### Revenue at risk\n\n_No response_', `### Revenue at risk\n\n${COMPLETE.impact}`),
          }),
        )
        expectSuccess(done)
        expect(done.outputs).toMatchObject({ state: 'filed', 'needs-info': 'false' })
        const card = onlyComment(gh, number, 'card').body!
        expect(card).toContain(`| **Business impact** | ${COMPLETE.impact} |`)
        expect(card).not.toContain('Missing information')
        expect(botComments(gh, number)).toHaveLength(1) // the card, edited in place
      },
      { config: teamConfig((config) => (config.form = '.github/forms/customer-escalation.yml')) },
    )
  })

  it('reads the configuration from the `config-path` input', async () => {
    await withRepo(
      async (gh) => {
        gh.putFile(
          '.github/desk/config.yml',
          teamConfig((config) => (config['default-tier'] = 'tier-2')),
        )
        const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, requestedTier: undefined } })
        const result = await runAction(gh, opened, { inputs: { 'config-path': '.github/desk/config.yml' } })
        expectSuccess(result)
        expect(result.outputs).toMatchObject({ state: 'filed', 'needs-info': 'false', tier: 'tier-2' })
        expect(gh.assigneesOf(number)).toEqual(['olivia'])
        const card = onlyComment(gh, number, 'card').body!
        expect(card).toContain('High (`tier-2`): the default tier')
        expect(card).toContain('**Notified:** @acme/support-leads')
      },
      { config: null },
    )
  })
})
