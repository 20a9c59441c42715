import { describe, expect, it } from 'vitest'
import { BlockScanner } from '../../../src/core/form/block-scanner'
import { mulberry32 } from '../../seeded-random'
import { githubTopLevelHeadingLines } from './github-headings'

/** The 1-based lines the scanner reads as top-level `###` headings. */
function scannedHeadingLines(markdown: string): number[] {
  const scanner = new BlockScanner()
  return markdown.split('\n').flatMap((line, index) => (scanner.scan(line).heading?.level === 3 ? [index + 1] : []))
}

describe('BlockScanner finds the top-level ### lines GitHub finds', () => {
  it.each([
    ['a plain heading, and one interrupting a paragraph', 'text\n### X\n\n### Y', [2, 4]],
    ['up to three spaces of indentation, not four', ' ### X\n   ### Y\n    ### Z', [1, 2]],
    ['only level 3, with text or nothing after the hashes', '## X\n#### X\n###x\n###\n### ###', [4, 5]],
    ['fences hide headings until closed by a long enough fence', '````\n### X\n```\n### Y\n````\n### Z', [6]],
    ['a backtick fence needs an info string without backticks', '``` a`b\n### X', [2]],
    ['indented fences open, 4-space ones are code', '   ~~~\n### X\n~~~\n    ```\n### Y', [5]],
    ['HTML blocks ending at a marker', '<!-- a\n### X\n-->\n<pre>\n### Y\n</PRE>\n<?php\n### Z\n?>\n### W', [10]],
    ['a one-line comment ends at once', '<!-- note -->\n### X', [2]],
    ['block tags end at a blank line', '<div>\n### X\n\n### Y', [4]],
    ['a lone tag starts a block, but cannot interrupt a paragraph', '<span>\n### X\n\ntext\n<span>\n### Y', [6]],
    ['a heading indented into a list item belongs to it', '- a\n  ### X\n- b\n\n  ### Y\n ### Z', [6]],
    ['lazy lines keep the item open', '- a\nlazy\n  ### X\n\nafter\n  ### Y', [6]],
    ['a thematic break is no list', `${'- '.repeat(40)}\n  ### X\n* * *\n  ### Y`, [2, 4]],
    ['an empty item followed by a blank line ends', '-\n\n  ### X', [3]],
    ['an ordered list interrupting a paragraph starts at 1', 'text\n2. a\n   ### X\n1. b\n   ### Y', [3]],
    ['quotes hold their headings, lazy lines continue them', '> ### X\n> a\nlazy\n### Y', [4]],
    ['a fence inside an item ends with the item', '- a\n  ```\n  ### X\nnot lazy\n  ### Y', [5]],
    ['indented code cannot interrupt a paragraph', 'text\n    ### X\n\n    ### Y', []],
    ['setext underlines are not list items', 'a\n-\n  ### X\na\n===\n### Y', [3, 6]],
  ])('%s', (_name, markdown, expected) => {
    expect(githubTopLevelHeadingLines(markdown)).toEqual(expected)
    expect(scannedHeadingLines(markdown)).toEqual(expected)
  })

  it('agrees with cmark-gfm on 3,000 seeded random bodies', () => {
    const random = seededRandom(20_260_114)
    const mismatches: string[] = []
    for (let n = 0; n < 3_000; n++) {
      const markdown = Array.from({ length: 2 + random(12) }, () => LINE_POOL[random(LINE_POOL.length)]).join('\n')
      if (JSON.stringify(scannedHeadingLines(markdown)) !== JSON.stringify(githubTopLevelHeadingLines(markdown))) mismatches.push(markdown)
    }
    expect(mismatches).toEqual([])
  })
})

/** Lines that open, continue or close every block the scanner tracks, plus headings in every position. */
const LINE_POOL = [
  ...['### X', ' ### X', '   ### X', '    ### X', '\t### X', ' \t### X', '  ### X', '#### X', '###', '### ###', '###x'],
  ...['text', '  text', '   text', '', '', '', 'a\tb', '| a |', '|---|', '---', '===', '- - -', '* * *', '  * * *'],
  ...['- a', '* a', '+ a', '1. a', '2. a', '1) a', '10. c', '-', '* ', '1.', '  - b', '    - x', '   - y', '  1. z', '-\ta'],
  ...['-    x', '-     x', '- [x] a', '  - [ ] b', '- ### X', '- ```', '- <!--', '- <pre>'],
  ...['> q', '>', '>> a', '> - a', '>     code', '  > q', '> ### X', '> ```', '> <div>', '    code'],
  ...['```', '~~~', '````', '~~~~', '``` a`b', '  ```', '   ~~~'],
  ...['<div>', '</div>', '  </div>', '<DIV>', '<span>', '<a href="x">', '<hr/>', '</ul>', '<p>x</p>', '<!--', '-->', '-->x'],
  ...['<!-- x -->', '  <!--', '<pre>', '<Pre>', '</pre>', '</PRE>', '<script>', '</script>', '<style>', '<textarea>'],
  ...['</textarea>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>'],
]

/** Seeded, so a failure names a body that can be replayed: an integer in [0, below). */
function seededRandom(seed: number): (below: number) => number {
  const next = mulberry32(seed)
  return (below) => Math.floor(next() * below)
}
