/**
 * What a REST-only action would send, done directly from the bench with fetch against the local
 * GitHub (same latency as the action gets): used as baselines by the sweep and post-mortem
 * scenarios. Every request lands in gh.requests like the action's, so both are measured alike.
 */
import type { LocalGitHub } from '../../test/local-github'

export interface RestCall {
  method: string
  path: string
  status: number
}

/** A minimal REST client: JSON in and out, GitHub's headers, the Link header for paging. */
export function restClient(gh: LocalGitHub) {
  const base = `${gh.url}/repos/${gh.owner}/${gh.repo}`
  const calls: RestCall[] = []
  async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; data: T; next: string | null }> {
    const url = path.startsWith('http') ? path : `${base}${path}`
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: 'Bearer ghs_localtoken',
        'x-github-api-version': '2022-11-28',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    calls.push({ method, path: url.slice(base.length) || url, status: response.status })
    const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null
    return { status: response.status, data: (text ? JSON.parse(text) : undefined) as T, next }
  }
  return { call, calls, base }
}

/** Runs `work` on every item with at most `concurrency` in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let index = 0
  const worker = async () => {
    while (index < items.length) await work(items[index++]!)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker))
}

/**
 * The per-issue REST read: list the escalations (open ones for a sweep, all for a report) 100 a page (following `Link: next`,
 * as octokit.paginate does), then each one's comments 100 a page. The listing is sequential
 * (each page's link comes from the previous answer); the comment reads run `concurrency` at a time.
 */
export async function restSweepRead(
  gh: LocalGitHub,
  concurrency: number,
  state: 'open' | 'closed' | 'all' = 'open',
  /** Read the comments of only this many issues, evenly spread (the caller extrapolates): a long baseline kept short. */
  sample?: number,
): Promise<{ issues: number; numbers: number[]; sampled: number[]; comments: number; calls: RestCall[]; listMs: number }> {
  const started = Date.now()
  const rest = restClient(gh)
  const numbers: number[] = []
  let url: string | null = `/issues?labels=escalation&state=${state}&per_page=100`
  while (url) {
    const page: { data: { number: number; pull_request?: unknown }[]; next: string | null } = await rest.call('GET', url)
    numbers.push(...page.data.filter((issue) => !issue.pull_request).map((issue) => issue.number))
    url = page.next
  }
  const listMs = Date.now() - started
  const step = sample && sample < numbers.length ? numbers.length / sample : 1
  const sampled = step === 1 ? numbers : Array.from({ length: sample! }, (_, i) => numbers[Math.floor(i * step)]!)
  let comments = 0
  await pool(sampled, concurrency, async (number) => {
    let next: string | null = `/issues/${number}/comments?per_page=100`
    while (next) {
      const page: { data: unknown[]; next: string | null } = await rest.call('GET', next)
      comments += page.data.length
      next = page.next
    }
  })
  const failed = rest.calls.filter((c) => c.status !== 200)
  if (failed.length > 0)
    throw new Error(
      `REST baseline: ${failed.length} request(s) failed, e.g. ${failed[0]!.method} ${failed[0]!.path} → ${failed[0]!.status}`,
    )
  return { issues: numbers.length, numbers, sampled, comments, calls: rest.calls, listMs }
}
