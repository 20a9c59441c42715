import { describe, expect, it } from 'vitest'
import { bar, pieChart, pieLabel } from '../../../src/core/report/charts'
import { combineRates, nearestRank, rateOf, summarize } from '../../../src/core/report/stats'

describe('nearest-rank statistics', () => {
  it('take the middle value of an odd count and the lower middle of an even one', () => {
    expect(summarize([30, 10, 20])).toEqual({ n: 3, median: 20, p90: 30, mean: 20 })
    expect(summarize([40, 10, 30, 20])).toEqual({ n: 4, median: 20, p90: 40, mean: 25 })
  })

  it('pick the value at rank ⌈0.9 n⌉ for the 90th percentile', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    expect(nearestRank(ten, 90)).toBe(9)
    expect(nearestRank([...ten, 11], 90)).toBe(10)
    expect(nearestRank(ten, 50)).toBe(5)
  })

  it('give the one value for a sample of one, and nothing for an empty one', () => {
    expect(summarize([45])).toEqual({ n: 1, median: 45, p90: 45, mean: 45 })
    expect(summarize([])).toEqual({ n: 0, median: null, p90: null, mean: null })
  })

  it('sort numerically, not as text', () => {
    expect(summarize([100, 9, 20]).median).toBe(20)
  })
})

describe('attainment rates', () => {
  it('count met among decided targets, leaving open ones out', () => {
    expect(rateOf(['met', 'open', 'missed', 'met', 'open'])).toEqual({ met: 2, missed: 1, percent: (2 / 3) * 100 })
  })

  it('have no percent when nothing is decided', () => {
    expect(rateOf(['open', 'open'])).toEqual({ met: 0, missed: 0, percent: null })
    expect(rateOf([])).toEqual({ met: 0, missed: 0, percent: null })
  })

  it('combine clocks by adding their targets', () => {
    expect(combineRates([rateOf(['met', 'missed']), rateOf(['met', 'met']), rateOf(['open'])])).toEqual({ met: 3, missed: 1, percent: 75 })
  })
})

describe('charts', () => {
  it('draw one block per count up to the bar width, and scale beyond it', () => {
    expect(bar(3, 5)).toBe('███ 3')
    expect(bar(0, 5)).toBe('0')
    expect(bar(40, 40)).toBe(`${'█'.repeat(20)} 40`)
    expect(bar(20, 40)).toBe(`${'█'.repeat(10)} 20`)
    expect(bar(1, 400)).toBe('█ 1')
  })

  it('keep pie labels quote-free and on one line', () => {
    expect(pieLabel('Sev "1"\nnow')).toBe('Sev 1 now')
    expect(pieLabel('"')).toBe('—')
    expect(pieLabel('x'.repeat(100))).toHaveLength(60)
  })

  it('draw a pie of the slices that have a value, and nothing when none has', () => {
    expect(
      pieChart('Split', [
        { label: 'A "x"', value: 2 },
        { label: 'B', value: 0 },
        { label: 'C', value: 1 },
      ]),
    ).toEqual(['```mermaid', 'pie showData', '    title Split', '    "A x" : 2', '    "C" : 1', '```'])
    expect(pieChart('Split', [{ label: 'B', value: 0 }])).toEqual([])
  })
})
