import { describe, expect, it } from 'vitest'
import { parseActionItems } from '../../../src/core/followup/action-items'
import { topLevelTaskCount } from './markdown'

/** Section bodies whose top-level task items we must count exactly as GitHub's own parser does. */
const BODIES = [
  ['- [ ] A', '- [x] B', '* [X] C', '+ [ ] D', '1. [ ] E', '2) [ ] F'],
  ['- [ ] Parent', '  continuation', '  - [ ] Nested', '    - [ ] Deeper', '- [ ] Next'],
  ['- Group', '\t- [ ] Nested', '- [ ] Top', 'lazy - [ ] text'],
  ['Prose', '', '   - [ ] F', '   - [ ] G', '- [ ] H'],
  ['Prose.', '', '    - [ ] Indented code'],
  ['```', '- [ ] fenced', '```', '~~~~', '- [ ] tilde', '~~~', '~~~~', '- [ ] After'],
  ['<!--', '- [ ] commented', '-->', '- [ ] Visible'],
  ['- [ ] Item with a fence', '  ```', '  - [ ] inside', '  ```', '- [ ] Last'],
  ['- [ ]', '- [ ]Z', '-[ ] Z', '- [y] Y', '- Plain', '- [ ] Real'],
  ['1. Step', '   - [ ] Nested under a number', '2. [ ] Numbered task'],
  ['- [ ] Loose', '', '- [ ] List', '', '  Paragraph of the second', '', '- [ ] Third'],
]

describe('parseActionItems agrees with cmark-gfm on what is a top-level task', () => {
  it.each(BODIES.map((body) => [body.join(' ⏎ '), body]))('%s', (_, body) => {
    const markdown = (body as string[]).join('\n')
    const { items } = parseActionItems(`## Preventive action items\n\n${markdown}\n`)
    expect(items.length).toBe(topLevelTaskCount(markdown))
  })
})
