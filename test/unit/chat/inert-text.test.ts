import { describe, expect, it } from 'vitest'
import { inert } from '../../../src/core/chat/inert-text'
import { hostile } from './fixtures'

const graphemes = (text: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment)

describe('inert', () => {
  it('escapes what Slack parses, exactly as Slack asks (&, <, >) and keeps @ words inert', () => {
    expect(inert('<!channel> & <@U1> @everyone', 100, 'slack')).toBe('&lt;!channel&gt; &amp; &lt;@\u200DU1&gt; @\u200Deveryone')
  })

  it('escapes what Adaptive Card Markdown parses: entities for <, >, &, backslashes for links', () => {
    expect(inert('[x](y) <at>B</at> a\\b', 100, 'teams')).toBe('\\[x\\](y) &lt;at&gt;B&lt;/at&gt; a\\\\b')
  })

  it('leaves ordinary text alone', () => {
    expect(inert('Globex Corporation, $1.2M', 100, 'slack')).toBe('Globex Corporation, $1.2M')
    expect(inert('Globex Corporation, $1.2M', 100, 'teams')).toBe('Globex Corporation, $1.2M')
  })

  it('never exceeds the limit, counted on the escaped text', () => {
    for (const dialect of ['slack', 'teams', 'plain'] as const)
      for (const max of [1, 2, 10, 150, 2000, 3000]) expect(inert(hostile(), max, dialect).length).toBeLessThanOrEqual(max)
  })

  it('cuts between graphemes: a family emoji is never split', () => {
    const family = '👩‍👩‍👧‍👦'
    const cut = inert(family.repeat(100), 50, 'slack')
    expect(cut.endsWith('…')).toBe(true)
    expect(graphemes(cut.slice(0, -1)).every((g) => g === family)).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(50)
  })

  it('cuts between entities: never half an &amp;', () => {
    const cut = inert('&'.repeat(1000), 23, 'slack')
    expect(cut).toBe(`${'&amp;'.repeat(4)}…`)
  })

  it('a single grapheme longer than the limit (a letter under a pile of accents) is dropped, not split', () => {
    expect(inert(`a${'\u0301'.repeat(5000)}`, 100, 'teams')).toBe('…')
  })

  it('replaces control characters, bidirectional overrides and lone surrogates', () => {
    expect(inert('a\u0000b\u001b[31mc\u202Ed\uD800e', 100, 'plain')).toBe('a b [31mc d\uFFFDe')
  })

  it('one-line texts lose their line breaks; others keep them', () => {
    expect(inert(' a\n\n b\t c ', 100, 'slack', { oneLine: true })).toBe('a b c')
    expect(inert('a\r\nb', 100, 'slack')).toBe('a\nb')
  })
})
