/** The rendering check itself, on Markdown known to render wrong on GitHub and Markdown known to render right. */
import { describe, expect, it } from 'vitest'
import { findRenderingProblems, renderGfm, type Surface } from './gfm'

const problems = (markdown: string, kind: Surface = 'comment') => findRenderingProblems(markdown, { kind })

describe('renderGfm', () => {
  it('renders as GitHub does: tables, task lists, autolinks, strikethrough, raw HTML kept', () => {
    const html = renderGfm('| a |\n|---|\n| b |\n\n- [x] done\n\nsee https://example.com ~~old~~ <sub>x</sub>')
    expect(html).toContain('<td>b</td>')
    expect(html).toContain('<input type="checkbox" checked="" disabled="" /> done')
    expect(html).toContain('<a href="https://example.com">https://example.com</a>')
    expect(html).toContain('<del>old</del>')
    expect(html).toContain('<sub>x</sub>')
  })
})

describe('known bad', () => {
  const bad: [string, string, Surface, RegExp][] = [
    ['Markdown after an HTML heading (the old job summary)', '<h2>Escalation Desk</h2>\n**State:** `acknowledged`', 'summary', /\*\*…\*\*/],
    ['a code span inside an HTML list item', '<ul><li>remove label `needs-info`</li></ul>', 'summary', /code. span/],
    ['a heading right after <details>', '<details><summary>History</summary>\n### Checks\n</details>', 'comment', /a heading/],
    ['a task list inside a raw block', '<details>\n- [ ] step\n</details>', 'comment', /task list/],
    ['a table with a short delimiter row', '| a | b |\n|---|\n| c | d |', 'comment', /table delimiter/],
    ['a link inside an HTML block', '<div>\n[the PR](https://github.com/o/r/pull/1)\n</div>', 'document', /a link/],
    ['emphasis whose closer is followed by a letter', '**Tier:**high', 'comment', /\*\*…\*\*/],
    ['__strong__ after an HTML block', '<p>x</p>\n__Owner__ olivia', 'comment', /__…__/],
    ['<details> escaped into text', '&lt;details&gt;&lt;summary&gt;More&lt;/summary&gt;', 'comment', /<details> block/],
    ['an entity escaped inside code', "`stage &lt;&gt; 'Closed' &amp;&amp; x`", 'document', /entity shown as text \(&lt;\)/],
    ['an entity escaped inside a fence', '```\n&amp;&amp;\n```', 'document', /entity shown as text \(&amp;\)/],
    ['a joiner inside an e-mail address', 'mail hank@\u200Dglobex.com', 'document', /splits the address in "hank@globex.com"/],
    ['a word joiner after a dot of a URL', 'see https://example.\u2060com/x', 'comment', /splits the address/],
    ['a joiner in a URL fragment', 'https://example.com/page#\u200D12', 'comment', /splits the address/],
    ['a lone surrogate', 'cut here: \uD83D', 'comment', /lone surrogate/],
    ['an HTML comment never closed', 'intro\n\n<!-- user text\n\n## Resolution\n\nmore', 'document', /never closed/],
    ['a user <!-- closed by our marker', '<!-- x <!-- escalation-desk:ack {} -->\nhi', 'comment', /opens inside another/],
    ['an HTML comment hiding a paragraph', '<!-- a\n\nhidden paragraph\n\n-->', 'comment', /spans a blank line/],
    ['a closing keyword in a PR body', 'This fixes #1.', 'pr-body', /closing keyword/],
    ['a cross-repository closing keyword', 'closes acme/support#12', 'pr-body', /closing keyword/],
    ['a closing keyword in a title', 'Resolves: #7', 'title', /closing keyword/],
    ['a link to an issue in a comment', 'see https://github.com/acme/support/issues/1', 'comment', /cross-references/],
    ['a link to an issue comment in a PR body', 'from https://github.com/o/r/issues/1#issuecomment-9', 'pr-body', /cross-references/],
    ['an entity in a title', 'Post-mortem: a &lt;&gt; b', 'title', /entity shown as text in a title/],
    ['a live mention in a title', 'Post-mortem: ping @everyone', 'title', /live mention/],
  ]
  it.each(bad)('%s', (_, markdown, kind, expected) => {
    const found = problems(markdown, kind)
    expect(found.join('\n')).toMatch(expected)
  })
})

describe('known good', () => {
  const good: [string, string, Surface][] = [
    [
      'the new job summary',
      '## Escalation Desk: #1\n\n**State:** `acknowledged` · **Tier:** `tier-2`\n\n### Decided\n\n- remove label `needs-info`\n',
      'summary',
    ],
    [
      'a marker, then Markdown',
      '<!-- escalation-desk:ack {"tier":"tier-1"} -->\n### Acknowledged\n\n| | |\n|---|---|\n| **Owner** | @olivia |',
      'comment',
    ],
    ['details with blank lines around Markdown', '<details><summary>History</summary>\n\n- 09:00: complete\n\n</details>', 'comment'],
    ['code shows comparisons as typed', "`stage <> 'Closed' && age > 30`\n\n```sql\nWHERE a <> b && c\n```", 'document'],
    ['user text with a literal <!-- escaped', 'Root cause: &lt;!-- the template was cut', 'document'],
    ['an escaped heading is a paragraph', '\\## Resolution\n\nText', 'document'],
    ['stray asterisks and underscores people type', '2 ** 10 = 1024, a * b, snake__case__name, __init__.py, a lone ` backtick', 'comment'],
    ['an e-mail address and emoji sequences', 'hank@globex.com 👩‍👩‍👧‍👦 🇯🇵 1️⃣ @\u200Deveryone #\u200D12', 'comment'],
    ['a link to an issue as inline code', 'see `https://github.com/acme/support/issues/1`; fixes #\u200D1', 'pr-body'],
    ['a closing keyword in a document (files close nothing)', 'This fixes #1, see https://github.com/o/r/issues/1', 'document'],
    ['a task list', '- [ ] Fix the root cause\n- [x] Tell the customer', 'document'],
    ['a table with escaped pipes and code', '| a | b |\n|---|---|\n| `c\\|d` | e \\| f |', 'comment'],
    ['a title with code and an inert reference', 'Post-mortem: `a <> b` @\u200Deveryone fixes #\u200D1 (#12)', 'title'],
    ['a Mermaid chart', '```mermaid\npie showData\n    "tier-1 · on track" : 1\n```', 'summary'],
  ]
  it.each(good)('%s', (_, markdown, kind) => {
    expect(problems(markdown, kind)).toEqual([])
  })
})
