import { describe, expect, it } from 'vitest'
import { ConfigError, MAX_PROBLEMS_SHOWN } from '../../../src/config/errors'
import { parseConfig } from '../../../src/config/parse-config'
import { FILE, problemsOf, tier } from './helpers'

const withSla = (sla: string): string => `tiers:\n${tier('p1').replace('acknowledge: 1h, update-every: 4h, resolve: 2d', sla)}`

describe('durations are bounded', () => {
  it('refuses an SLA target past 365d, at its position, naming the bound', () => {
    expect(problemsOf(withSla('acknowledge: 99999999999d, update-every: 4h, resolve: 2d'))).toEqual([
      `${FILE}:4:25: tiers[0].sla.acknowledge must be at most 365d (got "99999999999d")`,
    ])
    expect(problemsOf(withSla('acknowledge: 1h, update-every: 366d, resolve: 8761h'))).toEqual([
      `${FILE}:4:43: tiers[0].sla.update-every must be at most 365d (got "366d")`,
      `${FILE}:4:58: tiers[0].sla.resolve must be at most 365d (got "8761h")`,
    ])
  })

  it('cuts a very long duration in the message', () => {
    const huge = `${'9'.repeat(5000)}d`
    expect(problemsOf(withSla(`acknowledge: ${huge}, update-every: 4h, resolve: 2d`))).toEqual([
      `${FILE}:4:25: tiers[0].sla.acknowledge must be at most 365d (got "${'9'.repeat(37)}...")`,
    ])
  })

  it('accepts exactly 365d', () => {
    const config = parseConfig(withSla('acknowledge: 365d, update-every: 8760h, resolve: 525600m'), FILE)
    expect(config.tiers[0]?.sla).toEqual({ acknowledgeMinutes: 525600, updateEveryMinutes: 525600, resolveMinutes: 525600 })
  })

  it.each([
    ['30m', 'must be at least 1h'],
    ['0m', 'must be at least 1h'],
    ['366d', 'must be at most 365d'],
  ])('refuses preventive-actions.nudge-every %s', (duration, message) => {
    expect(problemsOf(`preventive-actions:\n  nudge-every: ${duration}\n`)).toEqual([
      `${FILE}:2:16: preventive-actions.nudge-every ${message} (got "${duration}")`,
    ])
  })
})

