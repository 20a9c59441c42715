/**
 * Intake through the bundle: an issue that is not an escalation, and the missing-information
 * loop (incomplete → still incomplete → complete) with its outputs and job summary.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, deliver, formBody } from './scenario'
import { botComments, expectSuccess, fileEscalation, mark, onlyComment, ownComments, withRepo } from './thread'

describe.concurrent('intake basics', () => {
  it('writes nothing on an issue without the escalation label', async () => {
    await withRepo(async (gh) => {
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd', impact: '' }, labels: [] })
      expect(events).toHaveLength(1)
      const since = mark(gh)
      const [result] = await deliver(gh, events)
      expectSuccess(result!)
      expect(result!.outputs).toEqual({ 'escalation-number': String(number), tier: '', state: 'not-escalation' })
      expect(since.writes()).toEqual([])
      expect(since.requests()).toHaveLength(1) // the one GraphQL read
      expect(gh.comments(number)).toEqual([])
      expect(gh.labelsOf(number)).toEqual([])
      expect(gh.assigneesOf(number)).toEqual([])
      expect(result!.summary).toContain('not-escalation')
      expect(result!.summary).toContain('no `escalation` label')
      expect(result!.summary).toContain('No changes on GitHub.')
    })
  })

  it('finishes quietly when the issue was deleted before the run started', async () => {
    await withRepo(async (gh) => {
      const { opened } = fileEscalation(gh, { answers: COMPLETE })
      // The queued run starts after the issue is gone: GitHub answers `issue: null` with NOT_FOUND.
      const gone = { name: 'issues', payload: { ...opened.payload, issue: { ...opened.payload.issue, number: 404 } } }
      const since = mark(gh)
      const result = await runAction(gh, gone)
      expectSuccess(result)
      expect(result.outputs['escalation-number']).toBe('404')
      expect(result.summary).toContain('Issue #404 was not found (deleted or transferred); nothing to do.')
      expect(since.writes()).toEqual([])
      expect(since.requests()).toHaveLength(1)
    })
  })

  it('asks for missing fields in one comment, updates it, then acknowledges once complete', async () => {
    await withRepo(async (gh) => {
      // 1. Filed with root cause "tbd" and no business impact (the form's labels come as events too).
      const { events, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'tbd', impact: '' } })
      const [opened, labeled] = await deliver(gh, events)
      expectSuccess(opened!)
      expectSuccess(labeled!)
      expect(opened!.outputs).toEqual({ 'escalation-number': String(number), tier: 'tier-2', state: 'needs-info' })
      expect(labeled!.outputs.state).toBe('needs-info')

      const missing = onlyComment(gh, number, 'missing')
      const body = missing.body!
      expect(body).toContain('### This escalation is missing required information')
      expect(body).toContain('@carla, please edit the issue description')
      expect(body).toMatch(
        /- \*\*Root cause\*\*: `tbd` is a placeholder, not an answer\.\n {2}_A good answer:_ Describe the actual problem, not the symptom/,
      )
      expect(body).toMatch(/- \*\*Business impact\*\*: not answered\.\n {2}_A good answer:_ Who is affected/)
      expect(body).toContain('2026-11-24 09:00 UTC: missing Root cause, Business impact')
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'needs-info', 'tier-2'])
      expect(ownComments(gh, number, 'ack')).toEqual([]) // no acknowledgement while incomplete
      expect(opened!.summary).toContain('`needs-info`')
      expect(opened!.summary).toContain('Missing: Root cause (placeholder), Business impact (empty).')
      expect(opened!.summary).toContain('post missing comment')

      // 2. An edit that is still incomplete: the same comment is edited, nothing new is posted.
      gh.clock.advance(10)
      const stillShort = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody({ ...COMPLETE, impact: 'Big.' }) }))
      expectSuccess(stillShort)
      expect(stillShort.outputs.state).toBe('needs-info')
      expect(botComments(gh, number)).toHaveLength(1)
      const edited = onlyComment(gh, number, 'missing')
      expect(edited.id).toBe(missing.id)
      expect(edited.body).not.toContain('**Root cause**')
      expect(edited.body).toContain('- **Business impact**: too short (4 of at least 20 characters).')
      expect(edited.body).toContain('2026-11-24 09:10 UTC: missing Business impact')
      expect(edited.body).toContain('2026-11-24 09:00 UTC: missing Root cause, Business impact') // history kept
      expect(gh.labelsOf(number)).toContain('needs-info')

      // 3. Complete: the label goes, the same comment says so with its history, the ack is posted.
      gh.clock.advance(10)
      const since = mark(gh)
      const complete = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(complete)
      expect(complete.outputs).toEqual({ 'escalation-number': String(number), tier: 'tier-2', state: 'acknowledged' })
      expect(gh.labelsOf(number).sort()).toEqual(['escalation', 'tier-2'])
      const done = onlyComment(gh, number, 'missing')
      expect(done.id).toBe(missing.id)
      expect(done.body).toContain('### Required information complete')
      expect(done.body).toMatch(
        /- 2026-11-24 09:00 UTC: missing Root cause, Business impact\n- 2026-11-24 09:10 UTC: missing Business impact\n- 2026-11-24 09:20 UTC: complete/,
      )
      const ack = onlyComment(gh, number, 'ack').body!
      expect(ack).toContain('### Escalation acknowledged: High (`tier-2`)')
      expect(ack).toContain('| **Owners** | @olivia |')
      expect(ack).toContain('| **Customer** | Globex Corporation (ARR $1.2M, renews 2027-01-31) |')
      expect(ack).toContain('| **Business impact** | All 140 sales reps cannot work their pipeline')
      // tier-2 notifies acme/support-leads once the escalation is acknowledged
      const notify = onlyComment(gh, number, 'notify').body!
      expect(notify).toContain('@acme/support-leads: this escalation is now **High** (`tier-2`).')
      expect(gh.assigneesOf(number)).toEqual(['olivia'])
      expect(
        since
          .writes()
          .map((request) => `${request.method} ${request.route}`)
          .sort(),
      ).toEqual([
        'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
        'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
      ])

      // 9. The job summary says the state, the tier and what was done.
      expect(complete.summary).toContain(`Escalation Desk: #${number}`)
      expect(complete.summary).toContain('**State:** `acknowledged`')
      expect(complete.summary).toContain('**Tier:** `tier-2`')
      expect(complete.summary).toContain('All required fields present.')
      expect(complete.summary).toMatch(/remove label `needs-info`/)
      expect(complete.summary).toMatch(/post ack comment/)
      expect(complete.summary).toMatch(/post notify comment/)
    })
  })
})
