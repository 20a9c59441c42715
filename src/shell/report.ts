/** What a run decided and did: becomes the job summary, the outputs and the log. */
export interface Report {
  number: number | null
  tier: string | null
  state: string
  decisions: string[]
  done: string[]
}

export function emptyReport(state: string): Report {
  return { number: null, tier: null, state, decisions: [], done: [] }
}
