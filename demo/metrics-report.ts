/**
 * The metrics report (`job: report`, from the weekly schedule or a manual dispatch): the report
 * issue's body as people read it, its Mermaid pie charts drawn as text bars beneath the source
 * GitHub renders, and what the run cost.
 */
import { clockAt, deliver, part, requestsSince, type Stage } from './stage'
import { visible } from './print-thread'

export async function metricsReport(stage: Stage): Promise<void> {
  const { gh } = stage
  part('The metrics report: the support lead’s weekly numbers')
  clockAt(stage, '2026-12-02T12:00:00Z')
  const cost = requestsSince(gh)
  await deliver(stage, '2026-12-02 12:00 Olivia runs the report job (workflow_dispatch, job: report)', gh.dispatchPayload({}, 'olivia'), {
    inputs: { job: 'report' },
  })
  console.log(`  report: ${cost.all().length} requests, ${cost.writes().length} writes`)
  for (const request of cost.all()) console.log(`    ${request.method} ${request.operation ?? request.route} → ${request.status}`)
  const [number] = gh.issuesWithLabel('escalation-report')
  if (number === undefined) throw new Error('the report job left no report issue')
  const issue = gh.issue(number)
  const rule = '─'.repeat(78)
  console.log(`\n${rule}\n#${number} ${issue.title}  [${issue.state}] opened by @${issue.user?.login}  (pinned)`)
  console.log(withPieBars(visible(issue.body ?? '')))
  console.log(rule)
}

/** Each ```mermaid pie block followed by its slices as bars: what the chart shows on github.com. */
function withPieBars(markdown: string): string {
  const out: string[] = []
  let slices: { name: string; value: number }[] | null = null
  for (const line of markdown.split('\n')) {
    out.push(line)
    if (line.trim() === '```mermaid') slices = []
    else if (slices && line.trim() === '```') {
      out.push(...bars(slices))
      slices = null
    } else if (slices) {
      const slice = sliceOf(line)
      if (slice) slices.push(slice)
    }
  }
  return out.join('\n')
}

/** `    "Met" : 5` → { name: 'Met', value: 5 }; split by hand, the line is the product's text. */
function sliceOf(line: string): { name: string; value: number } | null {
  const text = line.trim()
  const close = text.lastIndexOf('"')
  if (!text.startsWith('"') || close <= 0) return null
  const value = Number(
    text
      .slice(close + 1)
      .replace(':', '')
      .trim(),
  )
  return Number.isFinite(value) ? { name: text.slice(1, close), value } : null
}

function bars(slices: { name: string; value: number }[]): string[] {
  const total = slices.reduce((sum, slice) => sum + slice.value, 0)
  const width = Math.max(...slices.map((slice) => slice.name.length))
  return slices.map((slice) => {
    const share = total > 0 ? slice.value / total : 0
    return `  ◔ ${slice.name.padEnd(width)} ${'█'.repeat(Math.round(share * 30)).padEnd(30)} ${slice.value} (${Math.round(share * 100)}%)`
  })
}
