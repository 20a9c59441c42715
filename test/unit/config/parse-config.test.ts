import { describe, expect, it } from 'vitest'
import { FILE, problemsOf, tier } from './helpers'

describe('parseConfig: problems', () => {
  it('reports a bad duration with its position, key and value', () => {
    const text = `tiers:\n${tier('p1').replace('acknowledge: 1h', 'acknowledge: 90 minutes')}`
    expect(problemsOf(text)).toEqual([
      `${FILE}:4:25: tiers[0].sla.acknowledge must be a duration like 30m, 2h, 1d or 1h30m (got "90 minutes")`,
    ])
  })

  it('reports a zero duration', () => {
    expect(problemsOf(`tiers:\n${tier('p1').replace('resolve: 2d', 'resolve: 0m')}`)).toEqual([
      `${FILE}:4:56: tiers[0].sla.resolve must be longer than 0 minutes (got "0m")`,
    ])
  })

  it('names an unknown key at the key itself', () => {
    expect(problemsOf('trigger-label: x\ntriger-label: y\n')).toEqual([
      expect.stringMatching(/^\.github\/escalations\.yml:2:1: triger-label is not a known key \(allowed: trigger-label, /),
    ])
    expect(problemsOf('post-mortem:\n  folder: docs\n')).toEqual([
      `${FILE}:2:3: post-mortem.folder is not a known key (allowed: directory, template, label, reviewers, not-planned-comment, close-permission)`,
    ])
  })

  it('reports a wrong type', () => {
    expect(problemsOf('max-writes-per-run: lots\n')).toEqual([`${FILE}:1:21: max-writes-per-run must be a whole number (got "lots")`])
    expect(problemsOf('placeholders: none\n')).toEqual([`${FILE}:1:15: placeholders must be a list (got "none")`])
    expect(problemsOf('- a\n- b\n')).toEqual([`${FILE}:1:1: (top level) must be a map of keys (got a list)`])
  })

  it('reports an unknown default tier', () => {
    expect(problemsOf('default-tier: tier-9\n')).toEqual([
      `${FILE}:1:15: default-tier names no tier (got "tier-9"; tiers: tier-1, tier-2, tier-3)`,
    ])
  })

  it('reports a duplicate tier label, case-insensitively', () => {
    expect(problemsOf(`tiers:\n${tier('p1')}${tier('P1')}`)).toEqual([
      `${FILE}:5:12: tiers[1].label uses the label "P1", already used by tiers[0].label`,
    ])
  })

  it('reports a tier label that clashes with the trigger label', () => {
    expect(problemsOf('trigger-label: tier-1\n')).toEqual([
      `${FILE}:1:16: trigger-label uses the label "tier-1", already used by tiers[0].label`,
    ])
  })

  it('reports duplicate required-field ids', () => {
    expect(problemsOf('required-fields:\n  - id: impact\n  - id: impact\n')).toEqual([
      `${FILE}:3:9: required-fields[1].id repeats the field id "impact"`,
    ])
  })

  it('reports a bad time zone and backwards hours', () => {
    const text = `tiers:\n${tier('p1', '    calendar:\n      time-zone: Mars/Olympus\n      hours: "17:00-09:00"\n')}`
    expect(problemsOf(text)).toEqual([
      `${FILE}:6:18: tiers[0].calendar.time-zone is not a known IANA time zone such as Europe/Berlin (got "Mars/Olympus")`,
      `${FILE}:7:14: tiers[0].calendar.hours must start before it ends (got "17:00-09:00")`,
    ])
  })

  it('reports bad calendar shapes, weekdays, permissions and logins', () => {
    const text = `tiers:\n${tier('p1', '    calendar: always\n    min-permission: owner\n    owners: [acme/team]\n')}${tier('p2', '    calendar: { time-zone: UTC, days: [monday] }\n')}`
    expect(problemsOf(text)).toEqual([
      `${FILE}:5:15: tiers[0].calendar must be "24x7" or business hours (a map with time-zone, days and hours) (got "always")`,
      `${FILE}:6:21: tiers[0].min-permission must be one of: read, triage, write, maintain, admin (got "owner")`,
      `${FILE}:7:14: tiers[0].owners[0] must be a GitHub login like octocat (got "acme/team")`,
      `${FILE}:11:40: tiers[1].calendar.days[0] must be one of: mon, tue, wed, thu, fri, sat, sun (got "monday")`,
    ])
  })

  it('reports a missing required tier key', () => {
    expect(problemsOf('tiers:\n  - label: p1\n    name: P1\n')).toEqual([`${FILE}:2:5: tiers[0] is missing the required key "sla"`])
  })

  it('reports a label longer than GitHub allows', () => {
    expect(problemsOf(`breach-label: ${'x'.repeat(51)}\n`)).toEqual([
      `${FILE}:1:15: breach-label must be at most 50 characters (got "${'x'.repeat(51)}")`,
    ])
  })

  it('reports YAML syntax errors with their position', () => {
    expect(problemsOf('trigger-label: x\ntiers: [a, b\nform: y\n')).toEqual([
      expect.stringMatching(/^\.github\/escalations\.yml:3:1: YAML syntax error: Flow sequence .* must be sufficiently indented/),
    ])
    expect(problemsOf('form: a\nform: b\n')).toEqual([`${FILE}:2:1: YAML syntax error: Map keys must be unique`])
  })

  it('reports an alias to a missing anchor at the alias', () => {
    expect(problemsOf('trigger-label: x\nform: *nowhere\n')).toEqual([
      `${FILE}:2:7: YAML syntax error: the alias *nowhere has no anchor set before it`,
    ])
  })

  it('reports several problems at once, in file order', () => {
    const text = [
      'trigger-label: ""',
      'max-writes-per-run: 0',
      'colour: red',
      'default-tier: nope',
      'post-mortem:',
      '  directory: ../outside',
      '  reviewers: [ok-user, "bad user"]',
    ].join('\n')
    const problems = problemsOf(text)
    expect(problems).toEqual([
      `${FILE}:1:16: trigger-label must not be empty`,
      `${FILE}:2:21: max-writes-per-run must be at least 1 (got 0)`,
      expect.stringMatching(/^\.github\/escalations\.yml:3:1: colour is not a known key/),
      `${FILE}:6:14: post-mortem.directory must not contain a ".." segment (got "../outside")`,
      `${FILE}:7:24: post-mortem.reviewers[1] must be a GitHub login like octocat or a team like my-org/support-leads (got "bad user")`,
    ])
    // Semantic checks (default-tier) wait for a file the schema accepts.
  })

  it('reports several semantic problems at once', () => {
    const problems = problemsOf(`default-tier: p9\ntiers:\n${tier('p1')}${tier('p1')}`)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/:1:15: default-tier names no tier/)
    expect(problems[1]).toMatch(/:6:12: tiers\[1\]\.label uses the label "p1"/)
  })
})
