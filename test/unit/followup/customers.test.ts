import { describe, expect, it } from 'vitest'
import { MAX_KEY, findRepeats, isRepeatCustomer, normaliseCustomer, type PastEscalation } from '../../../src/core/followup/customers'

describe('normaliseCustomer', () => {
  it('one key for the ways people write one customer', () => {
    for (const name of ['Globex Corporation', 'GLOBEX corp.', 'Globex, Inc.', 'Globex', '  globex  ', 'The Globex Company', 'Globex Inc']) {
      expect(normaliseCustomer(name)).toBe('globex')
    }
  })

  it.each([
    'Inc',
    'Inc.',
    'Incorporated',
    'Ltd',
    'Ltd.',
    'Limited',
    'LLC',
    'L.L.C.',
    'GmbH',
    'AG',
    'SA',
    'S.A.',
    'SAS',
    'BV',
    'B.V.',
    'NV',
    'Plc',
    'PLC',
    'Pty Ltd',
    'Co',
    'Co.',
    'Corp',
    'Corporation',
    'Company',
    'KK',
    'Oy',
    'AB',
    'AS',
    'ApS',
    'SRL',
    'S.r.l.',
    'SpA',
    'S.p.A.',
  ])('removes the legal form %s', (suffix) => {
    expect(normaliseCustomer(`Initech ${suffix}`)).toBe('initech')
    expect(normaliseCustomer(`Initech, ${suffix}`)).toBe('initech')
  })

  it('removes stacked legal forms and the "and" between them', () => {
    expect(normaliseCustomer('Globex Holdings Co., Ltd.')).toBe('globex holdings')
    expect(normaliseCustomer('Müller GmbH & Co. KG')).toBe('muller')
    expect(normaliseCustomer('Sears, Roebuck and Co.')).toBe('sears roebuck')
  })

  it('never removes the whole name, and keeps legal-looking words that are not at the end', () => {
    expect(normaliseCustomer('Company')).toBe('company')
    expect(normaliseCustomer('AG Barr')).toBe('ag barr')
    expect(normaliseCustomer('Acme Pty')).toBe('acme pty')
    expect(normaliseCustomer('The')).toBe('the')
  })

  it('folds accents and letters without a decomposition', () => {
    expect(normaliseCustomer('Société Générale S.A.')).toBe('societe generale')
    expect(normaliseCustomer('Nestlé')).toBe(normaliseCustomer('NESTLE'))
    expect(normaliseCustomer('Straße AG')).toBe('strasse')
    expect(normaliseCustomer('Ørsted A/S')).toBe('orsted')
    expect(normaliseCustomer('Łódź Æther')).toBe('lodz aether')
    expect(normaliseCustomer('ＧＬＯＢＥＸ')).toBe('globex')
  })

  it('punctuation and whitespace: hyphens and brackets are spaces, dots, slashes and apostrophes join, & is "and"', () => {
    expect(normaliseCustomer('Coca-Cola')).toBe(normaliseCustomer('Coca Cola'))
    expect(normaliseCustomer("Macy's")).toBe('macys')
    expect(normaliseCustomer('Macy’s')).toBe('macys')
    expect(normaliseCustomer('J.P. Morgan')).toBe(normaliseCustomer('JP Morgan'))
    expect(normaliseCustomer('Procter & Gamble')).toBe(normaliseCustomer('Procter and Gamble'))
    expect(normaliseCustomer('Acme\t\n (EMEA)')).toBe('acme emea')
  })

  it('keeps other scripts', () => {
    expect(normaliseCustomer('株式会社トヨタ')).toBe('株式会社トヨタ')
    expect(normaliseCustomer('Яндекс')).toBe('яндекс')
  })

  it.each([null, '', '   ', 'n/a', 'N/A', 'na', '-', '—', '?', 'unknown', 'Unknown', 'none', 'TBD', '_No response_', '...'])(
    '%j names no customer',
    (name) => {
      expect(normaliseCustomer(name)).toBeNull()
    },
  )

  it(`is at most ${MAX_KEY} characters, cut between characters`, () => {
    expect(normaliseCustomer('Acme '.repeat(5000))!.length).toBeLessThanOrEqual(MAX_KEY)
    const emoji = normaliseCustomer('𝒜'.repeat(300))!
    expect(emoji.length).toBeLessThanOrEqual(MAX_KEY)
    expect(() => encodeURIComponent(emoji)).not.toThrow()
  })
})

const now = new Date('2026-12-01T12:00:00Z')
const DAY = 86_400_000
const past = (number: number, daysAgo: number, overrides: Partial<PastEscalation> = {}): PastEscalation => ({
  number,
  customerKey: 'globex',
  tier: 'tier-2',
  filedAt: new Date(now.getTime() - daysAgo * DAY).toISOString(),
  state: 'closed',
  slaMet: true,
  ...overrides,
})

describe('findRepeats', () => {
  const options = { now, windowDays: 180, exclude: 50 }

  it('the same customer’s earlier escalations in the window, newest first, the current one left out', () => {
    const ledger = [past(1, 100), past(2, 10), past(50, 0), past(3, 30, { customerKey: 'initech' }), past(4, 170)]
    expect(findRepeats('globex', ledger, options).map((escalation) => escalation.number)).toEqual([2, 1, 4])
  })

  it('window edges: exactly windowDays ago counts, a millisecond more does not; nothing after now', () => {
    const edge = past(1, 180)
    const outside = { ...past(2, 180), filedAt: new Date(now.getTime() - 180 * DAY - 1).toISOString() }
    const atNow = past(3, 0)
    const later = { ...past(4, 0), filedAt: new Date(now.getTime() + 1).toISOString() }
    expect(findRepeats('globex', [edge, outside, atNow, later], options).map((escalation) => escalation.number)).toEqual([3, 1])
  })

  it('no key, no repeats; unreadable dates and duplicate records are skipped', () => {
    expect(findRepeats(null, [past(1, 1, { customerKey: null })], options)).toEqual([])
    expect(
      findRepeats('globex', [past(1, 1, { filedAt: 'yesterday' }), past(2, 1), past(2, 1)], options).map((escalation) => escalation.number),
    ).toEqual([2])
  })

  it('in organisation mode, the same number in another repository is a different escalation', () => {
    const ledger = [past(50, 5, { repo: 'acme/support-us' }), past(50, 1, { repo: 'acme/support-emea' })]
    const found = findRepeats('globex', ledger, { ...options, excludeRepo: 'acme/support-emea' })
    expect(found.map((escalation) => escalation.repo)).toEqual(['acme/support-us'])
    expect(findRepeats('globex', ledger, options)).toEqual([])
  })
})

describe('isRepeatCustomer', () => {
  it('at or above the threshold of earlier escalations', () => {
    expect(isRepeatCustomer([], 2)).toBe(false)
    expect(isRepeatCustomer([past(1, 1)], 2)).toBe(false)
    expect(isRepeatCustomer([past(1, 1), past(2, 2)], 2)).toBe(true)
    expect(isRepeatCustomer([past(1, 1), past(2, 2), past(3, 3)], 2)).toBe(true)
    expect(isRepeatCustomer([past(1, 1)], 1)).toBe(true)
  })

  it('a threshold below 1 still needs one earlier escalation', () => {
    expect(isRepeatCustomer([], 0)).toBe(false)
    expect(isRepeatCustomer([past(1, 1)], 0)).toBe(true)
  })
})
