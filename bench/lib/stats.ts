export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Rounds to `digits` decimals, for the table and the JSON alike. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/**
 * The critical path length in round trips: sorted by start, a request that starts at or after
 * the latest end seen so far in the current group cannot have been in flight with it, so it
 * opens a new round trip; one that starts earlier overlapped and joins the group.
 * (Millisecond stamps: a follow-up sent in the millisecond its predecessor answered counts as
 * sequential, which is what it is; meaningful only with injected latency.)
 */
export function sequentialRoundTrips(requests: readonly { startedAt: number; endedAt: number }[]): { trips: number; idleMs: number } {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt)
  let trips = 0
  /** Time between round trips with nothing in flight: the client working or pacing itself. */
  let idleMs = 0
  let groupEnd = -Infinity
  for (const r of sorted) {
    if (r.startedAt >= groupEnd) {
      if (trips > 0) idleMs += r.startedAt - groupEnd
      trips += 1
      groupEnd = r.endedAt
    } else {
      groupEnd = Math.max(groupEnd, r.endedAt)
    }
  }
  return { trips, idleMs }
}
