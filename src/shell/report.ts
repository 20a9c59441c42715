/** What a run decided and did: becomes the job summary, the outputs and the log. */
export interface Report {
  number: number | null
  tier: string | null
  state: string
  decisions: string[]
  done: string[]
  /** Markdown appended to the job summary (the sweep's dashboard). */
  details?: string
  /** Writes that failed after retries; the run fails once the summary is written. */
  failures?: string[]
}

export function emptyReport(state: string): Report {
  return { number: null, tier: null, state, decisions: [], done: [] }
}
