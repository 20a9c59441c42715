import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/defaults'
import { parseConfig } from '../../../src/config/parse-config'
import { CHAT_EVENTS } from '../../../src/config/types'
import { FILE, problemsOf, tier } from './helpers'

const parse = (text: string) => parseConfig(text, FILE)

describe('trusted-apps', () => {
  it('stores Apps lower-case, without @ and [bot]', () => {
    expect(parse('trusted-apps:\n  - My-Labeler[bot]\n  - "@triage-helper"\n  - sorter\n').trustedApps).toEqual([
      'my-labeler',
      'triage-helper',
      'sorter',
    ])
  })

  it('refuses something that is not an App login, at its position', () => {
    expect(problemsOf('trusted-apps: [ok, "two words", "x[bot][bot]"]\n')).toEqual([
      `${FILE}:1:20: trusted-apps[1] must be a GitHub App like my-labeler or my-labeler[bot] (got "two words")`,
      `${FILE}:1:33: trusted-apps[2] must be a GitHub App like my-labeler or my-labeler[bot] (got "x[bot][bot]")`,
    ])
  })

  it('refuses one App listed twice under two spellings', () => {
    expect(problemsOf('trusted-apps:\n  - my-labeler\n  - "My-Labeler[bot]"\n')).toEqual([
      `${FILE}:3:5: trusted-apps[1] repeats "My-Labeler[bot]", already listed as trusted-apps[0]`,
    ])
  })
})

describe('command-permission and post-mortem.close-permission', () => {
  it('take a permission', () => {
    const config = parse('command-permission: write\npost-mortem:\n  close-permission: maintain\n')
    expect(config.commandPermission).toBe('write')
    expect(config.postMortem).toEqual({ ...defaultConfig().postMortem, closePermission: 'maintain' })
  })

  it('refuse anything else', () => {
    expect(problemsOf('command-permission: owner\npost-mortem: { close-permission: everyone }\n')).toEqual([
      `${FILE}:1:21: command-permission must be one of: read, triage, write, maintain, admin (got "owner")`,
      `${FILE}:2:34: post-mortem.close-permission must be one of: read, triage, write, maintain, admin (got "everyone")`,
    ])
  })
})

describe('sla-warning-at', () => {
  it.each([0, 1, 50, 99])('accepts %i', (percent) => {
    expect(parse(`sla-warning-at: ${percent}\n`).slaWarningPercent).toBe(percent)
  })

  it.each([
    ['100', 'must be at most 99 (got 100)'],
    ['-1', 'must be at least 0 (got -1)'],
    ['7.5', 'must be a whole number (got 7.5)'],
    ['75%', 'must be a whole number (got "75%")'],
  ])('refuses %s', (value, message) => {
    expect(problemsOf(`sla-warning-at: ${value}\n`)).toEqual([`${FILE}:1:17: sla-warning-at ${message}`])
  })
})

describe('tiers[].chat', () => {
  it('lists the events a tier announces; a tier without chat announces none', () => {
    const config = parse(`tiers:\n${tier('p1', '    chat: [breach, resolved]\n')}${tier('p2')}`)
    expect(config.tiers.map((t) => t.chat)).toEqual([['breach', 'resolved'], []])
  })

  it('knows every chat event', () => {
    expect(parse(`tiers:\n${tier('p1', `    chat: [${CHAT_EVENTS.join(', ')}]\n`)}`).tiers[0]?.chat).toEqual([...CHAT_EVENTS])
  })

  it('refuses unknown and repeated events', () => {
    expect(problemsOf(`tiers:\n${tier('p1', '    chat: [opened, typing, opened]\n')}`)).toEqual([
      `${FILE}:5:20: tiers[0].chat[1] must be one of: opened, tier-raised, breach, missed-update, resolved (got "typing")`,
      `${FILE}:5:28: tiers[0].chat[2] repeats "opened", already listed`,
    ])
    expect(problemsOf(`tiers:\n${tier('p1', '    chat: all\n')}`)).toEqual([`${FILE}:5:11: tiers[0].chat must be a list (got "all")`])
  })
})

