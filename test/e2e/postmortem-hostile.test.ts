/**
 * Titles and fields are written by whoever files the escalation. None of it may steer where the
 * post-mortem is written, fill a template placeholder, break a table, ping anyone, or push a
 * pull request or comment past GitHub's limits.
 */
import { describe, expect, it } from 'vitest'
import type { LocalGitHub } from '../local-github'
import {
  answers,
  close,
  documentOf,
  expectOk,
  expectTablesIntact,
  file,
  formBody,
  links,
  liveMentions,
  mark,
  markerOf,
  pathsAt,
  postMortemBranches,
  run,
  section,
  tableRows,
  withRepo,
  ZWJ,
  type Pull,
} from './postmortem-helpers'

/** A lone UTF-16 surrogate: half an emoji, which GitHub cannot store. */
const BROKEN_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** The one new file on the post-mortem branch, compared with the default branch. */
async function newPaths(gh: LocalGitHub, pull: Pull): Promise<string[]> {
  const base = new Set(await pathsAt(gh, 'main'))
  return (await pathsAt(gh, pull.head.ref)).filter((path) => !base.has(path))
}

async function closeWithTitle(gh: LocalGitHub, title: string) {
  const number = file(gh, { title })
  expectOk(await close(gh, number))
  const pulls = gh.pulls()
  expect(pulls).toHaveLength(1)
  const pull = pulls[0]!
  const { path, branch } = markerOf(pull)
  expect(branch).toBe(pull.head.ref)
  const slug = branch.slice(`postmortem/${number}-`.length)
  expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  expect(slug.length).toBeLessThanOrEqual(48)
  expect(path).toBe(`postmortems/2026-11-24-${number}-${slug}.md`)
  expect(await newPaths(gh, pull)).toEqual([path])
  expect(postMortemBranches(gh)).toEqual([branch])
  expect(pull.title).not.toMatch(BROKEN_SURROGATE)
  expect(pull.title.length).toBeLessThanOrEqual(256)
  return { number, pull, slug, document: documentOf(gh, pull) }
}

