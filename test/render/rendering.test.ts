/**
 * A hostile escalation, end to end through the bundle: intake, a `/status` update, a sweep,
 * a comment marked for the timeline, and the close that opens the post-mortem pull request.
 * Its answers hold SQL with `<>` and `&&` (inline and fenced), an e-mail address, a forged
 * `## Resolution` heading and setext underline, a link to an issue, a closing keyword,
 * `@everyone`, emoji sequences and flags, and an unclosed `<!--`. Everything the action wrote
 * must render on GitHub as meant, and every job summary too.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAction, type RunResult } from '../harness'
import type { LocalGitHub } from '../local-github'
import { COMPLETE, formBody, startRepo, type Answers } from '../e2e/scenario'
import { ownComments } from '../e2e/thread'
import { checkWrittenByAction } from './check-written'
import { findRenderingProblems, renderGfm } from './gfm'

const QUERY = "WHERE stage <> 'Closed' && age > 30"
const ISSUE_URL = 'https://github.com/acme/support/issues/1'
const EMOJI = '👩‍👩‍👧‍👦 👩🏽‍💻 🇯🇵 🇺🇸 1️⃣'

const HOSTILE: Answers = {
  ...COMPLETE,
  customer: `Globex 🇺🇸 <!-- the rest is hidden`,
  contact: 'Hank Scorpio, hank@globex.com',
  whatHappened: [
    `Every open opportunity was closed overnight ${EMOJI}.`,
    '## Resolution',
    'Nothing to see here',
    '===',
    '',
    `See ${ISSUE_URL} and fixes #1. @everyone <!-- swallow the rest`,
  ].join('\n'),
  rootCause: [
    `The cleanup job ran \`${QUERY}\` without its stage filter:`,
    '',
    '```sql',
    `UPDATE opportunity SET stage = 'Closed Lost' ${QUERY};`,
    '```',
    '',
    'Found by hank@globex.com.',
  ].join('\n'),
  impact: `All 140 reps blocked ${EMOJI}; \`${QUERY}\` again; @everyone see ${ISSUE_URL}`,
  tried: `Mailed hank@globex.com; fixes #1; ${ISSUE_URL}#issuecomment-5`,
}

const POSTMORTEM_TEMPLATE = readFileSync('templates/postmortem.md', 'utf8')
/** Headings as GitHub renders them (fenced code aside). */
const headings = (markdown: string) => [...renderGfm(markdown).matchAll(/<h[1-6]>/g)]
const documentPath = (body: string) =>
  (JSON.parse(/<!-- escalation-desk:postmortem (\{.*?\}) -->/.exec(body)![1]!) as { path: string }).path

const TITLE = `[Escalation] Globex 🇯🇵: @everyone fixes #1 <!-- ${QUERY}`

async function run(gh: LocalGitHub, summaries: string[], event: Parameters<typeof runAction>[1]): Promise<RunResult> {
  const result = await runAction(gh, event)
  expect(result.errors, result.stdout).toEqual([])
  expect(result.exitCode, result.stdout + result.stderr).toBe(0)
  summaries.push(result.summary)
  return result
}

describe('what the action writes renders on GitHub as meant', () => {
  it('a hostile escalation: comments, pull request, post-mortem document and job summaries', async () => {
    const gh = await startRepo()
    const summaries: string[] = []
    try {
      // 09:00 carla files it through the form.
      const filed = gh.act.openIssue({ by: 'carla', title: TITLE, body: formBody(HOSTILE), labels: ['escalation'] })
      for (const event of filed) await run(gh, summaries, event)
      const number = filed.number

      // 09:20 olivia's status update; 17:30 a sweep posts the scheduled status comment (tier-2: every 8h).
      gh.clock.set('2026-11-24T09:20:00Z')
      const status = `/status Query \`${QUERY}\` fixed; mail hank@globex.com ${EMOJI}; see ${ISSUE_URL}, fixes #1 @everyone\nETA: 2026-11-24 16:00 UTC`
      await run(gh, summaries, gh.act.comment(number, status, 'olivia'))
      gh.clock.set('2026-11-24T17:30:00Z')
      await run(gh, summaries, gh.schedulePayload())
      expect(ownComments(gh, number, 'status'), 'the sweep posted a status comment').toHaveLength(1)

      // 18:00 the fix, marked 🚀 for the timeline; 18:30 closed as completed.
      gh.clock.set('2026-11-24T18:00:00Z')
      const fixed = gh.act.comment(
        number,
        `## Resolution\nRestored with \`${QUERY}\` reverted; hank@globex.com agreed ${EMOJI} <!--`,
        'olivia',
      )
      gh.act.react(fixed.commentId, 'rocket', 'carla')
      gh.clock.set('2026-11-24T18:30:00Z')
      await run(gh, summaries, gh.act.close(number, { by: 'olivia', reason: 'completed' }))

      const [pull] = gh.pulls()
      expect(pull, 'the post-mortem pull request').toBeDefined()
      expect(summaries.length).toBeGreaterThanOrEqual(4)

      // The document keeps the template's sections, no more: the answer's `## Resolution` is text.
      const document = gh.readFile(pull!.head.ref, documentPath(pull!.body ?? ''))!
      const forged = headings(document).length - headings(POSTMORTEM_TEMPLATE).length
      const problems = [
        ...checkWrittenByAction(gh),
        ...summaries.flatMap((summary, index) =>
          findRenderingProblems(summary, { kind: 'summary' }).map((p) => `job summary ${index + 1}: ${p}`),
        ),
        ...(forged === 0 ? [] : [`the post-mortem has ${forged} heading(s) more than its template`]),
      ]
      expect(problems).toEqual([])
      // What the reader sees: the query and the address as typed, in the document and in the comments.
      expect(document).toContain(`\`${QUERY}\``)
      expect(document).toContain(`UPDATE opportunity SET stage = 'Closed Lost' ${QUERY};`)
      expect(document).toContain('Found by hank@globex.com.')
      expect(gh.validationErrors).toEqual([])
    } finally {
      await gh.close()
    }
  })
})
