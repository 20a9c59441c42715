import { describe, expect, it } from 'vitest'
import { DurationError, formatDuration, parseDuration } from '../../../src/config/duration'

describe('parseDuration', () => {
  it.each([
    ['30m', 30],
    ['2h', 120],
    ['1d', 1440],
    ['1h30m', 90],
    ['1d2h3m', 1440 + 120 + 3],
    ['10d', 14400],
    [' 8h ', 480],
    ['0m', 0],
  ])('%s → %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes)
  })

  it.each(['', 'h', '90', '30 m', '1m1h', '1.5h', '-1h', '1w'])('rejects %j', (text) => {
    expect(() => parseDuration(text)).toThrow(DurationError)
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0m'],
    [5, '5m'],
    [60, '1h'],
    [90, '1h 30m'],
    [1440, '1d'],
    [1500, '1d 1h'],
    [1445, '1d 5m'],
    [1441 + 60, '1d 1h'], // a third unit is dropped, not rounded
    [14400, '10d'],
    [-90, '1h 30m'],
    [89.9, '1h 29m'],
  ])('%d → %s', (minutes, text) => {
    expect(formatDuration(minutes)).toBe(text)
  })

  it('round-trips through parseDuration when at most two units are used', () => {
    for (const minutes of [1, 59, 61, 120, 1439, 2880, 2940]) {
      expect(parseDuration(formatDuration(minutes).replace(' ', ''))).toBe(minutes)
    }
  })
})
