/** Reading the local GitHub's request log: counts, points, and a readable tally for footnotes. */
import type { LocalGitHub, RequestLogEntry } from '../../test/local-github'

export interface Tally {
  requests: number
  writes: number
  points: number
  graphql: number
  rest: number
}

export function tally(requests: readonly RequestLogEntry[]): Tally {
  return {
    requests: requests.length,
    writes: requests.filter((request) => request.write).length,
    points: requests.reduce((sum, request) => sum + (request.graphqlCost ?? 0), 0),
    graphql: requests.filter((request) => request.route === 'graphql').length,
    rest: requests.filter((request) => request.route !== 'graphql').length,
  }
}

/** What a request is, in a few words: the GraphQL operation's name or `METHOD route` without the repository prefix. */
export function nameOf(request: RequestLogEntry): string {
  if (request.route === 'graphql') return request.operation ?? 'graphql'
  return `${request.method} ${request.route.replace('/repos/{owner}/{repo}', '')}`
}

/** `EscalationSweep ×10 (50 pt), GET /collaborators/{username}/permission ×3, …` in order of first use. */
export function describeRequests(requests: readonly RequestLogEntry[]): string {
  const groups = new Map<string, { count: number; points: number; failed: number }>()
  for (const request of requests) {
    const name = nameOf(request)
    const group = groups.get(name) ?? { count: 0, points: 0, failed: 0 }
    group.count += 1
    group.points += request.graphqlCost ?? 0
    if (request.status >= 400) group.failed += 1
    groups.set(name, group)
  }
  if (groups.size === 0) return 'no requests'
  return [...groups]
    .map(([name, { count, points, failed }]) => {
      const extra = [points > 0 ? `${points} pt` : '', failed > 0 ? `${failed} answered ≥ 400` : ''].filter(Boolean).join(', ')
      return `${name}${count > 1 ? ` ×${count}` : ''}${extra ? ` (${extra})` : ''}`
    })
    .join(', ')
}

/** Requests since `from` (an index into the log): what one step cost. */
export function since(log: readonly RequestLogEntry[], from: number): RequestLogEntry[] {
  return log.slice(from)
}

/** Requests that create content people are notified of (comments, issues, pull requests): GitHub's secondary limit counts them (80 a minute, 500 an hour). */
export function creations(requests: readonly RequestLogEntry[]): number {
  return requests.filter((r) => r.write && r.method === 'POST' && /\/(comments|issues|pulls)$/.test(r.route)).length
}

/** Every measured run must be one GitHub would accept: any request the local GitHub refused ends the scenario. */
export function expectValid(gh: LocalGitHub, what: string): void {
  if (gh.validationErrors.length > 0)
    throw new Error(`${what}: the local GitHub refused ${gh.validationErrors.length} request(s): ${gh.validationErrors[0]!.message}`)
}
