/**
 * Untrusted text: bodies at GitHub's 65,536-character limit, thousands of mentions, table
 * pipes and HTML comments in answers, and markers pasted into people's comments. The action
 * must finish, keep the card (and the sweep's status) under the limit, and never ping or
 * cross-link from user text; only comments its own identity wrote count as its own.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, deliver, formBody, type Answers } from './scenario'
import { expectSwept, sweep } from './sweep-helpers'
import { botComments, expectSuccess, fileEscalation, mark, onlyComment, ownComments, withRepo } from './thread'

const LIMIT = 65_536
const ZWJ = '\u200D'
/** Logins the configuration (or the issue's author) puts in comments on purpose. */
const PEOPLE = new Set(['carla', 'olivia', 'tom', 'vp-sam', 'acme/support-leads', 'cto-casey'])

/** The form's body with one answer padded (repeating `unit`) so the whole body is exactly `total` characters. */
function bodyOfLength(answers: Answers, key: keyof Answers, unit: string, total = LIMIT): string {
  const base = formBody({ ...answers, [key]: '\u0000' })
  const need = total - (base.length - 1)
  const body = formBody({ ...answers, [key]: unit.repeat(Math.ceil(need / unit.length)).slice(0, need) })
  expect(body).toHaveLength(total)
  return body
}

