import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/defaults'
import { parseConfig } from '../../../src/config/parse-config'
import { FILE, tier } from './helpers'

describe('parseConfig: merging over the defaults', () => {
  it('returns the defaults for an empty or comment-only file', () => {
    expect(parseConfig('', FILE)).toEqual(defaultConfig())
    expect(parseConfig('# nothing to change\n', FILE)).toEqual(defaultConfig())
  })

  it('keeps defaults for keys a partial file leaves out', () => {
    const config = parseConfig('trigger-label: customer-escalation\npost-mortem:\n  directory: docs/incidents/\n', FILE)
    expect(config).toEqual({
      ...defaultConfig(),
      triggerLabel: 'customer-escalation',
      postMortem: { ...defaultConfig().postMortem, directory: 'docs/incidents' },
    })
  })

  it('replaces the tier list as a whole and fills in per-tier defaults', () => {
    const text = [
      'default-tier: p2',
      'tiers:',
      tier('p1', '    owners: ["@alice", bob]\n    notify: [acme/support-leads]\n    min-permission: write\n') +
        tier(
          'p2',
          '    meaning: Everything else\n    calendar:\n      time-zone: Europe/Berlin\n      days: [fri, mon]\n      hours: "08:30-17:00"\n',
        ),
    ].join('\n')
    const config = parseConfig(text, FILE)
    expect(config.defaultTier).toBe('p2')
    expect(config.tiers).toEqual([
      {
        label: 'p1',
        name: 'p1',
        meaning: '',
        sla: { acknowledgeMinutes: 60, updateEveryMinutes: 240, resolveMinutes: 2880 },
        calendar: { kind: '24x7' },
        owners: ['alice', 'bob'],
        notify: ['acme/support-leads'],
        escalationContacts: [],
        minPermission: 'write',
        chat: [],
      },
      {
        label: 'p2',
        name: 'p2',
        meaning: 'Everything else',
        sla: { acknowledgeMinutes: 60, updateEveryMinutes: 240, resolveMinutes: 2880 },
        calendar: { kind: 'business-hours', timeZone: 'Europe/Berlin', days: [1, 5], startMinute: 510, endMinute: 1020 },
        owners: [],
        notify: [],
        escalationContacts: [],
        minPermission: 'triage',
        chat: [],
      },
    ])
  })

  it('defaults a business-hours calendar to Monday–Friday 09:00–17:00', () => {
    const config = parseConfig(`tiers:\n${tier('p1', '    calendar: { time-zone: UTC }\n')}`, FILE)
    expect(config.tiers[0]?.calendar).toEqual({
      kind: 'business-hours',
      timeZone: 'UTC',
      days: [1, 2, 3, 4, 5],
      startMinute: 540,
      endMinute: 1020,
    })
  })

  it('uses the last tier as default when the tiers are replaced without default-tier', () => {
    expect(parseConfig(`tiers:\n${tier('sev1')}${tier('sev2')}`, FILE).defaultTier).toBe('sev2')
  })

  it('lower-cases placeholders and fills required-field defaults', () => {
    const config = parseConfig('placeholders: [N/A, " TBD "]\nrequired-fields:\n  - id: customer\n', FILE)
    expect(config.placeholders).toEqual(['n/a', 'tbd'])
    expect(config.requiredFields).toEqual([{ id: 'customer', minLength: 1, hint: '' }])
  })
})

describe('parseConfig: results share nothing', () => {
  it('with the cached defaults, so one caller cannot change another’s configuration', () => {
    const first = parseConfig('trigger-label: x\n', FILE)
    first.tiers[0]?.chat.push('opened')
    first.trustedApps.push('intruder')
    expect(parseConfig('trigger-label: x\n', FILE).tiers[0]?.chat).toEqual(defaultConfig().tiers[0]?.chat)
    expect(defaultConfig().tiers[0]?.chat).toHaveLength(5)
    expect(defaultConfig().trustedApps).toEqual([])
  })
})