describe('maps merged key by key over the defaults', () => {
  it('preventive-actions', () => {
    expect(parse('preventive-actions:\n  nudge-every: 2d12h\n').preventiveActions).toEqual({
      label: 'preventive-action',
      nudgeEveryMinutes: 3600,
    })
    expect(parse('preventive-actions: { label: follow-up }\n').preventiveActions).toEqual({ label: 'follow-up', nudgeEveryMinutes: 1440 })
  })

  it('csat', () => {
    expect(parse('csat:\n  ask: ["@alice", bob]\n').csat).toEqual({ ask: ['alice', 'bob'], remindAfterBusinessDays: 2, lowRating: 2 })
    expect(parse('csat: { remind-after-business-days: 0, low-rating: 4 }\n').csat).toEqual({
      ask: 'filer',
      remindAfterBusinessDays: 0,
      lowRating: 4,
    })
  })

  it('repeat-customers', () => {
    expect(parse('repeat-customers: { threshold: 3 }\n').repeatCustomers).toEqual({
      windowDays: 180,
      threshold: 3,
      label: 'repeat-customer',
    })
  })

  it('report', () => {
    expect(parse('report:\n  commit: true\n  directory: ./docs/reports/\n').report).toEqual({
      periodDays: 30,
      issueTitle: 'Escalation report',
      commit: true,
      directory: 'docs/reports',
    })
  })

  it('an empty map keeps every default', () => {
    const config = parse('csat: {}\nreport: {}\npreventive-actions: {}\nrepeat-customers: {}\npost-mortem: {}\n')
    expect(config).toEqual(defaultConfig())
  })
})

describe('csat, repeat-customers and report: invalid values', () => {
  it.each([
    ['csat: { ask: nobody }', `${FILE}:1:14: csat.ask must be "filer" or a list of GitHub logins (got "nobody")`],
    ['csat: { ask: [] }', `${FILE}:1:14: csat.ask must list at least 1 item`],
    ['csat: { ask: [alice, "a team/x"] }', `${FILE}:1:22: csat.ask[1] must be a GitHub login like octocat (got "a team/x")`],
    ['csat: { ask: [alice, "@Alice"] }', `${FILE}:1:22: csat.ask[1] repeats "@Alice", already listed as csat.ask[0]`],
    ['csat: { remind-after-business-days: 31 }', `${FILE}:1:37: csat.remind-after-business-days must be at most 30 (got 31)`],
    ['csat: { low-rating: 5 }', `${FILE}:1:21: csat.low-rating must be at most 4 (got 5)`],
    ['csat: { low-rating: 0 }', `${FILE}:1:21: csat.low-rating must be at least 1 (got 0)`],
    ['csat: { rating: 3 }', `${FILE}:1:9: csat.rating is not a known key (allowed: ask, remind-after-business-days, low-rating)`],
    ['repeat-customers: { window-days: 0 }', `${FILE}:1:34: repeat-customers.window-days must be at least 1 (got 0)`],
    ['repeat-customers: { window-days: 3651 }', `${FILE}:1:34: repeat-customers.window-days must be at most 3650 (got 3651)`],
    ['repeat-customers: { threshold: 0 }', `${FILE}:1:32: repeat-customers.threshold must be at least 1 (got 0)`],
    ['report: { period-days: 366 }', `${FILE}:1:24: report.period-days must be at most 365 (got 366)`],
    ['report: { commit: yes }', `${FILE}:1:19: report.commit must be true or false (got "yes")`],
    ['report: { issue-title: "" }', `${FILE}:1:24: report.issue-title must not be empty`],
    [
      'report: { issue-title: "Report\\n::set-output" }',
      `${FILE}:1:24: report.issue-title must be one line without control characters and without spaces at either end (got "Report\\n::set-output")`,
    ],
    [
      `report: { issue-title: ${'x'.repeat(257)} }`,
      `${FILE}:1:24: report.issue-title must be at most 256 characters (got "${'x'.repeat(57)}...")`,
    ],
    [
      'preventive-actions: { nudge-every: often }',
      `${FILE}:1:36: preventive-actions.nudge-every must be a duration like 30m, 2h, 1d or 1h30m (got "often")`,
    ],
  ])('%s', (text, problem) => {
    expect(problemsOf(`${text}\n`)).toEqual([problem])
  })
})