/** Live `@login` mentions and `#123` references in a comment, outside its hidden marker line and code spans (GitHub links neither). */
function liveReferences(body: string): string[] {
  const visible = body.replace(/^<!-- escalation-desk:[^\n]* -->\n/, '').replace(/`[^`\n]*`/g, '')
  return [...visible.matchAll(/@[A-Za-z0-9][A-Za-z0-9/_-]*|#\d+|GH-\d+/gi)].map((match) => match[0])
}

/** Every comment the action wrote: under the limit, one marker (first), no user-made HTML, no stray pings. */
function expectSafeComments(gh: LocalGitHub, number: number): void {
  const comments = botComments(gh, number)
  expect(comments.length).toBeGreaterThan(0)
  for (const comment of comments) {
    const body = comment.body!
    expect(body.length).toBeLessThan(LIMIT)
    expect(body.startsWith('<!-- escalation-desk:')).toBe(true)
    expect(body.split('<!--')).toHaveLength(2) // the marker's own `<!--` only
    for (const reference of liveReferences(body))
      expect(PEOPLE, `live ${reference} in:\n${body.slice(0, 2000)}`).toContain(reference.slice(1))
  }
}

describe.concurrent('hostile bodies', () => {
  it('survives a 65,536-character body of mentions, pipes and HTML comments without pinging anyone', async () => {
    await withRepo(async (gh) => {
      const impact = '@everyone @acme/all #123 GH-77 | cell | <!-- escalation-desk:card {"tier":"tier-1"} --> '
      const answers: Answers = {
        ...COMPLETE,
        customer: 'Globex @hank #42 | <!-- hidden --> \\| pipes',
        rootCause: 'A stale-opportunity automation shipped without its stage filter. @everyone look at #9',
      }
      const body = bodyOfLength(answers, 'impact', impact)
      const { opened, number } = fileEscalation(gh, { body, title: '[Escalation] @everyone #1 urgent | <!-- x --> GH-5' })
      expect(gh.issue(number).body).toHaveLength(LIMIT)
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'filed', tier: 'tier-2', 'needs-info': 'false' })
      expectSafeComments(gh, number)

      const card = onlyComment(gh, number, 'card').body!
      // user text is echoed, but broken: mentions and references carry a zero-width joiner
      expect(card).toContain(`@${ZWJ}everyone @${ZWJ}acme/all #${ZWJ}123 GH-${ZWJ}77`)
      expect(card).toContain(`@${ZWJ}hank #${ZWJ}42`)
      expect(card).toContain('&lt;!-- escalation-desk:card')
      // the impact cell stays one table row: its pipes are escaped, it is cut to length
      const row = card.split('\n').find((line) => line.startsWith('| **Business impact** |'))!
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4)
      expect(row.length).toBeLessThan(1000)
      const customer = card.split('\n').find((line) => line.startsWith('| **Customer** |'))!
      expect(customer.replace(/\\\|/g, '').split('|')).toHaveLength(4) // GFM reads every `\\|` as a pipe in the cell
      expect(card).toMatch(/^\*\*Notified:\*\* @acme\/support-leads$/m) // the configured team is still pinged

      // Past the acknowledge target, the sweep's status quotes the same text, just as safely.
      gh.clock.set('2026-11-24T11:05:00Z')
      expectSwept(await sweep(gh))
      const status = onlyComment(gh, number, 'status').body!
      expect(status).toContain(`@${ZWJ}hank #${ZWJ}42`)
      expect(status).toContain('@vp-sam, @olivia: please step in.')
      expectSafeComments(gh, number)
    })
  })

  it('survives a 65,536-character root cause made of `### ` headings and spaces', async () => {
    await withRepo(async (gh) => {
      const body = bodyOfLength({ ...COMPLETE, impact: '' }, 'rootCause', `### ${' '.repeat(60)}\n`)
      const { opened, number } = fileEscalation(gh, { body })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true' })
      expectSafeComments(gh, number)
      const card = onlyComment(gh, number, 'card').body!
      expect(card).toContain('- **Business impact**: not answered.')
      // the empty headings did not swallow the sections after them
      expect(card).toContain('| **The ask** | Approve a data restore')
      expect(result.summary).toContain('filed, missing Business impact.')
    })
  })

  it('survives a body of thousands of mentions in every text field', async () => {
    await withRepo(async (gh) => {
      const flood = '@everyone @octocat #1 '
      const complete = bodyOfLength({ ...COMPLETE, customer: flood.repeat(20), whatHappened: flood.repeat(500) }, 'impact', flood)
      const body = complete.replace(`\n\n${COMPLETE.rootCause}\n\n`, '\n\ntbd\n\n')
      expect(body.length).toBeLessThan(complete.length)
      const { opened, number } = fileEscalation(gh, { body })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'filed', 'needs-info': 'true' })
      expectSafeComments(gh, number)
      const card = onlyComment(gh, number, 'card')
      expect(card.body).toContain('- **Root cause**: `tbd` is a placeholder, not an answer.')
      // complete it: the card, edited in place, quotes the flood, neutralised and cut
      const done = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: complete }))
      expectSuccess(done)
      expect(done.outputs['needs-info']).toBe('false')
      expectSafeComments(gh, number)
      expect(onlyComment(gh, number, 'card').id).toBe(card.id)
      expect(onlyComment(gh, number, 'card').body).toContain(`@${ZWJ}everyone @${ZWJ}octocat #${ZWJ}1`)
    })
  })

  it('is not confused by markers pasted into people’s comments', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd' } })
      // Before any run, someone pastes what look like the action's own comments: a card that
      // remembers an acknowledgement and every notification sent, a notice and a status.
      const fakes = [
        '<!-- escalation-desk:card {"v":1,"start":"2026-11-24T08:00:00.000Z","sent":["notify:tier-1","notify:tier-2","assigned:tier-2"],"ack":{"at":"2026-11-24T08:00:00.000Z","by":"rita","via":"command"},"commands":[],"tiers":[{"label":"tier-1","at":"2026-11-24T08:00:00.000Z","by":"rita","source":"label"}],"postmortem":null,"lastStatus":null} -->\n### Critical escalation',
        '<!-- escalation-desk:notice {"key":"notify:tier-1","keys":["notify:tier-1","notify:tier-2"]} -->\nalready notified',
        '<!-- escalation-desk:status {"key":"breach:acknowledge:tier-1","keys":["breach:acknowledge:tier-1"]} -->\n### Status',
      ]
      const pasted = fakes.map((text) => gh.act.comment(number, text, 'rita').commentId)

      const first = await runAction(gh, events[0]!)
      expectSuccess(first)
      expect(first.outputs).toMatchObject({ state: 'filed', tier: 'tier-2', 'needs-info': 'true' })
      const card = onlyComment(gh, number, 'card') // the bot's own, posted fresh
      expect(card.body).toContain('- **Root cause**: `tbd` is a placeholder, not an answer.')
      expect(card.body).toContain('**Notified:** @acme/support-leads') // not suppressed by the fakes
      expect(card.body).toContain('due 2026-11-24 11:00 UTC') // the clock starts at filing, not at the fake start
      expect(card.body).not.toContain('rita')
      expect(gh.assigneesOf(number)).toEqual(['olivia'])

      gh.clock.advance(5)
      const complete = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(complete)
      expect(complete.outputs).toMatchObject({ state: 'filed', tier: 'tier-2', 'needs-info': 'false' })
      expect(onlyComment(gh, number, 'card').id).toBe(card.id)
      expect(botComments(gh, number)).toHaveLength(1)

      // The people's comments are untouched, and a copy of the real card pasted by a person changes nothing.
      const comments = gh.comments(number)
      expect(pasted.map((id) => comments.find((comment) => comment.id === id)?.body)).toEqual(fakes)
      const real = onlyComment(gh, number, 'card').body!
      gh.act.comment(number, real.replace('"ack":null', '"ack":{"at":"2026-11-24T09:01:00.000Z","by":"carla","via":"command"}'), 'carla')
      const since = mark(gh)
      const again = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(again)
      expect(again.outputs.state).toBe('filed')
      expect(since.writes()).toEqual([])
      expect(ownComments(gh, number, 'card')).toHaveLength(1)

      // A raise to Critical is told, though a fake notice claims tier-1's people were told.
      gh.clock.advance(5)
      for (const result of await deliver(gh, [gh.act.label(number, 'tier-1', 'olivia')])) expectSuccess(result)
      expect(onlyComment(gh, number, 'notice').body).toContain('@vp-sam')
    })
  })
})
