/** The local GitHub's notion of "now". Real time until a test sets it; frozen afterwards so
 * SLA arithmetic in tests is deterministic (advance() moves it explicitly). */
export interface Clock {
  now(): Date
  set(iso: string): void
  advance(minutes: number): void
  /** True once set() or advance() was called: the harness then fakes the child's clock too. */
  readonly isSet: boolean
  /** GitHub's timestamp format: ISO 8601 in UTC without milliseconds. */
  stamp(): string
}

export function createClock(): Clock {
  let fixed: number | undefined
  return {
    now: () => new Date(fixed ?? Date.now()),
    set(iso) {
      const ms = Date.parse(iso)
      if (Number.isNaN(ms)) throw new Error(`clock.set: not a date: ${iso}`)
      fixed = ms
    },
    advance(minutes) {
      fixed = (fixed ?? Date.now()) + minutes * 60_000
    },
    get isSet() {
      return fixed !== undefined
    },
    stamp: () => toGitHubTime(new Date(fixed ?? Date.now())),
  }
}

export function toGitHubTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
