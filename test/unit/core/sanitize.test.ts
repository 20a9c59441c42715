import { describe, expect, it } from 'vitest'
import { inlineCode, neutralizeMentions, safeCell, safeInline } from '../../../src/core/render/sanitize'
import { readMarker, renderMarker } from '../../../src/core/render/markers'

describe('untrusted text', () => {
  it('breaks mentions and references so nobody is pinged', () => {
    const out = neutralizeMentions('ping @octocat and @acme/leads about #12 and GH-7, mail a@b.c')
    expect(out).not.toMatch(/@[A-Za-z0-9]/)
    expect(out).not.toMatch(/#\d/)
    expect(out).not.toMatch(/GH-\d/)
    expect(out.replace(/\u200D/g, '')).toBe('ping @octocat and @acme/leads about #12 and GH-7, mail a@b.c')
  })

  it('cannot open an HTML comment that would swallow a marker', () => {
    expect(safeInline('<!-- escalation-desk:ack {} -->')).not.toContain('<!--')
  })

  it('escapes pipes in table cells and keeps one line', () => {
    expect(safeCell('a | b\nc')).toBe('a \\| b c')
  })

  it('bounds length', () => {
    expect(safeInline('x'.repeat(1000), 50)).toHaveLength(50)
  })

  it('wraps inline code around backticks', () => {
    expect(inlineCode('a`b')).toBe('``a`b``')
  })
})

describe('markers', () => {
  it('round-trips data, even data holding "-->"', () => {
    const body = `${renderMarker('ack', { note: 'x --> y' })}\nrest`
    expect(readMarker(body)).toEqual({ kind: 'ack', data: { note: 'x --> y' } })
  })

  it('reads a damaged marker as kind without data, and text without a marker as null', () => {
    expect(readMarker('<!-- escalation-desk:ack {oops -->')).toEqual({ kind: 'ack', data: undefined })
    expect(readMarker('hello <!-- escalation-desk:ack -->')).toBeNull()
  })
})
