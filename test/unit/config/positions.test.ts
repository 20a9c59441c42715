/** Every way a file can be refused names the line and column to fix. */
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../../src/config/parse-config'
import { FILE, problemsOf, tier } from './helpers'

const bomb = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n')

describe('problems outside the schema', () => {
  it.each([
    [
      'a second document',
      'form: a\n---\nform: b\n',
      `${FILE}:2:1: YAML syntax error: Source contains multiple documents; please use YAML.parseAllDocuments()`,
    ],
    ['a list as a key', 'trigger-label: x\n? [a, b]\n: c\n', `${FILE}:2:3: YAML syntax error: a key must be plain text, not a list or map`],
    [
      'an alias of a map as a key',
      'x: &m { a: 1 }\n*m : 2\n',
      `${FILE}:2:1: YAML syntax error: a key must be plain text, not a list or map`,
    ],
    [
      'an alias bomb',
      `${bomb}\n`,
      `${FILE}:2:8: YAML aliases expand too far: Excessive alias count indicates a resource exhaustion attack`,
    ],
    ['a scalar document', 'false\n', `${FILE}:1:1: (top level) must be a map of keys (got false)`],
  ])('%s', (_, text, problem) => {
    expect(problemsOf(text)).toEqual([problem])
  })

  it('accepts anchors and aliases used as intended', () => {
    const text = `tiers:\n${tier('p1', '    owners: &leads [alice, bob]\n')}${tier('p2', '    owners: *leads\n')}`
    expect(parseConfig(text, FILE).tiers.map((t) => t.owners)).toEqual([
      ['alice', 'bob'],
      ['alice', 'bob'],
    ])
  })
})

describe('schema problems of every kind', () => {
  it.each([
    ['const (calendar)', `tiers:\n${tier('p1', '    calendar: always\n')}`, `${FILE}:5:15: tiers[0].calendar`],
    [
      'maxItems',
      `tiers:\n${Array.from({ length: 21 }, (_, i) => tier(`p${i}`)).join('')}`,
      `${FILE}:2:3: tiers must list at most 20 items`,
    ],
    ['uniqueItems', 'placeholders: [a, b, a]\n', `${FILE}:1:22: placeholders[2] repeats "a", already listed`],
    [
      'maximum',
      'required-fields:\n  - id: x\n    min-length: 10001\n',
      `${FILE}:3:17: required-fields[0].min-length must be at most 10000`,
    ],
    ['minLength', 'required-fields:\n  - id: ""\n', `${FILE}:2:9: required-fields[0].id must not be empty`],
    [
      'a key under an alias',
      'x: &sla { acknowledge: 1h, update-every: 1h, resolve: soon }\n' + `tiers:\n${tier('p1').replace(/sla: \{.*\}/, 'sla: *sla')}`,
      `${FILE}:5:10: tiers[0].sla`,
    ],
  ])('%s', (_, text, start) => {
    const problems = problemsOf(text)
    expect(
      problems.some((problem) => problem.startsWith(start)),
      problems.join('\n'),
    ).toBe(true)
  })
})

describe('semantic problems of every kind', () => {
  it.each([
    ['a duration bound', `tiers:\n${tier('p1').replace('resolve: 2d', 'resolve: 400d')}`],
    ['a label clash', 'needs-info-label: escalation\n'],
    ['an unknown default tier', 'default-tier: nope\n'],
    ['a repeated field id', 'required-fields: [{ id: a }, { id: a }]\n'],
    ['a time zone', `tiers:\n${tier('p1', '    calendar: { time-zone: Nowhere/City }\n')}`],
    ['backwards hours', `tiers:\n${tier('p1', '    calendar: { time-zone: UTC, hours: "10:00-09:00" }\n')}`],
    ['a nudge bound', 'preventive-actions: { nudge-every: 1m }\n'],
    ['a repeated App', 'trusted-apps: [a, "a[bot]"]\n'],
    ['a repeated login', 'csat: { ask: [a, "@a"] }\n'],
    ['a repeated repository', 'organization: { repositories: [a, A] }\n'],
    ['a repeated project field', 'project: { owner: o, number: 1, fields: { arr: Owner } }\n'],
  ])('%s', (_, text) => {
    for (const problem of problemsOf(text)) expect(problem).toMatch(/^\.github\/escalations\.yml:\d+:\d+: \S/)
  })
})
