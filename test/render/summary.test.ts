/** The job summary renders as Markdown: headings, the state line in bold, lists whose code shows as code. */
import { describe, expect, it } from 'vitest'
import { renderSummary } from '../../src/shell/summary'
import { findRenderingProblems, renderGfm } from './gfm'

describe('job summary', () => {
  it('renders every block: state in bold, lists with code, the dashboard after its heading', () => {
    const markdown = renderSummary({
      number: 12,
      tier: 'tier-2',
      state: 'acknowledged',
      decisions: ['Tier: High (`tier-2`).', 'Missing: Root cause (placeholder).'],
      done: ['add label `tier-2`', 'post ack comment\nsecond line'],
      details: '**1 open escalation** at 2026-11-24 11:30 UTC\n\n| # | Tier |\n|---|---|\n| #12 | tier-2 |',
      failures: ['post status comment on #`12`'],
    })
    expect(findRenderingProblems(markdown, { kind: 'summary' })).toEqual([])
    const html = renderGfm(markdown)
    expect(html).toContain('<h2>Escalation Desk: #12</h2>')
    expect(html).toContain('<p><strong>State:</strong> <code>acknowledged</code> · <strong>Tier:</strong> <code>tier-2</code></p>')
    expect(html).toContain('<li>add label <code>tier-2</code></li>')
    expect(html).toContain('<li>post ack comment\nsecond line</li>')
    expect(html).toContain('<h3>Open escalations</h3>\n<p><strong>1 open escalation</strong>')
    expect(html).toContain('<td>#12</td>')
    expect(html).toContain('<h3>Failed (retried next run)</h3>')
  })

  it('says so when nothing was decided or done', () => {
    const html = renderGfm(renderSummary({ number: null, tier: null, state: 'swept', decisions: [], done: [] }))
    expect(html).toContain('<h2>Escalation Desk</h2>')
    expect(html).toContain('<li>Nothing.</li>')
    expect(html).toContain('<li>No changes on GitHub.</li>')
  })
})
