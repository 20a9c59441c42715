import { describe, expect, it } from 'vitest'
import { findEta } from '../../../src/core/time/parse-time'

const SIZE = 65_536

describe('findEta', () => {
  it('finds an ETA mid-line', () => {
    expect(findEta('/status Restore running ETA: 11:00 UTC today')).toBe('11:00 UTC today')
    expect(findEta('Restore running. eta: in 2h')).toBe('in 2h')
  })

  it('finds an ETA on any line, with markdown and dashes, up to the end of that line', () => {
    expect(findEta('Replica rebuilt.\n- **ETA**: friday 17:00 CET\nNext: verify')).toBe('friday 17:00 CET')
    expect(findEta('Replica rebuilt.\r\n**ETA:** 16:00\r\nmore')).toBe('16:00')
    expect(findEta('ETA - tomorrow 09:00')).toBe('tomorrow 09:00')
    expect(findEta('ETA – 3pm')).toBe('3pm')
    expect(findEta('_ETA_: 3pm')).toBe('3pm')
  })

  it('skips an empty ETA and takes the next one', () => {
    expect(findEta('ETA:\nETA: 12:00')).toBe('12:00')
  })

  it('finds none where there is none', () => {
    expect(findEta('Restore running, no estimate yet.')).toBeNull()
    expect(findEta('Beta: 2, etalon: 3, ETA 11:00')).toBeNull()
    expect(findEta('')).toBeNull()
  })

  it('keeps at most 200 characters', () => {
    expect(findEta(`ETA: ${'x'.repeat(500)}`)).toBe('x'.repeat(200))
  })

  it('answers on adversarial 65,536-character input', () => {
    expect(findEta('\n'.repeat(SIZE))).toBeNull()
    expect(findEta(' \n'.repeat(SIZE / 2))).toBeNull()
    expect(findEta('ETA'.repeat(SIZE / 3))).toBeNull()
    expect(findEta('ETA '.repeat(SIZE / 4))).toBeNull()
    expect(findEta('ETA:\n'.repeat(SIZE / 5))).toBeNull()
    expect(findEta(`ETA${'*'.repeat(SIZE)}`)).toBeNull()
    expect(findEta(`ETA:${' '.repeat(SIZE)}\nETA: 11:00`)).toBe('11:00')
    expect(findEta(`${'ETA\n'.repeat(SIZE / 4)}ETA: done`)).toBe('done')
    expect(findEta(`ETA: ${'y'.repeat(SIZE)}`)).toBe('y'.repeat(200))
  })
})