describe('the number of problems reported is bounded', () => {
  const text = `placeholders:\n${Array.from({ length: 1000 }, (_, index) => `  - ${index}\n`).join('')}`
  const error = ((): ConfigError => {
    try {
      parseConfig(text, FILE)
    } catch (caught) {
      return caught as ConfigError
    }
    throw new Error('expected a ConfigError')
  })()

  it(`lists the first ${MAX_PROBLEMS_SHOWN} in file order and sums up the rest`, () => {
    expect(error.problems).toHaveLength(MAX_PROBLEMS_SHOWN)
    expect(error.problems[0]).toBe(`${FILE}:2:5: placeholders[0] must be text (got 0)`)
    expect(error.problems[49]).toBe(`${FILE}:51:5: placeholders[49] must be text (got 49)`)
    expect(error.omitted).toBe(950)
    const lines = error.message.split('\n')
    expect(lines[0]).toBe(`Invalid configuration in ${FILE} (1000 problems):`)
    expect(lines).toHaveLength(1 + MAX_PROBLEMS_SHOWN + 1)
    expect(lines.at(-1)).toBe('  … and 950 more')
  })

  it('keeps each line short, whatever the file holds', () => {
    const long = 'k'.repeat(100_000)
    // An explicit key (`? …`), as YAML caps implicit keys at 1024 characters.
    const problems = problemsOf(`? "${long}"\n: 1\n"a\\nb": 2\n`)
    expect(problems[0]).toMatch(/^\.github\/escalations\.yml:1:3: \["k{37}\.\.\."\] is not a known key \(allowed: /)
    expect(problems[1]).toMatch(/^\.github\/escalations\.yml:3:1: \["a\\nb"\] is not a known key/)
    for (const problem of problems) expect(problem.length).toBeLessThan(400)
  })

  it('a single problem is not summed up', () => {
    expect(problemsOf('form: ""\n')).toEqual([`${FILE}:1:7: form must not be empty`])
  })
})

const LABEL_KEYS = [
  ['trigger-label', (label: string) => `trigger-label: ${label}\n`, '1:16'],
  ['needs-info-label', (label: string) => `needs-info-label: ${label}\n`, '1:19'],
  ['breach-label', (label: string) => `breach-label: ${label}\n`, '1:15'],
  ['default-tier', (label: string) => `default-tier: ${label}\n`, '1:15'],
  ['tiers[0].label', (label: string) => `tiers:\n${tier('p1').replace('label: p1', `label: ${label}`)}`, '2:12'],
  ['post-mortem.label', (label: string) => `post-mortem:\n  label: ${label}\n`, '2:10'],
  ['preventive-actions.label', (label: string) => `preventive-actions:\n  label: ${label}\n`, '2:10'],
  ['repeat-customers.label', (label: string) => `repeat-customers:\n  label: ${label}\n`, '2:10'],
] as const

const BAD_NAME = 'must be a label name without control characters (such as a newline) and without spaces at either end'

describe.each(LABEL_KEYS)('label name %s', (path, write, position) => {
  it.each(['a\nb', 'a\u0000b', 'tab\there', 'del\u007f', 'nel\u0085', ' lead', 'trail ', 'nbsp\u00a0'])('refuses %j', (label) => {
    expect(problemsOf(write(JSON.stringify(label)))).toEqual([`${FILE}:${position}: ${path} ${BAD_NAME} (got ${JSON.stringify(label)})`])
  })

  it('refuses an empty name and one past 50 characters', () => {
    expect(problemsOf(write('""'))).toEqual([`${FILE}:${position}: ${path} must not be empty`])
    const long = 'é'.repeat(51)
    expect(problemsOf(write(long))).toEqual([`${FILE}:${position}: ${path} must be at most 50 characters (got "${long}")`])
  })

  it.each(['needs info', 'Priorität: hoch 🔥', 'x'.repeat(50)])('accepts %j', (label) => {
    // A default tier must also name a tier.
    const tiers = path === 'default-tier' ? `tiers:\n${tier('p1').replace('label: p1', `label: ${JSON.stringify(label)}`)}` : ''
    expect(() => parseConfig(write(JSON.stringify(label)) + tiers, FILE)).not.toThrow()
  })
})

describe('labels are distinct', () => {
  it.each([
    ['post-mortem:\n  label: Escalation\n', `${FILE}:2:10: post-mortem.label uses the label "Escalation", already used by trigger-label`],
    [
      'preventive-actions:\n  label: needs-info\n',
      `${FILE}:2:10: preventive-actions.label uses the label "needs-info", already used by needs-info-label`,
    ],
    [
      'repeat-customers:\n  label: TIER-1\n',
      `${FILE}:2:10: repeat-customers.label uses the label "TIER-1", already used by tiers[0].label`,
    ],
    [
      `default-tier: repeat-customer\ntiers:\n${tier('repeat-customer')}`,
      `${FILE}:3:12: tiers[0].label uses the label "repeat-customer", already used by repeat-customers.label`,
    ],
  ])('%j', (text, problem) => {
    expect(problemsOf(text)).toEqual([problem])
  })
})

describe('ConfigError', () => {
  it('cuts a very long line', () => {
    const error = new ConfigError(FILE, [`${FILE}:1:1: ${'x'.repeat(10_000)}`])
    expect(error.problems[0]).toHaveLength(500)
    expect(error.problems[0]?.endsWith('x…')).toBe(true)
    expect(error.message.length).toBeLessThan(600)
  })
})
