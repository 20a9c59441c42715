import type { DashboardRow } from '../core/render/org-dashboard'

/** What a run decided and did: becomes the job summary, the outputs and the log. */
export interface Report {
  number: number | null
  tier: string | null
  /** The escalation's lifecycle state after the run, or what kind of run it was. */
  state: string
  /** Required fields still missing (issue runs). */
  needsInfo?: boolean
  /** The command this run carried out, e.g. `resolve`. */
  command?: string
  /** The post-mortem pull request, when this run opened or updated it. */
  postmortem?: number
  decisions: string[]
  done: string[]
  /** Markdown appended to the job summary (the sweep's dashboard). */
  details?: string
  /** Said as warnings in the log and the summary; the run still succeeds. */
  warnings?: string[]
  /** Writes that failed after retries; the run fails once the summary is written. */
  failures?: string[]
  /** A sweep's open escalations, for the organisation's dashboard. */
  rows?: DashboardRow[]
}

export function emptyReport(state: string): Report {
  return { number: null, tier: null, state, decisions: [], done: [] }
}
