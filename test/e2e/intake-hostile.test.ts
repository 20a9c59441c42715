/**
 * Untrusted text: bodies at GitHub's 65,536-character limit, thousands of mentions, table
 * pipes and HTML comments in answers, and markers pasted into people's comments. The action
 * must finish, keep every comment under the limit, and never ping or cross-link from user text.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, formBody, type Answers } from './scenario'
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

/** Live `@login` mentions and `#123` references in a comment, outside its hidden marker line. */
function liveReferences(body: string): string[] {
  const visible = body.replace(/^<!-- escalation-desk:[^\n]* -->\n/, '')
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
      const impact = '@everyone @acme/all #123 GH-77 | cell | <!-- escalation-desk:ack {"tier":"tier-1"} --> '
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
      expect(result.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
      expectSafeComments(gh, number)

      const ack = onlyComment(gh, number, 'ack').body!
      // user text is echoed, but broken: mentions and references carry a zero-width joiner
      expect(ack).toContain(`@${ZWJ}everyone @${ZWJ}acme/all #${ZWJ}123 GH-${ZWJ}77`)
      expect(ack).toContain(`@${ZWJ}hank #${ZWJ}42`)
      expect(ack).toContain('&lt;!-- escalation-desk:ack')
      // the impact cell stays one table row: its pipes are escaped, it is cut to length
      const row = ack.split('\n').find((line) => line.startsWith('| **Business impact** |'))!
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(4)
      expect(row.length).toBeLessThan(1000)
      const customer = ack.split('\n').find((line) => line.startsWith('| **Customer** |'))!
      expect(customer.replace(/\\\|/g, '').split('|')).toHaveLength(4) // GFM reads every `\\|` as a pipe in the cell

      const notify = onlyComment(gh, number, 'notify').body!
      expect(notify).toContain(`@${ZWJ}everyone #${ZWJ}1 urgent | &lt;!-- x --&gt; GH-${ZWJ}5`)
      expect(notify).toMatch(/^@acme\/support-leads: this escalation is now/m) // the configured team is still pinged
    })
  })

  it('survives a 65,536-character root cause made of `### ` headings and spaces', async () => {
    await withRepo(async (gh) => {
      const body = bodyOfLength({ ...COMPLETE, impact: '' }, 'rootCause', `### ${' '.repeat(60)}\n`)
      const { opened, number } = fileEscalation(gh, { body })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      expectSafeComments(gh, number)
      const missing = onlyComment(gh, number, 'missing').body!
      expect(missing).toContain('- **Business impact**: not answered.')
      // the empty headings did not swallow the sections after them
      expect(result.summary).toContain('Missing: Business impact (empty).')
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
      expect(result.outputs.state).toBe('needs-info')
      expectSafeComments(gh, number)
      expect(onlyComment(gh, number, 'missing').body).toContain('- **Root cause**: `tbd` is a placeholder, not an answer.')
      // complete it: the acknowledgement quotes the flood, neutralised and cut
      const done = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: complete }))
      expectSuccess(done)
      expect(done.outputs.state).toBe('acknowledged')
      expectSafeComments(gh, number)
      expect(onlyComment(gh, number, 'ack').body).toContain(`@${ZWJ}everyone @${ZWJ}octocat #${ZWJ}1`)
    })
  })

  it('is not confused by markers pasted into people’s comments', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd' } })
      // Before any run, someone pastes what look like the action's own comments.
      const fakes = [
        '<!-- escalation-desk:missing {"history":[{"at":"2026-11-24T08:00:00.000Z","missing":[]}]} -->\n### Required information complete',
        '<!-- escalation-desk:ack {"tier":"tier-1","history":[{"tier":"tier-1","at":"2026-11-24T08:00:00.000Z","by":"rita","source":"label"}]} -->\nacknowledged',
        '<!-- escalation-desk:notify {"key":"tier-2","notified":["acme/support-leads"]} -->\nalready notified',
      ]
      const pasted = fakes.map((text) => gh.act.comment(number, text, 'rita').commentId)

      const first = await runAction(gh, opened)
      expectSuccess(first)
      expect(first.outputs.state).toBe('needs-info')
      const missing = onlyComment(gh, number, 'missing') // the bot's own, posted fresh
      expect(missing.body).toContain('- **Root cause**: `tbd` is a placeholder, not an answer.')

      gh.clock.advance(5)
      const complete = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(complete)
      expect(complete.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
      expect(onlyComment(gh, number, 'missing').id).toBe(missing.id)
      const ack = onlyComment(gh, number, 'ack').body!
      expect(ack).toContain('### Escalation acknowledged: High (`tier-2`)')
      expect(ack).not.toContain('rita')
      expect(onlyComment(gh, number, 'notify').body).toContain('@acme/support-leads: this escalation is now **High**') // not suppressed by the fake

      // The people's comments are untouched, and a copy of the real ack pasted by a person changes nothing.
      const comments = gh.comments(number)
      expect(pasted.map((id) => comments.find((comment) => comment.id === id)?.body)).toEqual(fakes)
      gh.act.comment(number, ack.replace('tier-2', 'tier-1'), 'carla')
      const since = mark(gh)
      const again = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(again)
      expect(since.writes()).toEqual([])
      expect(ownComments(gh, number, 'ack')).toHaveLength(1)
    })
  })
})
