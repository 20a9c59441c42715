import { readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { defaultConfig, defaultConfigText } from '../../../src/config/defaults'
import { parseConfig } from '../../../src/config/parse-config'
import schema from '../../../escalations.schema.json'

const templateText = readFileSync('templates/escalations.yml', 'utf8')

describe('built-in defaults', () => {
  it('are exactly templates/escalations.yml', () => {
    expect(defaultConfigText).toBe(templateText)
    expect(defaultConfig()).toEqual(parseConfig(templateText, 'templates/escalations.yml'))
  })

  it('start with the yaml-language-server schema comment', () => {
    expect(templateText.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://raw.githubusercontent.com/escalation-desk/escalation-desk/main/escalations.schema.json',
    )
  })

  it('are cached', () => {
    expect(defaultConfig()).toBe(defaultConfig())
  })

  it('hold the documented values', () => {
    const config = defaultConfig()
    expect(config).toMatchObject({
      triggerLabel: 'escalation',
      needsInfoLabel: 'needs-info',
      breachLabel: 'sla-breached',
      formPath: '.github/ISSUE_TEMPLATE/escalation.yml',
      placeholders: ['n/a', 'na', 'none', 'tbd', '-', 'unknown', '?'],
      defaultTier: 'tier-3',
      maxWritesPerRun: 60,
      slaWarningPercent: 75,
      commandPermission: 'triage',
      trustedApps: [],
      postMortem: { directory: 'postmortems', template: null, label: 'postmortem', reviewers: [], closePermission: 'triage' },
      preventiveActions: { label: 'preventive-action', nudgeEveryMinutes: 1440 },
      csat: { ask: 'filer', remindAfterBusinessDays: 2, lowRating: 2 },
      repeatCustomers: { windowDays: 180, threshold: 2, label: 'repeat-customer' },
      report: { periodDays: 30, issueTitle: 'Escalation report', commit: false, directory: 'reports' },
      project: null,
      organization: null,
    })
    expect(config.requiredFields.map((f) => [f.id, f.minLength])).toEqual([
      ['root-cause', 20],
      ['impact', 20],
    ])
    expect(config.requiredFields.every((f) => f.hint.length > 40)).toBe(true)
    expect(config.postMortem.notPlannedComment).not.toBe('')
    expect(config.tiers.map((t) => [t.label, t.name, t.sla])).toEqual([
      ['tier-1', 'Critical', { acknowledgeMinutes: 30, updateEveryMinutes: 120, resolveMinutes: 1440 }],
      ['tier-2', 'High', { acknowledgeMinutes: 120, updateEveryMinutes: 480, resolveMinutes: 3 * 1440 }],
      ['tier-3', 'Standard', { acknowledgeMinutes: 480, updateEveryMinutes: 1440, resolveMinutes: 10 * 1440 }],
    ])
    const allEvents = ['opened', 'tier-raised', 'breach', 'missed-update', 'resolved']
    expect(config.tiers.map((t) => t.chat)).toEqual([allEvents, allEvents, []])
    for (const tier of config.tiers) {
      expect(tier).toMatchObject({
        calendar: { kind: '24x7' },
        owners: [],
        notify: [],
        escalationContacts: [],
        minPermission: 'triage',
      })
      expect(tier.meaning).not.toBe('')
    }
  })
})

describe('escalations.schema.json', () => {
  it('compiles with ajv strict mode off and accepts the template', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate(parse(templateText)), JSON.stringify(validate.errors)).toBe(true)
  })

  it('accepts an empty file (every key is optional)', () => {
    const validate = new Ajv({ strict: false }).compile(schema)
    expect(validate({})).toBe(true)
  })

  it('documents every key and closes every object', () => {
    const gaps: string[] = []
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return
      const s = node as Record<string, unknown>
      if (s.type === 'object' && s.additionalProperties !== false) gaps.push(`${where}: additionalProperties`)
      for (const [key, child] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (typeof child.description !== 'string') gaps.push(`${where}.${key}: description`)
      }
      for (const [key, child] of Object.entries(s)) {
        if (key !== 'enum' && key !== 'const') walk(child, `${where}/${key}`)
      }
    }
    walk(schema, '#')
    expect(gaps).toEqual([])
  })
})

describe('README', () => {
  it('has a Configuration row for every key of the schema', () => {
    const readme = readFileSync('README.md', 'utf8')
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## How it behaves'))
    const rowKeys = table
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|')[1] ?? '')
    const documented = (key: string): boolean => {
      const [parent = '', leaf = ''] = key.includes('.')
        ? [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)]
        : ['', key]
      return rowKeys.some(
        (cell) => cell.includes(`\`${key}\``) || (parent !== '' && cell.includes(`\`${parent}.`) && cell.includes(`\`${leaf}\``)),
      )
    }
    const keys: string[] = []
    const walk = (node: Record<string, unknown>, path: string): void => {
      const resolved = node.$ref === '#/definitions/tier' ? (schema.definitions.tier as Record<string, unknown>) : node
      const items = resolved.items as Record<string, unknown> | undefined
      if (resolved.properties) {
        for (const [key, child] of Object.entries(resolved.properties as Record<string, Record<string, unknown>>)) {
          walk(child, path === '' ? key : `${path}.${key}`)
        }
      } else if (items && (items.properties || items.$ref === '#/definitions/tier')) walk(items, `${path}[]`)
      else keys.push(path)
    }
    walk(schema as Record<string, unknown>, '')
    expect(keys.length).toBeGreaterThan(50)
    expect(keys.filter((key) => !documented(key))).toEqual([])
  })
})
