/**
 * Required fields as people really write them: placeholders in any case, answers too short,
 * headings deleted or renamed, CRLF bodies from the web editor, `###` inside answers.
 */
import { describe, expect, it } from 'vitest'
import { runAction } from '../harness'
import { COMPLETE, formBody } from './scenario'
import { expectSuccess, fileEscalation, onlyComment, ownComments, withRepo } from './thread'

const ROOT_CAUSE = COMPLETE.rootCause!
const IMPACT = COMPLETE.impact!

describe.concurrent('required fields', () => {
  it('counts placeholders in any case ("N/A", "Unknown") as missing and quotes them', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'N/A', impact: '  Unknown.  ' } })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      const body = onlyComment(gh, number, 'missing').body!
      expect(body).toContain('- **Root cause**: `N/A` is a placeholder, not an answer.')
      expect(body).toContain('- **Business impact**: `Unknown.` is a placeholder, not an answer.')
      expect(gh.labelsOf(number)).toContain('needs-info')
      expect(ownComments(gh, number, 'ack')).toEqual([])
    })
  })

  it('counts answers shorter than min-length as missing, saying how short', async () => {
    await withRepo(async (gh) => {
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause: 'DB is down', impact: 'Sales blocked' } })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      const body = onlyComment(gh, number, 'missing').body!
      expect(body).toContain('- **Root cause**: too short (10 of at least 20 characters).')
      expect(body).toContain('- **Business impact**: too short (13 of at least 20 characters).')
      expect(result.summary).toContain('Missing: Root cause (too-short), Business impact (too-short).')
    })
  })

  it('reports a deleted and a renamed heading as missing, never crashing', async () => {
    await withRepo(async (gh) => {
      const body = formBody(COMPLETE)
        .replace(`### Root cause\n\n${ROOT_CAUSE}\n\n`, '') // heading and answer deleted
        .replace('### Business impact', '### Impact on the business') // heading renamed
      expect(body).not.toContain('### Root cause')
      const { opened, number } = fileEscalation(gh, { body })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      const comment = onlyComment(gh, number, 'missing').body!
      expect(comment).toContain(
        '- **Root cause**: its heading is missing from the issue (renamed or deleted): add it back as `### Root cause`.',
      )
      expect(comment).toContain(
        '- **Business impact**: its heading is missing from the issue (renamed or deleted): add it back as `### Business impact`.',
      )
      expect(result.summary).toContain('Missing: Root cause (absent), Business impact (absent).')

      // Putting the headings back completes it.
      const fixed = await runAction(gh, gh.act.editIssue(number, { by: 'carla', body: formBody(COMPLETE) }))
      expectSuccess(fixed)
      expect(fixed.outputs.state).toBe('acknowledged')
      expect(onlyComment(gh, number, 'missing').body).toContain('### Required information complete')
      expect(gh.labelsOf(number)).not.toContain('needs-info')
    })
  })

  it('reads a complete form saved with CRLF line endings', async () => {
    await withRepo(async (gh) => {
      const body = formBody(COMPLETE).replace(/\n/g, '\r\n')
      const { opened, number } = fileEscalation(gh, { body })
      expect(gh.issue(number).body).toContain('\r\n')
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs).toMatchObject({ state: 'acknowledged', tier: 'tier-2' })
      expect(ownComments(gh, number, 'missing')).toEqual([])
      expect(gh.labelsOf(number)).not.toContain('needs-info')
      const ack = onlyComment(gh, number, 'ack').body!
      expect(ack).toContain(`| **Business impact** | ${IMPACT} |`)
      expect(ack).toContain('| **Customer** | Globex Corporation (ARR $1.2M, renews 2027-01-31) |')
    })
  })

  it('does not cut a field at `###` mid-line or at a fenced `### Business impact`', async () => {
    await withRepo(async (gh) => {
      // Only the text before the fence is under 20 characters: a cut there would read as too short.
      const rootCause = [
        'See the log ### here',
        '',
        '```',
        '### Business impact',
        'fake impact inside a code block',
        '```',
        '',
        'Stage filter missing in the automation.',
      ].join('\n')
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause } })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('acknowledged')
      expect(ownComments(gh, number, 'missing')).toEqual([])
      const ack = onlyComment(gh, number, 'ack').body!
      // the real Business impact section was read, not the fenced one
      expect(ack).toContain(`| **Business impact** | ${IMPACT} |`)
      expect(ack).not.toContain('fake impact')
    })
  })

  it('does not cut at a fenced heading when the real answer is too short', async () => {
    await withRepo(async (gh) => {
      // Control for the test above: the fenced heading belongs to root cause, so a short real impact is still missing.
      const rootCause = ['Short.', '', '```', '### Business impact', 'fake impact inside a code block, long enough', '```'].join('\n')
      const { opened, number } = fileEscalation(gh, { answers: { ...COMPLETE, rootCause, impact: 'Tiny' } })
      const result = await runAction(gh, opened)
      expectSuccess(result)
      expect(result.outputs.state).toBe('needs-info')
      const comment = onlyComment(gh, number, 'missing').body!
      expect(comment).not.toContain('**Root cause**')
      expect(comment).toContain('- **Business impact**: too short (4 of at least 20 characters).')
    })
  })
})