describe('project', () => {
  it('is off by default and when null', () => {
    expect(defaultConfig().project).toBeNull()
    expect(parse('project: null\n').project).toBeNull()
  })

  it('takes owner and number; field names default to the documented ones', () => {
    expect(parse('project: { owner: "@acme", number: 3 }\n').project).toEqual({
      owner: 'acme',
      number: 3,
      fields: { tier: 'Tier', state: 'State', slaDue: 'SLA due', customer: 'Customer', arr: 'ARR', owner: 'Owner' },
    })
  })

  it('merges field names key by key', () => {
    const text = 'project:\n  owner: acme\n  number: 12\n  fields:\n    sla-due: Due date\n    arr: Annual revenue\n'
    expect(parse(text).project?.fields).toEqual({
      tier: 'Tier',
      state: 'State',
      slaDue: 'Due date',
      customer: 'Customer',
      arr: 'Annual revenue',
      owner: 'Owner',
    })
  })

  it.each([
    ['project: 3', `${FILE}:1:10: project must be a map of keys or null (got 3)`],
    ['project: { owner: acme }', `${FILE}:1:10: project is missing the required key "number"`],
    ['project: { number: 3 }', `${FILE}:1:10: project is missing the required key "owner"`],
    ['project: { owner: acme/x, number: 3 }', `${FILE}:1:19: project.owner must be a GitHub login like octocat (got "acme/x")`],
    ['project: { owner: acme, number: 0 }', `${FILE}:1:33: project.number must be at least 1 (got 0)`],
    ['project: { owner: acme, number: 1.5 }', `${FILE}:1:33: project.number must be a whole number (got 1.5)`],
    [
      'project: { owner: acme, number: 3, fields: { sla: X } }',
      `${FILE}:1:46: project.fields.sla is not a known key (allowed: tier, state, sla-due, customer, arr, owner)`,
    ],
    [
      'project: { owner: acme, number: 3, fields: { tier: "Tier\\t" } }',
      `${FILE}:1:52: project.fields.tier must be one line without control characters and without spaces at either end (got "Tier\\t")`,
    ],
    [
      'project: { owner: acme, number: 3, fields: { tier: state } }',
      `${FILE}:1:52: project.fields.tier names the field "state", already used by project.fields.state`,
    ],
  ])('%s', (text, problem) => {
    expect(problemsOf(`${text}\n`)).toEqual([problem])
  })
})

describe('organization', () => {
  it('is off by default and when null', () => {
    expect(defaultConfig().organization).toBeNull()
    expect(parse('organization: null\n').organization).toBeNull()
  })

  it('serves all repositories or the ones listed', () => {
    expect(parse('organization: { repositories: all }\n').organization).toEqual({ repositories: 'all' })
    expect(parse('organization:\n  repositories: [support-emea, support.us, _internal]\n').organization).toEqual({
      repositories: ['support-emea', 'support.us', '_internal'],
    })
  })

  it.each([
    ['organization: {}', `${FILE}:1:15: organization is missing the required key "repositories"`],
    [
      'organization: { repositories: some }',
      `${FILE}:1:31: organization.repositories must be "all" or a list of repository names (got "some")`,
    ],
    ['organization: { repositories: [] }', `${FILE}:1:31: organization.repositories must list at least 1 item`],
    [
      'organization: { repositories: [acme/support] }',
      `${FILE}:1:32: organization.repositories[0] must be a repository name like support-emea (no owner/ prefix) (got "acme/support")`,
    ],
    [
      'organization: { repositories: [".."] }',
      `${FILE}:1:32: organization.repositories[0] must be a repository name like support-emea (no owner/ prefix) (got "..")`,
    ],
    [
      'organization: { repositories: [Support, support] }',
      `${FILE}:1:41: organization.repositories[1] repeats "support", already listed as organization.repositories[0]`,
    ],
  ])('%s', (text, problem) => {
    expect(problemsOf(`${text}\n`)).toEqual([problem])
  })

  it('names a misspelt key and the missing one', () => {
    expect(problemsOf('organization: { repos: all }\n')).toEqual([
      `${FILE}:1:15: organization is missing the required key "repositories"`,
      `${FILE}:1:17: organization.repos is not a known key (allowed: repositories)`,
    ])
  })
})
