/**
 * The post-mortem document as committed: every section of the template, the escalation's
 * fields filled in (the ask from leadership among them), the tier and SLA results, and a
 * timeline in UTC, oldest first, built from the lifecycle: the tiers the action accepted, the
 * acknowledgement, accepted commands, missed targets, the events and the comments
 * marked with 🚀. A root cause or impact missing at close makes the PR a draft and says so in
 * the document, the PR and the resolved notice.
 */
import { describe, expect, it } from 'vitest'
import {
  answers,
  close,
  COMPLETE,
  documentOf,
  expectOk,
  expectTablesIntact,
  file,
  fileAndTakeIn,
  noticeText,
  resolvedNotices,
  run,
  section,
  tableRows,
  TEMPLATE_HEADINGS,
  withRepo,
} from './postmortem-helpers'

const NO_PLACEHOLDER = /\{\{\s*[a-z_]+\s*\}\}/

describe.concurrent('post-mortem: the document', () => {
  it('has every section of the template, the fields filled in, and the timeline of what happened', async () => {
    await withRepo(async (gh) => {
      // 09:00 carla files it as tier-2, olivia assigned; the action takes it in.
      const number = await fileAndTakeIn(gh, { tier: 'tier-2' })
      // 09:40 olivia raises it to tier-1: the tier change by its owner acknowledges it.
      gh.clock.set('2026-11-24T09:40:00Z')
      gh.act.label(number, 'tier-1', 'olivia')
      expectOk(await run(gh, gh.act.unlabel(number, 'tier-2', 'olivia')))
      // 10:15 olivia's /status update, accepted by the action (👍).
      gh.clock.set('2026-11-24T10:15:00Z')
      const status = gh.act.comment(
        number,
        "/status Restore from last night's backup is running; 60% back.\nETA: 2026-11-24 16:00 UTC",
        'olivia',
      )
      const accepted = await run(gh, status)
      expectOk(accepted)
      expect(accepted.outputs.command).toBe('status')
      // 10:45 rita (read access) puts tier-3 on: refused and removed, so never the tier.
      gh.clock.set('2026-11-24T10:45:00Z')
      expectOk(await run(gh, gh.act.label(number, 'tier-3', 'rita')))
      expect(gh.labelsOf(number)).not.toContain('tier-3')
      // 11:00 rita tries a /status: not accepted, not on the timeline or in the log.
      gh.clock.set('2026-11-24T11:00:00Z')
      expectOk(await run(gh, gh.act.comment(number, '/status I heard it is fixed?', 'rita')))
      // 11:30 an ordinary comment: not on the timeline.
      gh.clock.set('2026-11-24T11:30:00Z')
      gh.act.comment(number, 'Joining the call at noon.', 'tom')
      // 12:30 the fix, marked 🚀 for the timeline.
      gh.clock.set('2026-11-24T12:30:00Z')
      const fixed = gh.act.comment(number, 'Restore complete: all 1,412 opportunities are back.\nGlobex confirmed on the call.', 'olivia')
      gh.act.react(fixed.commentId, 'rocket', 'carla')
      // 13:05 closed as completed.
      gh.clock.set('2026-11-24T13:05:00Z')
      expectOk(await close(gh, number))

      const [pull] = gh.pulls()
      const document = documentOf(gh, pull!)
      expect(document).not.toMatch(NO_PLACEHOLDER)
      expect(document.startsWith('# Post-mortem: Globex: every open opportunity closed overnight\n')).toBe(true)
      const headings = document.split('\n').filter((line) => /^#{1,6} /.test(line))
      expect(headings.map((heading) => heading.replace(/^# Post-mortem: .*$/, '# Post-mortem:'))).toEqual(TEMPLATE_HEADINGS)
      expect(TEMPLATE_HEADINGS).toContain('## The ask from leadership')

      expect(document).toContain(
        `> Escalation #${number} · Critical (\`tier-1\`) · filed 2026-11-24 09:00 UTC · closed 2026-11-24 13:05 UTC`,
      )
      expect(section(document, 'Summary')).toBe(COMPLETE.whatHappened)
      expect(tableRows(section(document, 'Customer and account')).slice(2)).toEqual([
        ['Customer', 'Globex Corporation'],
        ['Account value (ARR)', '$1.2M'],
        ['Renewal date', '2027-01-31'],
        ['Customer contact', 'Hank Scorpio, CEO'],
      ])
      // The clocks of the tier it ended in (Critical: acknowledge in 30m) from when it was escalated.
      const sla = section(document, 'Tier and SLA results')
      expect(tableRows(sla)[0]).toEqual(['Target', 'Actual', 'Target time', 'Due', 'Result'])
      expect(tableRows(sla).slice(2)).toEqual([
        ['Acknowledge', '40m', '30m', '2026-11-24 09:30 UTC', '**missed** by 10m'],
        ['Resolve', '4h 5m', '1d', '2026-11-25 09:00 UTC', 'met'],
      ])
      expect(sla).toContain('Tier: **Critical** (`tier-1`), clocks run 24x7.')
      expect(sla).toContain('Status updates from the team: 1 (one owed every 2h).')
      expect(section(document, 'Business impact')).toBe(COMPLETE.impact)
      expect(section(document, 'The ask from leadership')).toBe(COMPLETE.ask)
      expect(section(document, 'Root cause')).toBe(COMPLETE.rootCause)
      expect(section(document, 'Trigger and detection')).toBe(
        [
          '- **Started:** 2026-11-24 06:00 UTC',
          '- **Escalated:** 2026-11-24 09:00 UTC',
          `- **Tried before escalating:** ${COMPLETE.tried}`,
        ].join('\n'),
      )
      expect(section(document, 'Resolution')).toBe(
        'From olivia at 2026-11-24 12:30 UTC:\n\nRestore complete: all 1,412 opportunities are back.\nGlobex confirmed on the call.',
      )

      const timeline = section(document, 'Timeline')
      expect(timeline.startsWith('All times UTC, oldest first.')).toBe(true)
      const rows = tableRows(timeline)
      expect(rows[0]).toEqual(['Time (UTC)', 'Event', 'By'])
      expect(rows.slice(2)).toEqual([
        ['2026-11-24 09:00', 'Issue filed', 'carla'],
        ['2026-11-24 09:00', 'Tier: High (tier-2), label', 'carla'],
        ['2026-11-24 09:00', 'Assigned to olivia', 'carla'],
        ['2026-11-24 09:30', 'Acknowledge target (30m) missed', 'Escalation Desk'],
        ['2026-11-24 09:40', 'Tier: Critical (tier-1), label', 'olivia'],
        ['2026-11-24 09:40', 'Acknowledged (by tier change)', 'olivia'],
        ['2026-11-24 10:15', "Status: Restore from last night's backup is running; 60% back.", 'olivia'],
        ['2026-11-24 12:30', 'Restore complete: all 1,412 opportunities are back.', 'olivia'],
        ['2026-11-24 13:05', 'Closed (completed)', 'olivia'],
      ])
      const times = rows.slice(2).map((row) => row[0]!)
      expect(times).toEqual([...times].sort())

      expect(section(document, 'Preventive action items')).toContain('- [ ] Fix the root cause for good @owner due YYYY-MM-DD')
      expect(tableRows(section(document, 'Communication log')).slice(2)).toEqual([
        ['2026-11-24 10:15', "Restore from last night's backup is running; 60% back. ETA: 2026-11-24 16:00 UTC", 'olivia'],
      ])
      expect(section(document, 'People involved')).toBe(
        [
          '- Filed by: carla',
          '- Owners: olivia',
          '- Assignees: olivia',
          // Told when it was filed as High, and again when raised to Critical.
          '- Notified: acme/support-leads, vp-sam',
          '- Escalation contacts (Critical): cto-casey',
          '- Took part: olivia, rita, tom',
        ].join('\n'),
      )
      expectTablesIntact(document)
    })
  })

  it('root cause "tbd" at close: a draft PR, the section marked in the document, the resolved notice says what is missing', async () => {
    await withRepo(async (gh) => {
      const number = file(gh, { answers: answers({ rootCause: 'tbd' }) })
      gh.clock.advance(120)
      const result = await close(gh, number)
      expectOk(result)
      expect(result.outputs.state).toBe('postmortem-draft')

      const [pull] = gh.pulls()
      expect(pull!.draft).toBe(true)
      expect(pull!.body).toContain('**Draft:** Root cause missing at close; fill it in before merging.')
      const document = documentOf(gh, pull!)
      expect(document).toContain('> **Draft:** Root cause was missing at close; those sections are marked below.')
      expect(section(document, 'Root cause')).toBe(
        '> **Missing:** Root cause was not answered when the escalation closed. Fill it in during review.',
      )
      expect(section(document, 'Business impact')).toBe(COMPLETE.impact)
      expect(document).not.toMatch(/\btbd\b/)

      const [resolved] = resolvedNotices(gh, number)
      expect(noticeText(resolved!)).toBe(
        `**Resolved.** The post-mortem is ready for review in #${pull!.number} (reviewers: olivia, carla). ` +
          'It is a draft: Root cause was missing at close; fill it in during review. ' +
          '@carla, once you have talked to Globex Corporation, record how they rate the handling: `/csat <1-5> [comment]`.',
      )
    })
  })

  it('root cause and impact both missing: both named, both sections marked', async () => {
    await withRepo(async (gh) => {
      const number = file(gh, { answers: answers({ rootCause: 'unknown', impact: '' }) })
      expectOk(await close(gh, number))
      const [pull] = gh.pulls()
      expect(pull!.draft).toBe(true)
      expect(pull!.body).toContain('**Draft:** Root cause and Business impact missing at close')
      const document = documentOf(gh, pull!)
      expect(document).toContain('> **Draft:** Root cause and Business impact were missing at close')
      expect(section(document, 'Root cause')).toContain('> **Missing:** Root cause')
      expect(section(document, 'Business impact')).toContain('> **Missing:** Business impact')
      expect(noticeText(resolvedNotices(gh, number)[0]!)).toContain(
        'It is a draft: Root cause and Business impact were missing at close; fill them in during review.',
      )
    })
  })
})