describe.concurrent('post-mortem: hostile titles and fields', () => {
  it('title ../../.github/workflows/x: the document stays under postmortems/, nothing under .github/', async () => {
    await withRepo(async (gh) => {
      const before = (await pathsAt(gh, 'main')).filter((path) => path.startsWith('.github/'))
      const { slug, pull } = await closeWithTitle(gh, '../../.github/workflows/x')
      expect(slug).toBe('github-workflows-x')
      expect((await pathsAt(gh, pull.head.ref)).filter((path) => path.startsWith('.github/'))).toEqual(before)
      expect(pull.title).toBe(`Post-mortem: ../../.github/workflows/x (#${markerOf(pull).issue})`)
    })
  })

  it('titles of dots and backslashes: ..\\..\\.github\\.. gives "github", ..\\.. falls back to "escalation"', async () => {
    const expectSlug = (title: string, slug: string) => withRepo(async (gh) => expect((await closeWithTitle(gh, title)).slug).toBe(slug))
    await Promise.all([expectSlug('..\\..\\.github\\..', 'github'), expectSlug('..\\..', 'escalation')])
  })

  it('a 300-character Unicode title: ASCII slug of at most 48 characters; PR title and document heading cut between characters', async () => {
    await withRepo(async (gh) => {
      const title = `${'Ärger über die Größe der Datenbank – Ünïcödé '.repeat(3).slice(0, 100)}${'🚨'.repeat(200)}`
      expect([...title]).toHaveLength(300)
      const { slug, pull, document } = await closeWithTitle(gh, title)
      expect(slug.startsWith('arger-uber-die-gro')).toBe(true)
      expect(pull.title.endsWith(`… (#${markerOf(pull).issue})`) || pull.title.endsWith(` (#${markerOf(pull).issue})`)).toBe(true)
      const heading = document.split('\n')[0]!
      expect(heading.startsWith('# Post-mortem: Ärger über die Größe')).toBe(true)
      expect(heading).not.toMatch(BROKEN_SURROGATE)
      expect(document).not.toMatch(BROKEN_SURROGATE)
      expect(links(gh, markerOf(pull).issue)[0]!.body).not.toMatch(BROKEN_SURROGATE)
    })
  })

  it('placeholders, pipes and @mentions in fields and comments stay literal, intact and silent', async () => {
    await withRepo(async (gh) => {
      const number = file(gh, {
        title: '[Escalation] @globex-admins: {{root_cause}} | pipeline wiped',
        answers: answers({
          customer: 'Globex | Initech @hank',
          arr: '$1.2M | $300k',
          contact: 'Hank Scorpio @hscorpio, CEO',
          whatHappened: 'The export template printed {{title}} and {{root_cause}} to @someone and @acme/support-leads.',
          rootCause: 'A stage filter `a | b` was dropped; {{ root_cause }} and {{title}} came from the mail merge. cc @someone',
          impact: 'All 140 reps | every region cannot work; @vp-sam asked for hourly updates.',
          started: '06:00 | 07:00 UTC',
          tried: 'Restored C:\\exports\\| by hand; asked @dba-team. {{people}}',
        }),
      })
      gh.clock.advance(30)
      expectOk(await run(gh, gh.act.comment(number, '/status Restore | 60% done, ping @someone when finished', 'olivia')))
      gh.clock.advance(30)
      const fixed = gh.act.comment(number, 'Fixed | verified with @hank {{timeline}}', 'olivia')
      gh.act.react(fixed.commentId, 'rocket', 'olivia')
      gh.clock.advance(30)
      expectOk(await close(gh, number))

      const [pull] = gh.pulls()
      const document = documentOf(gh, pull!)
      // Placeholders in user text are not filled: the text reads as written.
      expect(section(document, 'Summary')).toContain('printed {{title}} and {{root_cause}} to')
      expect(section(document, 'Root cause')).toContain('{{ root_cause }} and {{title}} came from the mail merge')
      expect(section(document, 'Trigger and detection')).toContain('{{people}}')
      expect(document.split('\n')[0]).toBe(`# Post-mortem: [Escalation] @${ZWJ}globex-admins: {{root_cause}} | pipeline wiped`)
      expect(document.match(/^## /gm)).toHaveLength(14) // no section pasted in twice

      // Pipes are escaped in cells: every row of every table has its table's width.
      expectTablesIntact(document)
      expect(tableRows(section(document, 'Customer and account')).slice(2)).toEqual([
        ['Customer', `Globex \\| Initech @${ZWJ}hank`],
        ['Account value (ARR)', '$1.2M \\| $300k'],
        ['Renewal date', '2027-01-31'],
        ['Customer contact', `Hank Scorpio @${ZWJ}hscorpio, CEO`],
      ])
      const timeline = tableRows(section(document, 'Timeline'))
      expect(timeline.every((row) => row.length === 3)).toBe(true)
      expect(timeline.map((row) => row[1])).toContain(`Status: Restore \\| 60% done, ping @${ZWJ}someone when finished`)
      expect(timeline.map((row) => row[1])).toContain(`Fixed \\| verified with @${ZWJ}hank {{timeline}}`)
      expect(
        tableRows(section(document, 'Communication log'))
          .slice(2)
          .map((row) => row.length),
      ).toEqual([3])

      // Nobody is pinged from the PR or the escalation's comments; the document, a file (which notifies
      // nobody), keeps the answers as written.
      expect(section(document, 'Summary')).toContain('to @someone and @acme/support-leads.')
      expect(liveMentions(pull!.body ?? '')).toEqual([])
      for (const comment of gh.comments(number).filter((candidate) => candidate.user.login !== 'olivia'))
        expect(liveMentions(comment.body ?? '')).toEqual([])
      expect(links(gh, number)).toHaveLength(1)
    })
  })

  it('a 65,000-character root cause: the document holds all of it, the PR body and comment stay under 65,536', async () => {
    await withRepo(async (gh) => {
      const rootCause = 'The stale-opportunity job ran without its stage filter. '.repeat(1200).slice(0, 65_000).trimEnd()
      const long = {
        customer: 'Globex',
        whatHappened: 'Pipeline wiped.',
        rootCause,
        impact: 'All 140 reps blocked; the renewal is at risk.',
      }
      // With the form's headings the body is a few hundred characters over what GitHub stores for
      // an issue (65,536); the local GitHub accepts it, and the post-mortem must cope either way.
      expect(formBody(long).length).toBeGreaterThan(65_000)
      const number = file(gh, { answers: long })
      expectOk(await close(gh, number))
      const [pull] = gh.pulls()
      expect(pull!.draft).toBe(false)
      expect((pull!.body ?? '').length).toBeLessThan(65_536)
      const document = documentOf(gh, pull!)
      expect(section(document, 'Root cause')).toBe(rootCause)
      expect(document.length).toBeGreaterThan(65_000)
      for (const comment of gh.comments(number)) expect((comment.body ?? '').length).toBeLessThan(65_536)

      // The long document reads back equal: a re-run writes nothing.
      const since = mark(gh)
      expectOk(await run(gh, gh.act.close(number, { by: 'olivia', reason: 'completed' })))
      expect(since.writes()).toEqual([])
    })
  })
})
