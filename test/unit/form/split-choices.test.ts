import { describe, expect, it } from 'vitest'
import { splitChoices } from '../../../src/core/form/split-choices'

const options = ['A', 'A, B', 'C, D, E', 'F']

describe('splitChoices', () => {
  it('prefers the longest option at each position', () => {
    expect(splitChoices('A, B, F', options)).toEqual(['A, B', 'F'])
    expect(splitChoices('A, C, D, E', options)).toEqual(['A', 'C, D, E'])
  })

  it('keeps unknown text as one entry up to the next option', () => {
    expect(splitChoices('X, Y, A, Z', options)).toEqual(['X, Y', 'A', 'Z'])
    expect(splitChoices('C, D', options)).toEqual(['C, D'])
  })

  it('does not match an option that is only a prefix of a longer answer', () => {
    expect(splitChoices('Fx, A', options)).toEqual(['Fx', 'A'])
  })

  it('stays linear on separator soup', () => {
    expect(splitChoices(', '.repeat(30_000), options)).toEqual([', '.repeat(30_000).trim()])
    expect(splitChoices('A, '.repeat(20_000) + 'A', options)).toHaveLength(20_001)
  })
})
